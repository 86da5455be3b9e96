/**
 * RFC 5280 §4.2.1.9: only certificates with Basic Constraints cA=TRUE may issue certificates.
 * ssl_client_certificate is the list of CAs whose clients nginx accepts (and whose names it sends
 * in the CertificateRequest); a leaf certificate there is a mistake — usually the server's own
 * certificate or one client's certificate pasted instead of its issuer.
 *
 *     ssl_client_certificate /etc/nginx/ssl/server.crt;   # flagged: a server certificate, not a CA
 */
import { summarizeCaList } from '../../pki/chain';
import type { NginxRule } from '../rule';
import { certificatesIn, fileDirectives, pathSpan } from '../tlsFiles';

export const clientCaNotCa: NginxRule = {
  meta: {
    id: 'nginx/client-ca-not-ca',
    language: 'nginx',
    description: 'The `ssl_client_certificate` file contains a certificate that is not a CA (no Basic Constraints cA=TRUE).',
    severity: 'warning',
    fixable: false,
    citation: 'RFC 5280 §4.2.1.9 (Basic Constraints); nginx ngx_http_ssl_module: ssl_client_certificate',
  },
  check(ctx, report) {
    for (const { directive, value } of fileDirectives(ctx.config)) {
      if (directive.name !== 'ssl_client_certificate') continue;
      const { nonCa } = summarizeCaList(certificatesIn(ctx, directive));
      if (!nonCa.length) continue;
      const names = nonCa.slice(0, 3).map((c) => `"${c.description.subject}"`).join(', ') + (nonCa.length > 3 ? ` and ${nonCa.length - 3} more` : '');
      report({
        file: directive.file,
        span: pathSpan(directive),
        message: `"ssl_client_certificate ${value}" holds ${nonCa.length === 1 ? 'a certificate that is' : `${nonCa.length} certificates that are`} not a CA: ${names}. Clients are verified against the CAs that issue their certificates: put the client CA (intermediate and root) in this file instead.`,
      });
    }
  },
};
