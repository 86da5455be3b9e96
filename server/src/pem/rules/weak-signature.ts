/**
 * RFC 6151 §2 (MD5) and NIST SP 800-131A Rev. 2 §9 (SHA-1): certificate signatures over these
 * hashes can be forged through collisions; OpenSSL 3 at security level 1 and above rejects them
 * ("CA signature digest algorithm too weak").
 * A self-signed root's own signature is never checked by anyone, so it is not flagged.
 *
 *     -----BEGIN CERTIFICATE-----   # flagged: sha1WithRSAEncryption, issued by "CN=Test Root CA"
 */
import { hasWeakSignature } from '../../pki/checks';
import type { PemRule } from '../rule';
import { certName, headSpan, placedCertificates } from '../model';

export const weakSignature: PemRule = {
  meta: {
    id: 'pem/weak-signature',
    language: 'pem',
    description: 'A certificate is signed with MD5 or SHA-1 (self-signed roots excepted).',
    severity: 'warning',
    fixable: false,
    citation: 'RFC 6151 §2; NIST SP 800-131A Rev. 2 §9; OpenSSL X509_V_ERR_CA_MD_TOO_WEAK',
  },
  check(ctx, report) {
    for (const { cert, object } of placedCertificates(ctx)) {
      if (!hasWeakSignature(cert)) continue;
      const d = cert.description;
      report({
        file: ctx.path,
        span: headSpan(ctx.text, object),
        message: `The certificate ${certName(cert)} is signed with ${d.signatureAlgorithm}: collisions in that hash let others forge certificates, and OpenSSL 3 rejects it at security level 1 and above ("CA signature digest algorithm too weak"). Have "${d.issuer}" reissue it with SHA-256.`,
      });
    }
  },
};
