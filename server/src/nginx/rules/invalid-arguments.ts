/**
 * nginx's configuration slots check each directive's arguments at startup: the count, on|off,
 * enum values, times, sizes, numbers, and the ssl_session_cache syntax. A bad one stops nginx
 * (`invalid value "yes"`, `invalid session cache "shared:X"`, `directive invalid value`).
 *
 *     ssl_verify_client yes;          # flagged: must be on, off, optional or optional_no_ca
 *     ssl_session_cache shared:SSL;   # flagged: a shared cache needs a size
 */
import { argumentProblem, type ArgProblem } from '../arguments';
import type { NginxRule } from '../rule';
import { checkedDirectives } from '../structure';

export const invalidArguments: NginxRule = {
  meta: {
    id: 'nginx/invalid-arguments',
    language: 'nginx',
    description: 'A TLS directive with the wrong number of arguments or a value nginx cannot parse: nginx refuses to start.',
    severity: 'error',
    fixable: false,
    citation: 'nginx ngx_conf_file.c and the ssl modules\' argument handlers; syntax on nginx.org',
  },
  check(ctx, report) {
    for (const c of checkedDirectives(ctx.config)) {
      if (!c.specs.length) continue;
      // Where the context is unsure (a fragment), only a problem under every reading counts.
      const problems = c.specs.map((s) => argumentProblem(s, c.directive.args));
      if (problems.some((p) => !p)) continue;
      const p = problems[0] as ArgProblem;
      const d = c.directive;
      report({ file: d.file, span: p.arg?.span ?? d.span, message: `${p.message} nginx refuses to start with it.` });
    }
  },
};
