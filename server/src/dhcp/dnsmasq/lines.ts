import type { Span } from '../../core/text';
import type { At } from '../model';

/**
 * dnsmasq's reading of a configuration line (option.c read_file): `"…"` quotes (with `\" \\ \t
 * \n \r \b \e` escapes) are removed and what they held is hidden from later parsing (a quoted
 * comma separates nothing; quoted digits are not digits); white space becomes a space; `#`
 * after white space (or first) starts a comment; the line is trimmed; the key runs to the first
 * `=`, spaces around it dropped. Hidden characters are kept here as U+E000 + their code.
 */

export interface Value {
  /** The value as dnsmasq holds it: quotes removed, hidden characters moved to U+E0xx. */
  text: string;
  /** The file offset of `text[i]` (i = text.length: the end). */
  at(i: number): number;
}

export interface DnsmasqLine {
  key: At<string>;
  /** After `=`; undefined when the line has no `=`. */
  value?: Value;
  /** From the key to the end of the content (comment and trailing space excluded). */
  span: Span;
}

export interface LineSink {
  line(l: DnsmasqLine): void;
  comment(c: At<string>): void;
  error(span: Span, message: string): void;
}

/** dnsmasq's meta characters: hidden when quoted (util.c hide_meta). */
const META = new Set('0123456789abcdefABCDEF \b\t\n\r\x1b:,.');
const hide = (c: string): string => (META.has(c) ? String.fromCharCode(0xe000 + c.charCodeAt(0)) : c);

/** The value with hidden characters shown again (unhide_metas). */
export const unhide = (s: string): string => s.replace(/[\ue000-\ue0ff]/g, (c) => String.fromCharCode(c.charCodeAt(0) - 0xe000));

const ESCAPES: Record<string, string> = { '"': '"', '\\': '\\', t: '\t', n: '\n', r: '\r', b: '\b', e: '\x1b' };
const isSpace = (c: number): boolean => c === 32 || (c >= 9 && c <= 13);

/** Reads every line of `text`, calling the sink in order. Linear in the text. */
export function readLines(text: string, sink: LineSink): void {
  let start = 0;
  // The next quote in the text, looked up again only once passed (keeps the reading linear).
  let quote = text.indexOf('"');
  while (start <= text.length) {
    let end = text.indexOf('\n', start);
    if (end < 0) end = text.length;
    if (quote >= 0 && quote < start) quote = text.indexOf('"', start);
    readLine(text, start, end, quote >= 0 && quote < end, sink);
    start = end + 1;
  }
}

function readLine(text: string, from: number, to: number, hasQuote: boolean, sink: LineSink): void {
  const read = hasQuote ? quoted(text, from, to, sink) : plain(text, from, to, sink);
  if (!read) return;
  const { chars, offset } = read;
  let a = 0;
  let b = chars.length;
  while (a < b && chars[a] === ' ') a++;
  while (b > a && chars[b - 1] === ' ') b--;
  if (a === b) return;
  const content = chars.slice(a, b);
  const span = { start: offset(a), end: offset(b - 1) + 1 };
  const eq = content.indexOf('=');
  if (eq < 0) {
    sink.line({ key: { value: content, span }, span });
    return;
  }
  let k = eq;
  while (k > 0 && (content[k - 1] === ' ' || content[k - 1] === '=')) k--;
  let v = eq + 1;
  while (v < content.length && content[v] === ' ') v++;
  const key = { value: content.slice(0, k), span: { start: span.start, end: k ? offset(a + k - 1) + 1 : span.start } };
  const base = a + v;
  const value: Value = { text: content.slice(v), at: (i) => (base + i < b ? offset(base + i) : span.end) };
  sink.line({ key, value, span });
}

type Read = { chars: string; offset: (i: number) => number } | undefined;

/** A line without quotes: characters keep their offsets. */
function plain(text: string, from: number, to: number, sink: LineSink): Read {
  let end = to;
  for (let p = from; p < to; p++) {
    if (text.charCodeAt(p) === 35 && (p === from || isSpace(text.charCodeAt(p - 1)))) {
      let ce = to;
      if (ce > p && text.charCodeAt(ce - 1) === 13) ce--;
      sink.comment({ value: text.slice(p + 1, ce), span: { start: p, end: ce } });
      end = p;
      break;
    }
  }
  return { chars: text.slice(from, end).replace(/[\t\v\f\r]/g, ' '), offset: (i) => from + i };
}

/** A line with quotes: dnsmasq removes them, so offsets are kept per character. */
function quoted(text: string, from: number, to: number, sink: LineSink): Read {
  const out: string[] = [];
  const map: number[] = [];
  let white = true;
  let p = from;
  while (p < to) {
    const c = text.charCodeAt(p);
    if (c === 34) {
      const open = p;
      p++;
      while (p < to && text.charCodeAt(p) !== 34) {
        const e = text.charCodeAt(p) === 92 && p + 1 < to ? ESCAPES[text[p + 1]] : undefined;
        out.push(hide(e ?? text[p]));
        map.push(p);
        p += e === undefined ? 1 : 2;
      }
      if (p >= to) {
        sink.error({ start: open, end: to }, 'a quote that is never closed (dnsmasq: "missing \\"")');
        return undefined;
      }
      p++;
      white = false;
      continue;
    }
    if (c === 35 && white) {
      let ce = to;
      if (ce > p && text.charCodeAt(ce - 1) === 13) ce--;
      sink.comment({ value: text.slice(p + 1, ce), span: { start: p, end: ce } });
      break;
    }
    white = isSpace(c);
    out.push(white ? ' ' : text[p]);
    map.push(p);
    p++;
  }
  return { chars: out.join(''), offset: (i) => (i < map.length ? map[i] : map.length ? map[map.length - 1] + 1 : from) };
}
