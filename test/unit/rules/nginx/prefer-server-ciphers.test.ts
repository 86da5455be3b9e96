import { ruleTester } from '../../ruleTester';

const tls = (body: string, http = ''): string => `http {\n${http}    server {\n        listen 443 ssl;\n        ssl_certificate s.pem;\n        ssl_certificate_key s.key;\n${body}    }\n}\n`;

ruleTester('nginx/prefer-server-ciphers', {
  valid: [
    { name: 'off under intermediate', code: tls('        ssl_prefer_server_ciphers off;\n') },
    { name: 'on under old', code: tls('        ssl_prefer_server_ciphers on;\n'), settings: { 'tls.profile': 'old' } },
    { name: 'on with PrioritizeChaCha (gixy)', code: tls('        ssl_prefer_server_ciphers on;\n        ssl_conf_command Options PrioritizeChaCha;\n') },
  ],
  invalid: [
    { name: 'on under intermediate', code: tls('        ssl_prefer_server_ciphers on;\n'), lines: [6], severity: 'info', output: tls('        ssl_prefer_server_ciphers off;\n') },
    { name: 'off under old', code: tls('        ssl_prefer_server_ciphers off;\n'), lines: [6], settings: { 'tls.profile': 'old' }, output: tls('        ssl_prefer_server_ciphers on;\n') },
  ],
});
