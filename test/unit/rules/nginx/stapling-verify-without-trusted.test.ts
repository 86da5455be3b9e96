import { ruleTester } from '../../ruleTester';

const tls = (body: string, http = ''): string => `http {\n${http}    server {\n        listen 443 ssl;\n        ssl_certificate s.pem;\n        ssl_certificate_key s.key;\n        resolver 127.0.0.53;\n${body}    }\n}\n`;

ruleTester('nginx/stapling-verify-without-trusted', {
  valid: [
    { name: 'trusted certificate in the server', code: tls('        ssl_stapling on;\n        ssl_stapling_verify on;\n        ssl_trusted_certificate chain.pem;\n') },
    { name: 'trusted certificate inherited from http', code: tls('        ssl_stapling on;\n        ssl_stapling_verify on;\n', '    ssl_trusted_certificate chain.pem;\n') },
    { name: 'client CA list loaded while client verification is on', code: tls('        ssl_stapling on;\n        ssl_stapling_verify on;\n        ssl_client_certificate ca.pem;\n        ssl_verify_client on;\n') },
    { name: 'stapling off: verify has nothing to verify', code: tls('        ssl_stapling_verify on;\n') },
    { name: 'stapling from a file is never verified', code: tls('        ssl_stapling on;\n        ssl_stapling_verify on;\n        ssl_stapling_file ocsp.der;\n') },
    { name: 'verify off', code: tls('        ssl_stapling on;\n        ssl_stapling_verify off;\n') },
    { name: 'plain HTTP server', code: 'http {\n    ssl_stapling on;\n    ssl_stapling_verify on;\n    server {\n        listen 80;\n    }\n}\n' },
    { name: 'trusted certificate in an included file', code: tls('        include ssl.conf;\n'), files: { '/ws/ssl.conf': 'ssl_stapling on;\nssl_stapling_verify on;\nssl_trusted_certificate chain.pem;\n' } },
  ],
  invalid: [
    {
      name: 'verify without trusted certificate: fix adds it',
      code: tls('        ssl_stapling on;\n        ssl_stapling_verify on;\n'),
      lines: [8],
      severity: 'warning',
      output: tls('        ssl_stapling on;\n        ssl_stapling_verify on;\n        ssl_trusted_certificate /etc/nginx/ssl/ca-chain.pem;\n'),
    },
    { name: 'client CA list with client verification off is not loaded', code: tls('        ssl_stapling on;\n        ssl_stapling_verify on;\n        ssl_client_certificate ca.pem;\n'), lines: [8] },
    {
      name: 'http-level settings inherited by two servers: once',
      code: 'http {\n    ssl_stapling on;\n    ssl_stapling_verify on;\n    resolver 127.0.0.53;\n    server {\n        listen 443 ssl;\n        ssl_certificate a.pem;\n    }\n    server {\n        listen 8443 ssl;\n        ssl_certificate b.pem;\n    }\n}\n',
      lines: [3],
    },
    {
      name: 'one server overrides stapling off, the other inherits it on',
      code: 'http {\n    ssl_stapling on;\n    ssl_stapling_verify on;\n    server {\n        listen 443 ssl;\n        ssl_certificate a.pem;\n        ssl_stapling off;\n    }\n    server {\n        listen 8443 ssl;\n        ssl_certificate b.pem;\n    }\n}\n',
      lines: [3],
    },
    { name: 'fragment with no server block', code: 'ssl_stapling on;\nssl_stapling_verify on;\nresolver 127.0.0.53;\n', lines: [2] },
    {
      name: 'CRLF',
      code: 'server {\r\n\tlisten 443 ssl;\r\n\tssl_stapling on;\r\n\tssl_stapling_verify on;\r\n}\r\n',
      lines: [4],
      output: 'server {\r\n\tlisten 443 ssl;\r\n\tssl_stapling on;\r\n\tssl_stapling_verify on;\r\n\tssl_trusted_certificate /etc/nginx/ssl/ca-chain.pem;\r\n}\r\n',
    },
  ],
});
