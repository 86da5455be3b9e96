import { beginLines, pem, pemRuleTester, pems } from '../../pemRuleTester';

const chain = pems('nokcs-leaf.crt', 'nokcs-ca.crt');

pemRuleTester('pem/ca-without-key-cert-sign', {
  valid: [
    { name: 'a CA with keyCertSign', code: pems('server-int.crt', 'root.crt') },
    { name: 'a self-signed CA:TRUE certificate without key usage (openssl req -x509)', code: pem('selfsigned.crt') },
    { name: 'an end-entity-shaped CA:TRUE leaf signs nothing (pem/leaf-is-ca covers it)', code: pem('leaf-ca.crt') },
  ],
  invalid: [
    { name: 'a CA with cRLSign but not keyCertSign', code: pem('nokcs-ca.crt'), lines: [1], message: 'keyUsage cRLSign' },
    { name: 'the CA that issued the leaf before it', code: chain, lines: [beginLines(chain)[1]], message: 'issued another certificate in this file' },
  ],
});
