/**
 * Where a path named in an nginx config (ssl_certificate, ssl_crl, ...) lives on the host that
 * runs tlsnet. nginx resolves relative paths against its conf prefix (the main config's
 * directory); a workspace usually holds a copy of /etc/nginx, so `tlsnet.nginx.pathMappings`
 * maps server prefixes to workspace folders.
 */
import type { FileHost } from '../core/host';
import { dirname, isAbsolute, joinPath, normalize } from '../core/paths';
import type { Settings } from '../core/settings';

export type ResolvedPath =
  | { kind: 'file'; path: string }
  /**
   * `offHost`: an absolute path no mapping covers whose directory does not exist here either — the
   * config is being edited away from the server, so the file's absence says nothing yet.
   */
  | { kind: 'missing'; tried: string[]; offHost: boolean }
  /** Contains nginx variables (`$ssl_server_name`): only known per request. */
  | { kind: 'dynamic' }
  /** `data:...` inline PEM or `engine:name:id` (an OpenSSL engine key), not a file. */
  | { kind: 'not-a-file'; scheme: string };

export interface PathContext {
  host: FileHost;
  settings: Settings;
  /** The main config: its directory is nginx's prefix for relative paths. */
  mainFile: string;
  /** The file the directive is written in. */
  fromFile: string;
}

export function resolveConfigPath(value: string, c: PathContext): ResolvedPath {
  if (value.includes('$')) return { kind: 'dynamic' };
  const scheme = /^(data|engine|store):/.exec(value);
  if (scheme) return { kind: 'not-a-file', scheme: scheme[1] };
  const tried: string[] = [];
  const viaMapping = mapped(value, c);
  const candidates = [...viaMapping, ...(isAbsolute(value) ? [normalize(value)] : unique([dirname(c.mainFile), dirname(c.fromFile), ...c.host.roots]).map((b) => joinPath(b, value)))];
  for (const p of unique(candidates)) {
    tried.push(p);
    if (c.host.isFile(p)) return { kind: 'file', path: p };
  }
  const offHost = isAbsolute(value) && !viaMapping.length && !c.host.isDirectory(dirname(normalize(value)));
  return { kind: 'missing', tried, offHost };
}

/** Candidates from the longest `pathMappings` prefix that matches at a path-segment boundary. */
function mapped(value: string, c: PathContext): string[] {
  const full = isAbsolute(value) ? normalize(value) : joinPath(dirname(c.mainFile), value);
  let best: [string, string] | undefined;
  for (const [from, to] of Object.entries(c.settings.nginx.pathMappings)) {
    const prefix = normalize(from);
    const matches = full === prefix || full.startsWith(prefix.endsWith('/') ? prefix : `${prefix}/`);
    if (matches && (!best || prefix.length > best[0].length)) best = [prefix, to];
  }
  if (!best) return [];
  const rest = full.slice(best[0].length).replace(/^\//, '');
  const target = best[1];
  const bases = isAbsolute(target) ? [target] : c.host.roots.map((r) => joinPath(r, target));
  return bases.map((b) => (rest ? joinPath(b, rest) : normalize(b)));
}

function unique<T>(xs: T[]): T[] {
  return [...new Set(xs)];
}
