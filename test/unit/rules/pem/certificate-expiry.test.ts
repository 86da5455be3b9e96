import { beginLines, indent, pem, pemRuleTester, pems } from '../../pemRuleTester';

const secret = (crt: string): string => `apiVersion: v1\nkind: Secret\ntype: kubernetes.io/tls\nmetadata:\n  name: web\nstringData:\n  tls.crt: |\n${indent(crt)}`;

pemRuleTester('pem/certificate-expiry', {
  valid: [
    { name: 'a certificate valid for months', code: pem('server.crt') },
    { name: 'expiring soon, with the warning window off', code: pem('soon.crt'), settings: { 'certificates.expiryWarningDays': 0 } },
    { name: 'an expired certificate in a README is not analysed', code: `# Example\n\n${pem('expired.crt')}`, path: '/ws/README.md' },
    { name: 'an expired certificate in a plain YAML file is not analysed', code: `example: |\n${indent(pem('expired.crt'))}`, path: '/ws/values.yaml' },
    { name: 'suppressed by a comment', code: `# tlsnet-disable-next-line pem/certificate-expiry\n${pem('expired.crt')}` },
  ],
  invalid: [
    { name: 'expired', code: pem('expired.crt'), lines: [1], severity: 'warning', message: 'expired on 2026-01-01' },
    { name: 'not yet valid', code: pem('future.crt'), lines: [1], severity: 'warning', message: 'not valid until 2026-07-01' },
    { name: 'expiring within 30 days', code: pem('soon.crt'), lines: [1], severity: 'info', message: 'in 14 days' },
    { name: 'a wider warning window', code: pem('server.crt'), lines: [1], severity: 'info', settings: { 'certificates.expiryWarningDays': 365 } },
    { name: 'the second certificate of a bundle', code: pems('server.crt', 'expired.crt'), lines: [beginLines(pems('server.crt', 'expired.crt'))[1]] },
    { name: 'inside a Kubernetes Secret', code: secret(pem('expired.crt')), path: '/ws/k8s/secret.yaml', lines: [8] },
    { name: 'a CRLF file', code: pem('expired.crt').replace(/\n/g, '\r\n'), lines: [1] },
  ],
});
