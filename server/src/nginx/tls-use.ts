import type { Fix } from '../core/finding';
import type { Reporter } from '../core/rule';
import type { TlsProfile } from '../core/settings';
import type { Span } from '../core/text';
import type { Arg, Directive } from './ast';
import { effective, isTlsServer, ownLevel, tlsServersWith, type ServerContext } from './contexts';
import { insertLineNextTo } from './edits';
import { mozillaCipherList } from '../tls/profiles.data';
import { upstreamTlsPasses, type UpstreamModule } from './locations';
import type { NginxContext } from './rule';

/** A directive nginx has to apply, or one it never reads here (so a broken value passes `nginx -t`). */
export interface TlsDirectiveUse {
  directive: Directive;
  /** A TLS server or TLS upstream uses it: nginx checks the value at start. */
  inUse: boolean;
}

const UPSTREAM_PREFIX: Record<string, UpstreamModule> = { proxy_: 'proxy', grpc_: 'grpc', uwsgi_: 'uwsgi' };

/** Every directive of these names in the expanded config, depth-first in source order. */
export function allDirectives(top: Directive[], names: readonly string[]): Directive[] {
  const out: Directive[] = [];
  const walk = (level: Directive[]): void => {
    for (const d of level) {
      if (names.includes(d.name) && !d.block) out.push(d);
      if (d.block && !d.raw) walk(d.block.children);
    }
  };
  walk(top);
  return out;
}

/**
 * The `ssl_*` / `proxy_ssl_*` / `grpc_ssl_*` / `uwsgi_ssl_*` directives of these names, each
 * marked with whether nginx applies it: server-side ones when a TLS server (or a fragment, whose
 * servers we cannot see) inherits them, upstream ones when a TLS pass of their module does.
 */
export function tlsDirectiveUses(ctx: NginxContext, names: readonly string[]): TlsDirectiveUse[] {
  const used = new Set<Directive>();
  for (const n of names) for (const { directive } of tlsServersWith(ctx.servers, n)) used.add(directive);
  const passes = upstreamTlsPasses(ctx.servers);
  for (const p of passes) {
    for (const n of names) {
      const prefix = Object.keys(UPSTREAM_PREFIX).find((k) => n.startsWith(k));
      if (!prefix || UPSTREAM_PREFIX[prefix] !== p.module) continue;
      const d = effective(p.scope, n);
      if (d) used.add(d);
    }
  }
  // A proxy_pass whose URL is a variable may be TLS: treat its module's directives as in use.
  const dynamic = allDirectives(ctx.config.directives, ['proxy_pass', 'grpc_pass', 'uwsgi_pass']).some((d) => (d.args[0]?.value ?? '').startsWith('$'));
  const fragment = ctx.servers.length === 0 || ctx.servers.every((s) => !s.server);
  return allDirectives(ctx.config.directives, names).map((directive) => ({
    directive,
    inUse: used.has(directive) || fragment || (dynamic && Object.keys(UPSTREAM_PREFIX).some((k) => directive.name.startsWith(k))),
  }));
}

/** The span of an argument's value, inside the quotes when it is quoted. */
export function valueSpan(arg: Arg): Span {
  return arg.quoted ? { start: arg.span.start + 1, end: Math.max(arg.span.start + 1, arg.span.end - 1) } : arg.span;
}

/** The span from the first to the last argument: what a fix replaces to keep name, comments and `;`. */
export function argsSpan(d: Directive): Span | undefined {
  if (!d.args.length) return undefined;
  return { start: d.args[0].span.start, end: d.args[d.args.length - 1].span.end };
}

/** The ssl_protocols in effect say TLS 1.3 only, so a TLS ≤ 1.2 cipher list is never used. */
export function tls13Only(protocols: Directive | undefined): boolean {
  return !!protocols && protocols.args.length > 0 && protocols.args.every((a) => a.value === 'TLSv1.3');
}

/** What to say about a TLS server that leaves a directive to nginx's default, and the line that sets it. */
export interface UnsetDefault {
  message: string;
  title: string;
  line: string;
  /** Servers where the default does not matter. */
  skip?: (s: ServerContext) => boolean;
}

/**
 * Reports each TLS `server {}` with no `name` in effect at its `server` keyword, offering to add
 * `line` at the top of its own body (in the server's file, where nginx reads it first).
 */
export function reportUnsetInTlsServers(ctx: NginxContext, report: Reporter, name: string, unset: UnsetDefault): void {
  for (const s of ctx.servers) {
    if (!s.server || !isTlsServer(s) || effective(s, name) || unset.skip?.(s)) continue;
    const file = s.server.file;
    const anchor = ownLevel(s).find((d) => d.file === file);
    report({
      file,
      span: s.server.nameSpan,
      message: unset.message,
      fixes: anchor ? [{ title: unset.title, preferred: true, edits: [insertLineNextTo(ctx.config, anchor, unset.line, 'before')] }] : undefined,
    });
  }
}

/** The fix that puts the Mozilla cipher list of `profile` (see `mozillaCipherList`) in place of a cipher string. */
export function useMozillaCiphers(profile: TlsProfile, file: string, span: Span): Fix {
  const list = mozillaCipherList(profile);
  return { title: `Use the Mozilla ${list.profile} cipher list`, preferred: true, edits: [{ file, span, newText: list.ciphers }] };
}
