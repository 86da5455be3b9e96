/**
 * nginx (ngx_conf_file.c): each directive is registered for certain contexts; elsewhere startup
 * fails with `"ssl_certificate" directive is not allowed here`. The server-side ssl_* directives
 * live in http and server only, never in location.
 *
 *     location /api { ssl_verify_client on; }     # flagged: not allowed in location
 *
 * A fragment file's top level may be included anywhere, so it is only judged inside its blocks.
 */
import { specsNamed, type Context } from '../catalogue';
import { contextLabel } from '../directives.data';
import type { NginxRule } from '../rule';
import { checkedDirectives } from '../structure';

const describe = (contexts: ReadonlySet<Context>): string => [...contexts].map(contextLabel).join(' or ');

export const invalidContext: NginxRule = {
  meta: {
    id: 'nginx/invalid-context',
    language: 'nginx',
    description: 'A TLS directive in a block where nginx does not allow it (e.g. ssl_certificate in location): nginx refuses to start.',
    severity: 'error',
    fixable: false,
    citation: 'nginx ngx_conf_file.c: directive is not allowed here; context lists on nginx.org',
  },
  check(ctx, report) {
    for (const c of checkedDirectives(ctx.config)) {
      const all = specsNamed(c.directive.name);
      if (!all.length || c.specs.length) continue;
      const allowed = [...new Set(all.flatMap((s) => s.contexts.map(contextLabel)))].join(', ');
      const where = describe(c.contexts);
      const hint = c.contexts.has('location') || c.contexts.has('if') ? ' Move it to the enclosing server (it applies to the whole server, not per location).' : '';
      report({
        file: c.directive.file,
        span: c.directive.nameSpan,
        message: `"${c.directive.name}" directive is not allowed here (${where}): nginx accepts it only in ${allowed} and refuses to start.${hint}`,
      });
    }
  },
};
