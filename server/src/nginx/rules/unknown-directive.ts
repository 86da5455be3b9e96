/**
 * nginx (ngx_conf_file.c): a directive no loaded module registers stops startup with
 * `unknown directive "ssl_foo"`. Only names with nginx's own TLS prefixes (ssl_, proxy_ssl_,
 * grpc_ssl_, uwsgi_ssl_, quic_, http3_) are judged; other unknown names may be third-party modules.
 *
 *     ssl_verify_clinet on;     # flagged: did you mean "ssl_verify_client"?
 */
import { CATALOGUE, CATALOGUE_PREFIXES, isCatalogued, isThirdParty } from '../catalogue';
import { checkedDirectives, editDistance } from '../structure';
import type { NginxRule } from '../rule';

/** The one catalogued name closest to `name`, if it is close and no other is as close. */
function suggestion(name: string, allowed: (n: string) => boolean): string | undefined {
  const limit = name.length >= 10 ? 2 : 1;
  let best: string[] = [];
  let bestDistance = limit + 1;
  for (const candidate of new Set(CATALOGUE.filter((d) => allowed(d.name)).map((d) => d.name))) {
    const dist = editDistance(name, candidate);
    if (dist < bestDistance) [best, bestDistance] = [[candidate], dist];
    else if (dist === bestDistance) best.push(candidate);
  }
  return best.length === 1 ? best[0] : undefined;
}

export const unknownDirective: NginxRule = {
  meta: {
    id: 'nginx/unknown-directive',
    language: 'nginx',
    description: 'A directive with an nginx TLS prefix (ssl_, proxy_ssl_, grpc_ssl_, ...) that nginx does not know: nginx refuses to start.',
    severity: 'error',
    fixable: true,
    citation: 'nginx ngx_conf_file.c: unknown directive; nginx.org directive index',
  },
  check(ctx, report) {
    for (const c of checkedDirectives(ctx.config)) {
      const d = c.directive;
      if (isCatalogued(d.name) || isThirdParty(d.name) || !CATALOGUE_PREFIXES.some((p) => d.name.startsWith(p))) continue;
      const near = suggestion(d.name, (n) => CATALOGUE.some((s) => s.name === n && s.contexts.some((x) => c.contexts.has(x))));
      report({
        file: d.file,
        span: d.nameSpan,
        message: `unknown directive "${d.name}": nginx has no such directive and refuses to start.${near ? ` Did you mean "${near}"?` : ' Check the spelling against the nginx.org directive index.'}`,
        fixes: near ? [{ title: `Change to ${near}`, preferred: true, edits: [{ file: d.file, span: d.nameSpan, newText: near }] }] : undefined,
      });
    }
  },
};
