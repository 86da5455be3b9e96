import { pem, pemRuleTester, pems } from '../../pemRuleTester';

pemRuleTester('pem/leaf-is-ca', {
  valid: [
    { name: 'an intermediate CA', code: pem('server-int.crt') },
    { name: 'a self-signed CA:TRUE server certificate (openssl req -x509)', code: pem('selfsigned.crt') },
    { name: 'a CA without keyCertSign that issued a certificate here is a CA', code: pems('nokcs-leaf.crt', 'nokcs-ca.crt') },
    { name: 'a CA:FALSE leaf', code: pem('server.crt') },
  ],
  invalid: [{ name: 'CA:TRUE with keyUsage digitalSignature and serverAuth, issued by a root', code: pem('leaf-ca.crt'), lines: [1], message: 'CA:TRUE' }],
});
