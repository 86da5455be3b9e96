import { ruleTester } from '../../ruleTester';
import { tls } from './fixtures';

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
