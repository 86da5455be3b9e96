import { pem, pemRuleTester } from '../../pemRuleTester';

const nginx = { '/ws/nginx.conf': 'events {}\nhttp {\n  server {\n    listen 443 ssl;\n    ssl_certificate /ws/certs/bundle.pem;\n  }\n}\n' };

pemRuleTester('pem/server-leaf-without-san', {
  valid: [
    { name: 'serverAuth with a DNS SAN', code: pem('server-only.crt') },
    { name: 'a self-signed CN-only certificate no config names', code: pem('selfsigned.crt') },
    { name: 'a clientAuth-only certificate', code: pem('client.crt') },
    { name: 'a CA', code: pem('root.crt') },
  ],
  invalid: [
    { name: 'serverAuth without SAN', code: pem('server-nosan.crt'), lines: [1], message: 'DNS:api.example.com' },
    { name: 'a self-signed CN-only certificate named by ssl_certificate', code: pem('selfsigned.crt'), files: nginx, lines: [1], message: 'localhost' },
  ],
});
