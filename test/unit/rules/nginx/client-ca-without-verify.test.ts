import { ruleTester } from '../../ruleTester';

const tls = (body: string, http = ''): string => `http {\n${http}    server {\n        listen 443 ssl;\n        ssl_certificate s.pem;\n${body}    }\n}\n`;

ruleTester('nginx/client-ca-without-verify', {
  valid: [
    { name: 'CA list and verify on', code: tls('        ssl_client_certificate ca.pem;\n        ssl_verify_client on;\n') },
    { name: 'verify explicitly off is a choice', code: tls('        ssl_client_certificate ca.pem;\n        ssl_verify_client off;\n') },
    { name: 'verify inherited from http', code: tls('        ssl_client_certificate ca.pem;\n', '    ssl_verify_client optional;\n') },
    { name: 'trusted certificate alone is for OCSP stapling', code: tls('        ssl_trusted_certificate chain.pem;\n') },
    { name: 'not a TLS server', code: 'http {\n    server {\n        listen 80;\n        ssl_client_certificate ca.pem;\n    }\n}\n' },
    { name: 'fragment: the including server may set ssl_verify_client', code: 'ssl_client_certificate ca.pem;\n' },
  ],
  invalid: [
    {
      name: 'CA list without verify, fix adds ssl_verify_client on',
      code: tls('        ssl_client_certificate ca.pem;\n'),
      lines: [5],
      severity: 'warning',
      output: tls('        ssl_client_certificate ca.pem;\n        ssl_verify_client on;\n'),
    },
    {
      name: 'CA list at http level, reported once',
      code: 'http {\n    ssl_client_certificate ca.pem;\n    server {\n        listen 443 ssl;\n        ssl_certificate a.pem;\n    }\n    server {\n        listen 443 ssl;\n        ssl_certificate b.pem;\n    }\n}\n',
      lines: [2],
    },
    {
      name: 'server block in a conf.d file included from http',
      code: 'server {\n    listen 443 ssl;\n    ssl_certificate s.pem;\n    ssl_client_certificate ca.pem;\n}\n',
      lines: [4],
    },
  ],
});
