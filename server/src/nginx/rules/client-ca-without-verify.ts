/**
 * nginx ngx_http_ssl_module: `ssl_client_certificate` only names the CAs; client certificates are
 * requested only when `ssl_verify_client` is on (its default is off). A CA list with no
 * `ssl_verify_client` in effect is mTLS that was meant but never happens.
 *
 *     server { listen 443 ssl; ... ssl_client_certificate ca.pem; }   # flagged: never asks
 */
import type { Directive } from '../ast';
import { effective, isTlsServer } from '../contexts';
import { insertLineNextTo } from '../edits';
import type { NginxRule } from '../rule';

export const clientCaWithoutVerify: NginxRule = {
  meta: {
    id: 'nginx/client-ca-without-verify',
    language: 'nginx',
    description: 'A TLS server has `ssl_client_certificate` but no `ssl_verify_client`, so it never asks for client certificates.',
    severity: 'warning',
    fixable: true,
    citation: 'nginx ngx_http_ssl_module: ssl_verify_client (default off), ssl_client_certificate',
  },
  check(ctx, report) {
    const seen = new Set<Directive>();
    for (const server of ctx.servers) {
      if (!server.server || !isTlsServer(server)) continue; // a fragment's includer may set it
      const ca = effective(server, 'ssl_client_certificate');
      if (!ca || effective(server, 'ssl_verify_client') || seen.has(ca)) continue;
      seen.add(ca);
      report({
        file: ca.file,
        span: ca.span,
        message: '"ssl_client_certificate" is set but "ssl_verify_client" is not, so nginx never asks clients for a certificate (the default is off). Add "ssl_verify_client on;" to require one.',
        fixes: [{ title: 'Add ssl_verify_client on;', preferred: true, edits: [insertLineNextTo(ctx.config, ca, 'ssl_verify_client on;', 'after')] }],
      });
    }
  },
};
