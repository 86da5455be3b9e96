import { ruleTester } from '../../ruleTester';
import { tls } from './fixtures';

ruleTester('nginx/verify-client-without-ca', {
  valid: [
    { name: 'CA list in the server', code: tls('        ssl_client_certificate ca.pem;\n        ssl_verify_client on;\n') },
    { name: 'trusted certificate instead of the CA list', code: tls('        ssl_trusted_certificate ca.pem;\n        ssl_verify_client optional;\n') },
    { name: 'CA list inherited from http', code: tls('        ssl_verify_client on;\n', '    ssl_client_certificate ca.pem;\n') },
    { name: 'verification off', code: tls('        ssl_verify_client off;\n') },
    { name: 'optional_no_ca needs no CA (another rule warns)', code: tls('        ssl_verify_client optional_no_ca;\n') },
    { name: 'plain HTTP server inheriting http-level verify (nginx accepts it)', code: 'http {\n    ssl_verify_client on;\n    server {\n        listen 80;\n    }\n}\n' },
    {
      name: 'CA list in an included file',
      code: tls('        include tls/ca.conf;\n        ssl_verify_client on;\n'),
      files: { '/ws/tls/ca.conf': 'ssl_client_certificate /etc/nginx/ca.pem;\n' },
    },
    { name: 'trusted certificate alone on a current nginx', code: tls('        ssl_trusted_certificate ca.pem;\n        ssl_verify_client on;\n'), settings: { 'nginx.version': '1.28.0' } },
    { name: 'suppressed by comment', code: tls('        # tlsnet-disable-next-line nginx/verify-client-without-ca\n        ssl_verify_client on;\n') },
  ],
  invalid: [
    {
      name: 'on without CA, fix adds ssl_client_certificate',
      code: tls('        ssl_verify_client on;\n'),
      lines: [6],
      severity: 'error',
      output: tls('        ssl_client_certificate /etc/nginx/ssl/client-ca-chain.pem;\n        ssl_verify_client on;\n'),
    },
    { name: 'optional without CA', code: tls('        ssl_verify_client optional;\n'), lines: [6] },
    {
      name: 'http-level verify inherited by a TLS server, reported once at the directive',
      code: 'http {\n    ssl_verify_client on;\n    server {\n        listen 443 ssl;\n        ssl_certificate a.pem;\n    }\n    server {\n        listen 8443 ssl;\n        ssl_certificate b.pem;\n    }\n}\n',
      lines: [2],
    },
    {
      name: 'stream server',
      code: 'stream {\n    server {\n        listen 12345 ssl;\n        ssl_certificate s.pem;\n        ssl_verify_client on;\n    }\n}\n',
      lines: [5],
    },
    {
      name: 'CRLF file keeps its line endings in the fix',
      code: 'server {\r\n\tlisten 443 ssl;\r\n\tssl_verify_client on;\r\n}\r\n',
      lines: [3],
      output: 'server {\r\n\tlisten 443 ssl;\r\n\tssl_client_certificate /etc/nginx/ssl/client-ca-chain.pem;\r\n\tssl_verify_client on;\r\n}\r\n',
    },
    {
      name: 'http-level verify: one server has its own CA list, the other has none',
      code: 'http {\n    ssl_verify_client on;\n    server {\n        listen 443 ssl;\n        ssl_certificate a.pem;\n        ssl_client_certificate ca.pem;\n    }\n    server {\n        listen 8443 ssl;\n        ssl_certificate b.pem;\n    }\n}\n',
      lines: [2],
    },
    {
      name: 'only ssl_trusted_certificate on nginx 1.22.1 (verified: nginx -t refuses it)',
      code: tls('        ssl_trusted_certificate ca.pem;\n        ssl_verify_client on;\n'),
      settings: { nginx: { version: '1.22.1' } },
      lines: [7],
    },
    { name: 'fragment file with no server block', code: 'ssl_certificate s.pem;\nssl_verify_client on;\n', lines: [2] },
  ],
});
