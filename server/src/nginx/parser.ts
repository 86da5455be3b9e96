import type { Arg, Block, Comment, Directive, ParsedFile, SyntaxIssue } from './ast';
import { isBlockDirective, isRawBlock } from './blocks';

/**
 * A tolerant reader of nginx configuration that follows nginx's own tokenizer
 * (ngx_conf_read_token): `#` starts a comment only at the start of a word, `${var}` keeps its
 * braces, quotes and backslashes escape, and a quoted word must be followed by a separator.
 * It never throws: every problem becomes a SyntaxIssue with a span and parsing goes on.
 */
/**
 * Parses nginx configuration text. With `range`, only that part of `text` is read (a section of an
 * `nginx -T` dump) while every span stays an offset into the whole text.
 */
export function parseNginx(text: string, file: string, range?: { start: number; end: number }): ParsedFile {
  if (!range) return new Parser(text, file).parse();
  // A V8 slice shares the parent string: cutting at `end` is cheap and makes it the end of input.
  const parsed = new Parser(text.slice(0, range.end), file, range.start).parse();
  return { ...parsed, text };
}

/** Block nesting beyond which the parser stops building the tree (real configs stay under ten). */
export const MAX_NESTING = 100;

const isSpace = (c: string): boolean => c === ' ' || c === '\t' || c === '\n' || c === '\r';

class Parser {
  private readonly comments: Comment[] = [];
  private readonly errors: SyntaxIssue[] = [];
  private depth = 0;

  constructor(
    private readonly text: string,
    private readonly file: string,
    private pos = 0,
  ) {}

  parse(): ParsedFile {
    const directives: Directive[] = [];
    this.parseBody(directives, undefined);
    return { file: this.file, text: this.text, directives, comments: this.comments, errors: this.errors };
  }

  /** Reads directives until the matching `}` (returns its end offset) or end of file. */
  private parseBody(into: Directive[], opener: Directive | undefined): number | undefined {
    let words: Arg[] = [];
    for (;;) {
      const t = this.next();
      if (t.kind === 'word') {
        words.push(t.arg);
        continue;
      }
      if (t.kind === 'eof') {
        // One complaint about the end of the file is enough (an unterminated quote already said it).
        if (this.errors.some((e) => e.span.end === this.text.length && e.message.startsWith('unexpected end of file'))) return undefined;
        if (words.length) this.error(`unexpected end of file, expecting ";" or "}" after "${words[0].value}"`, words[words.length - 1].span.end, this.text.length);
        else if (opener) this.error(`unexpected end of file, expecting "}" to close "${opener.name}" block`, opener.nameSpan.start, opener.nameSpan.end);
        return undefined;
      }
      if (t.kind === ';') {
        if (!words.length) this.error('unexpected ";"', t.at, t.at + 1);
        else into.push(this.directive(words, t.at + 1));
        words = [];
        continue;
      }
      if (t.kind === '{') {
        if (!words.length) {
          this.error('unexpected "{"', t.at, t.at + 1);
          words = [];
          const orphan: Directive[] = [];
          if (this.depth >= MAX_NESTING) this.skipRawBlock(t.at + 1);
          else {
            this.depth++;
            this.parseBody(orphan, undefined);
            this.depth--;
          }
          continue;
        }
        // `proxy_pass http://a  location / {`: a forgotten ";" glues a directive to the block after it.
        const k = words.findIndex((w, i) => i > 0 && !w.quoted && isBlockDirective(w.value));
        if (k > 0 && !isBlockDirective(words[0].value)) {
          const head = words.slice(0, k);
          this.error(`directive "${head[0].value}" is not terminated by ";"`, head[0].span.start, head[head.length - 1].span.end);
          into.push(this.directive(head, head[head.length - 1].span.end));
          words = words.slice(k);
        }
        const d = this.directive(words, t.at + 1);
        words = [];
        const block: Block = { open: t.at, children: [] };
        d.block = block;
        if (isRawBlock(d.name)) {
          d.raw = true;
          block.close = this.skipRawBlock(t.at + 1);
          if (block.close === undefined) this.error(`unexpected end of file, expecting "}" to close "${d.name}" block`, d.nameSpan.start, d.nameSpan.end);
        } else if (this.depth >= MAX_NESTING) {
          // No real config nests this deep; keep the tree (and every walker over it) shallow.
          this.error(`blocks nested more than ${MAX_NESTING} levels deep: the rest of "${d.name}" is not read`, d.nameSpan.start, d.nameSpan.end);
          d.raw = true;
          block.close = this.skipRawBlock(t.at + 1);
        } else {
          this.depth++;
          block.close = this.parseBody(block.children, d);
          this.depth--;
        }
        d.span = { start: d.span.start, end: block.close ?? this.text.length };
        into.push(d);
        continue;
      }
      // '}'
      if (words.length) {
        this.error(`directive "${words[0].value}" is not terminated by ";"`, words[0].span.start, words[words.length - 1].span.end);
        into.push(this.directive(words, words[words.length - 1].span.end));
        words = [];
      }
      if (!opener) {
        this.error('unexpected "}"', t.at, t.at + 1);
        continue;
      }
      return t.at + 1;
    }
  }

  private directive(words: Arg[], end: number): Directive {
    const [name, ...args] = words;
    return { name: name.value, nameSpan: name.span, args, span: { start: name.span.start, end }, file: this.file };
  }

  private error(message: string, start: number, end: number): void {
    this.errors.push({ message, span: { start, end: Math.max(end, start) } });
  }

  private next():
    | { kind: 'word'; arg: Arg }
    | { kind: ';' | '{' | '}'; at: number }
    | { kind: 'eof' } {
    const s = this.text;
    for (;;) {
      while (this.pos < s.length && isSpace(s[this.pos])) this.pos++;
      if (this.pos >= s.length) return { kind: 'eof' };
      const c = s[this.pos];
      if (c === '#') {
        const start = this.pos;
        while (this.pos < s.length && s[this.pos] !== '\n' && s[this.pos] !== '\r') this.pos++;
        this.comments.push({ text: s.slice(start + 1, this.pos), span: { start, end: this.pos } });
        continue;
      }
      if (c === ';' || c === '{' || c === '}') {
        this.pos++;
        return { kind: c, at: this.pos - 1 };
      }
      return { kind: 'word', arg: c === '"' || c === "'" ? this.quoted(c) : this.bare() };
    }
  }

  private bare(): Arg {
    const s = this.text;
    const start = this.pos;
    let value = '';
    let variable = false;
    while (this.pos < s.length) {
      const c = s[this.pos];
      if (c === '{' && variable) {
        // `${name}`: the braces belong to the word, up to the closing one.
        const close = s.indexOf('}', this.pos);
        const stop = close < 0 ? s.length : close + 1;
        value += s.slice(this.pos, stop);
        this.pos = stop;
        variable = false;
        continue;
      }
      if (isSpace(c) || c === ';' || c === '{') break;
      variable = c === '$';
      if (c === '\\' && this.pos + 1 < s.length) {
        value += unescape(s[this.pos + 1]);
        this.pos += 2;
        continue;
      }
      value += c;
      this.pos++;
    }
    return { value, span: { start, end: this.pos }, quoted: false };
  }

  private quoted(q: string): Arg {
    const s = this.text;
    const start = this.pos++;
    let value = '';
    while (this.pos < s.length && s[this.pos] !== q) {
      if (s[this.pos] === '\\' && this.pos + 1 < s.length) {
        value += unescape(s[this.pos + 1]);
        this.pos += 2;
      } else value += s[this.pos++];
    }
    if (this.pos >= s.length) {
      this.error(`unexpected end of file: unterminated ${q === '"' ? 'double' : 'single'}-quoted string`, start, s.length);
      return { value, span: { start, end: s.length }, quoted: true };
    }
    this.pos++;
    const after = s[this.pos];
    if (after !== undefined && !isSpace(after) && after !== ';' && after !== '{' && after !== ')' && after !== '}') {
      this.error(`unexpected "${after}" after a quoted string: a space, ";" or "{" must follow it`, this.pos, this.pos + 1);
    }
    return { value, span: { start, end: this.pos }, quoted: true };
  }

  /** Skips a foreign-language body such as Lua, minding its strings and comments. Returns the end past `}`. */
  private skipRawBlock(from: number): number | undefined {
    const s = this.text;
    let depth = 1;
    let i = from;
    while (i < s.length) {
      const c = s[i];
      if (c === '"' || c === "'") {
        i++;
        while (i < s.length && s[i] !== c && s[i] !== '\n') i += s[i] === '\\' ? 2 : 1;
        i++;
        continue;
      }
      if (c === '[' && /^\[=*\[/.test(s.slice(i, i + 64))) {
        const eq = /^\[(=*)\[/.exec(s.slice(i, i + 64))![1];
        const end = s.indexOf(`]${eq}]`, i);
        i = end < 0 ? s.length : end + eq.length + 2;
        continue;
      }
      if (c === '-' && s[i + 1] === '-') {
        const long = /^\[(=*)\[/.exec(s.slice(i + 2, i + 66));
        if (long) {
          const end = s.indexOf(`]${long[1]}]`, i);
          i = end < 0 ? s.length : end + long[1].length + 2;
        } else while (i < s.length && s[i] !== '\n') i++;
        continue;
      }
      if (c === '{') depth++;
      else if (c === '}' && --depth === 0) {
        this.pos = i + 1;
        return i + 1;
      }
      i++;
    }
    this.pos = s.length;
    return undefined;
  }
}

function unescape(c: string): string {
  switch (c) {
    case 't':
      return '\t';
    case 'r':
      return '\r';
    case 'n':
      return '\n';
    case '"':
    case "'":
    case '\\':
      return c;
    default:
      // nginx keeps the backslash before any other character (regexes rely on it).
      return '\\' + c;
  }
}
