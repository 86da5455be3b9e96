import { ruleTester } from '../../ruleTester';
import { fixture, sslFiles } from '../../pki/fixtures';
import { bareServer } from './fixtures';

// The tester's clock is 2026-06-01: server.crt runs to 2027-01-01, soon.crt to 2026-06-15,
// expired.crt ended 2026-01-01, future.crt starts 2026-07-01; client-int.crl's nextUpdate is 2026-03-01.
const all = sslFiles('server.crt', 'soon.crt', 'expired.crt', 'future.crt', 'client-ca-chain.pem', 'root.crl', 'client-int.crl');

ruleTester('nginx/certificate-expiry', {
  valid: [
    { name: 'valid for 214 more days', code: bareServer('    ssl_certificate ssl/server.crt;\n'), files: all },
    { name: 'CA list and a current CRL', code: bareServer('    ssl_client_certificate ssl/client-ca-chain.pem;\n    ssl_crl ssl/root.crl;\n'), files: all },
    { name: 'expiring, but outside a shorter window', code: bareServer('    ssl_certificate ssl/soon.crt;\n'), files: all, settings: { 'certificates.expiryWarningDays': 7 } },
    { name: 'missing file is another rule', code: bareServer('    ssl_certificate ssl/none.crt;\n'), files: all },
  ],
  invalid: [
    { name: 'expired', code: bareServer('    ssl_certificate ssl/expired.crt;\n'), files: all, lines: [3], severity: 'warning' },
    { name: 'not yet valid', code: bareServer('    ssl_certificate ssl/future.crt;\n'), files: all, lines: [3], severity: 'warning' },
    { name: 'expires within 30 days', code: bareServer('    ssl_certificate ssl/soon.crt;\n'), files: all, lines: [3], severity: 'info' },
    { name: 'expired intermediate in a bundle', code: bareServer('    ssl_certificate ssl/b.pem;\n'), files: { '/ws/ssl/b.pem': fixture('server.crt') + fixture('expired.crt') }, lines: [3] },
    { name: 'stale CRL', code: bareServer('    ssl_crl ssl/client-int.crl;\n'), files: all, lines: [3], severity: 'warning' },
    { name: 'upstream client certificate', code: 'http {\n    proxy_ssl_certificate ssl/expired.crt;\n}\n', files: all, lines: [2] },
  ],
});
