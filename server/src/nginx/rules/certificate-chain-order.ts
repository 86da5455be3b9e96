/**
 * RFC 8446 §4.4.2 / RFC 5246 §7.4.2: the server sends its certificate first, then each
 * certificate that certifies the one before it. nginx sends the ssl_certificate file as written,
 * so it must be leaf first, then the intermediates, and no intermediate may be missing.
 *
 *     ssl_certificate /etc/nginx/ssl/chain.pem;   # flagged: intermediate before the leaf
 */
import { checkBundle } from '../../pki/chain';
import type { NginxRule } from '../rule';
import { certificatesIn, fileDirectives, knownCertificates, pathSpan } from '../tlsFiles';

export const certificateChainOrder: NginxRule = {
  meta: {
    id: 'nginx/certificate-chain-order',
    language: 'nginx',
    description: 'The `ssl_certificate` bundle is not in leaf-first order, or lacks the intermediate certificate that issued it.',
    severity: 'warning',
    fixable: false,
    citation: 'RFC 8446 §4.4.2, RFC 5246 §7.4.2 (certificate_list order); nginx ngx_http_ssl_module: ssl_certificate',
  },
  check(ctx, report) {
    let known: ReturnType<typeof knownCertificates> | undefined;
    for (const { directive, role, value } of fileDirectives(ctx.config)) {
      if (role !== 'certificate') continue;
      const certs = certificatesIn(ctx, directive);
      if (!certs.length) continue;
      known ??= knownCertificates(ctx);
      const problems = checkBundle(certs, known);
      if (!problems.length) continue;
      const missing = problems.every((p) => p.kind === 'missing-intermediate');
      report({
        file: directive.file,
        span: pathSpan(directive),
        message: `"${directive.name} ${value}": ${problems.map((p) => p.message).join('; ')}. ${missing ? 'Clients that do not already hold that intermediate cannot build a chain: append it after the leaf (e.g. use fullchain.pem, not cert.pem).' : 'Order the file leaf first, then each issuer in turn (the root may be left out).'}`,
      });
    }
  },
};
