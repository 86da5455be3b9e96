/**
 * nginx ngx_http_ssl_module, ssl_stapling: "For a resolution of the OCSP responder hostname, the
 * resolver directive should also be specified." Without one nginx resolves the responder once at
 * startup with the system resolver, logs "no resolver defined" on every refresh and keeps the
 * startup addresses, so stapling stops when the responder moves (they sit behind CDNs).
 *
 *     server { listen 443 ssl; ssl_stapling on; }   # flagged: no resolver
 */
import { effective, tlsServersWith, type ServerContext } from '../contexts';
import { insertLineNextTo } from '../edits';
import type { NginxRule } from '../rule';
import { isIpLiteral, urlHost } from '../upstream-tls';

export const DEFAULT_RESOLVER = '127.0.0.1';

/** No resolver, no stapling file, and a responder (if set) named by host name, not IP address. */
function needsResolver(s: ServerContext): boolean {
  if (effective(s, 'resolver') || effective(s, 'ssl_stapling_file')) return false;
  const responder = urlHost(effective(s, 'ssl_stapling_responder')?.args[0]?.value ?? '');
  return !responder || !isIpLiteral(responder);
}

export const staplingWithoutResolver: NginxRule = {
  meta: {
    id: 'nginx/stapling-without-resolver',
    language: 'nginx',
    description: '`ssl_stapling on` with no `resolver` (and no `ssl_stapling_file`, no responder given by IP address) in effect.',
    severity: 'warning',
    fixable: true,
    citation: 'nginx ngx_http_ssl_module: ssl_stapling, ssl_stapling_responder; ngx_http_core_module: resolver',
  },
  check(ctx, report) {
    for (const { directive: stapling } of tlsServersWith(ctx.servers, 'ssl_stapling', ['on'], needsResolver)) {
      report({
        file: stapling.file,
        span: stapling.span,
        message: `"ssl_stapling on" has no "resolver" for the OCSP responder's host name: nginx looks it up only once at startup, logs "no resolver defined" on every refresh and stops stapling when the responder's addresses change. Add "resolver" (a DNS server nginx can reach).`,
        fixes: [{ title: 'Add resolver', preferred: true, edits: [insertLineNextTo(ctx.config, stapling, `resolver \${1:${DEFAULT_RESOLVER}};`, 'before', true)] }],
      });
    }
  },
};
