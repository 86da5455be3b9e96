import { ruleTester } from '../../ruleTester';
import { tls } from './fixtures';

ruleTester('nginx/missing-ssl-protocols', {
  valid: [
    { name: 'set in the server', code: tls('        ssl_protocols TLSv1.2 TLSv1.3;\n'), settings: { 'nginx.version': '1.22.1' } },
    { name: 'inherited from http', code: tls('', '    ssl_protocols TLSv1.2 TLSv1.3;\n'), settings: { 'nginx.version': '1.22.1' } },
    { name: 'nginx 1.30 default equals intermediate', code: tls('') },
    { name: 'plain HTTP server', code: 'http {\n    server {\n        listen 80;\n    }\n}\n', settings: { 'nginx.version': '1.22.1' } },
  ],
  invalid: [
    {
      name: 'nginx 1.22 default has TLSv1/1.1 (gixy: missing ssl_protocols); fix adds it',
      code: tls(''),
      lines: [2],
      severity: 'info',
      settings: { 'nginx.version': '1.22.1' },
      output: 'http {\n    server {\n        ssl_protocols TLSv1.2 TLSv1.3;\n        listen 443 ssl;\n        ssl_certificate s.pem;\n        ssl_certificate_key s.key;\n    }\n}\n',
    },
    { name: 'modern profile on the latest nginx', code: tls(''), lines: [2], settings: { 'tls.profile': 'modern' } },
  ],
});
