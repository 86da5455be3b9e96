/**
 * NIST SP 800-131A Rev. 2 §2: RSA keys under 2048 bits are disallowed for signatures; OpenSSL 3
 * at security level 2 (Debian, Ubuntu, RHEL defaults) refuses them ("EE certificate key too weak",
 * "CA certificate key too weak").
 *
 *     -----BEGIN CERTIFICATE-----   # flagged: RSA 1024 bits
 */
import { isWeakRsaKey, MIN_RSA_BITS } from '../../pki/checks';
import type { PemRule } from '../rule';
import { certName, headSpan, placedCertificates } from '../model';

export const weakKey: PemRule = {
  meta: {
    id: 'pem/weak-key',
    language: 'pem',
    description: 'A certificate holds an RSA key shorter than 2048 bits.',
    severity: 'warning',
    fixable: false,
    citation: 'NIST SP 800-131A Rev. 2 §2; OpenSSL SSL_CTX_set_security_level (level 2)',
  },
  check(ctx, report) {
    for (const { cert, object } of placedCertificates(ctx)) {
      const k = cert.description.publicKey;
      if (!isWeakRsaKey(k)) continue;
      report({
        file: ctx.path,
        span: headSpan(ctx.text, object),
        message: `The certificate ${certName(cert)} has an RSA key of ${k.bits} bits; at least ${MIN_RSA_BITS} are needed. OpenSSL 3 at security level 2 refuses it ("certificate key too weak") and keys that short are within reach of factoring. Reissue it with an RSA 2048+ or ECDSA P-256 key.`,
      });
    }
  },
};
