import type { Span } from '../../core/text';

/** A whitespace-separated word of an IOS line and where it is. */
export interface Word {
  text: string;
  start: number;
  end: number;
}

/** One line of the file: `start`..`end` is its content without the line break. */
export interface Line {
  start: number;
  end: number;
  /** Offset of the first non-blank character (`end` for a blank line). */
  first: number;
  /** Count of leading blanks: IOS prints sub-commands one space deeper than their mode's command. */
  indent: number;
}

const isBlank = (c: number): boolean => c === 32 || c === 9 || c === 12 || c === 11;

/** Calls `each` with every line of `text`, split at LF, CRLF or a lone CR (one object per line, no iterator). */
export function forEachLine(text: string, each: (line: Line) => void): void {
  let start = 0;
  for (;;) {
    let end = start;
    while (end < text.length) {
      const c = text.charCodeAt(end);
      if (c === 10 || c === 13) break;
      end++;
    }
    let first = start;
    while (first < end && isBlank(text.charCodeAt(first))) first++;
    each({ start, end, first, indent: first - start });
    if (end >= text.length) return;
    start = end + (text.charCodeAt(end) === 13 && text.charCodeAt(end + 1) === 10 ? 2 : 1);
  }
}

/**
 * Up to `max` words of `text` between `from` and `to`. Callers ask only for as many as they read,
 * so a 10 MB line costs nothing unless its value is really needed.
 */
export function words(text: string, from: number, to: number, max = Infinity): Word[] {
  const out: Word[] = [];
  let i = from;
  while (out.length < max) {
    while (i < to && isBlank(text.charCodeAt(i))) i++;
    if (i >= to) break;
    const start = i;
    while (i < to && !isBlank(text.charCodeAt(i))) i++;
    out.push({ text: text.slice(start, i), start, end: i });
  }
  return out;
}

/** The span from `from` to `to` without the blanks at either end. */
export function trimmed(text: string, from: number, to: number): Span {
  let s = from;
  let e = to;
  while (s < e && isBlank(text.charCodeAt(s))) s++;
  while (e > s && isBlank(text.charCodeAt(e - 1))) e--;
  return { start: s, end: e };
}

export const spanOf = (w: Word): Span => ({ start: w.start, end: w.end });

export const join = (a: Span, b: Span): Span => ({ start: Math.min(a.start, b.start), end: Math.max(a.end, b.end) });
