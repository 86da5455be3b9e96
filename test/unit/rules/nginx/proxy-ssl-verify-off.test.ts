import { ruleTester } from '../../ruleTester';
import { inLocation, PROXY_PASS } from './fixtures';

const fixed = (extra = '            proxy_ssl_trusted_certificate /etc/ssl/certs/ca-certificates.crt;\n'): string => `${PROXY_PASS}            proxy_ssl_verify on;\n${extra}`;

ruleTester('nginx/proxy-ssl-verify-off', {
  valid: [
    { name: 'verify on in the location', code: inLocation(`${PROXY_PASS}            proxy_ssl_verify on;\n            proxy_ssl_trusted_certificate ca.pem;\n`) },
    { name: 'verify on inherited from http', code: inLocation(PROXY_PASS, '    proxy_ssl_verify on;\n    proxy_ssl_trusted_certificate ca.pem;\n') },
    { name: 'verify on inherited from the server', code: inLocation(PROXY_PASS, '', '        proxy_ssl_verify on;\n        proxy_ssl_trusted_certificate ca.pem;\n') },
    { name: 'plain http upstream', code: inLocation('            proxy_pass http://api.example.com;\n') },
    { name: 'grpc with grpc_ssl_verify', code: inLocation('            grpc_pass grpcs://api.example.com:443;\n            grpc_ssl_verify on;\n            grpc_ssl_trusted_certificate ca.pem;\n') },
    { name: 'plain grpc', code: inLocation('            grpc_pass grpc://127.0.0.1:9000;\n') },
    { name: 'stream without proxy_ssl', code: 'stream {\n    server {\n        listen 5000;\n        proxy_pass db.example.com:5432;\n    }\n}\n' },
    { name: 'stream with verify', code: 'stream {\n    proxy_ssl_verify on;\n    server {\n        listen 5000;\n        proxy_ssl on;\n        proxy_ssl_trusted_certificate ca.pem;\n        proxy_pass db.example.com:5432;\n    }\n}\n' },
    { name: 'verify on in an included file', code: inLocation(`${PROXY_PASS}            include snippets/upstream-tls.conf;\n`), files: { '/ws/snippets/upstream-tls.conf': 'proxy_ssl_verify on;\nproxy_ssl_trusted_certificate ca.pem;\n' } },
    { name: 'suppressed', code: inLocation(`            # tlsnet-disable-next-line nginx/proxy-ssl-verify-off\n${PROXY_PASS}`) },
  ],
  invalid: [
    { name: 'https pass without verify: fix adds verify and the CA file', code: inLocation(PROXY_PASS), lines: [5], severity: 'warning', output: inLocation(fixed()) },
    { name: 'trusted certificate already inherited: fix adds only the verify line', code: inLocation(PROXY_PASS, '    proxy_ssl_trusted_certificate ca.pem;\n'), lines: [6], output: inLocation(fixed(''), '    proxy_ssl_trusted_certificate ca.pem;\n') },
    {
      name: 'explicit off in the same location is switched on, not duplicated',
      code: inLocation(`${PROXY_PASS}            proxy_ssl_verify off;\n            proxy_ssl_trusted_certificate ca.pem;\n`),
      lines: [5],
      output: inLocation(`${PROXY_PASS}            proxy_ssl_verify on;\n            proxy_ssl_trusted_certificate ca.pem;\n`),
    },
    { name: 'http-level verify on overridden by the server', code: inLocation(PROXY_PASS, '    proxy_ssl_verify on;\n    proxy_ssl_trusted_certificate ca.pem;\n', '        proxy_ssl_verify off;\n'), lines: [8] },
    {
      name: 'nested location: each pass reported once',
      code: 'http {\n    server {\n        listen 80;\n        location /a {\n            proxy_pass https://a.example.com;\n            location /a/b {\n                proxy_pass https://b.example.com;\n            }\n        }\n    }\n}\n',
      lines: [5, 7],
    },
    {
      name: 'pass inside if: the fix goes before the if (proxy_ssl_* are not allowed in if)',
      code: inLocation('            if ($arg_x) {\n                proxy_pass https://$host;\n            }\n'),
      lines: [6],
      output: inLocation('            proxy_ssl_verify on;\n            proxy_ssl_trusted_certificate /etc/ssl/certs/ca-certificates.crt;\n            if ($arg_x) {\n                proxy_pass https://$host;\n            }\n'),
    },
    { name: 'grpcs pass', code: inLocation('            grpc_pass grpcs://api.example.com:443;\n'), lines: [5], output: inLocation('            grpc_pass grpcs://api.example.com:443;\n            grpc_ssl_verify on;\n            grpc_ssl_trusted_certificate /etc/ssl/certs/ca-certificates.crt;\n') },
    { name: 'suwsgi pass', code: inLocation('            uwsgi_pass suwsgi://10.0.0.5:9000;\n'), lines: [5] },
    {
      name: 'stream proxy_ssl on inherited from stream {}',
      code: 'stream {\n    proxy_ssl on;\n    server {\n        listen 5000;\n        proxy_pass db.example.com:5432;\n    }\n}\n',
      lines: [5],
      output: 'stream {\n    proxy_ssl on;\n    server {\n        listen 5000;\n        proxy_pass db.example.com:5432;\n        proxy_ssl_verify on;\n        proxy_ssl_trusted_certificate /etc/ssl/certs/ca-certificates.crt;\n    }\n}\n',
    },
    {
      name: 'CRLF file keeps its line endings in the fix',
      code: 'server {\r\n\tlisten 80;\r\n\tlocation / {\r\n\t\tproxy_pass https://api.example.com;\r\n\t}\r\n}\r\n',
      lines: [4],
      output: 'server {\r\n\tlisten 80;\r\n\tlocation / {\r\n\t\tproxy_pass https://api.example.com;\r\n\t\tproxy_ssl_verify on;\r\n\t\tproxy_ssl_trusted_certificate /etc/ssl/certs/ca-certificates.crt;\r\n\t}\r\n}\r\n',
    },
    { name: 'fragment with a bare server body', code: 'listen 443 ssl;\nlocation / {\n    proxy_pass https://api.example.com;\n}\n', lines: [3] },
  ],
});
