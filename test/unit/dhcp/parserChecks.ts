import assert from 'node:assert/strict';
import { existsSync, readdirSync, readFileSync, statSync } from 'node:fs';
import { join } from 'node:path';
import type { Span } from '../../../server/src/core/text';
import type { DhcpFile, DhcpScope } from '../../../server/src/dhcp/model';
import { fuzzSeed, pick, prng } from '../fuzz';

// What every DHCP parser test checks the same way, whatever the dialect: the model's spans, the
// refusals, the walk over a corpus, the fuzz loop and the 10 MB inputs.

/** What `s` covers in the file's text. */
export const text = (f: DhcpFile, s: Span): string => f.text.slice(s.start, s.end);

/** The messages of the file's error problems. */
export const errors = (f: DhcpFile): string[] => f.problems.filter((p) => p.severity === 'error').map((p) => p.message);

/** The `n`th scope of `kind`. */
export const scope = (f: DhcpFile, kind: DhcpScope['kind'], n = 0): DhcpScope => f.scopes.filter((s) => s.kind === kind)[n];

/** The span of the `n`th occurrence of `needle` in `src`. */
export function at(src: string, needle: string, n = 0): Span {
  let i = -1;
  for (let k = 0; k <= n; k++) i = src.indexOf(needle, i + 1);
  assert.ok(i >= 0, `${needle} not in text`);
  return { start: i, end: i + needle.length };
}

/** The comment markers of the dialects: `#`, IOS `!`, Kea's `//` and `/* … *\/` (unclosed at the end of a file). */
const commented = (written: string, value: string): boolean => ['#', '!', '//', '/*'].some((m) => written === m + value) || written === `/*${value}*/`;

/**
 * The model is consistent: every span lies in the text, exact option values and comments are what
 * their spans cover, scopes and their parents agree, problems are capped and none is an internal
 * error.
 */
export function checkModel(f: DhcpFile): void {
  const n = f.text.length;
  const inText = (s: Span | undefined, what: string): void => {
    if (s) assert.ok(s.start >= 0 && s.start <= s.end && s.end <= n, `${what} span ${JSON.stringify(s)} outside 0..${n}`);
  };
  assert.equal(f.scopes[0], f.global);
  for (const s of f.scopes) {
    inText(s.span, 'scope');
    inText(s.headerSpan, 'header');
    for (const x of [s.name, s.lease, s.maxLease, s.vrf]) inText(x?.span, 'scope part');
    for (const x of [s.importAll, s.overrideDefaultRouter]) inText(x, 'scope part');
    if (s !== f.global) assert.ok(s.parent && (s.parent === f.global || s.parent.children.includes(s)), 'parent and children agree');
    for (const c of s.children) assert.equal(c.parent, s);
    for (const x of s.networks) inText(x.span, 'network');
    for (const r of s.ranges) [r.span, r.start.span, r.end.span].forEach((x) => inText(x, 'range'));
    for (const h of s.hosts) [h.span, h.name?.span, h.address?.span, h.hardware?.span, h.clientId?.span].forEach((x) => inText(x, 'host'));
    for (const o of [...s.options, ...s.networks.flatMap((x) => (x.overrideRouters ? [x.overrideRouters] : []))]) {
      inText(o.span, 'option');
      inText(o.valueSpan, 'value');
      if (o.exact) assert.equal(text(f, o.valueSpan), o.value);
    }
  }
  for (const e of f.exclusions) [e.span, e.start.span, e.end.span].forEach((x) => inText(x, 'exclusion'));
  for (const c of f.classes) [c.span, c.name.span, ...c.relayInformation.map((r) => r.span)].forEach((x) => inText(x, 'class'));
  for (const x of f.clientRouteRequests) inText(x, 'client route request');
  for (const d of f.definitions) [d.span, d.name.span, d.code.span].forEach((x) => inText(x, 'definition'));
  for (const i of f.includes) [i.span, i.path.span].forEach((x) => inText(x, 'include'));
  for (const p of f.problems) {
    inText(p.span, p.message);
    assert.doesNotMatch(p.message, /internal error/);
  }
  assert.ok(f.problems.length <= 1001, `${f.problems.length} problems: the parser should stop at 1000`);
  for (const c of f.comments) {
    inText(c.span, 'comment');
    assert.ok(commented(text(f, c.span), c.value), `comment ${JSON.stringify(c.value)} is not what ${JSON.stringify(text(f, c.span))} holds`);
  }
}

/**
 * A refusal: the config, what the server says (a message, or a pattern of one) and the text the
 * problem covers.
 */
export type Refusal = readonly [src: string, message: string | RegExp, where: string];

/**
 * Each config gets an error problem at the fault. A message string is the first error's, and its
 * span covers exactly `where`; a pattern matches one of the errors, whose span starts with `where`
 * (a long value need not be spelled out).
 */
export function assertRefusals(parse: (src: string) => DhcpFile, cases: readonly Refusal[]): void {
  for (const [src, message, where] of cases) {
    const f = parse(src);
    const exact = typeof message === 'string';
    const p = f.problems.find((q) => q.severity === 'error' && (exact || message.test(q.message)));
    assert.ok(p, `${JSON.stringify(src)}: expected ${String(message)}, got ${JSON.stringify(f.problems.map((q) => q.message))}`);
    assert.equal(p.file, f.path);
    if (exact) {
      assert.equal(p.message, message, JSON.stringify(src));
      assert.equal(text(f, p.span), where, `span of "${message}"`);
    } else assert.ok(text(f, p.span).startsWith(where), `${JSON.stringify(src)}: span "${text(f, p.span)}" should start with "${where}"`);
  }
}

/**
 * The files under `dir`, sorted, that `keep` accepts (none when `dir` is absent), by path relative
 * to `relativeTo`, or by absolute path without it.
 */
export function readTree(dir: string, keep: (name: string, path: string) => boolean, relativeTo?: string): Map<string, string> {
  const out = new Map<string, string>();
  const walk = (d: string) => {
    for (const name of readdirSync(d).sort()) {
      const p = join(d, name);
      if (statSync(p).isDirectory()) walk(p);
      else if (keep(name, p)) out.set(relativeTo === undefined ? p : p.slice(relativeTo.length + 1), readFileSync(p, 'utf8'));
    }
  };
  if (existsSync(dir)) walk(dir);
  return out;
}

/** `s` after one to `edits` random edits: one of `bits` inserted, or up to seven characters cut. */
export function mutate(s: string, bits: readonly string[], r: () => number, edits = 4): string {
  for (let k = 1 + Math.floor(r() * edits); k > 0; k--) {
    const pos = Math.floor(r() * (s.length + 1));
    s = r() < 0.5 ? s.slice(0, pos) + pick(bits, r) + s.slice(pos) : s.slice(0, pos) + s.slice(pos + Math.floor(r() * 8));
  }
  return s;
}

/**
 * `runs` inputs made by `input` from a seeded random stream, each given to `check` (which parses
 * and checks it). A failure names the seed (TLSNET_FUZZ_SEED=<seed> replays the run), the case
 * and the input.
 */
export function fuzz(fallbackSeed: number, runs: number, input: (r: () => number, i: number) => string, check: (text: string, i: number) => void): void {
  const seed = fuzzSeed(fallbackSeed);
  const r = prng(seed);
  for (let i = 0; i < runs; i++) {
    const t = input(r, i);
    try {
      check(t, i);
    } catch (e) {
      assert.fail(`seed ${seed}, case ${i}: ${(e as Error).stack}\n--- input ---\n${t.slice(0, 2000)}`);
    }
  }
}

/** `parse(text)` timed in CPU milliseconds (wall time means little while other jobs share the machine). */
export function timed(parse: (text: string) => DhcpFile, text: string): { f: DhcpFile; ms: number } {
  const started = process.cpuUsage();
  const f = parse(text);
  const used = process.cpuUsage(started);
  return { f, ms: (used.user + used.system) / 1000 };
}

/** A huge input: its text, or a name, its text and what else its model must show. */
export type BigInput = string | readonly [name: string, text: string, check: (f: DhcpFile) => void];

/** Each huge input parses within `limitMs` of CPU time into a consistent model that passes `each`. */
export function assertLinear(parse: (text: string) => DhcpFile, inputs: readonly BigInput[], { limitMs = 8000, each }: { limitMs?: number; each?: (f: DhcpFile) => void } = {}): void {
  for (const input of inputs) {
    const [name, src, check] = typeof input === 'string' ? [`${JSON.stringify(input.slice(0, 30))}…`, input, undefined] : input;
    const { f, ms } = timed(parse, src);
    assert.ok(ms < limitMs, `${name}: ${Math.round(ms)} ms`);
    checkModel(f);
    each?.(f);
    check?.(f);
  }
}
