import { beginLines, pem, pemRuleTester, pems } from '../../pemRuleTester';

const reversed = pems('server-int.crt', 'server.crt');
const gap = pems('server.crt', 'root.crt');

pemRuleTester('pem/chain-order', {
  valid: [
    { name: 'leaf then intermediate', code: pems('server.crt', 'server-int.crt') },
    { name: 'leaf, intermediate, root', code: pems('server.crt', 'server-int.crt', 'root.crt') },
    { name: 'a lone leaf', code: pem('server.crt') },
    { name: 'a CA list (root first) has no order', code: pems('root.crt', 'client-int.crt') },
    { name: 'separate values in a Secret are separate bundles', code: `apiVersion: v1\nkind: Secret\nstringData:\n  ca.crt: |\n${indentAll('server-int.crt')}  tls.crt: |\n${indentAll('server.crt')}`, path: '/ws/secret.yaml' },
  ],
  invalid: [
    { name: 'intermediate before the leaf', code: reversed, lines: [beginLines(reversed)[0]], message: 'Bundle order' },
    { name: 'a certificate that did not issue the leaf', code: gap, lines: [beginLines(gap)[1]], message: 'did not issue' },
  ],
});

function indentAll(name: string): string {
  return pem(name).trimEnd().split('\n').map((l) => `    ${l}\n`).join('');
}
