import assert from 'node:assert/strict';
import { existsSync, readdirSync, readFileSync, statSync } from 'node:fs';
import { join, resolve } from 'node:path';
import { test } from 'node:test';
import { memoryHost } from '../../../server/src/core/host';
import { normalizeSettings, type Settings } from '../../../server/src/core/settings';
import type { Span } from '../../../server/src/core/text';
import { analyzeNginx } from '../../../server/src/nginx/analyze';
import { nginxCompletions, nginxHover, nginxSymbols, type SymbolResult } from '../../../server/src/nginx/features';
import { fuzzSeed, pick, prng } from '../fuzz';

// Robustness: a few thousand random mutations of real configs go through the parser, include
// expansion, every nginx rule and the editor features. Nothing may throw (onError included), every
// span must lie inside its file, and the whole run must stay fast. TLSNET_FUZZ_SEED=<n> replays a
// run; the seed and any failing case number are printed.

const SEED = fuzzSeed(0x7115e7);
const CASES = 3000;

function corpus(): string[] {
  const out: string[] = [];
  const walk = (dir: string) => {
    for (const name of readdirSync(dir).sort()) {
      const p = join(dir, name);
      if (statSync(p).isDirectory()) walk(p);
      else if (/\.(conf|sample|vhost|com)$|^nginx\.conf|^default$/.test(name) && statSync(p).size < 100_000) out.push(readFileSync(p, 'utf8'));
    }
  };
  const shared = resolve(process.cwd(), '../shared/corpus/nginx');
  if (existsSync(shared)) walk(shared);
  // CI clones the repo beside shared/; elsewhere the repo's own nginx files keep the test meaningful.
  if (!out.length) for (const d of ['test/fixtures', 'examples/nginx']) if (existsSync(d)) walk(d);
  return out;
}

const TLS_LINES = [
  'ssl_verify_client on;', 'ssl_verify_client optional_no_ca;', 'ssl_client_certificate /ws/ca.pem;', 'ssl_certificate /ws/c.pem;',
  'ssl_certificate_key /ws/k.pem;', 'ssl_protocols TLSv1 TLSv1.3;', 'ssl_ciphers "HIGH:!aNULL";', 'ssl_ciphers;', 'ssl on;',
  'listen 443 ssl http2;', 'listen [::]:443 ssl;', 'proxy_ssl_verify on;', 'proxy_pass https://up;', 'ssl_session_cache shared:X;',
  'ssl_ecdh_curve X25519:prime256v1;', 'ssl_conf_command Options PrioritizeChaCha;', 'ssl_stapling on;', 'ssl_dhparam /ws/dh.pem;',
  'ssl_trusted_certificate $var;', 'include inc.conf;', 'include *.conf;', 'include nginx.conf;', 'server {', 'location / {', 'http {', '}', '{',
  'ssl_certificate data:-----BEGIN CERTIFICATE-----;', 'ssl_password_file /ws/pw;', 'ssl_crl /ws/crl.pem;', 'ssl_reject_handshake on;',
];

type Mutator = (t: string, r: () => number) => string;
const at = (t: string, r: () => number) => Math.floor(r() * (t.length + 1));
const splice = (t: string, i: number, s: string) => t.slice(0, i) + s + t.slice(i);
const lines = (t: string) => t.split('\n');

const MUTATORS: Record<string, Mutator> = {
  truncate: (t, r) => t.slice(0, at(t, r)),
  openBrace: (t, r) => splice(t, at(t, r), '{'),
  closeBrace: (t, r) => splice(t, at(t, r), '}'),
  quote: (t, r) => splice(t, at(t, r), pick(['"', "'", '\\', '${', '#'], r)),
  deleteLine: (t, r) => {
    const ls = lines(t);
    ls.splice(Math.floor(r() * ls.length), 1);
    return ls.join('\n');
  },
  duplicateLine: (t, r) => {
    const ls = lines(t);
    const i = Math.floor(r() * ls.length);
    ls.splice(i, 0, ls[i]);
    return ls.join('\n');
  },
  tlsLine: (t, r) => {
    const ls = lines(t);
    for (let k = 1 + Math.floor(r() * 4); k > 0; k--) ls.splice(Math.floor(r() * (ls.length + 1)), 0, pick(TLS_LINES, r));
    return ls.join('\n');
  },
  garbage: (t, r) => splice(t, at(t, r), String.fromCharCode(...Array.from({ length: 1 + Math.floor(r() * 64) }, () => Math.floor(r() * 256)))),
  nul: (t, r) => splice(t, at(t, r), '\0'.repeat(1 + Math.floor(r() * 4))),
  surrogate: (t, r) => splice(t, at(t, r), pick(['\uD800', '\uDFFF', '\uDBFF\uDBFF', 'ssl_certificate \uD83D;', '\uFEFF'], r)),
  lineEnds: (t, r) => t.replace(/\n/g, () => pick(['\n', '\r\n', '\r', '\n\r'], r)),
  deepNesting: (t, r) => {
    const depth = 20 + Math.floor(r() * 600);
    return splice(t, at(t, r), 'location / {'.repeat(depth) + 'ssl_verify_client on;' + (r() < 0.5 ? '}'.repeat(depth) : ''));
  },
  wordSoup: (t, r) => {
    const words = t.split(/(\s+)/);
    for (let k = 0; k < 8 && words.length > 1; k++) {
      const i = Math.floor(r() * words.length);
      const j = Math.floor(r() * words.length);
      [words[i], words[j]] = [words[j], words[i]];
    }
    return words.join('');
  },
};

const SETTINGS: Settings[] = [
  normalizeSettings({}),
  normalizeSettings({ nginx: { version: '1.22.1', opensslVersion: '3.0' } }),
  normalizeSettings({ nginx: { version: '1.9.0', opensslVersion: '1.0.2k' }, tls: { profile: 'modern' } }),
  normalizeSettings({ nginx: { version: '1.30.1' }, tls: { profile: 'old' }, certificates: { expiryWarningDays: 0 } }),
];

const NOW = new Date('2026-06-01T00:00:00Z');
const inBounds = (s: Span, len: number) => Number.isInteger(s.start) && Number.isInteger(s.end) && 0 <= s.start && s.start <= s.end && s.end <= len;

/** Runs one mutated config through everything; returns what went wrong (empty when nothing did). */
function runCase(text: string, inc: string, settings: Settings, r: () => number): string[] {
  const problems: string[] = [];
  const files: Record<string, string> = { '/ws/nginx.conf': text, '/ws/inc.conf': inc, '/ws/c.pem': 'not a certificate', '/ws/ca.pem': '-----BEGIN CERTIFICATE-----\nAAAA\n-----END CERTIFICATE-----\n' };
  const { parsed, config, findings } = analyzeNginx('/ws/nginx.conf', text, {
    host: memoryHost(files, ['/ws']),
    settings,
    now: NOW,
    onError: (rule, e) => problems.push(`rule ${rule} threw: ${e instanceof Error ? e.stack : String(e)}`),
  });
  const lengthOf = (f: string) => config.files.get(f)?.text.length ?? files[f]?.length;
  for (const f of findings) {
    const len = lengthOf(f.file);
    if (len === undefined || !inBounds(f.span, len)) problems.push(`${f.rule}: span ${JSON.stringify(f.span)} outside ${f.file} (${len})`);
    for (const fix of f.fixes ?? []) {
      for (const e of fix.edits) {
        const l = lengthOf(e.file);
        if (l === undefined || !inBounds(e.span, l)) problems.push(`${f.rule}: fix edit ${JSON.stringify(e.span)} outside ${e.file} (${l})`);
      }
    }
  }
  for (const e of parsed.errors) if (!inBounds(e.span, text.length)) problems.push(`syntax issue span ${JSON.stringify(e.span)} outside the text`);
  const checkSymbols = (ss: SymbolResult[]) => {
    for (const s of ss) {
      if (!inBounds(s.span, text.length) || !inBounds(s.selection, text.length)) problems.push(`symbol ${s.name} span outside the text`);
      checkSymbols(s.children);
    }
  };
  checkSymbols(nginxSymbols(parsed.directives));
  for (const offset of [0, text.length, at(text, r), at(text, r), at(text, r)]) {
    const h = nginxHover(parsed, offset);
    if (h && !inBounds(h.span, text.length)) problems.push(`hover at ${offset}: span outside the text`);
    nginxCompletions(parsed, offset);
  }
  return problems;
}

test(`fuzz: ${CASES} mutated configs never crash a rule or a feature (seed ${SEED}; TLSNET_FUZZ_SEED replays)`, () => {
  process.stdout.write(`fuzz seed: ${SEED} (set TLSNET_FUZZ_SEED to replay)\n`);
  const sources = corpus();
  assert.ok(sources.length > 0, 'no nginx files to mutate');
  const names = Object.keys(MUTATORS);
  const failures: string[] = [];
  let slowest = { ms: 0, label: '' };
  const t0 = performance.now();
  for (let i = 0; i < CASES; i++) {
    // Each case has its own stream, so case i replays alone with the same seed.
    const r = prng((SEED ^ Math.imul(i + 1, 0x9e3779b1)) >>> 0);
    let text = pick(sources, r);
    const applied: string[] = [];
    for (let k = 1 + Math.floor(r() * 3); k > 0; k--) {
      const name = pick(names, r);
      applied.push(name);
      text = MUTATORS[name](text, r);
    }
    const inc = MUTATORS[pick(names, r)](pick(sources, r), r);
    const label = `case ${i} [${applied.join('+')}] (${text.length} chars)`;
    const c0 = performance.now();
    try {
      for (const p of runCase(text, inc, pick(SETTINGS, r), r)) failures.push(`${label}: ${p}`);
    } catch (e) {
      failures.push(`${label}: threw ${e instanceof Error ? (e.stack ?? '').split('\n').slice(0, 4).join('\n') : String(e)}`);
    }
    const ms = performance.now() - c0;
    if (ms > slowest.ms) slowest = { ms, label };
  }
  // One 5 MB line (a runaway regex or a quadratic scan shows up here) and 5,000 nested blocks
  // (recursion without a depth limit overflows the stack).
  const extremes: [string, string][] = [
    ['5 MB line', `http { server { listen 443 ssl; ssl_ciphers "${'A:'.repeat(2_500_000)}"; ssl_verify_client on; } }\n# ${'x'.repeat(5_000_000)}`],
    ['5,000 nested blocks', `http { server { listen 443 ssl; ${'location / { '.repeat(5000)}ssl_verify_client on;${' }'.repeat(5000)} } }\n`],
  ];
  let hugeMs = 0;
  for (const [label, text] of extremes) {
    const h0 = performance.now();
    try {
      for (const p of runCase(text, '', SETTINGS[1], prng(SEED))) failures.push(`${label}: ${p}`);
    } catch (e) {
      failures.push(`${label}: threw ${e instanceof Error ? (e.stack ?? '').split('\n').slice(0, 4).join('\n') : String(e)}`);
    }
    hugeMs = Math.max(hugeMs, performance.now() - h0);
  }
  const total = performance.now() - t0;
  process.stdout.write(`fuzz: ${CASES} cases + 2 extreme inputs in ${(total / 1000).toFixed(1)} s; slowest ${slowest.label} ${slowest.ms.toFixed(0)} ms; slowest extreme ${hugeMs.toFixed(0)} ms\n`);
  assert.deepEqual(failures.slice(0, 20), [], `${failures.length} failures (seed ${SEED})`);
  assert.ok(total < 60_000, `fuzz run took ${(total / 1000).toFixed(1)} s`);
  assert.ok(hugeMs < 10_000, `an extreme input took ${hugeMs.toFixed(0)} ms`);
});
