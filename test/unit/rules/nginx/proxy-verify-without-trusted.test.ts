import { ruleTester } from '../../ruleTester';
import { inLocation, PROXY_PASS } from './fixtures';

ruleTester('nginx/proxy-verify-without-trusted', {
  valid: [
    { name: 'trusted certificate beside verify', code: inLocation(`${PROXY_PASS}            proxy_ssl_verify on;\n            proxy_ssl_trusted_certificate ca.pem;\n`) },
    { name: 'trusted certificate inherited from http', code: inLocation(`${PROXY_PASS}            proxy_ssl_verify on;\n`, '    proxy_ssl_trusted_certificate ca.pem;\n') },
    { name: 'verify on for a plain http upstream (nginx accepts it)', code: inLocation('            proxy_pass http://127.0.0.1;\n            proxy_ssl_verify on;\n') },
    { name: 'http-level verify inherited by a plain http location (nginx accepts it)', code: inLocation('            proxy_pass http://127.0.0.1;\n', '    proxy_ssl_verify on;\n') },
    { name: 'verify off', code: inLocation(`${PROXY_PASS}            proxy_ssl_verify off;\n`) },
    { name: 'stream-level verify, server without proxy_ssl (nginx accepts it)', code: 'stream {\n    proxy_ssl_verify on;\n    server {\n        listen 5000;\n        proxy_pass 127.0.0.1:9000;\n    }\n}\n' },
    { name: 'grpc verify with its trusted certificate', code: inLocation('            grpc_pass grpcs://127.0.0.1:9000;\n            grpc_ssl_verify on;\n            grpc_ssl_trusted_certificate ca.pem;\n') },
    { name: 'proxy_ssl_trusted_certificate does not count for grpc, but grpc verify is off', code: inLocation('            grpc_pass grpcs://127.0.0.1:9000;\n            proxy_ssl_verify on;\n') },
    { name: 'trusted certificate in an included file', code: inLocation(`${PROXY_PASS}            proxy_ssl_verify on;\n            include tls.conf;\n`), files: { '/ws/tls.conf': 'proxy_ssl_trusted_certificate ca.pem;\n' } },
  ],
  invalid: [
    {
      name: 'verify without trusted certificate (verified: nginx -t fails)',
      code: inLocation(`${PROXY_PASS}            proxy_ssl_verify on;\n`),
      lines: [6],
      severity: 'error',
      output: inLocation(`${PROXY_PASS}            proxy_ssl_verify on;\n            proxy_ssl_trusted_certificate /etc/ssl/certs/ca-certificates.crt;\n`),
    },
    {
      name: 'http-level verify inherited by two TLS locations: reported once, at the directive',
      code: 'http {\n    proxy_ssl_verify on;\n    server {\n        listen 80;\n        location /a {\n            proxy_pass https://a.example.com;\n        }\n        location /b {\n            proxy_pass https://b.example.com;\n        }\n    }\n}\n',
      lines: [2],
      output: 'http {\n    proxy_ssl_verify on;\n    proxy_ssl_trusted_certificate /etc/ssl/certs/ca-certificates.crt;\n    server {\n        listen 80;\n        location /a {\n            proxy_pass https://a.example.com;\n        }\n        location /b {\n            proxy_pass https://b.example.com;\n        }\n    }\n}\n',
    },
    {
      name: 'http-level verify: one location has its CA, the nested one inside if does not',
      code: 'http {\n    proxy_ssl_verify on;\n    server {\n        listen 80;\n        location /a {\n            proxy_pass https://a.example.com;\n            proxy_ssl_trusted_certificate ca.pem;\n        }\n        location /b {\n            if ($arg_x) {\n                proxy_pass https://$host;\n            }\n        }\n    }\n}\n',
      lines: [2],
    },
    { name: 'grpc (verified: "no grpc_ssl_trusted_certificate for grpc_ssl_verify")', code: inLocation('            grpc_pass grpcs://127.0.0.1:9000;\n            grpc_ssl_verify on;\n'), lines: [6] },
    { name: 'uwsgi (verified)', code: inLocation('            uwsgi_pass suwsgi://127.0.0.1:9000;\n            uwsgi_ssl_verify on;\n'), lines: [6] },
    { name: 'stream server (verified)', code: 'stream {\n    server {\n        listen 5000;\n        proxy_pass 127.0.0.1:9000;\n        proxy_ssl on;\n        proxy_ssl_verify on;\n    }\n}\n', lines: [6] },
    { name: 'stream server with proxy_ssl on and no proxy_pass (verified: nginx -t fails too)', code: 'stream {\n    proxy_ssl_verify on;\n    server {\n        listen 5000;\n        proxy_ssl on;\n        return 1;\n    }\n}\n', lines: [2] },
    {
      name: 'CRLF',
      code: 'server {\r\n\tlisten 80;\r\n\tlocation / {\r\n\t\tproxy_pass https://a.example.com;\r\n\t\tproxy_ssl_verify on;\r\n\t}\r\n}\r\n',
      lines: [5],
      output: 'server {\r\n\tlisten 80;\r\n\tlocation / {\r\n\t\tproxy_pass https://a.example.com;\r\n\t\tproxy_ssl_verify on;\r\n\t\tproxy_ssl_trusted_certificate /etc/ssl/certs/ca-certificates.crt;\r\n\t}\r\n}\r\n',
    },
  ],
});
