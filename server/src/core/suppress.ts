import type { Finding } from './finding';
import { LineIndex } from './text';

/**
 * `tlsnet-disable-next-line [rule-id[, rule-id...]]` in a comment silences those rules (or all,
 * without ids) on the next line; `tlsnet-disable-line` on the comment's own line.
 */
const DIRECTIVE = /tlsnet-disable-(next-line|line)\b([^\n\r]*)/;

export interface CommentLike {
  text: string;
  span: { start: number; end: number };
}

export function suppressFindings(findings: Finding[], files: Map<string, { text: string; comments: CommentLike[] }>): Finding[] {
  const rulesByLine = new Map<string, Map<number, Set<string> | 'all'>>();
  const indexes = new Map<string, LineIndex>();
  for (const [path, file] of files) {
    const lines = new Map<number, Set<string> | 'all'>();
    const index = new LineIndex(file.text);
    indexes.set(path, index);
    for (const c of file.comments) {
      const m = DIRECTIVE.exec(c.text);
      if (!m) continue;
      const line = index.positionAt(c.span.start).line + (m[1] === 'next-line' ? 1 : 0);
      const ids = m[2].split(/[\s,]+/).filter((s) => s.includes('/'));
      const prev = lines.get(line);
      if (!ids.length || prev === 'all') lines.set(line, 'all');
      else lines.set(line, new Set([...(prev ?? []), ...ids]));
    }
    if (lines.size) rulesByLine.set(path, lines);
  }
  if (!rulesByLine.size) return findings;
  return findings.filter((f) => {
    const lines = rulesByLine.get(f.file);
    const index = indexes.get(f.file);
    if (!lines || !index) return true;
    const s = lines.get(index.positionAt(f.span.start).line);
    return !(s === 'all' || s?.has(f.rule));
  });
}
