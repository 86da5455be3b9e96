import type { Span } from '../../core/text';
import type { At, DhcpFile, ParseProblem } from '../model';
import { isIdentifier, Lexer, type Tok } from './lexer';
import { ISC_ROUTE_OPTION_NAMES, ISC_SPACES, type IscOptionDef } from './universes.data';

/** A garbage file would otherwise yield millions of problems; the first ones say enough. */
const MAX_PROBLEMS = 1000;

/** An option as dhcpd's parser knows it: built in, defined by `option NAME code N = TYPE`, or made up from `unknown-N`. */
export interface IscOption {
  space: string;
  name: string;
  code: number;
  format: string;
}

/**
 * The token stream plus what dhcpd remembers while it reads a file: option spaces and option
 * definitions, classes, keys, failover peers, named groups and hosts (later statements may refer
 * to them). Problems land in the file's list; dhcpd's parse_warn() always fails the load, so they
 * are errors unless said otherwise.
 */
export class Cursor {
  readonly lx: Lexer;
  readonly spaces = new Map<string, { byName: Map<string, IscOption>; byCode: Map<number, IscOption> }>();
  readonly classes = new Set<string>(['implicit-vendor-class', 'implicit-user-class']);
  readonly keys = new Set<string>();
  /** Failover peers by name, with how many pools name them (dhcpd refuses a peer no pool names). */
  readonly peers = new Map<string, { span: Span; pools: number }>();
  readonly groups = new Set<string>();
  readonly hosts = new Set<string>();
  /** After an `include`, names may be defined in the included file: unknown names are then only warnings. */
  sawInclude = false;
  /** Read through an include (parser.ts IscParseOptions): top-level placement is not judged. */
  fragment = false;
  /** Where the top-level statement being read starts (a quick fix may insert before it). */
  topLevel = 0;
  /** dhcpd -6 (DHCPv6 mode): subnet6, range6 and prefix6 are read; otherwise dhcpd -4 refuses them. */
  v6 = false;
  /** The family of the first subnet read; in DHCPv6 mode a subnet of the other family stops dhcpd. */
  subnetFamily?: 4 | 6;
  /** `omapi-key NAME;` references, checked against the keys once the file is read (dhcpd does so after loading). */
  readonly omapiKeys: At<string>[] = [];
  private depth = 0;

  constructor(readonly out: DhcpFile) {
    this.lx = new Lexer(out.text, out.comments, (span, message) => this.error(span, message));
    for (const [space, defs] of ISC_SPACES) this.addSpace(space, defs.map((d: IscOptionDef) => ({ space, ...d })));
  }

  addSpace(name: string, options: IscOption[] = []): void {
    const key = name.toLowerCase();
    if (!this.spaces.has(key)) this.spaces.set(key, { byName: new Map(), byCode: new Map() });
    for (const o of options) this.define(o);
  }

  define(o: IscOption): void {
    const s = this.spaces.get(o.space.toLowerCase());
    if (!s) return;
    s.byName.set(o.name.toLowerCase(), o);
    s.byCode.set(o.code, o);
  }

  lookup(space: string, name: string): IscOption | undefined {
    return this.spaces.get(space.toLowerCase())?.byName.get(name.toLowerCase());
  }

  /**
   * parse.c parse_option_name(): `NAME` (the dhcp space) or `SPACE.NAME`, or `unknown-N`. With
   * `allocate` (an option definition may follow) an unknown name is returned as not `known`;
   * otherwise it is reported. `start`/`end` cover the name as written.
   */
  optionName(allocate: boolean): { option: IscOption; known: boolean; written: string; start: number; end: number } | undefined {
    const first = this.next();
    if (!isIdentifier(first)) {
      this.expected(first, 'expecting identifier after option keyword');
      return undefined;
    }
    let space = 'dhcp';
    let nameTok = first;
    if (this.peek().kind === '.') {
      this.next();
      nameTok = this.next();
      if (!isIdentifier(nameTok)) {
        this.expected(nameTok, "expecting identifier after '.'");
        return undefined;
      }
      space = first.value;
      if (!this.spaces.has(space.toLowerCase())) {
        this.unknown({ start: first.start, end: first.end }, `no option space named ${space}`);
        this.skipToSemi();
        return undefined;
      }
    }
    const name = nameTok.value;
    const where = { written: this.out.text.slice(first.start, nameTok.end), start: first.start, end: nameTok.end };
    const found = this.lookup(space, name);
    if (found) return { option: found, known: true, ...where };
    if (/^unknown-/i.test(name)) {
      const code = atoi(name.slice(8));
      if (code === 0 || (space.toLowerCase() === 'dhcp' && code === 255)) {
        this.error({ start: first.start, end: nameTok.end }, `Option codes 0 and 255 are illegal in the ${space} space`);
        this.skipToSemi();
        return undefined;
      }
      const byCode = this.spaces.get(space.toLowerCase())?.byCode.get(code);
      return { option: byCode ?? { space, name, code, format: 'X' }, known: true, ...where };
    }
    if (allocate) return { option: { space, name, code: -1, format: '' }, known: false, ...where };
    this.unknownOption({ start: first.start, end: nameTok.end }, `no option named ${name} in space ${space}`, space, name);
    this.skipToSemi();
    return undefined;
  }

  /**
   * Guards recursion (nested parentheses, `if` blocks): past this depth the rest of the file is
   * skipped with an error, so that a hostile input cannot exhaust the stack.
   */
  enter(): boolean {
    if (++this.depth <= 500) return true;
    this.error(this.at(this.peek()), 'nesting too deep to analyse (over 500 levels)');
    while (this.next().kind !== 'EOF');
    return false;
  }

  leave(): void {
    this.depth--;
  }

  peek(n = 0): Tok {
    return this.lx.peek(n);
  }

  next(): Tok {
    return this.lx.next();
  }

  /** Where a problem about `t` is shown: the token, or the end of the previous one when `t` is the end of the file. */
  at(t: Tok): Span {
    return t.kind === 'EOF' ? { start: this.lx.last.end, end: this.lx.last.end } : { start: t.start, end: t.end };
  }

  error(span: Span, message: string): void {
    this.problem(span, message, 'error');
  }

  problem(span: Span, message: string, severity: ParseProblem['severity']): void {
    const n = this.out.problems.length;
    if (n > MAX_PROBLEMS) return;
    if (n === MAX_PROBLEMS) message = `more problems follow; the first ${MAX_PROBLEMS} are shown`;
    this.out.problems.push({ file: this.out.path, span, message, severity });
  }

  /** A reference to a name this file does not define: an error, or a warning when an include might define it. */
  unknown(span: Span, message: string): void {
    if (this.sawInclude) this.problem(span, `${message} (unless an included file defines it)`, 'warning');
    else this.error(span, message);
  }

  /**
   * An option name dhcpd does not know. A route option's conventional name gets the marker of its
   * quick fix (model.ts ParseProblemCode), except in an included file: where its definition may
   * go depends on the includer.
   */
  unknownOption(span: Span, message: string, space: string, name: string): void {
    const n = this.out.problems.length;
    this.unknown(span, message);
    const optionCode = space.toLowerCase() === 'dhcp' ? ISC_ROUTE_OPTION_NAMES.get(name.toLowerCase()) : undefined;
    const p = this.out.problems[n];
    if (!p || !optionCode || this.fragment) return;
    p.code = 'isc-undefined-route-option';
    p.data = { option: name, optionCode, topLevel: this.topLevel };
  }

  /** parse.c skip_to_rbrace(): past `count` closing braces, or past the statement's `;` when count is 0. */
  skipToRbrace(count: number): void {
    let braces = count;
    for (;;) {
      const t = this.peek();
      if (t.kind === 'EOF') return;
      if (t.kind === '}') {
        if (braces > 0) braces--;
        if (braces === 0) {
          this.next();
          return;
        }
      } else if (t.kind === '{') braces++;
      else if (t.kind === ';' && braces === 0) {
        this.next();
        return;
      }
      this.next();
    }
  }

  skipToSemi(): void {
    this.skipToRbrace(0);
  }

  /** parse.c parse_semi(). */
  semi(): boolean {
    const t = this.next();
    if (t.kind === ';') return true;
    this.error(this.at(t), 'semicolon expected');
    this.skipToSemi();
    return false;
  }

  /** confpars.c parse_lbrace(). */
  lbrace(): boolean {
    const t = this.next();
    if (t.kind === '{') return true;
    this.error(this.at(t), 'expecting left brace');
    this.skipToSemi();
    return false;
  }

  /**
   * The test that ends the loop over a `{ … }` block's statements: '}' when the block closes (the
   * brace is read), 'EOF' when the file ends first (reported), undefined when a statement follows.
   * `readEof` reads the end of the file before reporting it, so the problem, and the span of the
   * block then closed, reach the file's end rather than its last token.
   */
  blockEnd(readEof = false): '}' | 'EOF' | undefined {
    const t = this.peek();
    if (t.kind === '}') {
      this.next();
      return '}';
    }
    if (t.kind !== 'EOF') return undefined;
    if (readEof) this.next();
    this.error(this.at(t), 'unexpected end of file');
    return 'EOF';
  }

  /** Reports `message` at `t`, then skips to the end of the statement unless `t` is its `;`. */
  expected(t: Tok, message: string): void {
    this.error(this.at(t), message);
    if (t.kind !== ';') this.skipToSemi();
  }

  /** From `start` to the end of the last token read. */
  spanFrom(start: number): Span {
    return { start, end: Math.max(start, this.lx.last.end) };
  }
}

/** C atoi(): the leading decimal digits (after an optional sign), 0 when there are none. */
export function atoi(s: string): number {
  const m = /^\s*([+-]?\d+)/.exec(s);
  return m ? Number(m[1]) | 0 : 0;
}
