import { ruleTester } from '../../ruleTester';
import { sslFiles } from '../../pki/fixtures';

const srv = (cert: string, body: string): string => `server {\n    listen 443 ssl;\n    ssl_certificate ssl/${cert};\n${body}}\n`;
const all = sslFiles('server-chain.pem', 'p384.crt');

ruleTester('nginx/stapling-no-ocsp-responder', {
  valid: [
    { name: 'certificate names an OCSP responder', code: srv('server-chain.pem', '    ssl_stapling on;\n'), files: all },
    { name: 'responder set explicitly', code: srv('p384.crt', '    ssl_stapling on;\n    ssl_stapling_responder http://ocsp.example.com/;\n'), files: all },
    { name: 'stapling off', code: srv('p384.crt', '    ssl_stapling off;\n'), files: all },
  ],
  invalid: [
    { name: 'no OCSP URL in the certificate', code: srv('p384.crt', '    ssl_stapling on;\n'), files: all, lines: [4], severity: 'warning' },
    { name: 'stapling on at http level', code: 'http {\n    ssl_stapling on;\n    server {\n        listen 443 ssl;\n        ssl_certificate ssl/p384.crt;\n    }\n}\n', files: all, lines: [2] },
  ],
});
