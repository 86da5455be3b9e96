import { ruleTester } from '../../ruleTester';
import { sslFiles } from '../../pki/fixtures';
import { bareServer } from './fixtures';

const all = sslFiles('server.crt', 'server.key', 'p384.crt', 'p384.key', 'p384-sec1.key', 'ed25519.crt', 'ed25519.key', 'rsa1024.crt', 'rsa1024.key', 'rsa-pkcs1.key', 'server-chain.pem', 'server-chain-reversed.pem', 'server-encrypted.key', 'sha1.crt', 'sha1.key');

ruleTester('nginx/certificate-key-mismatch', {
  valid: [
    { name: 'EC P-256 pair', code: bareServer('    ssl_certificate ssl/server.crt;\n    ssl_certificate_key ssl/server.key;\n'), files: all },
    { name: 'EC key in SEC 1 form', code: bareServer('    ssl_certificate ssl/p384.crt;\n    ssl_certificate_key ssl/p384-sec1.key;\n'), files: all },
    { name: 'Ed25519 pair', code: bareServer('    ssl_certificate ssl/ed25519.crt;\n    ssl_certificate_key ssl/ed25519.key;\n'), files: all },
    { name: 'RSA pair', code: bareServer('    ssl_certificate ssl/sha1.crt;\n    ssl_certificate_key ssl/sha1.key;\n'), files: all },
    { name: 'leaf-first bundle', code: bareServer('    ssl_certificate ssl/server-chain.pem;\n    ssl_certificate_key ssl/server.key;\n'), files: all },
    { name: 'two pairs, paired by order', code: bareServer('    ssl_certificate ssl/server.crt;\n    ssl_certificate ssl/rsa1024.crt;\n    ssl_certificate_key ssl/server.key;\n    ssl_certificate_key ssl/rsa1024.key;\n'), files: all },
    { name: 'encrypted key cannot be checked', code: bareServer('    ssl_certificate ssl/p384.crt;\n    ssl_certificate_key ssl/server-encrypted.key;\n'), files: all },
    { name: 'key inherited from http', code: 'http {\n    ssl_certificate_key ssl/server.key;\n    server {\n        ssl_certificate ssl/server.crt;\n    }\n}\n', files: all },
  ],
  invalid: [
    { name: 'another EC key', code: bareServer('    ssl_certificate ssl/server.crt;\n    ssl_certificate_key ssl/p384.key;\n'), files: all, lines: [4], severity: 'error' },
    { name: 'RSA key for an EC certificate', code: bareServer('    ssl_certificate ssl/server.crt;\n    ssl_certificate_key ssl/rsa-pkcs1.key;\n'), files: all, lines: [4] },
    { name: 'another RSA key', code: bareServer('    ssl_certificate ssl/sha1.crt;\n    ssl_certificate_key ssl/rsa1024.key;\n'), files: all, lines: [4] },
    { name: 'Ed25519 key of another certificate', code: bareServer('    ssl_certificate ssl/server.crt;\n    ssl_certificate_key ssl/ed25519.key;\n'), files: all, lines: [4] },
    { name: 'intermediate first in the bundle', code: bareServer('    ssl_certificate ssl/server-chain-reversed.pem;\n    ssl_certificate_key ssl/server.key;\n'), files: all, lines: [4] },
    { name: 'second pair swapped', code: bareServer('    ssl_certificate ssl/server.crt;\n    ssl_certificate ssl/rsa1024.crt;\n    ssl_certificate_key ssl/server.key;\n    ssl_certificate_key ssl/sha1.key;\n'), files: all, lines: [6] },
    { name: 'proxy client certificate', code: 'http {\n    server {\n        location / {\n            proxy_ssl_certificate ssl/server.crt;\n            proxy_ssl_certificate_key ssl/p384.key;\n        }\n    }\n}\n', files: all, lines: [5] },
  ],
});
