import { ruleTester } from '../../ruleTester';
import { httpServer } from './fixtures';

ruleTester('nginx/certificate-without-key', {
  valid: [
    { name: 'certificate and key', code: httpServer('        ssl_certificate s.pem;\n        ssl_certificate_key s.key;\n') },
    { name: 'RSA and ECDSA pairs', code: httpServer('        ssl_certificate rsa.pem;\n        ssl_certificate_key rsa.key;\n        ssl_certificate ec.pem;\n        ssl_certificate_key ec.key;\n') },
    { name: 'key at http level, certificate in the server', code: httpServer('        ssl_certificate s.pem;\n', '    ssl_certificate_key s.key;\n') },
    {
      name: 'http-level key used by one server, another plain server inherits it',
      code: 'http {\n    ssl_certificate_key s.key;\n    server {\n        listen 443 ssl;\n        ssl_certificate s.pem;\n    }\n    server {\n        listen 80;\n    }\n}\n',
    },
    { name: 'upstream client certificate with its key', code: httpServer('        location / {\n            proxy_pass https://up;\n            proxy_ssl_certificate c.pem;\n            proxy_ssl_certificate_key c.key;\n        }\n') },
    { name: 'upstream client certificate without key but plain-HTTP upstream (nginx -t accepts it)', code: httpServer('        location / {\n            proxy_pass http://up;\n            proxy_ssl_certificate c.pem;\n        }\n') },
    { name: 'fragment: the includer may hold the key', code: 'ssl_certificate s.pem;\n' },
  ],
  invalid: [
    {
      name: 'certificate without key; fix adds a key line after it',
      code: httpServer('        ssl_certificate /etc/nginx/ssl/api-chain.pem;\n'),
      lines: [4],
      severity: 'error',
      output: httpServer('        ssl_certificate /etc/nginx/ssl/api-chain.pem;\n        ssl_certificate_key /etc/nginx/ssl/api.key;\n'),
    },
    { name: 'two certificates, one key: the second has none', code: httpServer('        ssl_certificate rsa.pem;\n        ssl_certificate_key rsa.key;\n        ssl_certificate ec.pem;\n'), lines: [6] },
    { name: 'in a plain HTTP server too (nginx -t refuses it)', code: 'http {\n    server {\n        listen 80;\n        ssl_certificate s.pem;\n    }\n}\n', lines: [4] },
    { name: 'upstream client certificate without its key', code: httpServer('        location / {\n            proxy_pass https://up;\n            proxy_ssl_certificate c.pem;\n        }\n'), lines: [6] },
    { name: 'key with no certificate anywhere it applies (warning)', code: 'http {\n    server {\n        listen 80;\n        ssl_certificate_key s.key;\n    }\n}\n', lines: [4], severity: 'warning' },
  ],
});
