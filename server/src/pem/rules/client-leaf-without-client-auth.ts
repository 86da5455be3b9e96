/**
 * RFC 5280 §4.2.1.12: with an EKU present the certificate "MUST only be used for one of the
 * purposes indicated". A leaf a config presents as a TLS client (nginx `proxy_ssl_certificate`,
 * `grpc_ssl_certificate`, `uwsgi_ssl_certificate`; Istio DestinationRule `clientCertificate`)
 * without clientAuth is refused by servers that verify clients ("unsuitable certificate
 * purpose"). Only uses a config in the workspace declares count; nothing is guessed.
 *
 *     -----BEGIN CERTIFICATE-----   # flagged: EKU serverAuth only, named by proxy_ssl_certificate
 */
import type { PemRule } from '../rule';
import { certName, CLIENT_AUTH, ekuExcludes, headSpan, presentedLeaf } from '../model';

export const clientLeafWithoutClientAuth: PemRule = {
  meta: {
    id: 'pem/client-leaf-without-client-auth',
    language: 'pem',
    description: 'A certificate a config presents as a TLS client has an extended key usage without clientAuth.',
    severity: 'warning',
    fixable: false,
    citation: 'RFC 5280 §4.2.1.12',
  },
  check(ctx, report) {
    const use = ctx.uses.find((u) => u.role === 'client');
    const leaf = presentedLeaf(ctx);
    if (!use || !leaf || !ekuExcludes(leaf.cert, CLIENT_AUTH)) return;
    report({
      file: ctx.path,
      span: headSpan(ctx.text, leaf.object),
      message: `The certificate ${certName(leaf.cert)} is presented as a client certificate (${use.by}) but its extended key usage is ${leaf.cert.description.extendedKeyUsage.join(', ')}, without clientAuth: servers that verify clients reject it ("unsuitable certificate purpose"). Reissue it with extendedKeyUsage = clientAuth.`,
    });
  },
};
