import type { Span } from '../../core/text';
import type { At } from '../model';

/**
 * RouterOS script text (what `/export` writes, `.rsc` files) cut into command lines and their
 * words, as the RouterOS scripting manual describes them: a command ends at a line break or `;`;
 * a line ending in `\` continues on the next one, whose leading blanks are dropped (`/export`
 * wraps long lines that way, after a `=` or inside a value); `"…"` strings take escapes (`\"`,
 * `\\`, `\n`, `\_` for a space, `\$`, two hex digits); `#` at the start of a word starts a
 * comment; `[ … ]`, `( … )` and `{ … }` group words into one. Never throws; linear in the text.
 */

/** A word or a value as RouterOS reads it: quotes removed, escapes and continuations resolved. */
export interface Word {
  text: string;
  /** Where `text` is: inside the quotes for a value that is exactly one quoted string. */
  span: Span;
  /** True when `source.slice(span) === text` (no escape or continuation inside). */
  exact: boolean;
}

/** `key=value`, or an unnamed argument (`add`, `0`, `[ find name=x ]`). */
export interface Arg {
  /** The whole word, key included. */
  span: Span;
  key?: At<string>;
  /** The value after `=`, or the whole word. */
  value: Word;
  /** Starts with `[`, `(`, `{` or `$`: an expression the reader does not evaluate. */
  expression: boolean;
}

export interface Command {
  args: Arg[];
  span: Span;
}

export interface LexSink {
  command(c: Command): void;
  comment(c: At<string>): void;
  error(span: Span, message: string): void;
}

const isBlank = (c: number): boolean => c === 32 || c === 9;
const isBreak = (c: number): boolean => c === 10 || c === 13;
const isHex = (c: number): boolean => (c >= 48 && c <= 57) || (c >= 65 && c <= 70) || (c >= 97 && c <= 102);
const ESCAPES: Record<string, string> = { n: '\n', r: '\r', t: '\t', _: ' ', a: '\x07', b: '\b', f: '\f', v: '\v' };
/** A key: letters, digits, `-`, `.`, then `=` (RouterOS property names; `!` negates in `find`). */
const KEY = /[A-Za-z.!][\w.-]*=/y;

export function readCommands(text: string, sink: LexSink): void {
  new Lexer(text, sink).run();
}

class Lexer {
  private pos = 0;

  constructor(
    private readonly text: string,
    private readonly sink: LexSink,
  ) {}

  /** After `\` + line break + the next line's blanks, or `at` when no continuation starts there. */
  private continuation(at: number): number {
    const t = this.text;
    if (t.charCodeAt(at) !== 92) return at;
    let i = at + 1;
    if (t.charCodeAt(i) === 13) i++;
    if (t.charCodeAt(i) !== 10) return at;
    i++;
    while (i < t.length && isBlank(t.charCodeAt(i))) i++;
    return i;
  }

  run(): void {
    const t = this.text;
    let args: Arg[] = [];
    const end = (): void => {
      if (args.length) this.sink.command({ args, span: { start: args[0].span.start, end: args[args.length - 1].span.end } });
      args = [];
    };
    while (this.pos < t.length) {
      const c = t.charCodeAt(this.pos);
      const next = this.continuation(this.pos);
      if (next !== this.pos) this.pos = next;
      else if (isBlank(c)) this.pos++;
      else if (isBreak(c) || c === 59) {
        end();
        this.pos++;
      } else if (c === 35) this.comment();
      else args.push(this.word());
    }
    end();
  }

  private comment(): void {
    const t = this.text;
    const start = this.pos;
    let e = start;
    while (e < t.length && !isBreak(t.charCodeAt(e))) e++;
    this.sink.comment({ value: t.slice(start + 1, e), span: { start, end: e } });
    this.pos = e;
  }

  private word(): Arg {
    const start = this.pos;
    KEY.lastIndex = start;
    let key: At<string> | undefined;
    if (KEY.test(this.text)) {
      key = { value: this.text.slice(start, KEY.lastIndex - 1), span: { start, end: KEY.lastIndex - 1 } };
      this.pos = KEY.lastIndex;
      // `/export` wraps after the `=`: the value starts on the next line.
      for (let n = this.continuation(this.pos); n !== this.pos; n = this.continuation(this.pos)) this.pos = n;
    }
    const first = this.text.charCodeAt(this.pos);
    const value = this.value();
    return { span: { start, end: this.pos }, key, value, expression: first === 91 || first === 40 || first === 123 || first === 36 };
  }

  /** A value up to a blank, `;` or line break outside quotes and brackets. */
  private value(): Word {
    const t = this.text;
    const start = this.pos;
    const parts: string[] = [];
    let run = start;
    let depth = 0;
    let exact = true;
    let quoted: { inner: Span; exact: boolean } | undefined;
    let pieces = 0;
    while (this.pos < t.length) {
      const c = t.charCodeAt(this.pos);
      const next = this.continuation(this.pos);
      if (next !== this.pos) {
        parts.push(t.slice(run, this.pos));
        this.pos = run = next;
        exact = false;
        continue;
      }
      if (isBreak(c) || (depth === 0 && (isBlank(c) || c === 59))) break;
      if (c === 34) {
        if (this.pos > run) pieces++;
        parts.push(t.slice(run, this.pos));
        const q = this.quoted();
        parts.push(q.text);
        quoted = pieces++ === 0 ? q : undefined;
        run = this.pos;
        continue;
      }
      if (c === 91 || c === 40 || c === 123) depth++;
      else if ((c === 93 || c === 41 || c === 125) && depth > 0) depth--;
      this.pos++;
    }
    if (this.pos > run) pieces++;
    parts.push(t.slice(run, this.pos));
    const text = parts.join('');
    if (quoted && pieces === 1) return { text, span: quoted.inner, exact: quoted.exact };
    return { text, span: { start, end: this.pos }, exact: exact && t.slice(start, this.pos) === text };
  }

  /** A `"…"` string from its opening quote; an unterminated one ends at the line break. */
  private quoted(): { text: string; inner: Span; exact: boolean } {
    const t = this.text;
    const open = this.pos++;
    const parts: string[] = [];
    let run = this.pos;
    let exact = true;
    while (this.pos < t.length) {
      const c = t.charCodeAt(this.pos);
      if (c === 34) {
        parts.push(t.slice(run, this.pos));
        return { text: parts.join(''), inner: { start: open + 1, end: this.pos++ }, exact };
      }
      if (isBreak(c)) break;
      if (c !== 92) {
        this.pos++;
        continue;
      }
      parts.push(t.slice(run, this.pos));
      exact = false;
      const next = this.continuation(this.pos);
      if (next !== this.pos) {
        this.pos = run = next;
        continue;
      }
      const e = t.charCodeAt(this.pos + 1);
      if (isHex(e) && isHex(t.charCodeAt(this.pos + 2)) && !(e >= 97 && e <= 102)) {
        // `\C3` is a byte in hex; `\a`, `\b`, `\f` (lower case) stay control characters.
        parts.push(String.fromCharCode(parseInt(t.slice(this.pos + 1, this.pos + 3), 16)));
        this.pos += 3;
      } else if (Number.isNaN(e) || isBreak(e)) {
        this.pos++;
      } else {
        const ch = t[this.pos + 1];
        parts.push(ESCAPES[ch] ?? ch);
        this.pos += 2;
      }
      run = this.pos;
    }
    parts.push(t.slice(run, this.pos));
    this.sink.error({ start: open, end: this.pos }, 'the string has no closing quote (")');
    return { text: parts.join(''), inner: { start: open + 1, end: this.pos }, exact: false };
  }
}
