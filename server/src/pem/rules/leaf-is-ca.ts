/**
 * RFC 5280 §4.2.1.9: cA=TRUE lets the holder of the key issue certificates that chain to the
 * issuing CA. A certificate shaped as an end entity — keyUsage without keyCertSign and cRLSign, or
 * without keyUsage a SAN plus a TLS/email/code-signing EKU — that signs nothing in the document and
 * is issued by someone else should not carry it. Self-signed certificates are their own trust
 * anchors (`openssl req -x509` marks them CA:TRUE) and are not flagged.
 *
 *     -----BEGIN CERTIFICATE-----   # flagged: CA:TRUE, keyUsage digitalSignature, EKU serverAuth, issued by an intermediate
 */
import type { PemRule } from '../rule';
import { certName, endEntityProfile, headSpan, placedCertificates, signsInDocument } from '../model';

export const leafIsCa: PemRule = {
  meta: {
    id: 'pem/leaf-is-ca',
    language: 'pem',
    description: 'An end-entity certificate issued by a CA has cA=TRUE in basic constraints.',
    severity: 'warning',
    fixable: false,
    citation: 'RFC 5280 §4.2.1.9, §4.2.1.3',
  },
  check(ctx, report) {
    for (const { cert, object } of placedCertificates(ctx)) {
      const d = cert.description;
      if (!d.isCA || d.selfSigned || !endEntityProfile(cert) || signsInDocument(ctx, cert)) continue;
      report({
        file: ctx.path,
        span: headSpan(ctx.text, object),
        message: `The certificate ${certName(cert)} is shaped as an end entity (${d.keyUsage.length ? `keyUsage ${d.keyUsage.join(', ')}` : `EKU ${d.extendedKeyUsage.join(', ')}`}) but has basicConstraints CA:TRUE: whoever holds its key can issue certificates under "${d.issuer}". Reissue it with basicConstraints = CA:FALSE.`,
      });
    }
  },
};
