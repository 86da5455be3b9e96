/**
 * Where a path written in any file (a YAML/JSON value, a quoted string) lives in the workspace:
 * relative to the file, then to each workspace root; an absolute path as written, through path
 * mappings (server prefix → workspace folder), then under each root (a repository that mirrors
 * the server's file system). The nginx-specific resolution (conf prefix, variables) stays in
 * nginx/files.ts.
 */
import type { FileHost } from './host';
import { dirname, isAbsolute, joinPath, normalize } from './paths';

export type WorkspacePath = { kind: 'file'; path: string } | { kind: 'missing'; tried: string[] };

export interface WorkspacePathContext {
  host: FileHost;
  /** The file the path is written in. */
  fromFile: string;
  /** Absolute server prefixes → absolute workspace folders (`tlsnet.nginx.pathMappings`, resolved). */
  mappings?: Record<string, string>;
}

export function resolveWorkspacePath(value: string, c: WorkspacePathContext): WorkspacePath {
  const v = value.replace(/^file:\/\//, '');
  const candidates: string[] = [];
  if (isAbsolute(v)) {
    const full = normalize(v);
    candidates.push(...mapped(full, c.mappings ?? {}), full, ...c.host.roots.map((r) => joinPath(r, full.replace(/^\/+/, ''))));
  } else candidates.push(joinPath(dirname(c.fromFile), v), ...c.host.roots.map((r) => joinPath(r, v)));
  const tried: string[] = [];
  for (const p of [...new Set(candidates)]) {
    tried.push(p);
    if (c.host.isFile(p)) return { kind: 'file', path: p };
  }
  return { kind: 'missing', tried };
}

/** The longest mapping prefix that matches at a path-segment boundary. */
function mapped(full: string, mappings: Record<string, string>): string[] {
  let best: [string, string] | undefined;
  for (const [from, to] of Object.entries(mappings)) {
    const prefix = normalize(from);
    if ((full === prefix || full.startsWith(prefix.endsWith('/') ? prefix : `${prefix}/`)) && (!best || prefix.length > best[0].length)) best = [prefix, to];
  }
  if (!best || !isAbsolute(best[1])) return [];
  const rest = full.slice(best[0].length).replace(/^\//, '');
  return [rest ? joinPath(best[1], rest) : normalize(best[1])];
}
