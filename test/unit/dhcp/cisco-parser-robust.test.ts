import assert from 'node:assert/strict';
import { statSync } from 'node:fs';
import { join, resolve } from 'node:path';
import { test } from 'node:test';
import { parseCisco } from '../../../server/src/dhcp/cisco/parser';
import type { DhcpFile } from '../../../server/src/dhcp/model';
import { pick } from '../fuzz';
import { assertLinear, checkModel, fuzz, readTree, timed, type BigInput } from './parserChecks';

// The IOS reader on real configurations (../shared/corpus/dhcp: ciscoconfparse and batfish
// fixtures), on thousands of mutations of them, and on 10 MB inputs: it never throws, every span
// lies in the text, exact option values are what their spans cover, and time stays linear.
// TLSNET_FUZZ_SEED=<n> replays a fuzz run.

const CORPUS = resolve(process.cwd(), '../shared/corpus/dhcp');

/** Every file of the IOS-looking corpora, by path relative to the corpus. */
const corpus = (): Map<string, string> => new Map(['ciscoconfparse', 'batfish'].flatMap((d) => [...readTree(join(CORPUS, d), (_, p) => statSync(p).size < 1_000_000, CORPUS)]));

/** A config written here, so the fuzz has IOS to mutate even without the shared corpus. */
const OWN = `!
hostname r1
ip dhcp excluded-address 10.0.0.1 10.0.0.10
ip dhcp pool LAN
 network 10.0.0.0 255.255.255.0
 network 10.0.1.0 /24 secondary
  override default-router 10.0.1.1
 default-router 10.0.0.1
 dns-server 10.0.0.2 10.0.0.3
 domain-name example.net
 lease 1 2 3
 option 121 hex 1809.0a00.0a00.0001.000a.0000.01
 option 66 ascii "tftp.example.net"
 class PHONES
  address range 10.0.0.100 10.0.0.150
ip dhcp pool PRINTER
 host 10.0.0.50 255.255.255.0
 client-identifier 0100.1122.3344.55
ip dhcp class C
 relay agent information
  relay-information hex 01060004000100* mask 0000ffff
interface Gi0/1
 ip dhcp client request classless-static-route
end
`;

test('cisco corpus: real configs parse with no error unless IOS would refuse them', () => {
  const files = corpus();
  files.set('own.ios', OWN);
  let pools = 0;
  for (const [name, text] of files) {
    const f = parseCisco(name, text);
    checkModel(f);
    pools += f.scopes.length - 1;
    const errors = f.problems.filter((p) => p.severity === 'error').map((p) => `${p.message}: ${text.slice(p.span.start, p.span.end)}`);
    // batfish's parser test puts `host` (a manual binding) into a network pool, which IOS refuses.
    if (name.endsWith('/cisco_dhcp')) assert.deepEqual(errors.map((e) => e.split(': ').pop()), ['host 1.59.4.1 255.255.255.192'], name);
    else assert.deepEqual(errors, [], name);
  }
  assert.ok(pools >= 3, 'the corpus holds pools');
  if (files.size > 1) {
    const sample = parseCisco('s', files.get('ciscoconfparse/tests/fixtures/configs/sample_01.ios') ?? assert.fail('sample_01.ios'));
    const lan = sample.scopes.find((s) => s.name?.value === 'HOME_LAN') ?? assert.fail('HOME_LAN');
    assert.deepEqual([lan.networks[0].value.length, lan.lease?.seconds, lan.options.map((o) => o.code), sample.exclusions.length], [24, 2 * 86400, [3, 15, 6], 1]);
  }
});

const DHCP_LINES = [
  'ip dhcp pool X', ' network 10.0.0.0 /8', ' network 10.1.0.0 255.255.0.0 secondary', '  override default-router 10.1.0.1', ' host 10.0.0.5',
  ' option 121 hex', ' option 121 hex 2001.0101', ' option 300 ip', ' option 3 ascii "x', ' lease 1 99', ' lease infinite', ' default-router',
  ' class A', '  address range 10.0.0.1', '  address range 10.0.0.9 10.0.0.1', ' exit', 'end', 'ip dhcp class', ' relay-information hex *',
  'ip dhcp excluded-address vrf', 'banner motd ^C', '^C', 'interface X', ' ip dhcp client request classless-static-route', '!', ' address 1.2.3.4 client-id',
  ' client-identifier 01', ' hardware-address', ' vrf', ' import all', 'network 10.0.0.0', 'ip dhcp pool', ' option 1 instance 300 hex 00', 'constructor', ' toString',
];

type Mutator = (t: string, r: () => number) => string;
const at = (t: string, r: () => number) => Math.floor(r() * (t.length + 1));
const splice = (t: string, i: number, s: string) => t.slice(0, i) + s + t.slice(i);
const MUTATORS: Mutator[] = [
  (t, r) => t.slice(0, at(t, r)),
  (t, r) => splice(t, at(t, r), pick([' ', '\n', '\r', '\t', '"', '/', '.', '*', '!', '^C', '\u{1F600}', '\uD800', '\0'], r)),
  (t, r) => {
    const ls = t.split('\n');
    for (let k = 1 + Math.floor(r() * 6); k > 0; k--) ls.splice(Math.floor(r() * (ls.length + 1)), 0, pick(DHCP_LINES, r));
    return ls.join('\n');
  },
  (t, r) => {
    const ls = t.split('\n');
    ls.splice(Math.floor(r() * ls.length), 1 + Math.floor(r() * 3));
    return ls.join('\n');
  },
  (t, r) => t.replace(/^ +/gm, () => pick(['', ' ', '  ', '\t'], r)),
  (t, r) => t.replace(/\d+/g, (d) => (r() < 0.1 ? pick(['999', '-1', '0', '33', d + d], r) : d)),
  (t, r) => splice(t, at(t, r), String.fromCharCode(...Array.from({ length: 1 + Math.floor(r() * 32) }, () => Math.floor(r() * 0x3000)))),
];

test('cisco fuzz: mutated configs never throw and keep every span inside the text', () => {
  const texts = [OWN, ...[...corpus().values()].filter((t) => /dhcp/.test(t))];
  const started = process.cpuUsage();
  fuzz(
    0xc15c0,
    3000,
    (r) => {
      let t = pick(texts, r);
      for (let k = 1 + Math.floor(r() * 3); k > 0; k--) t = pick(MUTATORS, r)(t, r);
      return t;
    },
    (t) => checkModel(parseCisco('/fuzz.ios', t)),
  );
  const used = process.cpuUsage(started);
  assert.ok(used.user + used.system < 20e6, 'fuzz run too slow');
});

const parse = (text: string): DhcpFile => parseCisco('/timed.ios', text);

test('cisco: 10 MB inputs stay linear and exact', () => {
  const big = 10 * 1024 * 1024;
  const hex = '0a'.repeat(big / 2);
  const inputs: BigInput[] = [
    ['one line of words', 'x '.repeat(big / 2), (f) => assert.equal(f.scopes.length, 1)],
    ['a 10 MB hex value', `ip dhcp pool P\n option 121 hex ${hex}\n`, (f) => assert.equal(f.scopes[1].options[0].value.length, hex.length)],
    ['hex broken at its end', `ip dhcp pool P\n option 121 hex ${'0a.'.repeat(big / 3)}zz\n`, (f) => assert.equal(f.problems.length, 1)],
    ['an endless router list', `ip dhcp pool P\n default-router ${'1.1.1.1 '.repeat(big / 8)}\n`, (f) => assert.equal(f.problems[0]?.severity, 'error')],
    ['an endless ip option', `ip dhcp pool P\n option 150 ip ${'1.1.1.1 '.repeat(big / 8)}\n`, (f) => assert.equal(f.scopes[1].options.length, 1)],
    ['a 10 MB pool name', `ip dhcp pool ${'n'.repeat(big)}\n network 10.0.0.0 /8\n`, (f) => assert.equal(f.scopes[1].name?.value.length, big)],
    ['a 10 MB comment', `!${'c'.repeat(big)}`, (f) => assert.equal(f.comments[0].value.length, big)],
    ['a 10 MB relay pattern', `ip dhcp class C\n relay-information hex ${hex}*\n`, (f) => assert.equal(f.classes[0].relayInformation[0].value.length, hex.length)],
    ['10 MB of line breaks', '\r\n\r'.repeat(big / 3), (f) => assert.equal(f.problems.length, 0)],
    ['an unclosed banner', `banner motd ^C${' ip dhcp pool X\n'.repeat(big / 16)}`, (f) => assert.equal(f.scopes.length, 1)],
    ['an unclosed quote', `ip dhcp pool P\n option 66 ascii "${'q'.repeat(big)}`, (f) => assert.equal(f.scopes[1].options[0].value.length, big)],
  ];
  assertLinear(parse, inputs, { limitMs: 3000 });
});

test('cisco: a 5,000-pool config parses in linear time', () => {
  const config = (n: number) => {
    const out: string[] = [];
    for (let i = 0; i < n; i++) {
      const net = `10.${(i >> 8) & 255}.${i & 255}`;
      out.push(`ip dhcp excluded-address ${net}.1 ${net}.10`, `ip dhcp pool P${i}`, ` network ${net}.0 255.255.255.0`, ` default-router ${net}.1`, ' dns-server 8.8.8.8', ` option 121 hex 0a0a.${(i & 255).toString(16).padStart(2, '0')}0a.0000.01`, ' lease 0 8', '!');
    }
    return out.join('\n');
  };
  timed(parse, config(500)); // warm up
  const small = timed(parse, config(5000));
  assert.equal(small.f.scopes.length, 5001);
  assert.equal(small.f.exclusions.length, 5000);
  assert.deepEqual(small.f.problems, []);
  const large = timed(parse, config(40000));
  assert.equal(large.f.scopes.length, 40001);
  assert.ok(small.ms < 1000, `5,000 pools: ${small.ms} ms`);
  // Eight times the pools may cost at most ~16 times the time (noise), never quadratic (64x).
  assert.ok(large.ms < 16 * Math.max(small.ms, 20), `40,000 pools ${large.ms} ms vs 5,000 pools ${small.ms} ms`);
});
