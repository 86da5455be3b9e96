/**
 * RFC 9525 §6.3 (replacing RFC 6125): clients match the server's name against the subject
 * alternative names only; Chrome (since 58) and Go (since 1.15) no longer fall back to the CN,
 * though OpenSSL's X509_check_host still does. A server leaf — a leaf whose EKU includes
 * serverAuth, or the first certificate of a file a config presents as a server certificate
 * (nginx `ssl_certificate`, Istio `serverCertificate`) — without a DNS or IP SAN fails
 * those clients' hostname checks.
 *
 *     -----BEGIN CERTIFICATE-----   # flagged: CN=api.example.com, EKU serverAuth, no subjectAltName
 */
import type { PemRule } from '../rule';
import { bundles, certName, headSpan, isLeaf, placedCertificates, SERVER_AUTH } from '../model';
import { certificateExtensions } from '../../pki/extensions';

export const serverLeafWithoutSan: PemRule = {
  meta: {
    id: 'pem/server-leaf-without-san',
    language: 'pem',
    description: 'A server certificate has no DNS or IP subject alternative name, so hostname verification fails.',
    severity: 'warning',
    fixable: false,
    citation: 'RFC 9525 §6.3; RFC 5280 §4.2.1.6',
  },
  check(ctx, report) {
    // A config's server certificate is the file's first certificate, self-signed CA:TRUE ones included.
    const presented = ctx.uses.some((u) => u.role === 'server') ? bundles(ctx)[0]?.[0]?.cert : undefined;
    for (const { cert, object } of placedCertificates(ctx)) {
      if (!isLeaf(cert) && cert !== presented) continue;
      const serverEku = certificateExtensions(cert).extKeyUsage?.oids.includes(SERVER_AUTH) ?? false;
      if (!serverEku && cert !== presented) continue;
      if (cert.description.sans.some((s) => s.type === 'dns' || s.type === 'ip')) continue;
      const cn = /(?:^|,)CN=((?:\\.|[^,])*)/.exec(cert.description.subject)?.[1];
      report({
        file: ctx.path,
        span: headSpan(ctx.text, object),
        message: `The server certificate ${certName(cert)} has no DNS or IP subject alternative name: clients that follow RFC 9525 (Chrome, Go) match host names against SANs only and reject it${cn ? ` even for "${cn}"` : ''}; OpenSSL-based clients still fall back to the CN. Reissue it with subjectAltName = DNS:${cn && !cn.includes(' ') ? cn : '<host name>'}.`,
      });
    }
  },
};
