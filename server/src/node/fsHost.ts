import { readdirSync, readFileSync, statSync } from 'node:fs';
import { resolve, sep } from 'node:path';
import type { FileHost } from '../core/host';
import { MAX_ANALYZED_BYTES } from '../core/limits';

export interface FsHostOptions {
  roots: string[];
  /** Restricted Mode: nothing outside the roots is read. */
  confineToRoots?: boolean;
  /** Open documents' unsaved text wins over the disk. */
  overlay?: (path: string) => string | undefined;
}

/** The real file system behind the core's FileHost, with the editor's open documents on top. */
export function fsHost(opts: FsHostOptions): FileHost {
  const roots = opts.roots.map((r) => resolve(r));
  const allowed = (p: string): boolean => !opts.confineToRoots || roots.some((r) => p === r || p.startsWith(r.endsWith(sep) ? r : r + sep));
  const stat = (p: string) => {
    if (!allowed(p)) return undefined;
    try {
      return statSync(p);
    } catch {
      return undefined;
    }
  };
  return {
    roots,
    readFile(p) {
      const open = opts.overlay?.(p);
      if (open !== undefined) return open;
      const s = stat(p);
      if (!s?.isFile() || s.size > MAX_ANALYZED_BYTES) return undefined;
      try {
        return readFileSync(p, 'utf8');
      } catch {
        return undefined;
      }
    },
    readBytes(p) {
      const open = opts.overlay?.(p);
      if (open !== undefined) return new TextEncoder().encode(open);
      const s = stat(p);
      if (!s?.isFile() || s.size > MAX_ANALYZED_BYTES) return undefined;
      try {
        return new Uint8Array(readFileSync(p));
      } catch {
        return undefined;
      }
    },
    isFile: (p) => opts.overlay?.(p) !== undefined || stat(p)?.isFile() === true,
    isDirectory: (p) => stat(p)?.isDirectory() === true,
    listDir(p) {
      if (!stat(p)?.isDirectory()) return undefined;
      try {
        return readdirSync(p);
      } catch {
        return undefined;
      }
    },
  };
}
