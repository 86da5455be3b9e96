import { ruleTester } from '../../ruleTester';
import { tls } from './fixtures';

ruleTester('nginx/missing-ssl-ciphers', {
  valid: [
    { name: 'set', code: tls('        ssl_ciphers ECDHE+AESGCM;\n') },
    { name: 'TLS 1.3 only (gixy skips it too)', code: tls('        ssl_protocols TLSv1.3;\n') },
    { name: 'modern profile', code: tls(''), settings: { 'tls.profile': 'modern' } },
  ],
  invalid: [{ name: 'default cipher list (gixy: missing ssl_ciphers)', code: tls(''), lines: [2], severity: 'info' }],
});
