import assert from 'node:assert/strict';
import { existsSync, readdirSync, readFileSync, statSync } from 'node:fs';
import { join, relative, resolve } from 'node:path';
import { test } from 'node:test';
import { parseDnsmasq } from '../../server/src/dhcp/dnsmasq/parser';
import { DNSMASQ_DHCP_OPTIONS } from '../../server/src/dhcp/dnsmasq/options.data';
import { findNodeAtOffset } from 'jsonc-parser';
import { readKeaJson } from '../../server/src/dhcp/kea/json';
import { KEA_DHCP4_OPTIONS } from '../../server/src/dhcp/kea/options.data';
import { parseKea } from '../../server/src/dhcp/kea/parser';
import type { DhcpFile } from '../../server/src/dhcp/model';
import { DNSMASQ_CASES, KEA_CASES } from './keaDnsmasqCases';
import { oracleAccepts, oracleMissing } from './dhcpOracles';

// Differential test of the Kea and dnsmasq parsers against the real servers (kea-dhcp4 2.2.0
// `-t`, dnsmasq 2.90 `--test`): over ../shared/corpus/dhcp (as shipped, Kea files walked down to
// what Kea 2.2 accepts, every example line of dnsmasq.conf.example on its own), hand-made
// variants (keaDnsmasqCases.ts) and probes of every option either server knows, "the server
// accepts" must equal "our parser reports no error", except the categories below.

const ROOT = process.cwd();
const CORPUS = resolve(ROOT, '../shared/corpus/dhcp');

/**
 * Refusals that are not the parser's to make, recognised by the server's message; allowed only
 * as "the server refuses, the parser reports no error".
 */
const KEA_SEMANTIC: Array<{ pattern: RegExp; reason: string }> = [
  { pattern: /does not match the prefix of a subnet/, reason: 'pool outside its subnet: dhcp/range-outside-subnet' },
  { pattern: /overlaps with an existing pool/, reason: 'pools sharing addresses: dhcp/overlapping-ranges' },
  { pattern: /is not within the IPv4 subnet/, reason: 'reservation outside its subnet: dhcp/host-outside-subnet' },
  { pattern: /subnet with the prefix of '[^']*' already exists/, reason: 'the same subnet twice: dhcp/duplicate-subnet' },
  { pattern: /Can't open include file/, reason: 'include of a file absent here: dhcp/include-unresolved' },
  { pattern: /hooks libraries failed to validate/, reason: 'hook libraries absent on this machine: the file system, not the text' },
  { pattern: /network interface name \S+ .*is not present in the system|interface '\S+' doesn't exist in the system/, reason: 'interfaces of another machine: the system, not the text' },
  { pattern: /expression: \[|Invalid character|syntax error, unexpected .* in .*test/, reason: "client-class test expressions: Kea's expression language is not parsed" },
  { pattern: /expecting Dhcp4|syntax error, unexpected \[, expecting \{/, reason: 'no "Dhcp4" object: parseKea reads such a file as an include fragment (what <?include?> inserts)' },
];

const DNSMASQ_SEMANTIC: Array<{ pattern: RegExp; reason: string }> = [
  { pattern: /cannot read|cannot access directory|No such file/, reason: 'a conf-file/conf-dir/hosts file absent here: dhcp/include-unresolved and the file system' },
];

interface Verdict {
  id: string;
  server: boolean;
  parser: boolean;
  output: string;
  problems: string[];
}

const errorsOf = (f: DhcpFile): string[] => f.problems.filter((p) => p.severity === 'error').map((p) => `${f.text.slice(0, p.span.start).split('\n').length}: ${p.message}`);

function verdictKea(id: string, text: string, known?: { ok: boolean; output: string }): Verdict {
  const r = known ?? oracleAccepts('kea', text);
  const errors = errorsOf(parseKea('/ws/kea-dhcp4.conf', text));
  return { id, server: r.ok, parser: !errors.length, output: r.output, problems: errors };
}

function verdictDnsmasq(id: string, text: string): Verdict {
  const r = oracleAccepts('dnsmasq', text);
  const errors = errorsOf(parseDnsmasq('/ws/dnsmasq.conf', text));
  return { id, server: r.ok, parser: !errors.length, output: r.output, problems: errors };
}

/** Fails with every disagreement that no category explains; logs the explained ones. */
function assertAgreement(verdicts: Verdict[], semantic: typeof KEA_SEMANTIC, what: string): void {
  const explained: string[] = [];
  const unexplained: string[] = [];
  for (const v of verdicts) {
    if (v.server === v.parser) continue;
    const why = !v.server ? semantic.find((s) => s.pattern.test(v.output)) : undefined;
    const line = `${v.id}: server ${v.server ? 'accepts' : 'refuses'}${v.server ? '' : ` (${v.output.trim().split('\n')[0].slice(0, 200)})`}; parser ${v.parser ? 'reports no error' : `reports ${v.problems.slice(0, 2).join(' | ')}`}`;
    if (why) explained.push(`${line} — ${why.reason}`);
    else unexplained.push(line);
  }
  console.log(`${what}: ${verdicts.length} cases, ${verdicts.filter((v) => v.server).length} accepted by the server; ${explained.length} explained disagreements${explained.length ? `:\n  ${explained.join('\n  ')}` : ''}`);
  assert.deepEqual(unexplained, [], `${what}: unexplained disagreements`);
}

function walk(dir: string, keep: (name: string) => boolean): string[] {
  if (!existsSync(dir)) return [];
  const out: string[] = [];
  for (const name of readdirSync(dir).sort()) {
    const p = join(dir, name);
    if (statSync(p).isDirectory()) out.push(...walk(p, keep));
    else if (keep(name)) out.push(p);
  }
  return out;
}

/** Kea-dhcp4 configurations of the corpus (not the Dhcp6 ones). */
const keaCorpus = (): string[] => walk(join(CORPUS, 'kea'), (n) => /\.(json|conf)$/.test(n)).filter((p) => !/kea6|dhcp-6|kea-dhcp6/.test(p));

/** The offset of Kea's 1-based LINE.COL in `text`. */
function offsetOf(text: string, line: number, col: number): number {
  let at = 0;
  for (let l = 1; l < line; l++) at = text.indexOf('\n', at) + 1;
  return at + col - 1;
}

/**
 * Removes what Kea 2.2 complains about: the key it does not know, an interface name of another
 * machine, or the list entry it points into (an option-data entry it cannot read). Undefined when
 * it cannot tell what.
 */
function withoutComplaint(text: string, output: string): string | undefined {
  const keyword = /:(\d+)[.:](\d+)(?:-\d+)?: got unexpected keyword/.exec(output);
  const m = keyword ?? /\(kea-dhcp4\.conf:(\d+):(\d+)\)/.exec(output);
  // Hook libraries absent here: drop "hooks-libraries" whole, as if Kea had not known the key.
  const hooks = /HOOKS_OPEN_ERROR|hooks libraries failed/.test(output) ? text.indexOf('"hooks-libraries"') : -1;
  const root = (m || hooks >= 0) && readKeaJson('/ws/kea-dhcp4.conf', text).root;
  if (!root || (!m && hooks < 0)) return undefined;
  const at = hooks >= 0 ? hooks : offsetOf(text, Number(m?.[1]), Number(m?.[2]));
  let node = findNodeAtOffset(root, at, true);
  if (keyword || hooks >= 0) node = node?.parent;
  // An interface of another machine: drop that name (from "interfaces", or the "interface" key).
  else if (node?.parent?.type === 'property' && node.parent.children?.[0]?.value === 'interface') node = node.parent;
  else if (!(node?.type === 'string' && node.parent?.type === 'array')) while (node && !(node.type === 'object' && node.parent?.type === 'array')) node = node.parent;
  if (!node || node === root) return undefined;
  const end = node.offset + node.length;
  // Take the comma after it too (Kea refuses a comma before the first entry).
  const comma = /^\s*,/.exec(text.slice(end));
  const cut = comma ? end + comma[0].length : end;
  return text.slice(0, node.offset) + text.slice(node.offset, cut).replace(/[^\n]/g, ' ') + text.slice(cut);
}

test('kea-dhcp4 -t and parseKea agree on the corpus, walked down to what Kea 2.2 accepts', { skip: oracleMissing('kea') }, () => {
  const files = keaCorpus();
  assert.ok(files.length >= 20, `the Kea corpus is missing under ${CORPUS}`);
  const verdicts: Verdict[] = [];
  for (const path of files) {
    let text = readFileSync(path, 'utf8');
    const id = relative(CORPUS, path);
    for (let step = 0; step < 150; step++) {
      const r = oracleAccepts('kea', text);
      verdicts.push(verdictKea(step ? `${id} (after ${step} removals)` : id, text, r));
      if (r.ok) break;
      const next = withoutComplaint(text, r.output);
      if (next === undefined) break;
      text = next;
    }
  }
  assert.ok(verdicts.filter((v) => v.server).length >= 10, 'walking the corpus down should reach configurations Kea 2.2 accepts');
  assertAgreement(verdicts, KEA_SEMANTIC, 'Kea corpus');
});

test('kea-dhcp4 -t and parseKea agree on hand-made configurations', { skip: oracleMissing('kea') }, () => {
  const verdicts = KEA_CASES.map((c) => verdictKea(c.name, c.text));
  assert.ok(verdicts.some((v) => v.server) && verdicts.some((v) => !v.server));
  assertAgreement(verdicts, KEA_SEMANTIC, 'Kea cases');
});

/** Data Kea must read per type; values that tell the types apart. */
const KEA_PROBES: Array<{ data: string; hex?: boolean }> = [{ data: '7' }, { data: 'abc' }, { data: '10.0.0.1' }, { data: '' }, { data: '01', hex: true }, { data: '0a000001', hex: true }];

test('kea-dhcp4 -t and parseKea agree on the data of every standard option', { skip: oracleMissing('kea') }, () => {
  const entry = (name: string, p: (typeof KEA_PROBES)[number]): string => `{ "name": "${name}", "data": "${p.data}"${p.hex ? ', "csv-format": false' : ''} }`;
  const config = (entries: string[]): string => `{ "Dhcp4": { "option-data": [\n${entries.join(',\n')}\n] } }`;
  const probes = KEA_DHCP4_OPTIONS.flatMap((o) => KEA_PROBES.map((p) => ({ id: `${o.name} ${p.hex ? 'hex' : 'csv'} "${p.data}"`, text: config([entry(o.name, p)]), line: entry(o.name, p) })));
  // Probes the parser accepts go to Kea in batches (one run when all pass), the others one by one.
  const accepted = probes.filter((p) => !errorsOf(parseKea('/ws/kea-dhcp4.conf', p.text)).length);
  const verdicts: Verdict[] = [];
  for (let i = 0; i < accepted.length; i += 40) {
    const batch = accepted.slice(i, i + 40);
    const text = config(batch.map((b) => b.line));
    const r = oracleAccepts('kea', text);
    if (r.ok) verdicts.push(...batch.map((b) => verdictKea(b.id, b.text, r)));
    else verdicts.push(...batch.map((b) => verdictKea(b.id, b.text)));
  }
  for (const p of probes.filter((q) => !accepted.includes(q))) verdicts.push(verdictKea(p.id, p.text));
  assertAgreement(verdicts, KEA_SEMANTIC, 'Kea option probes');
});

test('dnsmasq --test and parseDnsmasq agree on the corpus and each of its example lines', { skip: oracleMissing('dnsmasq') }, () => {
  const verdicts: Verdict[] = [];
  for (const path of walk(join(CORPUS, 'dnsmasq'), () => true)) {
    const text = readFileSync(path, 'utf8');
    const id = relative(CORPUS, path);
    verdicts.push(verdictDnsmasq(id, text));
    text.split('\n').forEach((line, i) => {
      if (/^#[a-z]/.test(line)) verdicts.push(verdictDnsmasq(`${id}:${i + 1} uncommented: ${line.slice(1)}`, `${line.slice(1)}\n`));
    });
  }
  assert.ok(verdicts.length >= 100, `the dnsmasq corpus is missing under ${CORPUS}`);
  assertAgreement(verdicts, DNSMASQ_SEMANTIC, 'dnsmasq corpus');
});

test('dnsmasq --test and parseDnsmasq agree on hand-made lines', { skip: oracleMissing('dnsmasq') }, () => {
  const verdicts = DNSMASQ_CASES.map((c) => verdictDnsmasq(c, `${c}\n`));
  assert.ok(verdicts.some((v) => v.server) && verdicts.some((v) => !v.server));
  assertAgreement(verdicts, DNSMASQ_SEMANTIC, 'dnsmasq cases');
});

test('dnsmasq --test and parseDnsmasq agree on every option name and code', { skip: oracleMissing('dnsmasq') }, () => {
  const values = ['10.0.0.1', 'abc', '5', '10.0.0.300', '01:02', '1.1.1.1/32,10.0.0.1'];
  const lines = [
    ...DNSMASQ_DHCP_OPTIONS.flatMap((o) => values.map((v) => `dhcp-option=option:${o.name},${v}`)),
    ...Array.from({ length: 254 }, (_, i) => `dhcp-option=${i + 1},10.0.0.300`),
    ...Array.from({ length: 254 }, (_, i) => `dhcp-option=${i + 1},example.com`),
  ];
  assertAgreement(
    lines.map((l) => verdictDnsmasq(l, `${l}\n`)),
    DNSMASQ_SEMANTIC,
    'dnsmasq option probes',
  );
});
