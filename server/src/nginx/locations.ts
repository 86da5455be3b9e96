import type { Directive } from './ast';
import { effective, type ServerContext } from './contexts';

/**
 * A `location` (or an `if`/`limit_except` inside one) as nginx merges it: the server's levels
 * plus each enclosing location body, innermost last, so `effective()` works on it unchanged.
 */
export interface LocationContext extends ServerContext {
  location: Directive;
}

const NESTED = new Set(['location', 'if', 'limit_except']);

// Many rules ask for the same walks over one analysis's servers: compute each once.
const locationMemo = new WeakMap<ServerContext[], LocationContext[]>();
const passMemo = new WeakMap<ServerContext[], UpstreamTlsPass[]>();

/** Every location of every http server, nested ones included, outermost first. */
export function locationContexts(servers: ServerContext[]): LocationContext[] {
  const hit = locationMemo.get(servers);
  if (hit) return hit;
  const out: LocationContext[] = [];
  locationMemo.set(servers, out);
  const walk = (server: ServerContext, levels: Directive[][], body: Directive[]): void => {
    for (const d of body) {
      if (!NESTED.has(d.name) || !d.block || d.raw) continue;
      const inner = [...levels, d.block.children];
      out.push({ ...server, location: d, levels: inner });
      walk(server, inner, d.block.children);
    }
  };
  for (const s of servers) if (s.protocol === 'http') walk(s, s.levels, s.levels[s.levels.length - 1]);
  return out;
}

/** Upstream TLS: which module's `*_ssl_*` directives apply to a pass. */
export type UpstreamModule = 'proxy' | 'grpc' | 'uwsgi';

export interface UpstreamTlsPass {
  /** `proxy_pass https://...`, `grpc_pass grpcs://...`, `uwsgi_pass suwsgi://...`, or stream `proxy_ssl on`. */
  pass: Directive;
  module: UpstreamModule;
  /** Where the pass is, with the levels its `*_ssl_*` directives are inherited through. */
  scope: ServerContext;
  /** The upstream host as written (no port), when the address names one. */
  host?: string;
}

const TLS_SCHEMES: Record<string, [string, UpstreamModule]> = { proxy_pass: ['https://', 'proxy'], grpc_pass: ['grpcs://', 'grpc'], uwsgi_pass: ['suwsgi://', 'uwsgi'] };

/** Every place nginx opens TLS to an upstream. */
export function upstreamTlsPasses(servers: ServerContext[]): UpstreamTlsPass[] {
  const hit = passMemo.get(servers);
  if (hit) return hit;
  const out: UpstreamTlsPass[] = [];
  passMemo.set(servers, out);
  for (const scope of locationContexts(servers)) {
    for (const d of scope.location.block?.children ?? []) {
      const scheme = TLS_SCHEMES[d.name];
      const url = d.args[0]?.value ?? '';
      if (scheme && url.toLowerCase().startsWith(scheme[0])) out.push({ pass: d, module: scheme[1], scope, host: hostOf(url.slice(scheme[0].length)) });
    }
  }
  for (const scope of servers) {
    if (scope.protocol !== 'stream' || !scope.server) continue;
    const own = scope.levels[scope.levels.length - 1];
    const pass = own.find((d) => d.name === 'proxy_pass' && !d.block);
    const ssl = effective(scope, 'proxy_ssl');
    if (pass && ssl?.args[0]?.value === 'on') out.push({ pass, module: 'proxy', scope, host: hostOf(pass.args[0]?.value ?? '') });
  }
  return out;
}

/** `api.example.com:8443/path` → `api.example.com`; `[::1]:443` → `::1`; variables → undefined. */
function hostOf(rest: string): string | undefined {
  if (!rest || rest.includes('$')) return undefined;
  if (rest.startsWith('[')) return rest.slice(1, rest.indexOf(']') > 0 ? rest.indexOf(']') : undefined);
  return rest.split(/[/:?]/)[0] || undefined;
}
