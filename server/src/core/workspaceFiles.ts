import type { FileHost } from './host';
import { joinPath } from './paths';

const SKIP = new Set(['node_modules', '.git', '.hg', '.svn', 'out', 'dist']);
const MAX_DEPTH = 6;
const MAX_ENTRIES = 5000;

/**
 * Calls `visit` for each file under the workspace roots, in name order. Dependency, VCS, build and
 * dot-directories are skipped, and depth and entry count are bounded so that a home directory
 * opened as a workspace stays cheap to index.
 */
export function walkWorkspaceFiles(host: FileHost, visit: (path: string, name: string) => void): void {
  let budget = MAX_ENTRIES;
  const walk = (dir: string, depth: number): void => {
    for (const name of (host.listDir(dir) ?? []).sort()) {
      if (--budget < 0) return;
      const p = joinPath(dir, name);
      if (host.isDirectory(p)) {
        if (depth < MAX_DEPTH && !SKIP.has(name) && !name.startsWith('.')) walk(p, depth + 1);
      } else {
        visit(p, name);
      }
    }
  };
  for (const root of host.roots) walk(root, 0);
}
