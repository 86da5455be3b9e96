import { pem, pemRuleTester, pems } from '../../pemRuleTester';

pemRuleTester('pem/ca-basic-constraints-not-critical', {
  valid: [
    { name: 'critical basic constraints', code: pems('root.crt', 'server-int.crt') },
    { name: 'a leaf with non-critical CA:FALSE', code: pem('server-only.crt') },
  ],
  invalid: [{ name: 'CA:TRUE not critical', code: pem('bc-noncrit-ca.crt'), lines: [1], severity: 'info' }],
});
