import { LineIndex } from '../core/text';
import type { Directive, ParsedFile } from './ast';

export interface FoldingResult {
  /** 0-based first and last line of the region. */
  startLine: number;
  endLine: number;
  kind?: 'comment';
}

/**
 * Folding regions: every block that spans lines (the closing `}` line stays visible), and runs of
 * two or more consecutive comment lines. Unclosed blocks fold to the end of the file.
 */
export function nginxFolding(parsed: ParsedFile): FoldingResult[] {
  const index = new LineIndex(parsed.text);
  const out: FoldingResult[] = [];
  const walk = (list: Directive[]): void => {
    for (const d of list) {
      if (!d.block) continue;
      const start = index.positionAt(d.span.start).line;
      const close = d.block.close;
      const end = close === undefined ? index.positionAt(parsed.text.length).line : index.positionAt(close - 1).line - 1;
      if (end > start) out.push({ startLine: start, endLine: end });
      if (!d.raw) walk(d.block.children);
    }
  };
  walk(parsed.directives);
  let run: { start: number; end: number } | undefined;
  const flush = (): void => {
    if (run && run.end > run.start) out.push({ startLine: run.start, endLine: run.end, kind: 'comment' });
    run = undefined;
  };
  for (const c of parsed.comments) {
    const pos = index.positionAt(c.span.start);
    // Only comments alone on their line form a foldable run.
    if (parsed.text.slice(index.lineStart(pos.line), c.span.start).trim() !== '') {
      flush();
      continue;
    }
    if (run && pos.line === run.end + 1) run.end = pos.line;
    else {
      flush();
      run = { start: pos.line, end: pos.line };
    }
  }
  flush();
  return out.sort((a, b) => a.startLine - b.startLine);
}
