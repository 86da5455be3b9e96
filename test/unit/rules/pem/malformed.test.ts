import { pem, pemRuleTester } from '../../pemRuleTester';

const lines = pem('server.crt').split('\n');
const badChar = [...lines.slice(0, 3), lines[3].slice(0, 10) + '*' + lines[3].slice(11), ...lines.slice(4)].join('\n');
const truncated = [...lines.slice(0, 5), ...lines.slice(-2)].join('\n');
const noEnd = lines.slice(0, -2).join('\n') + '\n';
// Valid base64 whose DER claims more bytes than there are: a certificate cut in half, re-padded.
const cut = ['-----BEGIN CERTIFICATE-----', 'MIIB4jCCAWmgAwIBAgICEAYwCgYIKoZIzj0EAwIwOTEhMB8GA1UEAwwYVGVzdCBT', '-----END CERTIFICATE-----', ''].join('\n');

pemRuleTester('pem/malformed', {
  valid: [
    { name: 'a well-formed certificate', code: pem('server.crt') },
    { name: 'junk between blocks is ignored, as OpenSSL does', code: `subject=CN=api\n${pem('server.crt')}issuer=CN=int\n${pem('server-int.crt')}` },
  ],
  invalid: [
    { name: 'an invalid base64 character', code: badChar, lines: [4], severity: 'error', message: 'invalid base64 character "*"' },
    { name: 'lines missing from the middle', code: truncated, lines: [1] },
    { name: 'no END line', code: noEnd, lines: [1], message: 'no matching' },
    { name: 'DER that runs past its end', code: cut, lines: [1], message: 'at byte 0' },
  ],
});
