import { createScanner, parseTree, type Node, type ParseError, ParseErrorCode, SyntaxKind } from 'jsonc-parser';
import type { Span } from '../../core/text';
import type { At, DhcpInclude } from '../model';

/**
 * The JSON layer of a Kea file. Kea reads JSON with `//`, `/* *\/` and `#` comments, trailing and
 * repeated commas after an entry (`[1,,]`; not before the first), and `<?include "file"?>`
 * anywhere between tokens. jsonc-parser reads the rest: `#` comments and includes are blanked
 * (same length, so offsets stay) before it parses, and its comma complaints Kea would not make are
 * dropped.
 */
export interface KeaJson {
  root: Node | undefined;
  /** JSON errors Kea also refuses, with readable messages. */
  errors: { span: Span; message: string }[];
  comments: At<string>[];
  includes: DhcpInclude[];
  /** Numbers Kea reads but JSON does not (`.5`, `+5`, `01`), by offset: blanked to `0` for the JSON parser. */
  numbers: ReadonlyMap<number, 'integer' | 'real'>;
}

const INCLUDE = /<\?\s*include\s*"([^"\n\r]*)"\s*\?>/y;
/** A number as Kea's lexer reads it: integers `-?[0-9]+`, anything else with `.`, an exponent or `+` a float. */
const KEA_NUMBER = /[-+]?(?:\d+\.?\d*|\.\d+)(?:[eE][-+]?\d+)?/y;
const JSON_NUMBER = /^-?(?:0|[1-9]\d*)(?:\.\d+)?(?:[eE][-+]?\d+)?$/;

/** Blanks what jsonc-parser cannot read (`#` comments, includes) and records every comment. */
function preprocess(path: string, text: string): { clean: string; comments: At<string>[]; includes: DhcpInclude[]; afterIncludes: number[]; numbers: Map<number, 'integer' | 'real'> } {
  const numbers = new Map<number, 'integer' | 'real'>();
  const comments: At<string>[] = [];
  const includes: DhcpInclude[] = [];
  const afterIncludes: number[] = [];
  const parts: string[] = [];
  let copied = 0;
  const blank = (start: number, end: number, lead = ''): void => {
    const gone = text.slice(start + lead.length, end);
    parts.push(text.slice(copied, start), lead, /[\n\r]/.test(gone) ? gone.replace(/[^\n\r]/g, ' ') : ' '.repeat(gone.length));
    copied = end;
  };
  const n = text.length;
  let i = 0;
  while (i < n) {
    const c = text.charCodeAt(i);
    if (c === 34) {
      // A string: skip to its closing quote (an unclosed one ends at the line break, as JSON's).
      i++;
      while (i < n) {
        const d = text.charCodeAt(i);
        if (d === 92) i += 2;
        else if (d === 34 || d === 10 || d === 13) break;
        else i++;
      }
      i++;
    } else if (c === 35 || (c === 47 && text.charCodeAt(i + 1) === 47)) {
      const start = i;
      while (i < n && text.charCodeAt(i) !== 10 && text.charCodeAt(i) !== 13) i++;
      comments.push({ value: text.slice(start + (c === 35 ? 1 : 2), i), span: { start, end: i } });
      if (c === 35) blank(start, i);
    } else if (c === 47 && text.charCodeAt(i + 1) === 42) {
      const close = text.indexOf('*/', i + 2);
      const end = close < 0 ? n : close + 2;
      comments.push({ value: text.slice(i + 2, close < 0 ? n : close), span: { start: i, end } });
      i = end;
    } else if (c === 60 && text.charCodeAt(i + 1) === 63) {
      INCLUDE.lastIndex = i;
      const m = INCLUDE.exec(text);
      if (!m) {
        i++;
        continue;
      }
      const pathStart = text.indexOf('"', i) + 1;
      includes.push({ file: path, path: { value: m[1], span: { start: pathStart, end: pathStart + m[1].length } }, span: { start: i, end: i + m[0].length } });
      blank(i, i + m[0].length);
      i += m[0].length;
      afterIncludes.push(i);
    } else if ((c >= 48 && c <= 57) || c === 45 || c === 43 || c === 46) {
      KEA_NUMBER.lastIndex = i;
      const m = KEA_NUMBER.exec(text);
      if (!m) {
        i++;
        continue;
      }
      if (!JSON_NUMBER.test(m[0])) {
        numbers.set(i, /^-?\d+$/.test(m[0]) ? 'integer' : 'real');
        blank(i, i + m[0].length, '0');
      }
      i += m[0].length;
    } else i++;
  }
  parts.push(text.slice(copied));
  return { clean: parts.join(''), comments, includes, afterIncludes, numbers };
}

const MESSAGES: Partial<Record<ParseErrorCode, string>> = {
  [ParseErrorCode.InvalidSymbol]: 'not JSON here',
  [ParseErrorCode.InvalidNumberFormat]: 'a malformed number',
  [ParseErrorCode.PropertyNameExpected]: 'a quoted key is expected here',
  [ParseErrorCode.ValueExpected]: 'a value is expected here',
  [ParseErrorCode.ColonExpected]: 'a ":" is expected here',
  [ParseErrorCode.CommaExpected]: 'a "," is expected here',
  [ParseErrorCode.CloseBraceExpected]: 'a "}" is expected here',
  [ParseErrorCode.CloseBracketExpected]: 'a "]" is expected here',
  [ParseErrorCode.EndOfFileExpected]: 'text after the end of the configuration',
  [ParseErrorCode.InvalidCommentToken]: 'a malformed comment',
  [ParseErrorCode.UnexpectedEndOfComment]: 'a "/*" comment that is never closed',
  [ParseErrorCode.UnexpectedEndOfString]: 'a string that is never closed',
  [ParseErrorCode.UnexpectedEndOfNumber]: 'a number that ends too soon',
  [ParseErrorCode.InvalidUnicode]: 'a malformed \\u escape',
  [ParseErrorCode.InvalidEscapeCharacter]: 'an escape JSON does not know (\\" \\\\ \\/ \\b \\f \\n \\r \\t \\uXXXX)',
  [ParseErrorCode.InvalidCharacter]: 'a control character inside a string',
};

/** JSON errors kept (the problem list stops at 1000 anyway). */
const MAX_ERRORS = 1000;

/** Offsets and kinds of the significant tokens, to look behind a comma (built only when there are errors). */
function tokensOf(text: string): { at: number[]; kind: SyntaxKind[] } {
  const scanner = createScanner(text, true);
  const at: number[] = [];
  const kind: SyntaxKind[] = [];
  for (let k = scanner.scan(); k !== SyntaxKind.EOF; k = scanner.scan()) {
    if (k === SyntaxKind.LineCommentTrivia || k === SyntaxKind.BlockCommentTrivia) continue;
    at.push(scanner.getTokenOffset());
    kind.push(k);
  }
  return { at, kind };
}

/** True for a comma Kea takes: one of a run of commas that follows an entry. */
function extraComma(tokens: { at: number[]; kind: SyntaxKind[] }, offset: number): boolean {
  let lo = 0;
  let hi = tokens.at.length - 1;
  while (lo < hi) {
    const mid = (lo + hi + 1) >> 1;
    if (tokens.at[mid] <= offset) lo = mid;
    else hi = mid - 1;
  }
  if (tokens.at[lo] !== offset || tokens.kind[lo] !== SyntaxKind.CommaToken) return false;
  let k = lo - 1;
  while (k >= 0 && tokens.kind[k] === SyntaxKind.CommaToken) k--;
  return k >= 0 && tokens.kind[k] !== SyntaxKind.OpenBracketToken && tokens.kind[k] !== SyntaxKind.OpenBraceToken;
}

/** Subtracts `by` from every offset of a tree parsed from wrapped text. */
function shift(node: Node, by: number): void {
  const stack = [node];
  while (stack.length) {
    // jsonc-parser types its nodes read-only; these are ours, fresh from parseTree.
    const n = stack.pop() as { -readonly [K in keyof Node]: Node[K] };
    n.offset -= by;
    if (n.colonOffset !== undefined) n.colonOffset -= by;
    if (n.children) for (const c of n.children) stack.push(c);
  }
}

function parseOnce(clean: string, wrap: '' | '[]' | '{}'): { root: Node | undefined; errors: ParseError[] } {
  const errors: ParseError[] = [];
  const source = wrap ? `${wrap[0]}${clean}\n${wrap[1]}` : clean;
  const root = parseTree(source, errors, { allowTrailingComma: true, disallowComments: false, allowEmptyContent: false });
  if (wrap) {
    if (root) {
      shift(root, 1);
      // The wrapper is ours: it spans the whole text, no more.
      const r = root as { -readonly [K in keyof Node]: Node[K] };
      r.offset = 0;
      r.length = clean.length;
    }
    for (const e of errors) e.offset = Math.max(0, Math.min(e.offset - 1, clean.length));
  }
  return { root, errors };
}

/** True when the text is a whole configuration: an object with a `Dhcp4` key. */
export const isWholeConfig = (root: Node | undefined): boolean => root?.type === 'object' && (root.children ?? []).some((p) => p.children?.[0]?.value === 'Dhcp4');

/**
 * Parses a Kea file. A file without a top-level `Dhcp4` object is read as what an include
 * inserts: entries of a list (`{…}, {…}`) or members of a map (`"k": v, …`), whichever parses.
 */
export function readKeaJson(path: string, text: string): KeaJson & { whole: boolean } {
  const pre = preprocess(path, text);
  let parsed = parseOnce(pre.clean, '');
  const whole = isWholeConfig(parsed.root);
  // `{…}, {…}` stops JSON after its first value; `"k": v, …` at its first colon-less start.
  const first = /\S/.exec(pre.clean)?.[0];
  const wrap = first === '{' && parsed.errors[0]?.error === ParseErrorCode.EndOfFileExpected ? '[]' : first === '"' && !whole ? '{}' : undefined;
  if (!whole && wrap) {
    const other = parseOnce(pre.clean, wrap);
    if (!other.errors.length) parsed = other;
  }
  const errors: KeaJson['errors'] = [];
  if (parsed.errors.length) {
    const tokens = tokensOf(pre.clean);
    const afterInclude = (offset: number): boolean => pre.afterIncludes.some((a) => a <= offset && /^\s*$/.test(pre.clean.slice(a, offset)));
    const seen = new Set<number>();
    for (const e of parsed.errors) {
      if (errors.length >= MAX_ERRORS) break;
      if (extraComma(tokens, e.offset) || afterInclude(e.offset) || seen.has(e.offset)) continue;
      seen.add(e.offset);
      errors.push({ span: { start: e.offset, end: Math.min(text.length, e.offset + Math.max(e.length, 1)) }, message: `Invalid JSON: ${MESSAGES[e.error] ?? 'unexpected text'}` });
    }
  }
  return { root: parsed.root, errors, comments: pre.comments, includes: pre.includes, numbers: pre.numbers, whole };
}

/** A string node's text between its quotes, and whether that equals its decoded value. */
export function stringAt(node: Node, text: string): { value: string; span: Span; exact: boolean } {
  const span = { start: node.offset + 1, end: Math.max(node.offset + 1, node.offset + node.length - 1) };
  const value = String(node.value);
  return { value, span, exact: text.slice(span.start, span.end) === value };
}

export const spanOf = (node: Node): Span => ({ start: node.offset, end: node.offset + node.length });

/** The properties of an object node as [key, value, property] triples. */
export function propsOf(node: Node): { key: string; keyNode: Node; value: Node | undefined; prop: Node }[] {
  const out: { key: string; keyNode: Node; value: Node | undefined; prop: Node }[] = [];
  for (const p of node.children ?? []) {
    const keyNode = p.children?.[0];
    if (keyNode) out.push({ key: String(keyNode.value), keyNode, value: p.children?.[1], prop: p });
  }
  return out;
}

export function prop(node: Node | undefined, key: string): Node | undefined {
  if (node?.type !== 'object') return undefined;
  for (const p of node.children ?? []) if (p.children?.[0]?.value === key) return p.children?.[1];
  return undefined;
}
