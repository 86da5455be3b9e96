import type { Edit } from '../core/finding';
import { LineIndex } from '../core/text';
import type { Directive } from './ast';
import type { ExpandedConfig } from './include';

/** An edit that puts `line` (or each of several lines) on a line of its own next to `anchor`, at the anchor's indentation. */
export function insertLineNextTo(config: ExpandedConfig, anchor: Directive, line: string | string[], where: 'before' | 'after', snippet = false): Edit {
  const lines = typeof line === 'string' ? [line] : line;
  const text = config.files.get(anchor.file)?.text ?? '';
  const index = new LineIndex(text);
  const indent = index.indentationAt(anchor.span.start);
  const eol = text.includes('\r\n') ? '\r\n' : '\n';
  if (where === 'before') {
    const at = index.lineStart(index.positionAt(anchor.span.start).line);
    return { file: anchor.file, span: { start: at, end: at }, newText: lines.map((l) => `${indent}${l}${eol}`).join(''), snippet };
  }
  const at = index.lineEnd(index.positionAt(anchor.span.end).line);
  return { file: anchor.file, span: { start: at, end: at }, newText: lines.map((l) => `${eol}${indent}${l}`).join(''), snippet };
}
