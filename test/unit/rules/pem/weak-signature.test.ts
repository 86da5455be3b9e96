import { pem, pemRuleTester } from '../../pemRuleTester';

pemRuleTester('pem/weak-signature', {
  valid: [
    { name: 'sha256WithRSAEncryption', code: pem('root.crt') },
    { name: 'ecdsa-with-SHA384', code: pem('server.crt') },
  ],
  invalid: [{ name: 'sha1WithRSAEncryption from a CA', code: pem('sha1.crt'), lines: [1], message: 'sha1WithRSAEncryption' }],
});
