import assert from 'node:assert/strict';
import { test } from 'node:test';
import { parseCisco } from '../../../server/src/dhcp/cisco/parser';
import { ancestors, effectiveLease, effectiveOptions, parentPools } from '../../../server/src/dhcp/inheritance';
import type { DhcpFile, DhcpOption, DhcpScope } from '../../../server/src/dhcp/model';

// Cisco pools nest by network (most specific enclosing pool, same VRF); other dialects nest in the
// text. effectiveOptions walks either chain: own options, then the nearest ancestor's by code.

const named = (f: DhcpFile) => (name: string): DhcpScope => f.scopes.find((s) => s.name?.value === name) ?? assert.fail(`no scope ${name}`);
const parentNames = (f: DhcpFile) => Object.fromEntries([...parentPools(f)].map(([c, p]) => [c.name?.value, p.name?.value]));
const effective = (s: DhcpScope, parents: Map<DhcpScope, DhcpScope>) => effectiveOptions(s, parents).map((e) => [e.option.code, e.option.value, e.from.name?.value ?? e.from.kind]);

const TREE = `ip dhcp pool CHILD24
 network 10.1.2.0 255.255.255.0
 default-router 10.1.2.1
 lease 0 4
ip dhcp pool ROOT
 network 10.0.0.0 255.0.0.0
 domain-name example.net
 dns-server 10.0.0.53
 option 121 hex 0a0a.0000.0000.01
 lease 7
ip dhcp pool MID16
 network 10.1.0.0 /16
 dns-server 10.1.0.53
 network 10.9.0.0 /16 secondary
ip dhcp pool GRAND26
 network 10.1.2.64 /26
ip dhcp pool PRINTER
 host 10.1.2.70 255.255.255.0
 client-identifier 0100.1122.3344.55
 option 121 hex 0000.0000.01
ip dhcp pool ORPHAN
 network 192.168.0.0 /24
ip dhcp pool SAME-AS-MID
 network 10.1.0.0 /16
ip dhcp pool IN-SECONDARY
 network 10.9.1.0 /24
`;

test('cisco: pools nest under the most specific enclosing pool, wherever they are written', () => {
  const f = parseCisco('/ws/r.ios', TREE);
  assert.deepEqual(f.problems, []);
  assert.deepEqual(parentNames(f), {
    CHILD24: 'MID16',
    MID16: 'ROOT',
    GRAND26: 'CHILD24',
    PRINTER: 'GRAND26',
    'SAME-AS-MID': 'ROOT', // an equal network is not inside: the duplicate is a rule's business
    'IN-SECONDARY': 'ROOT', // secondary networks do not place MID16 in the tree
  });
  assert.deepEqual(ancestors(named(f)('PRINTER'), parentPools(f)).map((s) => s.name?.value ?? s.kind), ['GRAND26', 'CHILD24', 'MID16', 'ROOT', 'global']);
});

test('cisco: effective options — own first, then the nearest ancestor for each code', () => {
  const f = parseCisco('/ws/r.ios', TREE);
  const parents = parentPools(f);
  const s = named(f);
  assert.deepEqual(effective(s('PRINTER'), parents), [
    [121, '0000.0000.01', 'PRINTER'],
    [3, '10.1.2.1', 'CHILD24'],
    [6, '10.1.0.53', 'MID16'],
    [15, 'example.net', 'ROOT'],
  ]);
  assert.deepEqual(effective(s('ROOT'), parents), [[15, 'example.net', 'ROOT'], [6, '10.0.0.53', 'ROOT'], [121, '0a0a.0000.0000.01', 'ROOT']]);
  assert.deepEqual(effective(s('ORPHAN'), parents), []);
  // Leases are not inherited in IOS: a pool without `lease` gets the one-day default.
  assert.equal(effectiveLease('cisco-ios', s('GRAND26'), parents), undefined);
  assert.equal(effectiveLease('cisco-ios', s('CHILD24'), parents)?.lease.seconds, 4 * 3600);
});

test('cisco: only pools of the same VRF nest', () => {
  const f = parseCisco('/ws/r.ios', `ip dhcp pool A-ROOT
 vrf A
 network 10.0.0.0 /8
ip dhcp pool GLOBAL-ROOT
 network 10.0.0.0 /8
ip dhcp pool A-LEAF
 vrf A
 network 10.1.1.0 /24
ip dhcp pool B-LEAF
 vrf B
 network 10.1.1.0 /24
ip dhcp pool GLOBAL-LEAF
 network 10.1.1.0 /24
`);
  assert.deepEqual(parentNames(f), { 'A-LEAF': 'A-ROOT', 'GLOBAL-LEAF': 'GLOBAL-ROOT' });
});

function scope(kind: DhcpScope['kind'], name: string, options: Array<Partial<DhcpOption>>, parent?: DhcpScope): DhcpScope {
  const span = { start: 0, end: 0 };
  const s: DhcpScope = {
    kind, file: '/ws/dhcpd.conf', name: { value: name, span }, span, headerSpan: span, networks: [], ranges: [], hosts: [], children: [], parent,
    options: options.map((o) => ({ code: undefined, span, value: '', valueSpan: span, exact: true, format: 'text', ...o })),
  };
  parent?.children.push(s);
  return s;
}

test('textual dialects: the parent chain is scope.parent, tags and names are kept apart', () => {
  const global = scope('global', 'G', [{ code: 6, value: 'g-dns' }, { code: 3, value: 'g-router' }, { name: 'my-opt', value: 'g-named' }]);
  const subnet = scope('subnet', 'S', [{ code: 3, value: 's-router' }, { code: 3, value: 's-router-tagged', tags: ['lan'] }], global);
  subnet.lease = { seconds: 600, raw: '600', span: subnet.span };
  const pool = scope('pool', 'P', [{ code: 121, value: 'p-121' }, { code: 3, value: 'p-router', tags: ['lan'] }], subnet);
  const file: DhcpFile = {
    dialect: 'dhcpd', path: '/ws/dhcpd.conf', text: '', global, scopes: [global, subnet, pool], exclusions: [], classes: [], clientRouteRequests: [], definitions: [], includes: [], problems: [], comments: [],
  };
  const parents = parentPools(file);
  assert.deepEqual([...parents].map(([c, p]) => [c.name?.value, p.name?.value]), [['P', 'S']]);
  const expected = [[121, 'p-121', 'P'], [3, 'p-router', 'P'], [3, 's-router', 'S'], [6, 'g-dns', 'G'], [undefined, 'g-named', 'G']];
  assert.deepEqual(effective(pool, parents), expected);
  assert.deepEqual(effective(pool, new Map()), expected, 'an empty map follows scope.parent');
  assert.equal(effectiveLease('dhcpd', pool, parents)?.from, subnet, 'ISC scopes inherit the lease');
});

test('cisco: 5,000 nested pools resolve in linear time, and a cycle in a hand-made map ends', () => {
  const lines: string[] = ['ip dhcp pool ROOT', ' network 10.0.0.0 /8', ' dns-server 10.0.0.53'];
  for (let i = 0; i < 50; i++) lines.push(`ip dhcp pool M${i}`, ` network 10.${i}.0.0 /16`, ` default-router 10.${i}.0.1`);
  for (let i = 0; i < 5000; i++) lines.push(`ip dhcp pool L${i}`, ` network 10.${i % 50}.${Math.floor(i / 50)}.0 /24`, ` option 121 hex 0000.0000.0${i % 10}`);
  const f = parseCisco('/ws/big.ios', lines.join('\n'));
  const started = process.cpuUsage();
  const parents = parentPools(f);
  let total = 0;
  for (const s of f.scopes) total += effectiveOptions(s, parents).length;
  const used = process.cpuUsage(started);
  assert.equal(parents.size, 5050);
  assert.equal(parents.get(named(f)('L4321'))?.name?.value, 'M21');
  assert.equal(total, 1 + 50 * 2 + 5000 * 3);
  assert.ok(used.user + used.system < 1e6, `${(used.user + used.system) / 1000} ms`);
  const [a, b] = [named(f)('M0'), named(f)('M1')];
  assert.deepEqual(ancestors(a, new Map([[a, b], [b, a]])), [b]);
});
