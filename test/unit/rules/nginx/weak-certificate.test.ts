import { ruleTester } from '../../ruleTester';
import { sslFiles } from '../../pki/fixtures';
import { bareServer } from './fixtures';

const all = sslFiles('server-chain.pem', 'ed25519.crt', 'rsa1024.crt', 'sha1.crt', 'client-ca-chain.pem');

ruleTester('nginx/weak-certificate', {
  valid: [
    { name: 'EC P-256 with SHA-256', code: bareServer('    ssl_certificate ssl/server-chain.pem;\n'), files: all },
    { name: 'Ed25519', code: bareServer('    ssl_certificate ssl/ed25519.crt;\n'), files: all },
    { name: 'RSA 2048 root in the CA list', code: bareServer('    ssl_client_certificate ssl/client-ca-chain.pem;\n'), files: all },
  ],
  invalid: [
    { name: 'RSA 1024 (nginx -t: "ee key too small" on Debian)', code: bareServer('    ssl_certificate ssl/rsa1024.crt;\n'), files: all, lines: [3], severity: 'warning' },
    { name: 'SHA-1 signature (nginx -t: "ca md too weak")', code: bareServer('    ssl_certificate ssl/sha1.crt;\n'), files: all, lines: [3] },
  ],
});
