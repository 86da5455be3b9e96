import { ruleTester } from '../../ruleTester';
import { tls } from './fixtures';

ruleTester('nginx/unknown-conf-command', {
  valid: [
    { name: 'Options PrioritizeChaCha', code: tls('        ssl_conf_command Options PrioritizeChaCha;\n') },
    { name: 'Ciphersuites, any case', code: tls('        ssl_conf_command ciphersuites TLS_AES_256_GCM_SHA384;\n') },
    { name: 'proxy_ssl_conf_command Groups', code: 'http {\n    proxy_ssl_conf_command Groups X25519;\n}\n' },
  ],
  invalid: [
    { name: 'unknown name', code: tls('        ssl_conf_command NoSuchCommand on;\n'), lines: [6], severity: 'error' },
    { name: 'command-line-only switch', code: tls('        ssl_conf_command SessionTicket off;\n'), lines: [6], severity: 'error' },
    { name: 'store commands need OpenSSL 3.0', code: tls('        ssl_conf_command VerifyCAStore file:/x;\n'), lines: [6], settings: { 'nginx.opensslVersion': '1.1.1w' } },
    { name: 'not used by any TLS server: warning', code: 'http {\n    ssl_conf_command Nope x;\n    server {\n        listen 80;\n    }\n}\n', lines: [2], severity: 'warning' },
  ],
});
