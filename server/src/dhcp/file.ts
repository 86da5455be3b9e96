import type { Span } from '../core/text';
import type { DhcpDialect, DhcpFile, DhcpScope } from './model';

/** A scope with nothing in it yet. */
export function emptyScope(kind: DhcpScope['kind'], file: string, span: Span, headerSpan: Span = { start: span.start, end: span.start }): DhcpScope {
  return { kind, file, span, headerSpan, networks: [], ranges: [], hosts: [], options: [], children: [] };
}

/** A parsed file with only its global scope, which covers the whole text: where every parser starts. */
export function emptyDhcpFile(dialect: DhcpDialect, path: string, text: string): DhcpFile {
  const global = emptyScope('global', path, { start: 0, end: text.length }, { start: 0, end: 0 });
  return { dialect, path, text, global, scopes: [global], exclusions: [], classes: [], clientRouteRequests: [], definitions: [], includes: [], problems: [], comments: [] };
}

/**
 * Runs a parser's reader so that a bug in it cannot take the editor down: what was read is kept and
 * the failure becomes a warning problem (at `at()`, the start of the file by default).
 */
export function readSafely(file: DhcpFile, parser: string, read: () => void, at: () => number = () => 0): DhcpFile {
  try {
    read();
  } catch (e) {
    const offset = at();
    file.problems.push({ file: file.path, span: { start: offset, end: offset }, severity: 'warning', message: `internal error in the ${parser} parser: ${e instanceof Error ? e.message : String(e)}` });
  }
  return file;
}
