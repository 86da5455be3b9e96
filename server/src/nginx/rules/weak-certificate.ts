/**
 * NIST SP 800-131A / CA/Browser Forum BR §6.1.5–6.1.6: RSA keys under 2048 bits and MD5/SHA-1
 * signatures are broken or deprecated for certificates. OpenSSL 3 at security level 2 (the
 * Debian/Ubuntu default) refuses them outright: `nginx -t` fails with "ee key too small" or
 * "ca md too weak". A self-signed root's own signature is not checked, so it is not flagged.
 *
 *     ssl_certificate /etc/nginx/ssl/legacy.pem;   # flagged: RSA 1024 bits, sha1WithRSAEncryption
 */
import { hasWeakSignature, isWeakRsaKey, MIN_RSA_BITS } from '../../pki/checks';
import type { NginxRule } from '../rule';
import { certificatesIn, fileDirectives, pathSpan } from '../tlsFiles';

export const weakCertificate: NginxRule = {
  meta: {
    id: 'nginx/weak-certificate',
    language: 'nginx',
    description: 'A certificate has an RSA key under 2048 bits or an MD5/SHA-1 signature.',
    severity: 'warning',
    fixable: false,
    citation: 'NIST SP 800-131A Rev. 2; CA/Browser Forum Baseline Requirements §6.1.5, §7.1.3',
  },
  check(ctx, report) {
    for (const { directive, role, value } of fileDirectives(ctx.config)) {
      if (role !== 'certificate' && role !== 'ca-list') continue;
      for (const cert of certificatesIn(ctx, directive)) {
        const d = cert.description;
        const issues: string[] = [];
        if (isWeakRsaKey(d.publicKey)) issues.push(`an RSA key of ${d.publicKey.bits} bits (at least ${MIN_RSA_BITS} needed; "ee key too small")`);
        if (hasWeakSignature(cert)) issues.push(`a ${d.signatureAlgorithm} signature (collisions are practical; "ca md too weak")`);
        if (!issues.length) continue;
        report({
          file: directive.file,
          span: pathSpan(directive),
          message: `"${directive.name} ${value}": "${d.subject}" has ${issues.join(' and ')}. Clients reject it, and OpenSSL 3 at security level 2 (Debian, Ubuntu and RHEL defaults) refuses to load it. Reissue it with an ECDSA P-256 or RSA 2048+ key and a SHA-256 signature.`,
        });
      }
    }
  },
};
