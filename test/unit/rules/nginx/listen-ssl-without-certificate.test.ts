import { ruleTester } from '../../ruleTester';

ruleTester('nginx/listen-ssl-without-certificate', {
  valid: [
    { name: 'certificate in the server', code: 'http {\n    server {\n        listen 443 ssl;\n        ssl_certificate s.pem;\n        ssl_certificate_key s.key;\n    }\n}\n' },
    { name: 'certificate inherited from http', code: 'http {\n    ssl_certificate s.pem;\n    ssl_certificate_key s.key;\n    server {\n        listen 443 ssl;\n    }\n}\n' },
    { name: 'catch-all server rejecting handshakes (nginx 1.19.4+)', code: 'http {\n    server {\n        listen 443 ssl default_server;\n        ssl_reject_handshake on;\n    }\n}\n' },
    { name: 'plain server on another port than the TLS one', code: 'server {\n    listen 80;\n}\nserver {\n    listen 443 ssl;\n    ssl_certificate s.pem;\n    ssl_certificate_key s.key;\n}\n' },
    { name: 'plain HTTP server', code: 'http {\n    server {\n        listen 80;\n    }\n}\n' },
    { name: 'fragment: the includer may hold the certificate', code: 'listen 443 ssl;\nserver_name a.example;\n' },
    {
      name: 'certificate from an included snippet',
      code: 'http {\n    server {\n        listen 443 ssl;\n        include snippets/tls.conf;\n    }\n}\n',
      files: { '/ws/snippets/tls.conf': 'ssl_certificate s.pem;\nssl_certificate_key s.key;\n' },
    },
  ],
  invalid: [
    {
      name: 'listen ssl with no certificate; fix adds certificate and key after listen',
      code: 'http {\n    server {\n        listen 443 ssl;\n        server_name a.example;\n    }\n}\n',
      lines: [3],
      severity: 'error',
      output: 'http {\n    server {\n        listen 443 ssl;\n        ssl_certificate /etc/nginx/ssl/server-chain.pem;\n        ssl_certificate_key /etc/nginx/ssl/server.key.pem;\n        server_name a.example;\n    }\n}\n',
    },
    { name: 'quic listener', code: 'http {\n    server {\n        listen 443 quic reuseport;\n    }\n}\n', lines: [3] },
    { name: 'stream server', code: 'stream {\n    server {\n        listen 12345 ssl;\n        proxy_pass 127.0.0.1:1;\n    }\n}\n', lines: [3] },
    {
      name: 'a plain listen on a socket another server declares ssl on (nginx blames this server)',
      code: 'server {\n    server_name a.example;\n    listen 4.8.2.6:57;\n}\nserver {\n    server_name b.example;\n    listen 4.8.2.6:57 ssl;\n    ssl_certificate b.pem;\n    ssl_certificate_key b.key;\n}\n',
      lines: [3],
    },
    { name: 'top-level server in a conf.d file', code: 'server {\n\tlisten 8443 ssl;\n}\n', lines: [2] },
  ],
});
