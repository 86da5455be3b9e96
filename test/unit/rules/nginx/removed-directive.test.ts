import { ruleTester } from '../../ruleTester';
import { httpServer, nginxVersion } from './fixtures';

ruleTester('nginx/removed-directive', {
  valid: [
    { name: 'ssl on before removal', code: 'http {\n    server {\n        listen 443;\n        ssl on;\n    }\n}\n', settings: nginxVersion('1.24.0') },
    { name: 'ssl_ocsp in 1.19.0', code: httpServer('        ssl_ocsp on;\n'), settings: nginxVersion('1.19.0') },
    { name: 'http2 on in 1.25.1', code: httpServer('        http2 on;\n'), settings: nginxVersion('1.25.1') },
    { name: 'not-yet-added never fires with the version assumed', code: httpServer('        ssl_ech_file ech.pem;\n') },
    { name: 'commercial ssl_key_log is not version-gated', code: httpServer('        ssl_key_log /tmp/keys;\n'), settings: nginxVersion('1.22.1') },
    { name: 'stream ssl_ocsp needs 1.27.2, http one 1.19.0', code: httpServer('        ssl_ocsp leaf;\n'), settings: nginxVersion('1.24.0') },
    { name: 'quic listen in 1.25.0', code: 'http {\n    server {\n        listen 443 quic reuseport;\n    }\n}\n', settings: nginxVersion('1.25.0') },
  ],
  invalid: [
    {
      name: 'ssl on removed in 1.25.1 (explicit version): error, fix moves it to listen',
      code: 'http {\n    server {\n        listen 443;\n        ssl on;\n    }\n}\n',
      settings: nginxVersion('1.26.3'),
      lines: [4],
      severity: 'error',
      output: 'http {\n    server {\n        listen 443 ssl;\n    }\n}\n',
    },
    { name: 'ssl on with the version assumed: warning', code: 'server {\n    listen 443;\n    ssl on;\n}\n', lines: [3], severity: 'warning' },
    { name: 'ssl_ocsp with 1.18.0', code: httpServer('        ssl_ocsp on;\n'), settings: nginxVersion('1.18.0'), lines: [4], severity: 'error' },
    { name: 'http2 on with 1.22.1', code: httpServer('        http2 on;\n'), settings: nginxVersion('1.22.1'), lines: [4] },
    { name: 'stream ssl_ocsp with 1.26.0', code: 'stream {\n    server {\n        ssl_ocsp on;\n    }\n}\n', settings: nginxVersion('1.26.0'), lines: [3] },
    { name: 'proxy_ssl_certificate_cache with 1.26.0', code: httpServer('        location / {\n            proxy_ssl_certificate_cache max=10;\n        }\n'), settings: nginxVersion('1.26.0'), lines: [5] },
    { name: 'listen spdy', code: 'http {\n    server {\n        listen 443 ssl spdy;\n    }\n}\n', settings: nginxVersion('1.22.1'), lines: [3] },
    { name: 'listen quic with 1.22.1', code: 'http {\n    server {\n        listen 443 quic;\n    }\n}\n', settings: nginxVersion('1.22.1'), lines: [3] },
  ],
});
