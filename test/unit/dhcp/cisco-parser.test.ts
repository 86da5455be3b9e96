import assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import { test } from 'node:test';
import type { Span } from '../../../server/src/core/text';
import { parseCisco } from '../../../server/src/dhcp/cisco/parser';
import { formatIPv4 } from '../../../server/src/dhcp/ipv4';
import type { DhcpFile, DhcpScope } from '../../../server/src/dhcp/model';
import { expandSnippet } from '../../snippets';

// The IOS DHCP reader: every construct of the dialect, with exact UTF-16 spans (each span is
// checked against the text it must cover), and the problems IOS would refuse or warn about.
// Corpus, fuzz and size tests are in cisco-parser-robust.test.ts.

const parse = (text: string): DhcpFile => parseCisco('/ws/router.ios', text);
const slice = (text: string, s: Span | undefined): string => (s ? text.slice(s.start, s.end) : assert.fail('no span'));
/** The span of the `nth` occurrence of `needle` (0-based). */
function find(text: string, needle: string, nth = 0): Span {
  let i = -1;
  for (let k = 0; k <= nth; k++) i = text.indexOf(needle, i + 1);
  assert.ok(i >= 0, `"${needle}" not in the text`);
  return { start: i, end: i + needle.length };
}
const pool = (f: DhcpFile, name: string): DhcpScope => f.scopes.find((s) => s.name?.value === name) ?? assert.fail(`no pool ${name}`);
const problems = (f: DhcpFile) => f.problems.map((p) => [p.severity, slice(f.text, p.span)]);

test('cisco: the domain-note pool, with exact spans on every part', () => {
  const text = `!
ip dhcp excluded-address 192.168.0.1 192.168.0.10
ip dhcp pool foxnetwork
 network 192.168.0.0 255.255.255.0
 default-router 192.168.0.1
 dns-server 8.8.8.8 8.8.4.4
 domain-name example.net
 lease 0 1
 option 121 hex 2001.0101.01c0.a800.0117.0202.02c0.a800.02
!
`;
  const f = parse(text);
  assert.deepEqual(f.problems, []);
  assert.equal(f.dialect, 'cisco-ios');
  assert.equal(f.scopes[0], f.global);
  assert.equal(f.scopes.length, 2);
  const p = pool(f, 'foxnetwork');
  assert.equal(p.kind, 'pool');
  assert.equal(p.parent, f.global);
  assert.deepEqual(f.global.children, [p]);
  assert.deepEqual(p.name?.span, find(text, 'foxnetwork'));
  assert.equal(slice(text, p.headerSpan), 'ip dhcp pool foxnetwork');
  assert.equal(slice(text, p.span), text.slice(text.indexOf('ip dhcp pool'), text.indexOf('a800.02') + 7));
  assert.equal(p.networks.length, 1);
  assert.deepEqual(p.networks[0].value, { address: 0xc0a80000, length: 24 });
  assert.equal(p.networks[0].maskText, '255.255.255.0');
  assert.equal(slice(text, p.networks[0].span), '192.168.0.0 255.255.255.0');
  assert.deepEqual(
    p.options.map((o) => [o.code, o.name, o.format, o.value, slice(text, o.valueSpan), slice(text, o.span), o.exact]),
    [
      [3, 'default-router', 'ip', '192.168.0.1', '192.168.0.1', 'default-router 192.168.0.1', true],
      [6, 'dns-server', 'ip', '8.8.8.8 8.8.4.4', '8.8.8.8 8.8.4.4', 'dns-server 8.8.8.8 8.8.4.4', true],
      [15, 'domain-name', 'ascii', 'example.net', 'example.net', 'domain-name example.net', true],
      [121, undefined, 'hex', '2001.0101.01c0.a800.0117.0202.02c0.a800.02', '2001.0101.01c0.a800.0117.0202.02c0.a800.02', 'option 121 hex 2001.0101.01c0.a800.0117.0202.02c0.a800.02', true],
    ],
  );
  assert.deepEqual(p.lease && { ...p.lease, span: slice(text, p.lease.span) }, { seconds: 3600, raw: '0 1', span: 'lease 0 1' });
  assert.equal(f.exclusions.length, 1);
  const x = f.exclusions[0];
  assert.deepEqual([formatIPv4(x.start.value), formatIPv4(x.end.value), slice(text, x.start.span), slice(text, x.end.span), slice(text, x.span), x.vrf], ['192.168.0.1', '192.168.0.10', '192.168.0.1', '192.168.0.10', 'ip dhcp excluded-address 192.168.0.1 192.168.0.10', undefined]);
  assert.deepEqual(f.comments.map((c) => [c.value, slice(text, c.span)]), [['', '!'], ['', '!']]);
});

test('cisco: network spellings — mask, /len, A/len, classful, secondary with its own default routers', () => {
  const text = `ip dhcp pool A
 network 10.1.0.0 /16
ip dhcp pool B
 network 10.2.0.0/24
ip dhcp pool C
 network 172.16.0.0
ip dhcp pool D
 network 172.16.0.0 255.255.0.0
 default-router 172.16.0.100
 network 172.16.1.0 255.255.255.0 secondary
  override default-router 172.16.1.100 172.16.1.101
 network 172.16.2.0 /24 secondary
 dns-server 172.16.1.102
`;
  const f = parse(text);
  assert.deepEqual(f.problems, []);
  const nets = (s: string) => pool(f, s).networks.map((n) => [formatIPv4(n.value.address), n.value.length, n.maskText, slice(text, n.span), n.secondary ?? false]);
  assert.deepEqual(nets('A'), [['10.1.0.0', 16, '/16', '10.1.0.0 /16', false]]);
  assert.deepEqual(nets('B'), [['10.2.0.0', 24, '/24', '10.2.0.0/24', false]]);
  assert.deepEqual(nets('C'), [['172.16.0.0', 16, undefined, '172.16.0.0', false]]);
  assert.deepEqual(nets('D'), [
    ['172.16.0.0', 16, '255.255.0.0', '172.16.0.0 255.255.0.0', false],
    ['172.16.1.0', 24, '255.255.255.0', '172.16.1.0 255.255.255.0', true],
    ['172.16.2.0', 24, '/24', '172.16.2.0 /24', true],
  ]);
  const d = pool(f, 'D');
  const o = d.networks[1].overrideRouters;
  assert.ok(o);
  assert.deepEqual([o.code, o.name, o.value, slice(text, o.valueSpan), slice(text, o.span)], [3, 'override default-router', '172.16.1.100 172.16.1.101', '172.16.1.100 172.16.1.101', 'override default-router 172.16.1.100 172.16.1.101']);
  assert.equal(d.networks[2].overrideRouters, undefined);
  assert.equal(slice(text, d.overrideDefaultRouter), 'override default-router 172.16.1.100 172.16.1.101');
  // The override is the secondary subnet's, not a pool-wide option; dns-server after it is the pool's.
  assert.deepEqual(d.options.map((x) => [x.code, x.value]), [[3, '172.16.0.100'], [6, '172.16.1.102']]);
});

test('cisco: lease forms and their bounds', () => {
  const cases: Array<[string, number | 'infinite']> = [['lease 7', 7 * 86400], ['lease 1 2 3', 86400 + 7200 + 180], ['lease 0 0 30', 1800], ['lease infinite', 'infinite'], ['LEASE 365 23 59', 365 * 86400 + 23 * 3600 + 59 * 60]];
  for (const [line, seconds] of cases) {
    const f = parse(`ip dhcp pool P\n network 10.0.0.0 /24\n ${line}\n`);
    assert.deepEqual(f.problems, [], line);
    assert.equal(f.scopes[1].lease?.seconds, seconds, line);
    assert.equal(slice(f.text, f.scopes[1].lease?.span), line);
  }
  for (const [line, bad] of [['lease 366', '366'], ['lease 1 24', '24'], ['lease 1 2 60', '60'], ['lease x', 'x'], ['lease', 'lease'], ['lease 1 2 3 4', '4'], ['lease infinite 2', '2'], ['lease -1', '-1']]) {
    const f = parse(`ip dhcp pool P\n ${line}\n`);
    assert.deepEqual(problems(f), [['error', bad]], line);
    assert.equal(f.scopes[1].lease, undefined, line);
  }
});

test('cisco: option N hex|ip|ascii keeps the value as written, including hex split into groups', () => {
  const text = `ip dhcp pool P
 option 121 hex 2001.0101.01c0.a800.0117 0202.02c0.a800.02
 option 249 hex 20:01:01:01:01:c0:a8:00:01
 option 43 hex 0104.0A0A.0A0A   
 option 150 ip 10.1.1.1 10.1.1.2
 option 66 ascii "tftp server.example"
 option 60 ascii Cisco-AP
 option 82 instance 2 hex 0106
`;
  const f = parse(text);
  assert.deepEqual(f.problems, []);
  assert.deepEqual(
    f.scopes[1].options.map((o) => [o.code, o.format, o.value, slice(text, o.valueSpan)]),
    [
      [121, 'hex', '2001.0101.01c0.a800.0117 0202.02c0.a800.02', '2001.0101.01c0.a800.0117 0202.02c0.a800.02'],
      [249, 'hex', '20:01:01:01:01:c0:a8:00:01', '20:01:01:01:01:c0:a8:00:01'],
      [43, 'hex', '0104.0A0A.0A0A', '0104.0A0A.0A0A'],
      [150, 'ip', '10.1.1.1 10.1.1.2', '10.1.1.1 10.1.1.2'],
      [66, 'ascii', 'tftp server.example', 'tftp server.example'],
      [60, 'ascii', 'Cisco-AP', 'Cisco-AP'],
      [82, 'hex', '0106', '0106'],
    ],
  );
  assert.equal(slice(text, f.scopes[1].options[2].span), 'option 43 hex 0104.0A0A.0A0A');
});

test('cisco: option problems — unknown type, bad code, missing parts, non-hex, bad address', () => {
  const cases: Array<[string, string]> = [
    ['option 66 string tftp', 'string'],
    ['option 300 hex 01', '300'],
    ['option x hex 01', 'x'],
    ['option', 'option'],
    ['option 66', '66'],
    ['option 121 hex', 'hex'],
    ['option 121 hex 2001.zz01', '2001.zz01'],
    ['option 150 ip 10.1.1', '10.1.1'],
    ['option 82 instance hex 01', 'hex'],
  ];
  for (const [line, bad] of cases) {
    const f = parse(`ip dhcp pool P\n ${line}\n`);
    assert.deepEqual(problems(f), [['error', bad]], line);
    assert.deepEqual(f.scopes[1].options, [], line);
  }
});

test('cisco: address lists — up to 8, each an IPv4 address, at least one', () => {
  const eight = Array.from({ length: 8 }, (_, i) => `10.0.0.${i + 1}`).join(' ');
  assert.deepEqual(parse(`ip dhcp pool P\n default-router ${eight}\n`).problems, []);
  const nine = parse(`ip dhcp pool P\n dns-server ${eight} 10.0.0.9\n`);
  assert.deepEqual(problems(nine), [['error', '10.0.0.9']]);
  assert.deepEqual(nine.scopes[1].options, []);
  assert.deepEqual(problems(parse('ip dhcp pool P\n default-router 10.0.0.256\n')), [['error', '10.0.0.256']]);
  assert.deepEqual(problems(parse('ip dhcp pool P\n dns-server\n')), [['error', 'dns-server']]);
  const nb = parse('ip dhcp pool P\n netbios-name-server 10.0.0.5\n netbios-node-type h-node\n');
  assert.deepEqual(nb.scopes[1].options.map((o) => [o.code, o.format, o.value]), [[44, 'ip', '10.0.0.5'], [46, 'text', 'h-node']]);
});

test('cisco: bad networks, masks and lengths are errors at the word; a second primary network warns', () => {
  const cases: Array<[string, string, 'error' | 'warning']> = [
    ['network 10.0.0.256 255.255.255.0', '10.0.0.256', 'error'],
    ['host 10.0.0.5 255.0.255.0', '255.0.255.0', 'error'],
    ['network 10.0.0.0 255.255.255.256', '255.255.255.256', 'error'],
    ['network 10.0.0.0 /33', '/33', 'error'],
    ['network 10.0.0.0/40', '10.0.0.0/40', 'error'],
    ['network 224.0.0.0', '224.0.0.0', 'error'],
    ['network', 'network', 'error'],
    ['network 10.0.0.0 255.255.255.0 primary', 'primary', 'error'],
    ['network 10.1.0.0 /24 secondary', '10.1.0.0 /24', 'warning'],
  ];
  for (const [line, bad, severity] of cases) assert.deepEqual(problems(parse(`ip dhcp pool P\n ${line}\n`)), [[severity, bad]], line);
  const two = parse('ip dhcp pool P\n network 10.0.0.0 /24\n network 10.0.1.0 /24\n');
  assert.deepEqual(problems(two), [['warning', '10.0.1.0 /24']]);
  // A gapped mask is kept as written (its leading ones give the length): dhcp/invalid-netmask judges it.
  const gapped = parse('ip dhcp pool P\n network 172.16.0.0 255.255.0.255\n');
  assert.deepEqual(problems(gapped), []);
  assert.deepEqual(gapped.scopes[1].networks.map((n) => [n.value, n.maskText]), [[{ address: 0xac100000, length: 16 }, '255.255.0.255']]);
});

test('cisco: a manual binding pool becomes a host scope with normalised identifiers', () => {
  const text = `ip dhcp pool PRINTER
 host 192.168.1.50 255.255.255.0
 client-identifier 0100.1122.3344.55
 client-name printer1
 default-router 192.168.1.1
ip dhcp pool CAM
 hardware-address 0025.90FC.6D00 ieee802
 host 192.168.1.51 /24
ip dhcp pool BARE
 host 192.168.1.52
`;
  const f = parse(text);
  assert.deepEqual(f.problems, []);
  const p = pool(f, 'PRINTER');
  assert.equal(p.kind, 'host');
  assert.equal(p.networks.length, 0);
  const h = p.hosts[0];
  assert.deepEqual([h.address?.value, slice(text, h.address?.span), h.clientId?.value, slice(text, h.clientId?.span), h.name?.value, slice(text, h.name?.span), slice(text, h.span)], [
    0xc0a80132, '192.168.1.50', '01:00:11:22:33:44:55', '0100.1122.3344.55', 'printer1', 'printer1', 'host 192.168.1.50 255.255.255.0',
  ]);
  assert.deepEqual(p.options.map((o) => o.code), [3]);
  const cam = pool(f, 'CAM').hosts[0];
  assert.deepEqual([cam.hardware?.value, slice(text, cam.hardware?.span), slice(text, cam.address?.span), cam.name?.value], ['00:25:90:fc:6d:00', '0025.90FC.6D00', '192.168.1.51', 'CAM']);
  assert.equal(pool(f, 'BARE').kind, 'host');
  assert.equal(pool(f, 'BARE').hosts.length, 1);
});

test('cisco: host and network in one pool, bad identifiers', () => {
  const mixed = parse('ip dhcp pool P\n network 10.0.0.0 /24\n host 10.0.0.5 /24\n');
  assert.deepEqual(problems(mixed), [['error', 'host 10.0.0.5 /24']]);
  assert.equal(mixed.scopes[1].kind, 'pool');
  assert.deepEqual(mixed.scopes[1].hosts, []);
  assert.deepEqual(problems(parse('ip dhcp pool P\n host 10.0.0.5 /24\n network 10.0.0.0 /24\n')), [['error', '10.0.0.0 /24']]);
  assert.deepEqual(problems(parse('ip dhcp pool P\n client-identifier 0100.1122.3344.5\n')), [['error', '0100.1122.3344.5']]);
  assert.deepEqual(problems(parse('ip dhcp pool P\n hardware-address aabb.ccdd.eegg\n')), [['error', 'aabb.ccdd.eegg']]);
  assert.deepEqual(problems(parse('ip dhcp pool P\n host 10.0.0.5 255.255.0.255\n')), [['error', '255.255.0.255']]);
});

test('cisco: class sub-mode address ranges, reservations, and the sub-commands kept quietly', () => {
  const text = `ip dhcp pool LAN
 vrf CUST-A
 network 10.10.0.0 255.255.255.0
 import all
 class PHONES
  address range 10.10.0.100 10.10.0.150
  relay agent information
   relay-information hex 01030a0b0c02050000000123
 class PCS
  address range 10.10.0.151 10.10.0.200
 default-router 10.10.0.1
 address 10.10.0.9 client-id 0100.1122.3344.55
 address 10.10.0.8 hardware-address aabb.cc00.0100
 address 10.10.0.7 client-id AB ascii
 next-server 10.0.0.5
 bootfile pxelinux.0
 relay source 10.10.0.0 255.255.255.0
 relay destination 10.0.0.1
 update dns both override
 utilization mark high 80 log
 origin dhcp subnet size initial /24 autogrow /24
 reserved-only
 renew deny unknown
 remember
 option 42 ip 10.0.0.1
`;
  const f = parse(text);
  assert.deepEqual(f.problems, []);
  const p = pool(f, 'LAN');
  assert.equal(slice(text, p.span), text.slice(text.indexOf('ip dhcp'), text.indexOf('option 42 ip 10.0.0.1') + 'option 42 ip 10.0.0.1'.length));
  assert.deepEqual([p.vrf?.value, slice(text, p.vrf?.span), slice(text, p.importAll)], ['CUST-A', 'CUST-A', 'import all']);
  assert.deepEqual(p.ranges.map((r) => [formatIPv4(r.start.value), formatIPv4(r.end.value), slice(text, r.start.span), slice(text, r.end.span), slice(text, r.span)]), [
    ['10.10.0.100', '10.10.0.150', '10.10.0.100', '10.10.0.150', 'address range 10.10.0.100 10.10.0.150'],
    ['10.10.0.151', '10.10.0.200', '10.10.0.151', '10.10.0.200', 'address range 10.10.0.151 10.10.0.200'],
  ]);
  // default-router after the class lines goes back to the pool.
  assert.deepEqual(p.options.map((o) => [o.code, o.value]), [[3, '10.10.0.1'], [42, '10.0.0.1']]);
  assert.deepEqual(p.hosts.map((h) => [h.address && formatIPv4(h.address.value), h.clientId?.value, h.hardware?.value, slice(text, h.span)]), [
    ['10.10.0.9', '01:00:11:22:33:44:55', undefined, 'address 10.10.0.9 client-id 0100.1122.3344.55'],
    ['10.10.0.8', undefined, 'aa:bb:cc:00:01:00', 'address 10.10.0.8 hardware-address aabb.cc00.0100'],
    ['10.10.0.7', '41:42', undefined, 'address 10.10.0.7 client-id AB ascii'],
  ]);
  assert.equal(p.kind, 'pool');
  assert.deepEqual(problems(parse('ip dhcp pool P\n class C\n  address range 10.0.0.9 10.0.0.1\n')), [['warning', '10.0.0.9 10.0.0.1']]);
  assert.deepEqual(problems(parse('ip dhcp pool P\n address range 10.0.0.1 10.0.0.9\n')), [['error', 'address range 10.0.0.1 10.0.0.9']]);
  assert.deepEqual(problems(parse('ip dhcp pool P\n import\n vrf\n class\n domain-name a b\n')), [['error', 'import'], ['error', 'vrf'], ['error', 'class'], ['error', 'b']]);
  assert.deepEqual(problems(parse('ip dhcp pool P\n network 10.0.0.0 /24\n override default-router 10.0.0.1\n')), [['warning', 'override default-router 10.0.0.1']]);
});

test('cisco: excluded addresses, relay classes and client route requests at the top level', () => {
  const text = `ip dhcp excluded-address 10.0.0.1
ip dhcp excluded-address vrf CUST 10.1.0.1 10.1.0.9
ip dhcp class SWITCH1-PORT3
 relay agent information
  relay-information hex 0106000400010003020800060000aabbccdd
  relay-information hex 01060004000100*
  relay-information hex 010600040001 * mask 0000ffff0000
interface GigabitEthernet0/1
 description uplink
 ip address dhcp
 ip dhcp client request classless-static-route
!
`;
  const f = parse(text);
  assert.deepEqual(f.problems, []);
  assert.deepEqual(f.exclusions.map((x) => [formatIPv4(x.start.value), formatIPv4(x.end.value), x.vrf, slice(text, x.end.span)]), [['10.0.0.1', '10.0.0.1', undefined, '10.0.0.1'], ['10.1.0.1', '10.1.0.9', 'CUST', '10.1.0.9']]);
  assert.equal(f.classes.length, 1);
  const c = f.classes[0];
  assert.deepEqual([c.name.value, slice(text, c.name.span), slice(text, c.span)], ['SWITCH1-PORT3', 'SWITCH1-PORT3', text.slice(0, text.indexOf('interface') - 1).split('\n').slice(2).join('\n')]);
  assert.deepEqual(c.relayInformation.map((r) => [r.value, slice(text, r.span)]), [
    ['0106000400010003020800060000aabbccdd', '0106000400010003020800060000aabbccdd'],
    ['01060004000100', '01060004000100'],
    ['010600040001', '010600040001'],
  ]);
  assert.deepEqual(f.clientRouteRequests.map((s) => slice(text, s)), ['ip dhcp client request classless-static-route']);
  assert.equal(f.scopes.length, 1, 'no pools');
  const bad = parse(`ip dhcp excluded-address 10.0.0.300
ip dhcp excluded-address 10.0.0.9 10.0.0.1
ip dhcp excluded-address
ip dhcp excluded-address 10.0.0.1 10.0.0.2 10.0.0.3
ip dhcp class C
 relay agent information
  relay-information hex 01zz
  relay-information hex
  relay-information hex 0106 mask
ip dhcp pool
ip dhcp pool A B
`);
  assert.deepEqual(problems(bad), [
    ['error', '10.0.0.300'], ['warning', '10.0.0.9 10.0.0.1'], ['error', 'ip dhcp excluded-address'], ['error', '10.0.0.3'],
    ['error', '01zz'], ['error', 'hex'], ['error', 'mask'], ['error', 'ip dhcp pool'], ['error', 'B'],
  ]);
});

test('cisco: a whole running-config — other blocks, banners, ipv6 pools, exit and end are not DHCP', () => {
  const text = `Building configuration...

Current configuration : 2048 bytes
!
hostname edge1
banner motd ^C
ip dhcp pool NOT-A-POOL
 network 1.1.1.0 255.255.255.0
^C
router ospf 1
 network 10.0.0.0 0.0.0.255 area 0
router eigrp 10
 network 10.0.0.0
ipv6 dhcp pool V6
 address prefix fd00::/64
 dns-server fd00::1
 domain-name example.com
ip dhcp pool REAL
 network 10.0.0.0 255.255.255.0
 exit
 default-router 10.0.0.1
interface Vlan10
 ip address 10.0.0.1 255.255.255.0
 ip helper-address 10.9.9.9
line vty 0 4
 transport input ssh
end
`;
  const f = parse(text);
  assert.deepEqual(f.problems, []);
  assert.deepEqual(f.scopes.slice(1).map((s) => s.name?.value), ['REAL']);
  const real = pool(f, 'REAL');
  assert.deepEqual(real.options, [], 'exit left the pool: the default-router line after it is not the pool\'s');
  assert.equal(slice(text, real.span), 'ip dhcp pool REAL\n network 10.0.0.0 255.255.255.0\n exit');
  assert.equal(f.comments.length, 1);
});

test('cisco: sub-commands typed flush left stay in the pool, as IOS reads a pasted config', () => {
  const text = `ip dhcp pool PASTED
network 10.5.0.0 255.255.255.0
default-router 10.5.0.1
!
option 121 hex 0a0a.0505.0001
class X
address range 10.5.0.10 10.5.0.20
hostname r1
network 10.6.0.0 255.255.255.0
`;
  const f = parse(text);
  assert.deepEqual(f.problems, []);
  const p = pool(f, 'PASTED');
  assert.deepEqual(p.networks.map((n) => slice(text, n.span)), ['10.5.0.0 255.255.255.0']);
  assert.deepEqual(p.options.map((o) => o.code), [3, 121]);
  assert.deepEqual(p.ranges.map((r) => slice(text, r.span)), ['address range 10.5.0.10 10.5.0.20']);
  assert.equal(slice(text, p.span), text.slice(0, text.indexOf('\nhostname')));
});

test('cisco: CRLF, tabs, a reopened pool and UTF-16 offsets after astral characters', () => {
  const text = '! caf\u00e9 \u{1F600} tlsnet-disable-next-line dhcp/x\r\nip dhcp pool \u{1F600}pool\r\n\tnetwork 10.0.0.0 /8\r\n\toption 121 hex 0800.0a00.0001\r\nip dhcp pool \u{1F600}pool\r\n lease 2\r\n';
  const f = parse(text);
  assert.deepEqual(problems(f), [['warning', '\u{1F600}pool']]);
  assert.equal(f.scopes.length, 3);
  const p = f.scopes[1];
  assert.equal(slice(text, p.name?.span), '\u{1F600}pool');
  assert.equal(slice(text, p.span), 'ip dhcp pool \u{1F600}pool\r\n\tnetwork 10.0.0.0 /8\r\n\toption 121 hex 0800.0a00.0001');
  assert.equal(slice(text, p.options[0].valueSpan), '0800.0a00.0001');
  assert.deepEqual(f.comments.map((c) => [c.value, slice(text, c.span)]), [[' caf\u00e9 \u{1F600} tlsnet-disable-next-line dhcp/x', '! caf\u00e9 \u{1F600} tlsnet-disable-next-line dhcp/x']]);
  assert.equal(f.scopes[2].lease?.seconds, 2 * 86400);
});

test('cisco: every IOS snippet expands to configuration the parser reads without a problem', () => {
  const snippets = JSON.parse(readFileSync('snippets/cisco-ios.code-snippets', 'utf8')) as Record<string, { body: string[] }>;
  const WRAP = 'ip dhcp pool WRAP\n network 192.168.1.0 255.255.255.0\n';
  const seen = new Set<string>();
  for (const [name, { body }] of Object.entries(snippets)) {
    const expanded = expandSnippet(body.join('\n'));
    // Pool sub-command snippets are typed inside a pool: wrap them in one, one level deeper.
    const standalone = /^(ip dhcp|interface) /.test(expanded);
    const f = parse(standalone ? expanded : WRAP + expanded.replace(/^/gm, ' '));
    assert.deepEqual(problems(f), [], name);
    const p = f.scopes.at(-1);
    if (f.classes[0]?.relayInformation.length) seen.add('relay-information');
    if (f.clientRouteRequests.length) seen.add('client request');
    if (p?.networks.some((n) => n.overrideRouters)) seen.add('override');
    if (p?.ranges.length) seen.add('address range');
    if (p?.options.some((o) => o.code === 121)) seen.add('option 121');
    if (p?.kind === 'host' && p.hosts[0]?.clientId) seen.add('host');
    if (f.exclusions.length) seen.add('excluded-address');
  }
  assert.deepEqual([...seen].sort(), ['address range', 'client request', 'excluded-address', 'host', 'option 121', 'override', 'relay-information']);
});
