/**
 * RFC 5280 §4.1.2.5 / §6.1.3 (a)(2): a certificate is valid only between notBefore and notAfter.
 * Flags expired and not-yet-valid certificates, and (as info) those expiring within
 * `tlsnet.certificates.expiryWarningDays`.
 *
 *     -----BEGIN CERTIFICATE-----   # flagged: notAfter 2026-01-01, 151 days ago
 */
import type { PemRule } from '../rule';
import { certName, headSpan, placedCertificates } from '../model';

const DAY = 86_400_000;
const day = (iso: string): string => iso.slice(0, 10);

export const certificateExpiry: PemRule = {
  meta: {
    id: 'pem/certificate-expiry',
    language: 'pem',
    description: 'A certificate has expired, is not yet valid, or expires within the warning window.',
    severity: 'warning',
    fixable: false,
    citation: 'RFC 5280 §4.1.2.5 (validity), §6.1.3 (a)(2)',
  },
  check(ctx, report) {
    const now = ctx.now.getTime();
    const soonDays = ctx.settings.certificates.expiryWarningDays;
    for (const { cert, object } of placedCertificates(ctx)) {
      const d = cert.description;
      const notAfter = Date.parse(d.notAfter);
      const notBefore = Date.parse(d.notBefore);
      if (Number.isNaN(notAfter) || Number.isNaN(notBefore)) continue;
      const at = { file: ctx.path, span: headSpan(ctx.text, object) };
      const left = Math.floor((notAfter - now) / DAY);
      if (notAfter < now) {
        report({ ...at, message: `The certificate ${certName(cert)} expired on ${day(d.notAfter)} (${Math.max(1, -left)} days ago): TLS peers reject it ("certificate has expired"). Renew it.` });
      } else if (notBefore > now) {
        report({ ...at, message: `The certificate ${certName(cert)} is not valid until ${day(d.notBefore)}: TLS peers reject it until then ("certificate is not yet valid"). Check the issuing host's clock, or wait.` });
      } else if (left < soonDays) {
        report({ ...at, severity: 'info', message: `The certificate ${certName(cert)} expires on ${day(d.notAfter)}, in ${left} day${left === 1 ? '' : 's'} (warning window: ${soonDays} days). Renew it.` });
      }
    }
  },
};
