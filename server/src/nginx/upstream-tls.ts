import type { Edit } from '../core/finding';
import type { Directive } from './ast';
import { rootContexts } from './contexts';
import { insertLineNextTo } from './edits';
import type { ExpandedConfig } from './include';
import type { UpstreamModule, UpstreamTlsPass } from './locations';

/** `proxy` + `verify` → `proxy_ssl_verify`; grpc and uwsgi mirror the proxy directives. */
export function upstreamSsl(module: UpstreamModule, what: string): string {
  return `${module}_ssl_${what}`;
}

/** An IPv4 or IPv6 literal (brackets already stripped): no DNS name, so no SNI and no resolver. */
export function isIpLiteral(host: string): boolean {
  return /^\d{1,3}(\.\d{1,3}){3}$/.test(host) || host.includes(':');
}

/** The host of an `http://host[:port]/path` URL as written, or undefined. */
export function urlHost(url: string): string | undefined {
  const m = /^[a-z][a-z0-9+.-]*:\/\/(\[[^\]]*\]|[^/:?#]*)/i.exec(url);
  const host = m?.[1].replace(/^\[|\]$/g, '');
  return host || undefined;
}

/** The names of every `upstream name {}` block in the expanded config. */
export function upstreamBlockNames(top: Directive[]): Set<string> {
  const out = new Set<string>();
  const walk = (level: Directive[]): void => {
    for (const d of level) {
      if (!d.block || d.raw) continue;
      if (d.name === 'upstream' && d.args[0]) out.add(d.args[0].value.toLowerCase());
      else walk(d.block.children);
    }
  };
  walk(top);
  return out;
}

/** A file that may be included by another (conf.d/*.conf, a snippet), rather than a whole nginx.conf. */
export function isFragment(config: ExpandedConfig): boolean {
  return rootContexts(config.directives).size > 1;
}

/**
 * Where a directive added for `pass` goes: next to the pass, or next to the `if` holding it, since
 * the `*_ssl_*` directives are not allowed inside `if`. `level` is the body the line lands in.
 */
function placement(p: UpstreamTlsPass): { anchor: Directive; where: 'before' | 'after'; level: Directive[] } {
  const levels = p.scope.levels;
  const location = 'location' in p.scope ? (p.scope as { location: Directive }).location : undefined;
  if (location?.name === 'if') return { anchor: location, where: 'before', level: levels[levels.length - 2] ?? [] };
  return { anchor: p.pass, where: 'after', level: levels[levels.length - 1] };
}

/**
 * Edits that make `name` `on` for `pass`: the value of a `name off;` already in the body the fix
 * goes to is changed (a second one there would be a duplicate nginx refuses); otherwise `name on;`
 * and any `extra` lines are inserted next to the pass.
 */
export function switchOnForPass(config: ExpandedConfig, p: UpstreamTlsPass, name: string, extra: string[] = []): Edit[] {
  const { anchor, where, level } = placement(p);
  const existing = level.find((d) => d.name === name && !d.block && d.args.length === 1);
  const edits: Edit[] = [];
  if (existing) edits.push({ file: existing.file, span: existing.args[0].span, newText: 'on' });
  const lines = existing ? extra : [`${name} on;`, ...extra];
  if (lines.length) edits.push(insertLineNextTo(config, anchor, lines, where, lines.some((l) => l.includes('${'))));
  return edits;
}
