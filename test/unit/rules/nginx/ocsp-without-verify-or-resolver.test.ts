import { ruleTester } from '../../ruleTester';
import { tls } from './fixtures';

const mtls = '        ssl_client_certificate ca.pem;\n        ssl_verify_client on;\n';

ruleTester('nginx/ocsp-without-verify-or-resolver', {
  valid: [
    { name: 'verify on and a resolver', code: tls(`${mtls}        resolver 127.0.0.53;\n        ssl_ocsp on;\n`) },
    { name: 'resolver inherited from http, leaf mode, optional verification', code: tls('        ssl_client_certificate ca.pem;\n        ssl_verify_client optional;\n        ssl_ocsp leaf;\n', '    resolver 127.0.0.53;\n') },
    { name: 'responder given explicitly (nginx resolves it at startup)', code: tls(`${mtls}        ssl_ocsp on;\n        ssl_ocsp_responder http://ocsp.example.com/;\n`) },
    { name: 'ssl_ocsp off', code: tls('        ssl_ocsp off;\n') },
    { name: 'plain HTTP server inheriting http-level ssl_ocsp (verified: nginx accepts)', code: 'http {\n    ssl_ocsp on;\n    ssl_verify_client optional_no_ca;\n    server {\n        listen 80;\n    }\n}\n' },
    { name: 'verify inherited from http, resolver in an included file', code: tls('        include resolver.conf;\n        ssl_ocsp on;\n', '    ssl_client_certificate ca.pem;\n    ssl_verify_client on;\n'), files: { '/ws/resolver.conf': 'resolver 127.0.0.53;\n' } },
  ],
  invalid: [
    {
      name: 'no resolver: every client check fails; fix adds a resolver',
      code: tls(`${mtls}        ssl_ocsp on;\n`),
      lines: [8],
      severity: 'warning',
      output: tls(`${mtls}        resolver 127.0.0.1;\n        ssl_ocsp on;\n`),
    },
    { name: 'no ssl_verify_client: ssl_ocsp does nothing', code: tls('        resolver 127.0.0.53;\n        ssl_ocsp on;\n'), lines: [7], severity: 'warning' },
    { name: 'ssl_verify_client off in the server overrides http on', code: tls('        ssl_verify_client off;\n        ssl_ocsp leaf;\n', '    ssl_client_certificate ca.pem;\n    ssl_verify_client on;\n    resolver 127.0.0.53;\n'), lines: [10] },
    { name: 'optional_no_ca (verified: nginx -t fails, "incompatible")', code: tls('        ssl_verify_client optional_no_ca;\n        ssl_ocsp on;\n'), lines: [7], severity: 'error' },
    {
      name: 'http-level ssl_ocsp, two servers with the same problem: once',
      code: 'http {\n    ssl_ocsp on;\n    ssl_client_certificate ca.pem;\n    ssl_verify_client on;\n    server {\n        listen 443 ssl;\n        ssl_certificate a.pem;\n    }\n    server {\n        listen 8443 ssl;\n        ssl_certificate b.pem;\n    }\n}\n',
      lines: [2],
    },
    {
      name: 'http-level ssl_ocsp: one server lacks verification, the other a resolver: both messages',
      code: 'http {\n    ssl_ocsp on;\n    server {\n        listen 443 ssl;\n        ssl_certificate a.pem;\n        resolver 127.0.0.53;\n    }\n    server {\n        listen 8443 ssl;\n        ssl_certificate b.pem;\n        ssl_client_certificate ca.pem;\n        ssl_verify_client on;\n    }\n}\n',
      lines: [2, 2],
    },
    { name: 'fragment with no server block', code: 'ssl_client_certificate ca.pem;\nssl_verify_client on;\nssl_ocsp on;\n', lines: [3] },
    {
      name: 'CRLF',
      code: 'server {\r\n\tlisten 443 ssl;\r\n\tssl_client_certificate ca.pem;\r\n\tssl_verify_client on;\r\n\tssl_ocsp on;\r\n}\r\n',
      lines: [5],
      output: 'server {\r\n\tlisten 443 ssl;\r\n\tssl_client_certificate ca.pem;\r\n\tssl_verify_client on;\r\n\tresolver 127.0.0.1;\r\n\tssl_ocsp on;\r\n}\r\n',
    },
  ],
});
