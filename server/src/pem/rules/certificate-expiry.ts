/**
 * RFC 5280 §4.1.2.5 / §6.1.3 (a)(2): a certificate is valid only between notBefore and notAfter.
 * Flags expired and not-yet-valid certificates, and (as info) those expiring within
 * `tlsnet.certificates.expiryWarningDays`.
 *
 *     -----BEGIN CERTIFICATE-----   # flagged: notAfter 2026-01-01, 151 days ago
 */
import { expiryOf } from '../../pki/checks';
import type { PemRule } from '../rule';
import { certName, headSpan, placedCertificates } from '../model';

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
    const soonDays = ctx.settings.certificates.expiryWarningDays;
    for (const { cert, object } of placedCertificates(ctx)) {
      const d = cert.description;
      const e = expiryOf(d, ctx.now, soonDays);
      if (!e) continue;
      const at = { file: ctx.path, span: headSpan(ctx.text, object) };
      if (e.state === 'expired') {
        report({ ...at, message: `The certificate ${certName(cert)} expired on ${day(d.notAfter)} (${e.daysAgo} days ago): TLS peers reject it ("certificate has expired"). Renew it.` });
      } else if (e.state === 'not-yet-valid') {
        report({ ...at, message: `The certificate ${certName(cert)} is not valid until ${day(d.notBefore)}: TLS peers reject it until then ("certificate is not yet valid"). Check the issuing host's clock, or wait.` });
      } else {
        report({ ...at, severity: 'info', message: `The certificate ${certName(cert)} expires on ${day(d.notAfter)}, in ${e.daysLeft} day${e.daysLeft === 1 ? '' : 's'} (warning window: ${soonDays} days). Renew it.` });
      }
    }
  },
};
