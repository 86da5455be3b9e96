import assert from 'node:assert/strict';
import { existsSync, readFileSync } from 'node:fs';
import { resolve } from 'node:path';
import { test } from 'node:test';
import { parseDnsmasq } from '../../../server/src/dhcp/dnsmasq/parser';
import { parseIPv4 } from '../../../server/src/dhcp/ipv4';
import { pick } from '../fuzz';
import { assertLinear, assertRefusals, at, checkModel, errors, fuzz, mutate, text } from './parserChecks';

// The dnsmasq reader: exact spans and values for each construct, dnsmasq 2.90's refusals as error
// problems (their agreement with real `dnsmasq --test` is
// test/protocol/kea-dnsmasq-parse-oracle.test.ts), the corpus, fuzzed and huge inputs.
// TLSNET_FUZZ_SEED=<n> replays a fuzz run.

const EXAMPLE = resolve(process.cwd(), '../shared/corpus/dhcp/dnsmasq/dnsmasq.conf.example');

const ip = (s: string) => parseIPv4(s) as number;

const CONFIG = `# dnsmasq for the office
domain=example.org
dhcp-authoritative
dhcp-range=set:lan,192.168.0.50,192.168.0.150,255.255.255.0,12h
dhcp-range=10.0.0.200,10.0.0.100,infinite   # written backwards: dnsmasq swaps it
dhcp-range=1234::2,1234::500,64,12h
dhcp-option=tag:lan,option:router,192.168.0.1
dhcp-option=121,1.1.1.1/32,192.168.0.1, 0.0.0.0/0,192.168.0.1
dhcp-option-force=249,20:01:01:01:01:c0:a8:00:01
dhcp-option=tag:voip,66,"tftp.example.org"
dhcp-option=option6:dns-server,[::]
dhcp-host=11:22:33:44:55:66,printer,192.168.0.60,45m
dhcp-host=id:01:02:03,192.168.0.61
conf-file=/etc/dnsmasq.more.conf
conf-dir=/etc/dnsmasq.d,.bak
`;

test('each construct lands in the model with exact spans', () => {
  const f = parseDnsmasq('/ws/dnsmasq.conf', CONFIG);
  assert.deepEqual(errors(f), []);
  assert.equal(f.dialect, 'dnsmasq');
  assert.deepEqual(f.scopes.map((s) => [s.kind, s.name?.value]), [['global', undefined], ['subnet', 'lan'], ['subnet', undefined]]);
  const [g, lan, other] = f.scopes;
  assert.deepEqual(lan.networks, [{ value: { address: ip('192.168.0.0'), length: 24 }, span: at(CONFIG, '255.255.255.0'), maskText: '255.255.255.0' }]);
  assert.deepEqual(lan.ranges.map((r) => [r.start.value, r.end.value, text(f, r.start.span), text(f, r.end.span)]), [[ip('192.168.0.50'), ip('192.168.0.150'), '192.168.0.50', '192.168.0.150']]);
  assert.equal(text(f, lan.span), 'dhcp-range=set:lan,192.168.0.50,192.168.0.150,255.255.255.0,12h');
  assert.deepEqual([lan.lease?.seconds, lan.lease && text(f, lan.lease.span)], [43200, '12h']);
  assert.deepEqual(text(f, lan.name?.span ?? { start: 0, end: 0 }), 'set:lan');
  // Swapped like dnsmasq does; no netmask written, so no network (dnsmasq takes the interface's).
  assert.deepEqual(other.ranges.map((r) => [text(f, r.start.span), text(f, r.end.span)]), [['10.0.0.100', '10.0.0.200']]);
  assert.deepEqual([other.networks, other.lease?.seconds], [[], 'infinite']);
  assert.equal(other.parent, g);
  // The tagged option goes to the range that sets the tag; the others stay global.
  assert.deepEqual(lan.options.map((o) => [o.code, o.name, o.value, o.format, o.tags]), [[3, 'option:router', '192.168.0.1', 'ip', ['lan']]]);
  assert.deepEqual(
    g.options.map((o) => [o.code, o.value, o.format, o.exact, o.force, o.tags]),
    [
      [15, 'example.org', 'ascii', true, undefined, undefined],
      [121, '1.1.1.1/32,192.168.0.1, 0.0.0.0/0,192.168.0.1', 'routes', true, undefined, undefined],
      [249, '20:01:01:01:01:c0:a8:00:01', 'hex', true, true, undefined],
      [66, 'tftp.example.org', 'ascii', true, undefined, ['voip']],
    ],
  );
  assert.deepEqual(g.options[1].valueSpan, at(CONFIG, '1.1.1.1/32,192.168.0.1, 0.0.0.0/0,192.168.0.1'));
  assert.equal(text(f, g.options[1].span), 'dhcp-option=121,1.1.1.1/32,192.168.0.1, 0.0.0.0/0,192.168.0.1');
  assert.deepEqual(
    g.hosts.map((h) => [h.hardware?.value, h.clientId?.value, h.address?.value, h.name?.value, text(f, h.span)]),
    [
      ['11:22:33:44:55:66', undefined, ip('192.168.0.60'), 'printer', 'dhcp-host=11:22:33:44:55:66,printer,192.168.0.60,45m'],
      [undefined, '01:02:03', ip('192.168.0.61'), undefined, 'dhcp-host=id:01:02:03,192.168.0.61'],
    ],
  );
  assert.deepEqual(f.includes.map((i) => [i.path.value, text(f, i.path.span), i.directory]), [['/etc/dnsmasq.more.conf', '/etc/dnsmasq.more.conf', undefined], ['/etc/dnsmasq.d', '/etc/dnsmasq.d', true]]);
  assert.deepEqual(f.comments.map((c) => [c.value, text(f, c.span)]), [[' dnsmasq for the office', '# dnsmasq for the office'], [' written backwards: dnsmasq swaps it', '# written backwards: dnsmasq swaps it']]);
});

test('quotes hide what they hold; "#" starts a comment only after white space', () => {
  const src = 'dhcp-option=252,"a, b # c" # note\ndhcp-option=253,x#y\n';
  const f = parseDnsmasq('/ws/d.conf', src);
  assert.deepEqual(errors(f), []);
  assert.deepEqual(f.global.options.map((o) => [o.value, o.exact, text(f, o.valueSpan)]), [['a, b # c', true, 'a, b # c'], ['x#y', true, 'x#y']]);
  assert.deepEqual(f.comments.map((c) => c.value), [' note']);
});

test('what dnsmasq 2.90 refuses is an error at the offending text', () => {
  const cases: Array<[string, string, RegExp]> = [
    ['dhcp-rang=10.0.0.1,10.0.0.9', 'dhcp-rang', /no option "dhcp-rang"/],
    ['dhcp-authoritative=yes', 'dhcp-authoritative=yes', /takes no value/],
    ['dhcp-range', 'dhcp-range', /needs a value/],
    ['listen-address=', 'listen-address=', /needs a value/],
    ['dhcp-range=10.0.0.1', 'dhcp-range=10.0.0.1', /start and an end/],
    ['dhcp-range=10.0.0.1,10.0.0.300', '10.0.0.300', /not an IPv4 address/],
    ['dhcp-range=10.0.0.1,10.0.1.9,255.255.255.0', '255.255.255.0', /inconsistent DHCP range/],
    ['dhcp-range=10.0.0.1,10.0.0.9,12x', '12x', /not a lease time/],
    ['dhcp-range=10.0.0.1,10.0.0.9,12h,5', '5', /must be the last field/],
    ['dhcp-range=set:a,set:b,10.0.0.1,10.0.0.9', 'set:b', /one tag at most/],
    ['dhcp-range=1234::1,1234::2,48', '48', /at least/],
    ['dhcp-option=option:gateway,10.0.0.1', 'option:gateway', /no DHCP option named "gateway"/],
    ['dhcp-option=option:lease-time,1h', 'option:lease-time', /refuses it by name/],
    ['dhcp-option=red', 'dhcp-option=red', /no option code/],
    ['dhcp-option=3,router.example.org', 'router.example.org', /takes IPv4 addresses/],
    ['dhcp-option=121,1.1.1.1/32,192.168.0.300', '1.1.1.1/32,192.168.0.300', /"192.168.0.300" is not an IPv4 address/],
    [`dhcp-option=252,${'x'.repeat(256)}`, 'xxx', /256 bytes/],
    ['dhcp-option=3,"10.0.0.1', '"10.0.0.1', /never closed/],
    ['dhcp-host=11:22:33:44:55:GG,10.0.0.5', '11:22:33:44:55:GG', /not a hardware address/],
    ['dhcp-host=11:22:33:44:55:66,-printer', '-printer', /not a host name/],
    ['dhcp-host=a:b:c:d:e:f,10.0.0.5\ndhcp-host=a:b:c:d:e:e,10.0.0.5', '10.0.0.5', /already given/],
    ['dhcp-lease-max=lots', 'lots', /number of leases/],
  ];
  assertRefusals(
    (src) => parseDnsmasq('/ws/d.conf', src),
    cases.map(([src, where, message]) => [src, message, where]),
  );
});

test('the example configuration parses: all comments, and each example line alone as dnsmasq judges it', () => {
  assert.ok(existsSync(EXAMPLE), `the dnsmasq corpus is missing: ${EXAMPLE}`);
  const src = readFileSync(EXAMPLE, 'utf8');
  const f = parseDnsmasq(EXAMPLE, src);
  assert.deepEqual(errors(f), []);
  assert.ok(f.comments.length > 500);
  const lines = src.split('\n').filter((l) => /^#[a-z]/.test(l)).map((l) => l.slice(1));
  assert.ok(lines.length > 100);
  // dnsmasq --test refuses only `listen-address=` of these (the rest that fail name missing files).
  assert.deepEqual(lines.filter((l) => errors(parseDnsmasq('/ws/d.conf', l)).length), ['listen-address=']);
  const all = parseDnsmasq('/ws/all.conf', lines.join('\n'));
  checkModel(all);
  assert.ok(all.scopes.length >= 5 && all.global.hosts.length >= 10);
});

test('fuzz: mutated configurations never throw and keep the model consistent', () => {
  const example = existsSync(EXAMPLE) ? readFileSync(EXAMPLE, 'utf8').replace(/^#(?=[a-z])/gm, '') : '';
  const sources = [CONFIG, example];
  const bits = ['"', '#', ',', '=', ' ', '\t', '\\', ':', '/', '.', '-', 'tag:', 'set:', 'option:', 'dhcp-range=', 'dhcp-option=', 'dhcp-host=', '10.0.0.', '::', '\r\n', '\u0000', 'é', '\n'];
  // A window of at most 3,000 characters: the example file is long.
  const window = (s: string, r: () => number) => {
    const from = Math.floor(r() * Math.max(1, s.length - 3000));
    return s.slice(from, from + 3000);
  };
  fuzz(
    0xd45,
    3000,
    (r) => mutate(window(pick(sources, r), r), bits, r),
    (s) => checkModel(parseDnsmasq('/ws/fuzz.conf', s)),
  );
});

test('10 MB inputs parse in linear time without throwing', () => {
  const big = [
    'a'.repeat(10_000_000),
    'dhcp-range=10.0.0.1,10.0.0.9\n'.repeat(300_000),
    'x\n'.repeat(3_000_000),
    `dhcp-option=252,"${'x'.repeat(10_000_000)}"`,
    `dhcp-option=6,${'1.2.3.4,'.repeat(1_000_000)}1.2.3.4`,
    'dhcp-host=11:22:33:44:55:66,10.0.0.1\n'.repeat(250_000),
    `dhcp-host=${','.repeat(10_000_000)}`,
    '"'.repeat(10_000_000),
  ];
  assertLinear((src) => parseDnsmasq('/ws/big.conf', src), big);
});
