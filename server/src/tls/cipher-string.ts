/**
 * An evaluator of OpenSSL cipher strings (openssl-ciphers(1) "CIPHER LIST FORMAT"), following
 * ssl_create_cipher_list() in OpenSSL 3.0: every suite starts inactive in the base order; each
 * word adds (no prefix), re-orders (`+`), deletes (`-`, may be re-added) or kills (`!`, never
 * again) the suites it matches; `a+b` intersects; `@STRENGTH` sorts; `DEFAULT` and `SUITEB*` are
 * only recognised at the very start. The result is what `SSL_CTX_set_cipher_list` would keep.
 */
import { CIPHER_ALIASES, LEGACY_SUITE_NAME, OPENSSL_DEFAULT_CIPHERS, RETIRED_ALIASES, type AliasPattern } from './cipher-aliases.data';
import type { CipherSuite } from './cipher-types';
import { CIPHER_SUITES, TLS13_SUITES } from './openssl-ciphers.data';

export type CipherOp = 'add' | 'del' | 'ord' | 'kill' | 'special';

/** One rule of the string: `!aNULL`, `ECDHE+AESGCM`, `@STRENGTH`. Offsets are into the string. */
export interface CipherToken {
  text: string;
  start: number;
  end: number;
  op: CipherOp;
  /** The `+`-joined words without the prefix. */
  parts: string[];
  /** How many compiled-in suites the pattern selects (active or not). */
  matched: number;
  /** Words no OpenSSL release knows as an alias or suite name (typos, TLS 1.3 names, …). */
  unknown: string[];
  /** Words OpenSSL knows but that select nothing here (RC4, EXPORT, 3DES in a 3.x build). */
  absent: string[];
  /** Words that are TLS 1.3 suite names: `ssl_ciphers` never takes these. */
  tls13: string[];
  /** Came from expanding a leading DEFAULT / SUITEB keyword, not written by the user. */
  expanded?: boolean;
}

export interface CipherEvaluation {
  /** Enabled TLS ≤ 1.2 suites, in the order OpenSSL would offer/prefer them. */
  suites: CipherSuite[];
  tokens: CipherToken[];
  /** The token that last added each enabled suite. */
  addedBy: Map<CipherSuite, CipherToken>;
  /** A syntax error OpenSSL refuses the whole string for ("invalid command"). */
  error?: { message: string; start: number; end: number };
  /** From `@SECLEVEL=n`. */
  secLevel?: number;
  /** Longer than any real cipher list (MAX_CIPHER_STRING): not evaluated, nothing is concluded. */
  tooLong?: boolean;
}

/** Real cipher lists are a few hundred characters; beyond this nothing useful is learned. */
export const MAX_CIPHER_STRING = 16 * 1024;

/** True when OpenSSL (and so nginx) refuses the string: syntax error or no TLS ≤ 1.2 suite left. */
export function cipherStringFails(e: CipherEvaluation): boolean {
  return !e.tooLong && (e.error !== undefined || e.suites.length === 0);
}

interface Pattern {
  id?: number;
  cats: AliasPattern;
}

const byName = new Map<string, CipherSuite>(CIPHER_SUITES.map((s) => [s.name, s]));
const ALIASES = new Map<string, AliasPattern>(Object.entries(CIPHER_ALIASES));
const TLS13_NAMES = new Set(TLS13_SUITES.map((s) => s.name));
const WORD = /[A-Za-z0-9._=-]/;
const SEP = new Set([':', ' ', ';', ',']);

function strengthTags(s: CipherSuite): string[] {
  return s.fips ? [s.strength, 'FIPS'] : [s.strength];
}

function suitePattern(s: CipherSuite): Pattern {
  return {
    id: s.id,
    cats: { kx: [s.kx], au: [s.au], enc: [s.enc], mac: [s.mac], strength: strengthTags(s), ...(s.notDefault ? { dflt: ['NOT_DEFAULT'] } : {}) },
  };
}

const CATS = ['kx', 'au', 'enc', 'mac', 'minTls', 'strength', 'dflt'] as const;

/** Intersects two patterns as OpenSSL ANDs masks; undefined when a category becomes empty. */
function combine(a: Pattern, b: Pattern, bIsSuite: boolean): Pattern | undefined {
  const cats: AliasPattern = { ...a.cats };
  for (const c of CATS) {
    // A suite name's protocol version is not part of the pattern (OpenSSL: "explicit ciphersuite").
    if (c === 'minTls' && bIsSuite) continue;
    const bv = b.cats[c];
    if (!bv) continue;
    const av = cats[c];
    const next = av ? av.filter((x) => bv.includes(x)) : bv;
    if (!next.length) return undefined;
    cats[c] = next;
  }
  return { id: bIsSuite ? b.id : a.id, cats };
}

function matches(p: Pattern, s: CipherSuite): boolean {
  if (p.id !== undefined && p.id !== s.id) return false;
  const v: Record<(typeof CATS)[number], readonly string[]> = { kx: [s.kx], au: [s.au], enc: [s.enc], mac: [s.mac], minTls: [s.minTls], strength: strengthTags(s), dflt: s.notDefault ? ['NOT_DEFAULT'] : [] };
  return CATS.every((c) => !p.cats[c] || p.cats[c]!.some((x) => v[c].includes(x)));
}

interface Node {
  suite: CipherSuite;
  active: boolean;
}

class CipherList {
  nodes: Node[] = CIPHER_SUITES.map((suite) => ({ suite, active: false }));
  addedBy = new Map<CipherSuite, CipherToken>();

  apply(op: Exclude<CipherOp, 'special'>, p: Pattern, token: CipherToken): void {
    const hit = (n: Node): boolean => matches(p, n.suite);
    if (op === 'add') {
      const moved = this.nodes.filter((n) => !n.active && hit(n));
      this.nodes = [...this.nodes.filter((n) => !moved.includes(n)), ...moved];
      for (const n of moved) {
        n.active = true;
        this.addedBy.set(n.suite, token);
      }
    } else if (op === 'ord') {
      const moved = this.nodes.filter((n) => n.active && hit(n));
      this.nodes = [...this.nodes.filter((n) => !moved.includes(n)), ...moved];
    } else if (op === 'del') {
      // Deleted suites go to the head, in order, so a later add brings them back in that order.
      const moved = this.nodes.filter((n) => n.active && hit(n));
      this.nodes = [...moved, ...this.nodes.filter((n) => !moved.includes(n))];
      for (const n of moved) n.active = false;
    } else {
      this.nodes = this.nodes.filter((n) => !hit(n));
    }
  }

  /** `@STRENGTH`: active suites stably sorted by strength bits, strongest first. */
  strengthSort(): void {
    const active = this.nodes.filter((n) => n.active);
    const sorted = [...active].sort((a, b) => b.suite.bits - a.suite.bits);
    this.nodes = [...this.nodes.filter((n) => !n.active), ...sorted];
  }
}

function lookup(word: string): { pattern?: Pattern; isSuite: boolean } {
  const s = byName.get(word);
  if (s) return { pattern: suitePattern(s), isSuite: true };
  const a = ALIASES.get(word);
  if (a) return { pattern: { cats: a }, isSuite: false };
  return { isSuite: false };
}

function countMatches(p: Pattern | undefined): number {
  return p ? CIPHER_SUITES.filter((s) => matches(p, s)).length : 0;
}

function classify(word: string, token: CipherToken): void {
  if (TLS13_NAMES.has(word) || /^TLS_(AES|CHACHA20)_/.test(word)) token.tls13.push(word);
  else if (byName.has(word) || ALIASES.has(word) || RETIRED_ALIASES.has(word) || LEGACY_SUITE_NAME.test(word)) {
    if (!countMatches(lookup(word).pattern)) token.absent.push(word);
  } else token.unknown.push(word);
}

/** Processes the rules of `str` into `list`, as ssl_cipher_process_rulestr does. */
function processRules(str: string, list: CipherList, tokens: CipherToken[], base: number, expanded: boolean, out: { error?: CipherEvaluation['error']; secLevel?: number }): void {
  let i = 0;
  while (i < str.length) {
    const start = i;
    const ch = str[i];
    let op: CipherOp = 'add';
    if (ch === '-') op = 'del';
    else if (ch === '+') op = 'ord';
    else if (ch === '!') op = 'kill';
    else if (ch === '@') op = 'special';
    if (op !== 'add') i++;
    if (SEP.has(ch)) {
      i++;
      continue;
    }
    const token: CipherToken = { text: '', start: base + start, end: base + start, op, parts: [], matched: 0, unknown: [], absent: [], tls13: [], ...(expanded ? { expanded } : {}) };
    let pattern: Pattern | undefined;
    let found = true;
    for (;;) {
      const wStart = i;
      while (i < str.length && WORD.test(str[i])) i++;
      const word = str.slice(wStart, i);
      if (!word) {
        out.error ??= { message: `OpenSSL cannot read the cipher string at "${str.slice(start, i + 1)}" (invalid command): the whole list is refused.`, start: base + start, end: base + Math.min(i + 1, str.length) };
        return;
      }
      token.parts.push(word);
      if (op === 'special') break;
      const multi = str[i] === '+';
      if (multi) i++;
      const { pattern: p, isSuite } = lookup(word);
      classify(word, token);
      if (!p) {
        found = false;
        break;
      }
      pattern = pattern ? combine(pattern, p, isSuite) : isSuite ? p : { cats: p.cats };
      if (!pattern) {
        found = false;
        break;
      }
      if (!multi) break;
    }
    // What follows an unknown word up to the next separator is skipped, as OpenSSL does.
    if (op === 'special' || !found) while (i < str.length && !SEP.has(str[i])) i++;
    token.end = base + i;
    token.text = str.slice(start, i);
    tokens.push(token);
    if (op === 'special') {
      const word = token.parts[0];
      const level = /^SECLEVEL=([0-9])$/.exec(word);
      if (word === 'STRENGTH') list.strengthSort();
      else if (level && Number(level[1]) <= 5) out.secLevel = Number(level[1]);
      else out.error ??= { message: `OpenSSL knows no "@${word}" command (only @STRENGTH and @SECLEVEL=0..5): the whole list is refused.`, start: token.start, end: token.end };
      continue;
    }
    if (found && pattern) {
      token.matched = countMatches(pattern);
      list.apply(op, pattern, token);
    }
  }
}

const SUITEB: readonly [string, string][] = [
  ['SUITEB128ONLY', 'ECDHE-ECDSA-AES128-GCM-SHA256'],
  ['SUITEB128C2', 'ECDHE-ECDSA-AES256-GCM-SHA384'],
  ['SUITEB128', 'ECDHE-ECDSA-AES128-GCM-SHA256:ECDHE-ECDSA-AES256-GCM-SHA384'],
  ['SUITEB192', 'ECDHE-ECDSA-AES256-GCM-SHA384'],
];

/** Evaluates a cipher string as OpenSSL 3.0's SSL_CTX_set_cipher_list would (TLS ≤ 1.2 suites only). */
const memo = new Map<string, CipherEvaluation>();

/**
 * The suites a cipher string enables, as OpenSSL computes them. Memoised: the same few strings
 * are evaluated by several rules for every server of every analysis. Callers must not mutate it.
 */
export function evaluateCipherString(str: string): CipherEvaluation {
  if (str.length > MAX_CIPHER_STRING) return { suites: [], tokens: [], addedBy: new Map(), tooLong: true };
  let e = memo.get(str);
  if (!e) {
    if (memo.size >= 512) memo.delete(memo.keys().next().value as string);
    memo.set(str, (e = evaluate(str)));
  }
  return e;
}

function evaluate(str: string): CipherEvaluation {
  const list = new CipherList();
  const tokens: CipherToken[] = [];
  const out: { error?: CipherEvaluation['error']; secLevel?: number } = {};
  const suiteB = SUITEB.find(([prefix]) => str.startsWith(prefix));
  let rest = str;
  let base = 0;
  if (suiteB) {
    // Suite B replaces the whole string with its fixed suites.
    processRules(suiteB[1], list, tokens, 0, true, out);
    rest = '';
  } else if (str.startsWith('DEFAULT')) {
    processRules(OPENSSL_DEFAULT_CIPHERS, list, tokens, 0, true, out);
    base = str[7] === ':' ? 8 : 7;
    rest = str.slice(base);
  }
  const expandedCount = tokens.length;
  for (const t of tokens.slice(0, expandedCount)) {
    t.start = 0;
    t.end = suiteB ? suiteB[0].length : 7;
    t.text = str.slice(t.start, t.end);
  }
  if (!out.error && rest) processRules(rest, list, tokens, base, false, out);
  const suites = out.error ? [] : list.nodes.filter((n) => n.active).map((n) => n.suite);
  return { suites, tokens, addedBy: list.addedBy, ...(out.error ? { error: out.error } : {}), ...(out.secLevel !== undefined ? { secLevel: out.secLevel } : {}) };
}
