/**
 * RFC 5280 §4.2.1.12: "If the extension is present, then the certificate MUST only be used for one
 * of the purposes indicated." A leaf that a config presents as a server certificate (nginx
 * `ssl_certificate`, Istio Gateway `serverCertificate`) with an EKU lacking serverAuth is rejected
 * by clients ("unsuitable certificate purpose"). Certificates no config names are not judged:
 * the file alone does not say how it is used. Without an EKU every purpose is allowed.
 *
 *     -----BEGIN CERTIFICATE-----   # flagged: EKU clientAuth only, named by ssl_certificate
 */
import type { PemRule } from '../rule';
import { certName, ekuExcludes, headSpan, presentedLeaf, SERVER_AUTH } from '../model';

export const serverLeafWithoutServerAuth: PemRule = {
  meta: {
    id: 'pem/server-leaf-without-server-auth',
    language: 'pem',
    description: 'A certificate a config presents as a TLS server has an extended key usage without serverAuth.',
    severity: 'warning',
    fixable: false,
    citation: 'RFC 5280 §4.2.1.12',
  },
  check(ctx, report) {
    const use = ctx.uses.find((u) => u.role === 'server');
    const leaf = presentedLeaf(ctx);
    if (!use || !leaf || !ekuExcludes(leaf.cert, SERVER_AUTH)) return;
    report({
      file: ctx.path,
      span: headSpan(ctx.text, leaf.object),
      message: `The certificate ${certName(leaf.cert)} is presented as a server certificate (${use.by}) but its extended key usage is ${leaf.cert.description.extendedKeyUsage.join(', ')}, without serverAuth: TLS clients reject it ("unsuitable certificate purpose"). Reissue it with extendedKeyUsage = serverAuth.`,
    });
  },
};
