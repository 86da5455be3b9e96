import { beginLines, pem, pemRuleTester, pems } from '../../pemRuleTester';

pemRuleTester('pem/weak-key', {
  valid: [
    { name: 'RSA 2048', code: pem('root.crt') },
    { name: 'ECDSA P-256', code: pem('server.crt') },
    { name: 'Ed25519', code: pem('ed25519.crt') },
  ],
  invalid: [
    { name: 'RSA 1024', code: pem('rsa1024.crt'), lines: [1], message: '1024 bits' },
    { name: 'in a bundle after a good certificate', code: pems('server.crt', 'rsa1024.crt'), lines: [beginLines(pems('server.crt', 'rsa1024.crt'))[1]] },
  ],
});
