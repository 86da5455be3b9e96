import { beginLines, pem, pemRuleTester, pems } from '../../pemRuleTester';

/** The certificate with one base64 character of its signature (the block's last line) changed. */
function tampered(name: string): string {
  const lines = pem(name).trimEnd().split('\n');
  const last = lines.length - 2;
  const s = lines[last];
  const i = Math.max(0, s.length - 8);
  lines[last] = s.slice(0, i) + (s[i] === 'A' ? 'B' : 'A') + s.slice(i + 1);
  return lines.join('\n') + '\n';
}

const badRsa = tampered('server-int.crt') + pem('root.crt');
const badEc = tampered('server.crt') + pem('server-int.crt');

pemRuleTester('pem/chain-signature-invalid', {
  valid: [
    { name: 'ECDSA P-384 link', code: pems('server.crt', 'server-int.crt') },
    { name: 'RSA link', code: pems('server-int.crt', 'root.crt') },
    { name: 'Ed25519 leaf under an ECDSA intermediate', code: pems('ed25519.crt', 'server-int.crt') },
    { name: 'RSA 2048 chain from another PKI', code: pems('nokcs-leaf.crt', 'nokcs-ca.crt', 'rules-root.crt') },
    { name: 'a self-signed root alone', code: pem('root.crt') },
  ],
  invalid: [
    { name: 'an RSA signature altered', code: badRsa, lines: [beginLines(badRsa)[0]], message: 'does not verify' },
    { name: 'an ECDSA signature altered', code: badEc, lines: [beginLines(badEc)[0]] },
    { name: 'a self-signed root whose own signature fails', code: tampered('root.crt'), lines: [1], message: 'self-signed' },
  ],
});
