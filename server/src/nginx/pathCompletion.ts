import type { FileHost } from '../core/host';
import { dirname, isAbsolute, joinPath, normalize } from '../core/paths';
import type { Settings } from '../core/settings';
import type { Span } from '../core/text';
import type { ParsedFile } from './ast';
import { specsNamed } from './catalogue';

export interface PathCompletion {
  label: string;
  kind: 'file' | 'folder';
  /** The typed part of the path the completion replaces (from the last `/`). */
  replace: Span;
}

/** Files a TLS directive is likely to name; password and other files are offered for any name. */
const TLS_FILE = /\.(pem|crt|cer|der|key|csr|crl|p12|pfx|dh|chain|bundle|txt|conf)$/i;
const MAX = 200;

/**
 * File and folder names for the path argument of a directive that takes a file
 * (`ssl_certificate`, `ssl_client_certificate`, ...): what the typed path names so far, in the
 * directory it is in — absolute, under a `tlsnet.nginx.pathMappings` prefix, or relative to the config.
 */
export function nginxPathCompletions(file: ParsedFile, offset: number, host: FileHost, settings: Settings, mainFile = file.file): PathCompletion[] {
  // Read the statement being typed from its start: the parse tree of half-typed text may glue it to the next line.
  const text = file.text;
  const from = Math.max(text.lastIndexOf('\n', offset - 1), text.lastIndexOf(';', offset - 1), text.lastIndexOf('{', offset - 1), text.lastIndexOf('}', offset - 1)) + 1;
  const m = /^\s*([A-Za-z_][\w]*)\s+(["']?)([^\s;"']*)$/.exec(text.slice(from, offset));
  if (!m || !specsNamed(m[1]).some((spec) => spec.kind === 'file')) return [];
  const name = m[1];
  const typed = m[3];
  if (typed.includes('$')) return [];
  const slash = typed.lastIndexOf('/');
  const dirPart = slash >= 0 ? typed.slice(0, slash + 1) : '';
  const prefix = typed.slice(slash + 1);
  const start = offset - prefix.length;
  const dirs = candidateDirs(dirPart, host, settings, mainFile);
  const seen = new Set<string>();
  const out: PathCompletion[] = [];
  for (const dir of dirs) {
    for (const entry of (host.listDir(dir) ?? []).sort()) {
      if (seen.has(entry) || !entry.startsWith(prefix) || (entry.startsWith('.') && !prefix.startsWith('.'))) continue;
      const folder = host.isDirectory(joinPath(dir, entry));
      if (!folder && !TLS_FILE.test(entry) && !name.endsWith('password_file')) continue;
      seen.add(entry);
      out.push({ label: folder ? `${entry}/` : entry, kind: folder ? 'folder' : 'file', replace: { start, end: offset } });
      if (out.length >= MAX) return out;
    }
  }
  return out;
}

function candidateDirs(dirPart: string, host: FileHost, settings: Settings, mainFile: string): string[] {
  if (isAbsolute(dirPart)) {
    const full = normalize(dirPart);
    const out: string[] = [];
    for (const [from, to] of Object.entries(settings.nginx.pathMappings)) {
      const p = normalize(from);
      if (full === p || full.startsWith(p.endsWith('/') ? p : `${p}/`)) {
        const rest = full.slice(p.length).replace(/^\//, '');
        for (const base of isAbsolute(to) ? [to] : host.roots.map((r) => joinPath(r, to))) out.push(rest ? joinPath(base, rest) : base);
      }
    }
    return [...out, full];
  }
  return [...new Set([dirname(mainFile), ...host.roots])].map((b) => (dirPart ? joinPath(b, dirPart) : b));
}
