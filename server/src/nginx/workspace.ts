import type { FileHost } from '../core/host';
import { walkWorkspaceFiles } from '../core/workspaceFiles';
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

/** A file name an nginx config may have: `*.conf`, `nginx`, `nginx.conf.orig`. */
export const isNginxConfigName = (name: string): boolean => /\.conf$|^nginx[\w.-]*$/.test(name);

/** Text of a main config rather than a fragment: a top-level `http`, `stream` or `events` block. */
export const isMainConfigText = (text: string): boolean => MAIN_CONFIG.test(text);

export function buildIncludeIndex(host: FileHost): IncludeIndex {
  const mains: string[] = [];
  walkWorkspaceFiles(host, (p, name) => {
    if (isNginxConfigName(name) && isMainConfigText(host.readFile(p) ?? '')) mains.push(p);
  });
  const includer = new Map<string, string>();
  for (const main of mains) {
    const text = host.readFile(main);
    if (text === undefined) continue;
    const { config } = parseAndExpand(main, text, host);
    for (const file of config.files.keys()) if (file !== main && !includer.has(file)) includer.set(file, main);
  }
  return { includerOf: (file) => includer.get(file) };
}
