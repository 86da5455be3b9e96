/**
 * `nginx -T` prints every configuration file it read, each after a line
 * `# configuration file /etc/nginx/conf.d/api.conf:`. A saved dump is linted as the tree it shows:
 * each section is parsed in place (offsets stay those of the dump) and includes resolve to sections.
 */
export interface DumpSection {
  /** The path nginx printed for the file. */
  path: string;
  /** Offset just past the header line, and the offset where the next header (or the text) ends. */
  start: number;
  end: number;
}

const HEADER = /^# configuration file (\/[^\r\n]*|[A-Za-z]:[\\/][^\r\n]*):[ \t]*\r?$/gm;

/** The sections of an `nginx -T` dump, or undefined when the text is not one. */
export function dumpSections(text: string): DumpSection[] | undefined {
  if (!text.includes('# configuration file ')) return undefined;
  const heads: { path: string; at: number; after: number }[] = [];
  for (const m of text.matchAll(HEADER)) {
    const at = m.index ?? 0;
    const nl = text.indexOf('\n', at);
    heads.push({ path: m[1], at, after: nl < 0 ? text.length : nl + 1 });
  }
  if (!heads.length) return undefined;
  // Only a dump when nothing but nginx's own status lines and comments precede the first header.
  const before = text.slice(0, heads[0].at).split(/\r?\n/);
  if (!before.every((l) => /^\s*(#.*|nginx: .*)?$/.test(l))) return undefined;
  return heads.map((h, i) => ({ path: h.path, start: h.after, end: i + 1 < heads.length ? heads[i + 1].at : text.length }));
}
