import type { FileHost } from '../core/host';
import { joinPath } from '../core/paths';
import { parseAndExpand } from './analyze';

/**
 * Which workspace config includes which file. A fragment (`conf.d/api.conf`, a snippet) means
 * nothing alone: its servers inherit from the `http {}` of the main config that includes it. The
 * index finds main configs (files with a top-level `http`, `stream` or `events` block) under the
 * workspace roots, expands their includes once, and remembers the first root that reaches a file.
 */
export interface IncludeIndex {
  /** The main config that includes `file` (directly or through other includes), if any. */
  includerOf(file: string): string | undefined;
}

export const NO_INCLUDERS: IncludeIndex = { includerOf: () => undefined };

const MAIN_CONFIG = /^[ \t]*(http|stream|events)[ \t\r\n]*\{/m;
const SKIP = new Set(['node_modules', '.git', '.hg', '.svn', 'out', 'dist']);
const MAX_DEPTH = 6;
const MAX_ENTRIES = 5000;

export function buildIncludeIndex(host: FileHost): IncludeIndex {
  const mains: string[] = [];
  let budget = MAX_ENTRIES;
  const walk = (dir: string, depth: number): void => {
    for (const name of (host.listDir(dir) ?? []).sort()) {
      if (--budget < 0) return;
      const p = joinPath(dir, name);
      if (host.isDirectory(p)) {
        if (depth < MAX_DEPTH && !SKIP.has(name) && !name.startsWith('.')) walk(p, depth + 1);
      } else if (/\.conf$|^nginx[\w.-]*$/.test(name)) {
        const text = host.readFile(p);
        if (text && MAIN_CONFIG.test(text)) mains.push(p);
      }
    }
  };
  for (const root of host.roots) walk(root, 0);
  const includer = new Map<string, string>();
  for (const main of mains) {
    const text = host.readFile(main);
    if (text === undefined) continue;
    const { config } = parseAndExpand(main, text, host);
    for (const file of config.files.keys()) if (file !== main && !includer.has(file)) includer.set(file, main);
  }
  return { includerOf: (file) => includer.get(file) };
}
