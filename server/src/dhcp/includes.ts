import type { FileHost } from '../core/host';
import type { DhcpFile, DhcpInclude } from './model';
import { parseDhcp } from './parse';

/** At most this many included files are read for one analysis (include loops and fan-out stay bounded). */
const MAX_INCLUDED_FILES = 200;

/**
 * The files a DHCP config includes, transitively, each once, parsed in the includer's dialect.
 * Relative paths resolve against the including file's directory, then the workspace roots. A
 * missing file is left out here; `dhcp/include-unresolved` reports it. A Kea file is read as the
 * inside of the scope its include sits in (Kea splices it there). dnsmasq `conf-dir` directories
 * are not read; `missingDirectories` checks them.
 */
export function resolveIncludes(file: DhcpFile, host: FileHost): DhcpFile[] {
  const out: DhcpFile[] = [];
  const seen = new Set([file.path]);
  const queue = [file];
  while (queue.length && out.length < MAX_INCLUDED_FILES) {
    const f = queue.shift() as DhcpFile;
    for (const inc of f.includes) {
      if (inc.directory) continue;
      const path = resolveIncludePath(f.path, inc.path.value, host);
      if (path === undefined || seen.has(path)) continue;
      seen.add(path);
      const text = host.readFile(path);
      if (text === undefined) continue;
      const parsed = parseDhcp(file.dialect, path, text, { included: true, within: inc.within });
      out.push(parsed);
      queue.push(parsed);
    }
  }
  return out;
}

/** The `conf-dir` includes of these files whose directory does not exist: dnsmasq refuses to start ("cannot access directory"). */
export function missingDirectories(files: readonly DhcpFile[], host: FileHost): Set<DhcpInclude> {
  const out = new Set<DhcpInclude>();
  for (const f of files) {
    for (const inc of f.includes) {
      if (!inc.directory) continue;
      // `conf-dir=/etc/dnsmasq.d/` names the same directory as `/etc/dnsmasq.d`.
      const path = resolveIncludePath(f.path, inc.path.value.replace(/(.)\/+$/, '$1'), host, 'directory');
      if (path === undefined || !host.isDirectory(path)) out.add(inc);
    }
  }
  return out;
}

/** Where an include's path points: absolute as is, else beside the includer, else under a root. */
export function resolveIncludePath(from: string, path: string, host: FileHost, kind: 'file' | 'directory' = 'file'): string | undefined {
  if (path.startsWith('/')) return path;
  const dir = from.slice(0, from.lastIndexOf('/'));
  const candidates = [`${dir}/${path}`, ...host.roots.map((r) => `${r.replace(/\/$/, '')}/${path}`)];
  const exists = (p: string): boolean => (kind === 'file' ? host.isFile(p) : host.isDirectory(p));
  return candidates.find(exists) ?? candidates[0];
}
