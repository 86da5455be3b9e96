import { ruleTester } from '../../ruleTester';
import { tls } from './fixtures';

ruleTester('nginx/stapling-without-resolver', {
  valid: [
    { name: 'resolver in the server', code: tls('        resolver 127.0.0.53;\n        ssl_stapling on;\n') },
    { name: 'resolver inherited from http', code: tls('        ssl_stapling on;\n', '    resolver 1.1.1.1 valid=300s;\n') },
    { name: 'stapling from a file needs no responder', code: tls('        ssl_stapling on;\n        ssl_stapling_file ocsp.der;\n') },
    { name: 'responder given by IPv4 address', code: tls('        ssl_stapling on;\n        ssl_stapling_responder http://10.0.0.9:8080/ocsp;\n') },
    { name: 'responder given by IPv6 address', code: tls('        ssl_stapling on;\n        ssl_stapling_responder http://[2001:db8::9]/;\n') },
    { name: 'stapling off', code: tls('        ssl_stapling off;\n') },
    { name: 'plain HTTP server inheriting http-level stapling', code: 'http {\n    ssl_stapling on;\n    server {\n        listen 80;\n    }\n}\n' },
    { name: 'resolver in an included file', code: tls('        include resolver.conf;\n        ssl_stapling on;\n'), files: { '/ws/resolver.conf': 'resolver 127.0.0.53;\n' } },
    { name: 'stream server with a resolver', code: 'stream {\n    resolver 127.0.0.53;\n    server {\n        listen 5000 ssl;\n        ssl_certificate s.pem;\n        ssl_stapling on;\n    }\n}\n' },
  ],
  invalid: [
    {
      name: 'stapling without resolver: fix adds one before',
      code: tls('        ssl_stapling on;\n'),
      lines: [6],
      severity: 'warning',
      output: tls('        resolver 127.0.0.1;\n        ssl_stapling on;\n'),
    },
    { name: 'responder by host name still needs a resolver', code: tls('        ssl_stapling on;\n        ssl_stapling_responder http://ocsp.example.com/;\n'), lines: [6] },
    {
      name: 'http-level stapling inherited by two TLS servers: once, at the directive',
      code: 'http {\n    ssl_stapling on;\n    server {\n        listen 443 ssl;\n        ssl_certificate a.pem;\n    }\n    server {\n        listen 8443 ssl;\n        ssl_certificate b.pem;\n    }\n}\n',
      lines: [2],
    },
    {
      name: 'a resolver in a location does not count (stapling uses the server\'s)',
      code: tls('        ssl_stapling on;\n        location / {\n            resolver 127.0.0.53;\n        }\n'),
      lines: [6],
    },
    { name: 'stream server (1.27.2+)', code: 'stream {\n    server {\n        listen 5000 ssl;\n        ssl_certificate s.pem;\n        ssl_stapling on;\n    }\n}\n', lines: [5] },
    { name: 'fragment with no server block', code: 'ssl_certificate s.pem;\nssl_stapling on;\nssl_stapling_verify on;\n', lines: [2] },
    {
      name: 'CRLF',
      code: 'server {\r\n\tlisten 443 ssl;\r\n\tssl_stapling on;\r\n}\r\n',
      lines: [3],
      output: 'server {\r\n\tlisten 443 ssl;\r\n\tresolver 127.0.0.1;\r\n\tssl_stapling on;\r\n}\r\n',
    },
  ],
});
