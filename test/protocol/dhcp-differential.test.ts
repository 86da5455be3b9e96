import assert from 'node:assert/strict';
import { existsSync, mkdirSync, mkdtempSync, readdirSync, readFileSync, rmSync, statSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, relative, resolve } from 'node:path';
import { after, before, test } from 'node:test';
import { analyzeDocument } from '../../server/src/analysis';
import type { Finding } from '../../server/src/core/finding';
import { detectLanguage } from '../../server/src/core/languages';
import { normalizeSettings, settingsFromEntries } from '../../server/src/core/settings';
import { fsHost } from '../../server/src/node/fsHost';
import { folderSettings } from '../../server/src/node/vscodeSettings';
import { corpusCases, exampleLineCases, fixtureCases, type Case, type Excluded } from './dhcpDifferentialCases';
import { oracleVersion, pool, runOracle, type Oracle, type Verdict } from './dhcpOracles';
import { judge, missingInclude, OUT_OF_SCOPE, type OutOfScope } from './dhcpDifferentialScope';

// Differential test against the real DHCP servers: dhcpd -t (-4, and -6 for DHCPv6 configs),
// kea-dhcp4 -t and dnsmasq --test, over the corpus (../shared/corpus/dhcp), the fixtures
// (test/fixtures/dhcp) and dnsmasq.conf.example with each example directive switched on. What a
// server rejects must get an error finding from tlsnet; what it accepts must get none. A missing
// include must get dhcp/include-unresolved (a warning by design, as for nginx: the file may exist
// only on the server). Configs refused for reasons tlsnet does not judge are repaired where
// possible or counted apart with the reason (dhcpDifferentialScope.ts). Summary: stdout and
// out/dhcp-differential.json.

const ROOT = process.cwd();
const CORPUS = resolve(ROOT, '../shared/corpus/dhcp');
const FIXTURES = join(ROOT, 'test/fixtures/dhcp');
const ORACLES: Oracle[] = ['dhcpd', 'dhcpd6', 'kea', 'dnsmasq'];
const PARALLEL = 4;

type Outcome = 'accepted' | 'rejected' | 'rejected-missing-include' | 'out-of-scope' | 'no-oracle';

interface Row {
  id: string;
  source: Case['source'];
  server: Oracle | 'none (Cisco IOS)';
  outcome: Outcome;
  expected?: Case['expected'];
  /** Fixtures: the rules the `expect:` comment on their first line names. */
  expectRules?: string[];
  scope?: string;
  message?: string;
  at?: string;
  repairs: string[];
  /** Our findings, `severity rule file:line`. */
  errors: string[];
  others: string[];
  /** Every rule we reported, once. */
  rules: string[];
  /** Some error of ours is on the line the server names. */
  located?: boolean;
  agree?: boolean;
  why?: string;
}

const work = mkdtempSync(join(tmpdir(), 'tlsnet-dhcp-diff-'));
const rows: Row[] = [];
let excluded: Excluded[] = [];
const missingOracles: Oracle[] = [];
const versions: Partial<Record<Oracle, string>> = {};
const timing = { oraclesMs: 0, analysisMs: 0, totalMs: 0, oracleRuns: 0 };

const lineAt = (text: string, offset: number) => text.slice(0, offset).split('\n').length;

function caseFiles(dir: string, out: string[] = []): string[] {
  for (const n of readdirSync(dir).sort()) {
    const p = join(dir, n);
    if (statSync(p).isDirectory()) {
      if (!n.startsWith('.')) caseFiles(p, out);
    } else out.push(p);
  }
  return out;
}

/** tlsnet on the case as the CLI and editor see it: the main file in its dialect, plus the other files that are recognised as that dialect. */
function analyze(c: Case): { findings: Finding[]; thrown: string[] } {
  const thrown: string[] = [];
  const settings = normalizeSettings(settingsFromEntries([['tlsnet.dhcp.keaVersion', versions.kea ?? '2.2.0'], ...folderSettings(c.dir).entries]));
  const host = fsHost({ roots: [c.dir] });
  const findings: Finding[] = [];
  for (const path of caseFiles(c.dir)) {
    const text = readFileSync(path, 'utf8');
    if (path !== c.main && detectLanguage(path, text) !== c.language) continue;
    findings.push(...analyzeDocument({ path, text, language: path === c.main ? c.language : undefined }, { host, settings, log: (m) => thrown.push(m) }).findings);
  }
  return { findings, thrown };
}

function compare(c: Case, verdict: Verdict | undefined, scope: OutOfScope | undefined): Row {
  const server = c.oracle ?? 'none (Cisco IOS)';
  const outcome: Outcome = !verdict ? 'no-oracle' : verdict.ok ? 'accepted' : scope ? 'out-of-scope' : missingInclude(verdict, c) ? 'rejected-missing-include' : 'rejected';
  const at = verdict?.line ? `${verdict.file ?? relative(c.dir, c.main)}:${verdict.line}` : undefined;
  const expectRules = c.expected ? (/expect: ([^\n]*)/.exec(readFileSync(c.main, 'utf8'))?.[1].trim().split(/[ ,]+/) ?? []) : undefined;
  const row: Row = { id: c.id, source: c.source, server, outcome, expected: c.expected, expectRules, scope: scope?.id, message: verdict?.message, at, repairs: c.repairs, errors: [], others: [], rules: [] };
  const t0 = performance.now();
  const { findings, thrown } = analyze(c);
  timing.analysisMs += performance.now() - t0;
  const texts = new Map<string, string>();
  const where = (f: Finding) => {
    const text = texts.get(f.file) ?? texts.set(f.file, readFileSync(f.file, 'utf8')).get(f.file)!;
    return `${f.severity} ${f.rule} ${relative(c.dir, f.file)}:${lineAt(text, f.span.start)} "${f.message.length > 140 ? `${f.message.slice(0, 140)}…` : f.message}"`;
  };
  const errors = findings.filter((f) => f.severity === 'error');
  row.errors = [...errors.map(where), ...thrown];
  row.others = findings.filter((f) => f.severity !== 'error').map(where);
  row.rules = [...new Set(findings.map((f) => f.rule))];
  if (at) row.located = row.errors.some((e) => e.includes(` ${at} "`));
  if (thrown.length) return { ...row, agree: false, why: 'a rule or the analysis threw' };
  // Cisco IOS has no oracle here: the fixture's name is the verdict.
  const rejects = outcome === 'no-oracle' ? c.expected === 'bad' : outcome === 'rejected';
  if (outcome === 'out-of-scope') return row;
  if (outcome === 'rejected-missing-include') {
    const ok = findings.some((f) => f.rule === 'dhcp/include-unresolved' && (f.severity === 'error' || f.severity === 'warning'));
    return { ...row, agree: ok, why: ok ? undefined : 'no dhcp/include-unresolved (warning or error) for the missing include' };
  }
  if (rejects) return { ...row, agree: errors.length > 0, why: errors.length ? undefined : 'the server rejects it, we report no error' };
  return { ...row, agree: !errors.length, why: errors.length ? 'the server accepts it, we report an error' : undefined };
}

before(async () => {
  const t0 = performance.now();
  for (const o of ORACLES) {
    const v = oracleVersion(o);
    if (v) versions[o] = v;
    else missingOracles.push(o);
  }
  const corpus = existsSync(CORPUS) ? corpusCases(CORPUS, work) : { cases: [], excluded: [] };
  excluded = corpus.excluded;
  const all = [...corpus.cases, ...fixtureCases(FIXTURES, work), ...exampleLineCases(join(CORPUS, 'dnsmasq/dnsmasq.conf.example'), work)];
  const cases = all.filter((c) => !c.oracle || !missingOracles.includes(c.oracle));
  for (const c of all) if (!cases.includes(c)) excluded.push({ id: c.id, reason: `${c.oracle} is not installed on this machine` });
  const run = async (c: Case) => {
    const v = await runOracle(c.oracle!, c.main);
    timing.oraclesMs += v.ms;
    timing.oracleRuns++;
    return v;
  };
  const verdicts = await pool(cases, PARALLEL, (c) => (c.oracle ? judge(c, run) : Promise.resolve(undefined)));
  cases.forEach((c, i) => rows.push(compare(c, verdicts[i]?.verdict, verdicts[i]?.scope)));
  timing.totalMs = performance.now() - t0;
  report();
});

after(() => rmSync(work, { recursive: true, force: true }));

function report(): void {
  const servers = [...new Set(rows.map((r) => r.server))];
  const count = (server: string, o: Outcome, agree?: boolean) => rows.filter((r) => r.server === server && r.outcome === o && (agree === undefined || r.agree === agree)).length;
  const bad = rows.filter((r) => r.agree === false);
  const summary = {
    servers: versions,
    notInstalled: missingOracles,
    timing: { ...timing, cases: rows.length },
    counts: Object.fromEntries(
      servers.map((s) => [
        s,
        {
          accepted: { total: count(s, 'accepted'), noErrorFromUs: count(s, 'accepted', true) },
          rejected: { total: count(s, 'rejected'), errorFromUs: count(s, 'rejected', true), onTheLineTheServerNames: rows.filter((r) => r.server === s && r.outcome === 'rejected' && r.located).length },
          rejectedMissingInclude: { total: count(s, 'rejected-missing-include'), includeUnresolvedFromUs: count(s, 'rejected-missing-include', true) },
          outOfScope: count(s, 'out-of-scope'),
          noOracle: { total: count(s, 'no-oracle'), agree: count(s, 'no-oracle', true) },
        },
      ]),
    ),
    outOfScopeReasons: Object.fromEntries(OUT_OF_SCOPE.map((s) => [s.id, { reason: s.reason, configs: rows.filter((r) => r.scope === s.id).length }])),
    repaired: rows.filter((r) => r.repairs.length).map((r) => ({ id: r.id, repairs: r.repairs })),
    disagreements: bad,
    outOfScope: rows.filter((r) => r.outcome === 'out-of-scope').map((r) => ({ id: r.id, scope: r.scope, message: r.message, at: r.at })),
    excluded,
    rows,
  };
  mkdirSync(join(ROOT, 'out'), { recursive: true });
  writeFileSync(join(ROOT, 'out/dhcp-differential.json'), JSON.stringify(summary, null, 2) + '\n');
  const pad = (s: string | number, n: number) => String(s).padStart(n);
  const lines = [
    `dhcp differential: ${rows.length} configs in ${(timing.totalMs / 1000).toFixed(1)} s (${timing.oracleRuns} server runs), ${excluded.length} files left out (not server configs tlsnet reads)${missingOracles.length ? `; NOT INSTALLED: ${missingOracles.join(', ')}` : ''}`,
    `  ${'server'.padEnd(18)} ${'accepts'.padStart(8)} ${'no error'.padStart(9)} ${'rejects'.padStart(8)} ${'error'.padStart(6)} ${'on line'.padStart(8)} ${'no incl.'.padStart(9)} ${'warned'.padStart(7)} ${'out of scope'.padStart(13)}`,
    ...servers.map((s) => {
      const c = summary.counts[s];
      const accepted = s.startsWith('none') ? c.noOracle.total - rows.filter((r) => r.server === s && r.expected === 'bad').length : c.accepted.total;
      const rejected = s.startsWith('none') ? rows.filter((r) => r.server === s && r.expected === 'bad').length : c.rejected.total;
      const agreeA = s.startsWith('none') ? rows.filter((r) => r.server === s && r.expected !== 'bad' && r.agree).length : c.accepted.noErrorFromUs;
      const agreeR = s.startsWith('none') ? rows.filter((r) => r.server === s && r.expected === 'bad' && r.agree).length : c.rejected.errorFromUs;
      return `  ${s.padEnd(18)} ${pad(accepted, 8)} ${pad(agreeA, 9)} ${pad(rejected, 8)} ${pad(agreeR, 6)} ${pad(c.rejected.onTheLineTheServerNames, 8)} ${pad(c.rejectedMissingInclude.total, 9)} ${pad(c.rejectedMissingInclude.includeUnresolvedFromUs, 7)} ${pad(c.outOfScope, 13)}`;
    }),
    `  repaired and judged again: ${summary.repaired.length}; out of scope: ${Object.entries(summary.outOfScopeReasons)
      .filter(([, v]) => v.configs)
      .map(([k, v]) => `${k} ${v.configs}`)
      .join(', ')}`,
    `  disagreements: ${bad.length} (details in out/dhcp-differential.json)`,
    ...bad.map(line),
  ];
  process.stdout.write(lines.join('\n') + '\n');
}

const line = (r: Row) => `    [${r.server} ${r.outcome}] ${r.id}: ${r.why}; server: ${r.message ?? 'ok'}${r.at ? ` (${r.at})` : ''}; ours: ${r.errors.join(', ') || 'no error'}`;
const list = (f: (r: Row) => boolean) => rows.filter((r) => f(r) && r.agree === false).map(line).join('\n');

test('dhcp differential: the harness ran each server on real configs, within the time budget', (t) => {
  if (missingOracles.length === ORACLES.length) return t.skip('dhcpd, kea-dhcp4 and dnsmasq are not installed (scripts/ensure-oracles.sh installs them)');
  if (missingOracles.length) t.diagnostic(`not installed, their configs skipped: ${missingOracles.join(', ')}`);
  for (const s of ['dhcpd', 'kea', 'dnsmasq'] as const) {
    if (missingOracles.includes(s)) continue;
    assert.ok(rows.some((r) => r.server === s && r.outcome === 'accepted'), `${s} accepted nothing: the harness is broken`);
    assert.ok(rows.some((r) => r.server === s && r.outcome === 'rejected'), `${s} rejected nothing: the broken fixtures did not reach it`);
  }
  if (existsSync(CORPUS)) assert.ok(rows.filter((r) => r.source === 'corpus').length >= 100, 'the corpus yielded too few configs: classification is broken');
  assert.ok(timing.totalMs < 60_000, `the differential took ${(timing.totalMs / 1000).toFixed(1)} s`);
});

test('dhcp differential: no config a server accepts gets an error-severity finding from us', () => {
  assert.equal(list((r) => r.outcome === 'accepted' || (r.outcome === 'no-oracle' && r.expected !== 'bad')), '');
});

test('dhcp differential: every config a server rejects gets an error-severity finding from us', () => {
  assert.equal(list((r) => r.outcome === 'rejected' || (r.outcome === 'no-oracle' && r.expected === 'bad')), '');
});

test('dhcp differential: every config rejected for a missing include gets dhcp/include-unresolved', () => {
  assert.equal(list((r) => r.outcome === 'rejected-missing-include'), '');
});

test('dhcp differential: out-of-scope reasons and repairs apply to the corpus only, never to our fixtures', () => {
  assert.deepEqual(rows.filter((r) => r.source === 'fixture' && (r.outcome === 'out-of-scope' || r.repairs.length)).map((r) => `${r.id}: ${r.scope ?? r.repairs.join('; ')}`), []);
});

test('dhcp fixtures: each fixture is what its name says, for the server and for us', () => {
  const wrong: string[] = [];
  const readme = readFileSync(join(FIXTURES, 'README.md'), 'utf8');
  for (const r of rows.filter((x) => x.source === 'fixture')) {
    if (!readme.includes(`| \`${r.id.split('/').pop()}\` |`)) wrong.push(`${r.id}: not listed in test/fixtures/dhcp/README.md`);
    const rejected = r.outcome === 'rejected' || r.outcome === 'rejected-missing-include';
    if (r.outcome !== 'no-oracle' && (r.expected === 'bad') !== rejected) wrong.push(`${r.id}: the server ${rejected ? 'rejects' : 'accepts'} it (${r.message ?? 'ok'})`);
    if (r.expected === 'ok' && r.others.some((o) => o.startsWith('warning '))) wrong.push(`${r.id}: a good config, yet we warn: ${r.others.join(', ')}`);
    if (r.expected === 'warn' && !r.others.length) wrong.push(`${r.id}: accepted but wrong, yet we report nothing below error`);
    if (r.expected !== 'ok' && !r.expectRules?.length) wrong.push(`${r.id}: names no rule on its "expect:" line`);
    const missed = (r.expectRules ?? []).filter((id) => !r.rules.includes(id));
    if (missed.length) wrong.push(`${r.id}: expects ${missed.join(', ')}; we report ${r.rules.join(', ') || 'nothing'}`);
  }
  assert.equal(wrong.join('\n'), '');
});
