import { beginLines, pemRuleTester, pems } from '../../pemRuleTester';

const wrong = pems('server.crt', 'expired.key');

pemRuleTester('pem/key-mismatch', {
  valid: [
    { name: 'certificate and its key', code: pems('server.crt', 'server.key') },
    { name: 'key first, then its certificate and the intermediate', code: pems('client-only.key', 'client-only.crt', 'rules-root.crt') },
    { name: 'an encrypted key cannot be compared', code: pems('server.crt', 'server-encrypted.key') },
    { name: 'a key alone', code: pems('server.key') },
  ],
  invalid: [
    { name: "another certificate's key", code: wrong, lines: [beginLines(wrong)[1]], message: 'does not belong' },
    { name: 'an RSA key with an EC certificate', code: pems('server.crt', 'rsa-pkcs1.key'), lines: [beginLines(pems('server.crt', 'rsa-pkcs1.key'))[1]] },
  ],
});
