import { ruleTester } from '../../ruleTester';
import { httpServer } from './fixtures';

ruleTester('nginx/duplicate-directive', {
  valid: [
    { name: 'RSA and ECDSA certificate pairs', code: httpServer('        ssl_certificate rsa.pem;\n        ssl_certificate_key rsa.key;\n        ssl_certificate ec.pem;\n        ssl_certificate_key ec.key;\n') },
    { name: 'ssl_conf_command repeats', code: httpServer('        ssl_conf_command Options PrioritizeChaCha;\n        ssl_conf_command Ciphersuites TLS_AES_128_GCM_SHA256;\n') },
    { name: 'ssl_protocols twice is accepted (values ORed)', code: httpServer('        ssl_protocols TLSv1.2;\n        ssl_protocols TLSv1.3;\n') },
    { name: 'listen repeats', code: httpServer('        listen [::]:443 ssl;\n') },
    { name: 'same directive at http and server level', code: 'http {\n    ssl_ciphers HIGH;\n    server {\n        ssl_ciphers HIGH:!aNULL;\n    }\n}\n' },
    { name: 'two servers', code: 'http {\n    server {\n        ssl_verify_depth 2;\n    }\n    server {\n        ssl_verify_depth 2;\n    }\n}\n' },
  ],
  invalid: [
    { name: 'ssl_verify_client twice', code: httpServer('        ssl_verify_client on;\n        ssl_verify_client optional;\n'), lines: [5], severity: 'error' },
    { name: 'identical repeat: fix removes it', code: httpServer('        ssl_session_tickets off;\n        ssl_session_tickets off;\n'), lines: [5], output: httpServer('        ssl_session_tickets off;\n') },
    { name: 'duplicate through an include at the same level', code: httpServer('        include snippets/tls.conf;\n        ssl_ciphers HIGH;\n'), files: { '/ws/snippets/tls.conf': 'ssl_ciphers ECDHE+AESGCM;\n' }, lines: [5] },
    { name: 'proxy_ssl_verify twice in a location', code: httpServer('        location / {\n            proxy_ssl_verify on;\n            proxy_ssl_verify off;\n        }\n'), lines: [6] },
  ],
});
