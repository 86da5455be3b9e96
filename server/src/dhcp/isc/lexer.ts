import type { Span } from '../../core/text';
import type { At } from '../model';
import { ISC_KEYWORD_ALIASES, ISC_KEYWORDS } from './keywords.data';

/**
 * dhcpd's tokens (common/conflex.c). `kind` is `STRING`, `NUMBER` (digits, or a leading `-`),
 * `NUMBER_OR_NAME` (all hex digits, or `0x…`), `NAME`, `EOF`, a keyword in lowercase (`subnet`),
 * or the character itself for punctuation (`;`, `{`, `.`). `value`
 * is the text as written, or a string's decoded contents.
 */
export interface Tok {
  kind: string;
  value: string;
  start: number;
  end: number;
  /** A string whose contents were unescaped: spans inside it are approximate. */
  escaped?: boolean;
}

const KEYWORDS = new Map(ISC_KEYWORDS.map((k) => [k, ISC_KEYWORD_ALIASES[k] ?? k]));

/** dhcpd's token buffer: tokens, strings and whitespace runs this long are refused. */
const TOKBUF = 1500;

const isDigit = (c: number) => c >= 48 && c <= 57;
const isAlpha = (c: number) => (c >= 65 && c <= 90) || (c >= 97 && c <= 122);
const isXDigit = (c: number) => isDigit(c) || (c >= 65 && c <= 70) || (c >= 97 && c <= 102);
const isWordChar = (c: number) => isAlpha(c) || isDigit(c) || c === 45 || c === 95;
/** C isspace() on ASCII: space, \t \n \v \f \r. */
const isSpace = (c: number) => c === 32 || (c >= 9 && c <= 13);

/** dhcpd's is_identifier(): any name or keyword, not a string or a plain number. */
export function isIdentifier(t: Tok): boolean {
  return t.kind === 'NAME' || t.kind === 'NUMBER_OR_NAME' || KEYWORDS.has(t.kind);
}

/** An on-demand tokenizer with any-depth lookahead (dhcpd peeks at most three tokens ahead). */
export class Lexer {
  private pos = 0;
  private readonly ahead: Tok[] = [];
  /** The last token consumed, for locating "expected X" problems at the end of what came before. */
  last: Tok;

  constructor(
    private readonly text: string,
    private readonly comments: At<string>[],
    private readonly error: (span: Span, message: string) => void,
  ) {
    this.last = { kind: 'BOF', value: '', start: 0, end: 0 };
  }

  peek(n = 0): Tok {
    while (this.ahead.length <= n) this.ahead.push(this.scan());
    return this.ahead[n];
  }

  next(): Tok {
    const t = this.ahead.length ? (this.ahead.shift() as Tok) : this.scan();
    this.last = t;
    return t;
  }

  private scan(): Tok {
    const s = this.text;
    for (;;) {
      const start = this.pos;
      if (start >= s.length) return { kind: 'EOF', value: '', start: s.length, end: s.length };
      const c = s.charCodeAt(start);
      if (isSpace(c)) {
        let p = start + 1;
        while (p < s.length && isSpace(s.charCodeAt(p))) p++;
        if (p - start >= TOKBUF) this.error({ start, end: p }, 'whitespace too long, buffer overflow (dhcpd reads at most 1,499 blanks in a row)');
        this.pos = p;
        continue;
      }
      if (c === 35) {
        let p = start + 1;
        while (p < s.length && s.charCodeAt(p) !== 10) p++;
        const end = p > start + 1 && s.charCodeAt(p - 1) === 13 ? p - 1 : p;
        this.comments.push({ value: s.slice(start + 1, end), span: { start, end } });
        this.pos = p;
        continue;
      }
      if (c === 34) return this.string(start);
      if (isDigit(c) || c === 45) return this.number(start);
      if (isAlpha(c)) return this.name(start);
      const width = c >= 0xd800 && c <= 0xdbff && start + 1 < s.length ? 2 : 1;
      this.pos = start + width;
      return { kind: s.slice(start, start + width), value: s.slice(start, start + width), start, end: start + width };
    }
  }

  private string(start: number): Tok {
    const s = this.text;
    let p = start + 1;
    let out = '';
    let escaped = false;
    let tooLong = false;
    let count = 0;
    for (;;) {
      if (p >= s.length) {
        this.error({ start, end: s.length }, 'eof in string constant');
        break;
      }
      const c = s.charCodeAt(p);
      if (c === 34) {
        p++;
        break;
      }
      if (c === 92) {
        escaped = true;
        const e = s[p + 1] ?? '';
        p += 2;
        if (e === 'x' || (e >= '0' && e <= '3')) {
          const hex = e === 'x';
          let value = hex ? 0 : e.charCodeAt(0) - 48;
          let next = '';
          for (let k = 0; k < 2 && p < s.length; k++, p++) {
            const d = s.charCodeAt(p);
            if (hex ? !isXDigit(d) : d < 48 || d > 55) {
              // conflex.c: after `\0` a non-octal character is swallowed and the next one taken as escaped.
              if (!hex && value === 0) {
                p++;
                next = p < s.length && s[p] !== '"' ? s[p++] : '';
              } else this.error({ start: p, end: p + 1 }, hex ? 'invalid hex digit in string escape' : 'invalid octal digit in string escape');
              break;
            }
            value = value * (hex ? 16 : 8) + parseInt(s[p], 16);
          }
          out += next || String.fromCharCode(value & 255);
        } else out += ({ t: '\t', r: '\r', n: '\n', b: '\b' } as Record<string, string>)[e] ?? e;
        count++;
      } else {
        // A run of plain characters at once; past dhcpd's buffer size only the length matters.
        let q = p + 1;
        while (q < s.length && s.charCodeAt(q) !== 34 && s.charCodeAt(q) !== 92) q++;
        if (out.length < TOKBUF) out += s.slice(p, Math.min(q, p + TOKBUF));
        count += q - p;
        p = q;
      }
      if (count >= TOKBUF && !tooLong) {
        tooLong = true;
        this.error({ start, end: p }, 'string constant larger than internal buffer (dhcpd takes at most 1,499 characters)');
      }
    }
    this.pos = p;
    return { kind: 'STRING', value: out, start, end: p, escaped };
  }

  /** conflex.c read_number(): promotes NUMBER → NUMBER_OR_NAME → NAME, never back (but `0x` hex). */
  private number(start: number): Tok {
    const s = this.text;
    let kind = 'NUMBER';
    let p = start + 1;
    for (; p < s.length; p++) {
      const c = s.charCodeAt(p);
      const i = p - start;
      if (kind === 'NUMBER' && isDigit(c)) continue;
      if (kind !== 'NAME' && isXDigit(c)) {
        kind = 'NUMBER_OR_NAME';
        continue;
      }
      if (i === 2 && isXDigit(c) && s[start] === '0' && (s[start + 1] === 'x' || s[start + 1] === 'X')) {
        kind = 'NUMBER_OR_NAME';
        continue;
      }
      if (isWordChar(c)) {
        kind = 'NAME';
        continue;
      }
      break;
    }
    // A lone `-` stays a NUMBER: dhcpd's MINUS check reads the terminator, so `1 - 2` does not parse.
    return this.word(start, p, kind, false);
  }

  /** conflex.c read_num_or_name(): a name, a hex-looking name, or a keyword. */
  private name(start: number): Tok {
    const s = this.text;
    let p = start + 1;
    // conflex.c only checks the characters after the first: `k` and `gab` are NUMBER_OR_NAME too.
    let hex = true;
    while (p < s.length && isWordChar(s.charCodeAt(p))) {
      if (!isXDigit(s.charCodeAt(p))) hex = false;
      p++;
    }
    return this.word(start, p, hex ? 'NUMBER_OR_NAME' : 'NAME', true);
  }

  private word(start: number, end: number, kind: string, intern: boolean): Tok {
    this.pos = end;
    const value = this.text.slice(start, end);
    if (end - start >= TOKBUF) this.error({ start, end }, 'token larger than internal buffer (dhcpd takes at most 1,499 characters)');
    return { kind: (intern && KEYWORDS.get(value.toLowerCase())) || kind, value, start, end };
  }
}
