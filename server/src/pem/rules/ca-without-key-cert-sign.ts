/**
 * RFC 5280 §4.2.1.3: a key that signs certificates needs keyCertSign when keyUsage is present
 * ("the subject public key MUST NOT be used to verify signatures on certificates ... unless the
 * keyCertSign bit is set"); §6.1.4 (n). OpenSSL rejects chains through such a CA ("key usage does
 * not include certificate signing"). Flagged when the CA signs a certificate in the same document
 * or has a CA-shaped key usage (cRLSign) — a self-signed server certificate with cA=TRUE and a
 * digitalSignature key usage signs nothing and is left alone.
 *
 *     -----BEGIN CERTIFICATE-----   # flagged: cA=TRUE, keyUsage cRLSign only, issued the leaf below
 */
import { certificateExtensions } from '../../pki/extensions';
import type { PemRule } from '../rule';
import { certName, headSpan, placedCertificates, signsInDocument } from '../model';

export const caWithoutKeyCertSign: PemRule = {
  meta: {
    id: 'pem/ca-without-key-cert-sign',
    language: 'pem',
    description: 'A CA certificate has a key usage extension without keyCertSign, so nothing it signs verifies.',
    severity: 'warning',
    fixable: false,
    citation: 'RFC 5280 §4.2.1.3, §6.1.4 (n)',
  },
  check(ctx, report) {
    for (const { cert, object } of placedCertificates(ctx)) {
      if (!cert.description.isCA) continue;
      const ku = certificateExtensions(cert).keyUsage;
      if (!ku || ku.usages.includes('keyCertSign')) continue;
      const signs = signsInDocument(ctx, cert);
      if (!signs && !ku.usages.includes('cRLSign')) continue;
      const why = signs ? 'it issued another certificate in this file, but' : 'it is a CA (cA=TRUE, cRLSign), but';
      report({
        file: ctx.path,
        span: headSpan(ctx.text, object),
        message: `The CA certificate ${certName(cert)} has keyUsage ${ku.usages.join(', ') || '(empty)'} without keyCertSign: ${why} verifiers reject every certificate it signs ("key usage does not include certificate signing"). Reissue it with keyUsage = critical, keyCertSign, cRLSign.`,
      });
    }
  },
};
