/**
 * RFC 5280 §4.2.1.9: "Conforming CAs MUST mark this extension as critical in all CA certificates
 * that contain public keys used to validate digital signatures on certificates." Verifiers that do
 * not understand basic constraints could otherwise treat the CA as a leaf, or a leaf as a CA.
 * OpenSSL accepts it, so this is info.
 *
 *     -----BEGIN CERTIFICATE-----   # flagged: basicConstraints CA:TRUE without "critical"
 */
import { certificateExtensions } from '../../pki/extensions';
import type { PemRule } from '../rule';
import { certName, headSpan, placedCertificates } from '../model';

export const caBasicConstraintsNotCritical: PemRule = {
  meta: {
    id: 'pem/ca-basic-constraints-not-critical',
    language: 'pem',
    description: 'A CA certificate carries basic constraints (cA=TRUE) not marked critical.',
    severity: 'info',
    fixable: false,
    citation: 'RFC 5280 §4.2.1.9',
  },
  check(ctx, report) {
    for (const { cert, object } of placedCertificates(ctx)) {
      const bc = certificateExtensions(cert).basicConstraints;
      if (!bc?.cA || bc.critical) continue;
      report({
        file: ctx.path,
        span: headSpan(ctx.text, object),
        message: `The CA certificate ${certName(cert)} has basicConstraints CA:TRUE not marked critical; RFC 5280 §4.2.1.9 says CAs MUST mark it critical. Reissue it with basicConstraints = critical, CA:TRUE.`,
      });
    }
  },
};
