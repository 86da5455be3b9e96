import { ruleTester } from '../../ruleTester';
import { httpServer } from './fixtures';

ruleTester('nginx/invalid-context', {
  valid: [
    { name: 'server-level ssl_* in server and http', code: `http {\n    ssl_protocols TLSv1.3;\n    server {\n        ssl_certificate s.pem;\n    }\n}\n` },
    { name: 'proxy_ssl_* in location', code: httpServer('        location / {\n            proxy_ssl_verify on;\n        }\n') },
    { name: 'stream server ssl_preread and proxy_ssl', code: 'stream {\n    server {\n        ssl_preread on;\n        proxy_ssl on;\n    }\n}\n' },
    { name: 'fragment top level: could be included in a server', code: 'ssl_certificate s.pem;\nssl_verify_client on;\n' },
    { name: 'fragment with a bare server block (conf.d)', code: 'server {\n    ssl_verify_client on;\n}\n' },
    { name: 'unknown names are not this rule\'s business', code: httpServer('        location / {\n            ssl_foo on;\n        }\n') },
  ],
  invalid: [
    { name: 'ssl_certificate in location', code: httpServer('        location / {\n            ssl_certificate s.pem;\n        }\n'), lines: [5], severity: 'error' },
    { name: 'ssl_verify_client in a nested location', code: httpServer('        location /a {\n            location /a/b {\n                ssl_verify_client on;\n            }\n        }\n'), lines: [6] },
    { name: 'proxy_ssl_verify inside if', code: httpServer('        location / {\n            if ($x) {\n                proxy_ssl_verify on;\n            }\n        }\n'), lines: [6] },
    { name: 'ssl_certificate at main level', code: 'events {}\nssl_certificate s.pem;\nhttp {}\n', lines: [2] },
    { name: 'http-only ssl_early_data in a stream server', code: 'stream {\n    server {\n        ssl_early_data on;\n    }\n}\n', lines: [3] },
    { name: 'location in a fragment is still a location', code: 'location / {\n    ssl_verify_client on;\n}\n', lines: [2] },
  ],
});
