import assert from 'node:assert/strict';
import { mkdirSync, mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { test } from 'node:test';
import { analyzeDocument } from '../../server/src/analysis';
import type { Edit } from '../../server/src/core/finding';
import { memoryHost } from '../../server/src/core/host';
import { normalizeSettings, type Settings } from '../../server/src/core/settings';
import { dhcpRefactors } from '../../server/src/dhcp/actions';
import { computeRoutes } from '../../server/src/dhcp/compute';
import type { DhcpDialect } from '../../server/src/dhcp/model';
import { parseDhcp } from '../../server/src/dhcp/parse';
import { expandSnippet } from '../snippets';
import { oracleVersion, runOracle, type Oracle } from './dhcpOracles';

// What the compute-routes command inserts, what the refactorings rewrite and what the snippets
// expand to, each accepted by the real server of its dialect: dhcpd -t, kea-dhcp4 -t,
// dnsmasq --test. (The pure edits themselves are checked in test/unit/dhcp/.)

const dir = mkdtempSync(join(tmpdir(), 'tlsnet-dhcp-compute-'));
const ORACLE: Record<Exclude<DhcpDialect, 'cisco-ios' | 'mikrotik'>, Oracle> = { dhcpd: 'dhcpd', kea: 'kea', dnsmasq: 'dnsmasq' };
const NAMES: Record<Exclude<DhcpDialect, 'cisco-ios' | 'mikrotik'>, string> = { dhcpd: 'dhcpd.conf', kea: 'kea-dhcp4.json', dnsmasq: 'dnsmasq.conf' };
const skip = (d: Exclude<DhcpDialect, 'cisco-ios' | 'mikrotik'>): string | false => (oracleVersion(ORACLE[d]) === undefined ? `${ORACLE[d]} is not installed` : false);

function apply(text: string, edits: readonly Edit[]): string {
  let out = text;
  for (const e of [...edits].sort((a, b) => b.span.start - a.span.start)) out = out.slice(0, e.span.start) + e.newText + out.slice(e.span.end);
  return out;
}

let n = 0;
/** Writes `text` and asserts the server accepts it (or, with `ok` false, rejects it). */
async function check(dialect: Exclude<DhcpDialect, 'cisco-ios' | 'mikrotik'>, text: string, ok = true): Promise<void> {
  const sub = join(dir, String(n++));
  const file = join(sub, NAMES[dialect]);
  mkdirSync(sub);
  writeFileSync(file, text);
  const v = await runOracle(ORACLE[dialect], file);
  assert.equal(v.ok, ok, `${ORACLE[dialect]} ${ok ? 'rejects' : 'accepts'}:\n${text}\n${v.message ?? v.output}`);
  // What the server accepts, tlsnet raises no error on either.
  if (ok) {
    const { findings } = analyzeDocument({ path: file, text, language: dialect }, { host: memoryHost({}), settings: normalizeSettings({}), log: (m) => assert.fail(m) });
    assert.deepEqual(findings.filter((f) => f.severity === 'error').map((f) => `${f.rule}: ${f.message}`), [], text);
  }
}

function compute(dialect: DhcpDialect, text: string, needle: string, input: string, settings: Settings = normalizeSettings({})): string {
  const r = computeRoutes(input, settings, { file: parseDhcp(dialect, `/ws/${dialect}`, text), offset: text.indexOf(needle) });
  assert.deepEqual(r.errors, []);
  return apply(text, r.edits ?? assert.fail('no edits'));
}

function refactor(dialect: DhcpDialect, text: string, needle: string, index = 0, settings: Settings = normalizeSettings({})): string {
  const actions = dhcpRefactors(parseDhcp(dialect, `/ws/${dialect}`, text), { start: text.indexOf(needle) + 1, end: text.indexOf(needle) + 1 }, settings);
  return apply(text, (actions[index] ?? assert.fail(`no refactoring at ${needle}`)).edits);
}

const ROUTES = '10.0.0.0/8 via 10.1.0.254; 172.16.0.0/12 via 10.1.0.253; 1.1.1.1/32 via 10.1.0.1; 0.0.0.0/0 via 10.1.0.1';

const ISC = `default-lease-time 600;
authoritative;

subnet 10.1.0.0 netmask 255.255.255.0 {
  range 10.1.0.100 10.1.0.199;
  option routers 10.1.0.1;
}
`;

test('dhcpd -t accepts the option 121 compute inserts (definition included), at the top level and in a subnet', { skip: skip('dhcpd') }, async () => {
  await check('dhcpd', ISC);
  const inSubnet = compute('dhcpd', ISC, 'option routers', ROUTES);
  assert.match(inSubnet, /option rfc3442-classless-static-routes code 121 = array of unsigned integer 8;/);
  await check('dhcpd', inSubnet);
  await check('dhcpd', compute('dhcpd', ISC, 'authoritative', ROUTES));
  // A second run replaces the value and keeps the one definition.
  await check('dhcpd', compute('dhcpd', inSubnet, 'range', '0.0.0.0/0 via 10.1.0.1'));
});

test('dhcpd -t accepts option 33 converted to 121, and both spellings of the decimal ↔ colon hex rewrite', { skip: skip('dhcpd') }, async () => {
  const with33 = ISC.replace('option routers 10.1.0.1;', 'option routers 10.1.0.1;\n  option static-routes 10.0.0.0 10.1.0.254, 172.16.5.5 10.1.0.253;');
  await check('dhcpd', with33);
  const converted = refactor('dhcpd', with33, 'static-routes');
  assert.doesNotMatch(converted, /static-routes 10/);
  await check('dhcpd', converted);
  await check('dhcpd', refactor('dhcpd', with33, 'static-routes', 1));
  const hex = refactor('dhcpd', converted, 'rfc3442-classless-static-routes 8');
  assert.match(hex, /code 121 = string;/);
  await check('dhcpd', hex);
  // The old spelling under the new definition is what dhcpd refuses: the rewrite must change both.
  await check('dhcpd', hex.replace('= string;', '= array of unsigned integer 8;'), false);
  await check('dhcpd', refactor('dhcpd', hex, 'rfc3442-classless-static-routes 08'));
});

const KEA = `{
  "Dhcp4": {
    "interfaces-config": { "interfaces": [] },
    "subnet4": [
      {
        "id": 1,
        "subnet": "10.1.0.0/24",
        "pools": [ { "pool": "10.1.0.100 - 10.1.0.199" } ],
        "option-data": [ { "name": "routers", "data": "10.1.0.1" } ]
      },
      { "id": 2, "subnet": "10.2.0.0/24" }
    ]
  }
}
`;

test('kea-dhcp4 -t accepts the option-data entry compute writes; before 2.6 it refuses the route-list spelling', { skip: skip('kea') }, async () => {
  await check('kea', KEA);
  await check('kea', compute('kea', KEA, '"10.1.0.0/24"', ROUTES));
  await check('kea', compute('kea', KEA, '"id": 2', ROUTES));
  const modern = compute('kea', KEA, '"10.1.0.0/24"', ROUTES, normalizeSettings({ dhcp: { keaVersion: '2.6.0' } }));
  const version = oracleVersion('kea') ?? '0';
  const [major, minor] = version.split('.').map(Number);
  await check('kea', modern, major > 2 || (major === 2 && minor >= 6));
  if (!(major > 2 || (major === 2 && minor >= 6))) await check('kea', refactor('kea', modern, 'classless-static-route'));
});

const DNSMASQ = `dhcp-range=10.1.0.100,10.1.0.199,255.255.255.0,12h
dhcp-option=option:router,10.1.0.1
dhcp-option=tag:lan,33,10.0.0.0,10.1.0.254
`;

test('dnsmasq --test accepts the line compute writes, option 33 converted, and both 121 spellings', { skip: skip('dnsmasq') }, async () => {
  await check('dnsmasq', DNSMASQ);
  const computed = compute('dnsmasq', DNSMASQ, 'option:router', ROUTES);
  await check('dnsmasq', computed);
  const converted = refactor('dnsmasq', DNSMASQ, 'tag:lan');
  await check('dnsmasq', converted);
  const hex = refactor('dnsmasq', computed, 'dhcp-option=121');
  assert.match(hex, /dhcp-option=121,08:0a:0a:01:00:fe:/);
  await check('dnsmasq', hex);
});

test('the dhcpd and dnsmasq snippets expand to configs their servers accept', { skip: skip('dhcpd') || skip('dnsmasq') }, async () => {
  for (const [dialect, file] of [['dhcpd', 'snippets/dhcpd.code-snippets'], ['dnsmasq', 'snippets/dnsmasq.code-snippets']] as const) {
    const snippets = JSON.parse(readFileSync(file, 'utf8')) as Record<string, { body: string[] }>;
    const whole = Object.values(snippets).map((s) => expandSnippet(s.body.join('\n'))).join('\n');
    for (const s of Object.values(snippets)) await check(dialect, `${expandSnippet(s.body.join('\n'))}\n`);
    await check(dialect, `${whole}\n`);
  }
});
