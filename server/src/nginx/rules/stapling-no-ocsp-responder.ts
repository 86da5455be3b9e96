/**
 * nginx ssl_stapling: nginx fetches OCSP responses from the responder named in the certificate's
 * Authority Information Access extension (RFC 5280 §4.2.2.1) unless ssl_stapling_responder sets
 * one. Without either it logs `"ssl_stapling" ignored, no OCSP responder URL in the certificate`
 * and silently staples nothing.
 *
 *     ssl_stapling on;   # flagged: the certificate has no OCSP URL and no ssl_stapling_responder
 */
import { effective, tlsEffective } from '../contexts';
import type { NginxRule } from '../rule';
import { certificatesIn } from '../tlsFiles';

export const staplingNoOcspResponder: NginxRule = {
  meta: {
    id: 'nginx/stapling-no-ocsp-responder',
    language: 'nginx',
    description: '`ssl_stapling on` but the certificate names no OCSP responder and no `ssl_stapling_responder` is set, so nothing is stapled.',
    severity: 'warning',
    fixable: false,
    citation: 'nginx ngx_http_ssl_module: ssl_stapling, ssl_stapling_responder; RFC 5280 §4.2.2.1; RFC 6066 §8',
  },
  check(ctx, report) {
    const seen = new Set<string>();
    for (const server of ctx.servers) {
      const stapling = tlsEffective(server, 'ssl_stapling', ['on']);
      if (!stapling || effective(server, 'ssl_stapling_responder')) continue;
      const certDirective = effective(server, 'ssl_certificate');
      if (!certDirective) continue;
      const leaf = certificatesIn(ctx, certDirective)[0];
      if (!leaf || leaf.description.ocspUrls.length) continue;
      const key = `${stapling.file}:${stapling.span.start}|${certDirective.file}:${certDirective.span.start}`;
      if (seen.has(key)) continue;
      seen.add(key);
      report({
        file: stapling.file,
        span: stapling.span,
        message: `"ssl_stapling on" has no effect: the certificate "${leaf.description.subject}" of "ssl_certificate ${certDirective.args[0]?.value ?? ''}" names no OCSP responder (Authority Information Access) and no "ssl_stapling_responder" is set; nginx only logs a warning at start. Set "ssl_stapling_responder http://..." or turn stapling off.`,
      });
    }
  },
};
