/**
 * RFC 5280 §4.1.2.5 / §6.1.3 (a)(2): a certificate is valid only between notBefore and notAfter,
 * and a CRL past its nextUpdate makes OpenSSL reject every certificate it covers ("CRL has
 * expired"). nginx starts with an expired certificate — clients then refuse the handshake — so
 * this warns, and notes certificates that expire within `tlsnet.certificates.expiryWarningDays`.
 *
 *     ssl_certificate /etc/nginx/ssl/server.pem;   # flagged: notAfter 2026-01-01, 151 days ago
 */
import { expiryOf } from '../../pki/checks';
import { certificatesOf, crlsOf } from '../../pki/file';
import type { NginxRule } from '../rule';
import { fileDirectives, loadDirectiveFile, pathSpan } from '../tlsFiles';

const day = (iso: string): string => iso.slice(0, 10);

export const certificateExpiry: NginxRule = {
  meta: {
    id: 'nginx/certificate-expiry',
    language: 'nginx',
    description: 'A certificate (or CRL) in a file the config names has expired, is not yet valid, or expires soon.',
    severity: 'warning',
    fixable: false,
    citation: 'RFC 5280 §4.1.2.5 (validity), §5.1.2.5 (nextUpdate), §6.1.3',
  },
  check(ctx, report) {
    const now = ctx.now.getTime();
    const soonDays = ctx.settings.certificates.expiryWarningDays;
    for (const { directive, role, value } of fileDirectives(ctx.config)) {
      if (role !== 'certificate' && role !== 'ca-list' && role !== 'crl') continue;
      const pki = loadDirectiveFile(ctx, directive).pki;
      if (!pki) continue;
      const at = { file: directive.file, span: pathSpan(directive) };
      const what = `"${directive.name} ${value}"`;
      certificatesOf(pki).forEach((cert, i) => {
        const d = cert.description;
        const name = `${role === 'certificate' ? (i === 0 ? 'the certificate' : `chain certificate #${i + 1}`) : 'CA certificate'} "${d.subject}"`;
        const e = expiryOf(d, ctx.now, soonDays);
        if (e?.state === 'expired') {
          report({ ...at, message: `${what}: ${name} expired on ${day(d.notAfter)} (${e.daysAgo} days ago); TLS peers reject it. Renew it.` });
        } else if (e?.state === 'not-yet-valid') {
          report({ ...at, message: `${what}: ${name} is not valid until ${day(d.notBefore)}; TLS peers reject it until then (check the issuing host's clock).` });
        } else if (e?.state === 'expiring') {
          report({ ...at, severity: 'info', message: `${what}: ${name} expires on ${day(d.notAfter)}, in ${e.daysLeft} day${e.daysLeft === 1 ? '' : 's'} (warning window: ${soonDays} days). Renew it.` });
        }
      });
      for (const crl of crlsOf(pki)) {
        if (crl.nextUpdate && Date.parse(crl.nextUpdate) < now) {
          report({ ...at, message: `${what}: the CRL of "${crl.issuer}" expired on ${day(crl.nextUpdate)} (nextUpdate); OpenSSL then rejects every client certificate of that CA ("CRL has expired"). Publish a fresh CRL.` });
        }
      }
    }
  },
};
