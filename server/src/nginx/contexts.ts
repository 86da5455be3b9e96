import type { Directive } from './ast';
import { ALL_CONTEXTS, type Context } from './catalogue';

/**
 * One `server {}` as nginx merges it: its own directives and those of the enclosing levels
 * (main → http → server, or main → stream → server). The innermost definition wins.
 */
export interface ServerContext {
  protocol: 'http' | 'stream';
  /** The `server` directive, or undefined for a fragment file read as a bare server body. */
  server?: Directive;
  /** Outermost first; the last level is the server's own body. */
  levels: Directive[][];
  /** It listens on an address:port another server declares `ssl` on: nginx makes it TLS too. */
  sslSocket?: boolean;
}

const TOP_BLOCKS = new Set(['http', 'stream', 'events', 'mail', 'server', 'upstream']);

export function serverContexts(top: Directive[]): ServerContext[] {
  const out: ServerContext[] = [];
  let structured = false;
  for (const d of top) {
    if (TOP_BLOCKS.has(d.name) && d.block) structured = true;
    if ((d.name === 'http' || d.name === 'stream') && d.block) {
      for (const s of d.block.children) {
        if (s.name === 'server' && s.block) out.push({ protocol: d.name, server: s, levels: [top, d.block.children, s.block.children] });
      }
    } else if (d.name === 'server' && d.block) {
      // A file included inside http {} (conf.d/*.conf, sites-enabled/*) holds bare server blocks.
      out.push({ protocol: 'http', server: d, levels: [top, d.block.children] });
    }
  }
  if (!structured && top.some((d) => !d.block)) out.push({ protocol: 'http', levels: [top] });
  // `ssl` belongs to the socket, not to the server that wrote it.
  const ssl = sslSockets(out);
  for (const s of out) if (listenSockets(s).some((l) => !l.ssl && ssl.has(l.socket))) s.sslSocket = true;
  return out;
}

/** The sockets some server's `listen ... ssl` makes TLS for every server on them. */
export function sslSockets(servers: ServerContext[]): Set<string> {
  return new Set(servers.flatMap((s) => listenSockets(s).filter((l) => l.ssl).map((l) => l.socket)));
}

/** The directive of that name nginx would use in this server: innermost level, last occurrence. */
export function effective(ctx: ServerContext, name: string): Directive | undefined {
  for (let i = ctx.levels.length - 1; i >= 0; i--) {
    const level = ctx.levels[i];
    for (let j = level.length - 1; j >= 0; j--) if (level[j].name === name && !level[j].block) return level[j];
  }
  return undefined;
}

/** The server's own body: where a fix that adds a directive to this server belongs. */
export function ownLevel(ctx: ServerContext): Directive[] {
  return ctx.levels[ctx.levels.length - 1];
}

/**
 * The `name` directive in effect for a TLS server, or a fragment (whose includer may set TLS up),
 * when its first argument is one of `values` (any, when omitted); nginx ignores it elsewhere.
 */
export function tlsEffective(server: ServerContext, name: string, values?: readonly string[]): Directive | undefined {
  const d = effective(server, name);
  if (!d || (values && !values.includes(d.args[0]?.value ?? '')) || !tlsOrFragment(server)) return undefined;
  return d;
}

/** `ssl_verify_client` modes that verify client certificates against the CA list. */
export const VERIFYING: readonly string[] = ['on', 'optional'];

/** One directive and the servers it is in effect for. */
export interface InEffect {
  directive: Directive;
  servers: ServerContext[];
}

/**
 * Each `name` directive that `tlsEffective` finds for a server where `where` holds, once even when
 * several servers inherit it, with those servers; in the order of the first of them.
 */
export function tlsServersWith(servers: ServerContext[], name: string, values?: readonly string[], where: (s: ServerContext) => boolean = () => true): InEffect[] {
  const out = new Map<Directive, ServerContext[]>();
  for (const server of servers) {
    const d = tlsEffective(server, name, values);
    if (!d || !where(server)) continue;
    const list = out.get(d);
    if (list) list.push(server);
    else out.set(d, [server]);
  }
  return [...out].map(([directive, applies]) => ({ directive, servers: applies }));
}

/** Each `ssl_verify_client` with one of `modes` in effect for a TLS server where `where` holds, once. */
export function verifyClientInEffect(servers: ServerContext[], modes: readonly string[], where?: (s: ServerContext) => boolean): Directive[] {
  return tlsServersWith(servers, 'ssl_verify_client', modes, where).map((e) => e.directive);
}

/** A server that terminates TLS: `listen ... ssl|quic` (its own, or another server's on the same socket), `ssl on`, or a certificate in effect. */
export function isTlsServer(ctx: ServerContext): boolean {
  if (ctx.sslSocket) return true;
  const own = ownLevel(ctx);
  if (own.some((d) => d.name === 'listen' && d.args.some((a) => a.value === 'ssl' || a.value === 'quic'))) return true;
  const ssl = effective(ctx, 'ssl');
  if (ssl && ssl.args[0]?.value === 'on') return true;
  return effective(ctx, 'ssl_certificate') !== undefined;
}

/** Servers nginx sets TLS up for, or fragments (whose including file may add `listen ... ssl`). */
export function tlsOrFragment(s: ServerContext): boolean {
  return !s.server || isTlsServer(s);
}

/**
 * The contexts (catalogue/types.ts) a top level may be: `main` for a whole nginx.conf; anything
 * for a fragment (conf.d/*.conf, a snippet included inside server {} or location {}), since the
 * including context is unknown.
 */
export function rootContexts(top: Directive[]): ReadonlySet<Context> {
  const whole = top.some((d) => (MAIN_BLOCKS.has(d.name) && d.block) || MAIN_ONLY.has(d.name));
  return new Set<Context>(whole ? ['main'] : ALL_CONTEXTS);
}

const MAIN_BLOCKS = new Set(['http', 'stream', 'mail', 'events']);
const MAIN_ONLY = new Set(['worker_processes', 'user', 'pid', 'load_module', 'worker_rlimit_nofile', 'daemon', 'master_process']);

/** The contexts inside a block `name` opened in one of `outer`; empty for blocks whose body is not directives nginx checks (map, types, events...). */
export function innerContexts(outer: ReadonlySet<Context>, name: string): ReadonlySet<Context> {
  const out = new Set<Context>();
  const add = (from: Context, to: Context): void => {
    if (outer.has(from)) out.add(to);
  };
  switch (name) {
    case 'http': case 'stream': case 'mail':
      add('main', name);
      break;
    case 'server':
      add('http', 'server');
      add('stream', 'stream-server');
      add('mail', 'mail-server');
      break;
    case 'location':
      add('server', 'location');
      add('location', 'location');
      break;
    case 'if':
      add('server', 'if');
      add('location', 'if');
      break;
    case 'limit_except':
      add('location', 'limit_except');
      break;
    case 'upstream':
      add('http', 'upstream');
      add('stream', 'stream-upstream');
      break;
  }
  return out;
}

/** A directive of the expanded tree with every context it may stand in and its sibling list. */
export interface PlacedDirective {
  directive: Directive;
  contexts: ReadonlySet<Context>;
  /** The list the directive is in: its own level, for duplicate checks. */
  level: Directive[];
  /** The enclosing block directive; undefined at the top level. */
  parent?: Directive;
}

/** Every simple or block directive with its possible contexts, depth-first in source order. */
export function placeDirectives(top: Directive[]): PlacedDirective[] {
  const out: PlacedDirective[] = [];
  // An explicit stack, not recursion: a pathological file may nest blocks thousands deep.
  const stack: { level: Directive[]; index: number; contexts: ReadonlySet<Context>; parent?: Directive }[] = [{ level: top, index: 0, contexts: rootContexts(top) }];
  while (stack.length) {
    const frame = stack[stack.length - 1];
    const d = frame.level[frame.index++];
    if (!d) {
      stack.pop();
      continue;
    }
    out.push({ directive: d, contexts: frame.contexts, level: frame.level, parent: frame.parent });
    if (d.block && !d.raw) stack.push({ level: d.block.children, index: 0, contexts: innerContexts(frame.contexts, d.name), parent: d });
  }
  return out;
}

/** One `listen` of a server and the socket it names: `443`, `*:443` and `0.0.0.0:443` are one; `[::]:443` another. */
export interface ListenSocket {
  listen: Directive;
  socket: string;
  /** The `listen` itself says `ssl`. */
  ssl: boolean;
}

export function listenSockets(server: ServerContext): ListenSocket[] {
  return ownLevel(server)
    .filter((d) => d.name === 'listen' && !d.block && d.args.length)
    .map((listen) => {
      const addr = listen.args[0].value;
      const socket = /^\d+$/.test(addr) ? `*:${addr}` : addr.replace(/^0\.0\.0\.0:/, '*:');
      return { listen, socket: `${server.protocol} ${socket}`, ssl: listen.args.some((a) => a.value === 'ssl') };
    });
}
