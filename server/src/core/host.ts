/**
 * The file system as the analysis core may see it. The editor adapter overlays open documents
 * and confines reads to the workspace in Restricted Mode; the CLI reads the disk.
 */
export interface FileHost {
  /** Workspace roots, absolute; relative paths in configs may resolve against them. */
  readonly roots: readonly string[];
  /** The file as UTF-8 text; undefined when missing, unreadable or over the size limit. */
  readFile(path: string): string | undefined;
  /** The file's bytes (DER certificates, PKCS#12); same limits as `readFile`. */
  readBytes(path: string): Uint8Array | undefined;
  isFile(path: string): boolean;
  isDirectory(path: string): boolean;
  listDir(path: string): string[] | undefined;
}

/** A host with no files: analysis of a single text with nothing around it. */
export const EMPTY_HOST: FileHost = {
  roots: [],
  readFile: () => undefined,
  readBytes: () => undefined,
  isFile: () => false,
  isDirectory: () => false,
  listDir: () => undefined,
};

/** An in-memory host for tests and for the server's open documents; a file may be text or bytes. */
export function memoryHost(files: Record<string, string | Uint8Array>, roots: string[] = []): FileHost {
  const dirs = new Set<string>();
  for (const p of Object.keys(files)) {
    let d = p;
    while ((d = d.slice(0, d.lastIndexOf('/'))) !== '') dirs.add(d);
    dirs.add('/');
  }
  return {
    roots,
    readFile: (p) => {
      const f = files[p];
      return f === undefined || typeof f === 'string' ? f : new TextDecoder().decode(f);
    },
    readBytes: (p) => {
      const f = files[p];
      return f === undefined || typeof f !== 'string' ? f : new TextEncoder().encode(f);
    },
    isFile: (p) => p in files,
    isDirectory: (p) => dirs.has(p),
    listDir: (p) => {
      if (!dirs.has(p)) return undefined;
      const prefix = p.endsWith('/') ? p : p + '/';
      const names = new Set<string>();
      for (const f of [...Object.keys(files), ...dirs]) {
        if (f.startsWith(prefix) && f.length > prefix.length) names.add(f.slice(prefix.length).split('/')[0]);
      }
      return [...names];
    },
  };
}
