/**
 * nginx refuses a directive set twice at one level when its slot holds one value
 * (`"ssl_ciphers" directive is duplicate`). ssl_certificate/_key (one pair per key type),
 * ssl_conf_command, ssl_session_ticket_key, ssl_protocols (values are ORed) and listen may repeat.
 *
 *     ssl_verify_client on;
 *     ssl_verify_client optional;     # flagged: is duplicate
 */
import type { Directive } from '../ast';
import { LineIndex } from '../../core/text';
import type { NginxRule } from '../rule';
import { checkedDirectives, removeDirective } from '../structure';

export const duplicateDirective: NginxRule = {
  meta: {
    id: 'nginx/duplicate-directive',
    language: 'nginx',
    description: 'A TLS directive nginx accepts only once per level is set twice in the same block: nginx refuses to start.',
    severity: 'error',
    fixable: true,
    citation: 'nginx ngx_conf_file.c slots: "is duplicate"',
  },
  check(ctx, report) {
    const first = new Map<Directive[], Map<string, Directive>>();
    for (const c of checkedDirectives(ctx.config)) {
      const d = c.directive;
      if (!c.specs.length || c.specs.some((s) => s.repeatable)) continue;
      const seen = first.get(c.level) ?? new Map<string, Directive>();
      first.set(c.level, seen);
      const earlier = seen.get(d.name);
      if (!earlier) {
        seen.set(d.name, d);
        continue;
      }
      const text = ctx.config.files.get(earlier.file)?.text ?? '';
      const line = new LineIndex(text).positionAt(earlier.span.start).line + 1;
      const at = earlier.file === d.file ? `line ${line}` : `${earlier.file}:${line}`;
      const same = earlier.args.map((a) => a.value).join(' ') === d.args.map((a) => a.value).join(' ');
      report({
        file: d.file,
        span: d.span,
        message: `"${d.name}" directive is duplicate: it is already set in this block at ${at}, and nginx refuses to start. Keep one of them.`,
        fixes: same ? [{ title: `Remove the repeated ${d.name}`, preferred: true, edits: [removeDirective(ctx.config, d)] }] : undefined,
      });
    }
  },
};
