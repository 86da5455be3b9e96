/**
 * nginx warns about directives and parameters it still accepts but has deprecated at the
 * configured version: `ssl on` (since 1.15.0: "the "ssl" directive is deprecated, use the
 * "listen ... ssl" directive instead") and `listen ... http2` (since 1.25.1: use `http2 on;`).
 *
 *     server { listen 443; ssl on; }            # flagged (nginx 1.15.0 to 1.25.0)
 *     server { listen 443 ssl http2; }         # flagged (nginx 1.25.1 and newer)
 */
import type { Fix } from '../../core/finding';
import { atLeast } from '../../core/version';
import type { Directive } from '../ast';
import type { ExpandedConfig } from '../include';
import { insertLineNextTo } from '../edits';
import type { NginxRule } from '../rule';
import { checkedDirectives, listenParams, removeDirective } from '../structure';

/** `ssl on;` → the `ssl` parameter on each of the server's listen lines that lacks it. */
export function sslOnFix(config: ExpandedConfig, ssl: Directive, level: Directive[]): Fix | undefined {
  if (ssl.args[0]?.value.toLowerCase() !== 'on') return undefined;
  const listens = level.filter((d) => d.name === 'listen' && !d.block && d.args.length && !d.args.some((a) => a.value === 'ssl' || a.value === 'quic'));
  return {
    title: 'Replace "ssl on;" with the ssl parameter of listen',
    preferred: true,
    edits: [removeDirective(config, ssl), ...listens.map((l) => ({ file: l.file, span: { start: l.args[0].span.end, end: l.args[0].span.end }, newText: ' ssl' }))],
  };
}

/** `listen ... http2` everywhere in the server → plain listens and one `http2 on;`. */
function http2Fix(config: ExpandedConfig, level: Directive[]): Fix {
  const listens = level.filter((d) => d.name === 'listen' && !d.block && d.args.some((a) => a.value === 'http2'));
  const text = (f: string): string => config.files.get(f)?.text ?? '';
  const edits = listens.map((l) => {
    const arg = l.args.find((a) => a.value === 'http2')!;
    let start = arg.span.start;
    while (start > 0 && /[ \t]/.test(text(l.file)[start - 1])) start--;
    return { file: l.file, span: { start, end: arg.span.end }, newText: '' };
  });
  if (!level.some((d) => d.name === 'http2' && !d.block)) edits.push(insertLineNextTo(config, listens[listens.length - 1], 'http2 on;', 'after'));
  return { title: 'Replace "listen ... http2" with "http2 on;"', preferred: true, edits };
}

export const deprecatedDirective: NginxRule = {
  meta: {
    id: 'nginx/deprecated-directive',
    language: 'nginx',
    description: 'A TLS directive or listen parameter nginx deprecates at the configured version (ssl on, listen ... http2).',
    severity: 'warning',
    fixable: true,
    citation: 'nginx CHANGES 1.15.0 (ssl directive deprecated), 1.25.1 (http2 listen parameter deprecated)',
  },
  check(ctx, report) {
    const { version, versionAssumed } = ctx.settings.nginx;
    const assumed = versionAssumed ? ` (assuming nginx ${version}; set tlsnet.nginx.version to your release)` : '';
    for (const c of checkedDirectives(ctx.config)) {
      const d = c.directive;
      const spec = c.specs.find((s) => s.deprecated && atLeast(version, s.deprecated) && !(s.removed && atLeast(version, s.removed)));
      if (spec) {
        const fix = d.name === 'ssl' && c.parent?.name !== 'http' ? sslOnFix(ctx.config, d, c.level) : undefined;
        report({
          file: d.file,
          span: d.span,
          message: `"${d.name}" is deprecated since nginx ${spec.deprecated}${spec.removed ? ` and removed in ${spec.removed}` : ''}: use ${spec.replacement ?? 'its replacement'} instead.`,
          fixes: fix ? [fix] : undefined,
        });
      }
      for (const { param, arg } of listenParams(c)) {
        if (!param.deprecated || !atLeast(version, param.deprecated) || (param.removed && atLeast(version, param.removed))) continue;
        report({
          file: d.file,
          span: arg.span,
          severity: versionAssumed ? 'info' : undefined,
          message: `the "${param.name}" parameter of "listen" is deprecated since nginx ${param.deprecated}${assumed}: use ${param.replacement ?? 'its replacement'} in the server instead. nginx warns at startup.`,
          fixes: param.name === 'http2' ? [http2Fix(ctx.config, c.level)] : undefined,
        });
      }
    }
  },
};
