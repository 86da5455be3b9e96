import assert from 'node:assert/strict';
import { test } from 'node:test';
import type { Span } from '../../../server/src/core/text';
import { parseIPv4 } from '../../../server/src/dhcp/ipv4';
import { parseMikrotik } from '../../../server/src/dhcp/mikrotik/parser';
import { routerOsSeconds } from '../../../server/src/dhcp/mikrotik/values';
import type { DhcpFile, DhcpScope } from '../../../server/src/dhcp/model';
import { assertLinear, checkModel, fuzz, mutate } from './parserChecks';

// The RouterOS export reader: exact spans and values for each construct (menus, add/set, `\`
// continuations, quoting), what RouterOS refuses as error problems, fuzzed and huge inputs.
// There is no RouterOS binary to compare with: the syntax follows the RouterOS manuals.
// TLSNET_FUZZ_SEED=<n> replays a fuzz run.

const text = (f: DhcpFile, s: Span): string => f.text.slice(s.start, s.end);
const ip = (s: string): number => parseIPv4(s) as number;
const problems = (f: DhcpFile): Array<[string, string, string]> => f.problems.map((p) => [p.severity, text(f, p.span), p.message]);
const kinds = (f: DhcpFile): string[] => f.scopes.map((s) => s.kind);
const subnets = (f: DhcpFile): DhcpScope[] => f.scopes.filter((s) => s.kind === 'subnet');

const EXPORT = `# 2024-03-15 10:22:01 by RouterOS 7.14.1
# software id = ABCD-1234
#
/interface bridge
add admin-mac=48:8F:5A:00:00:01 auto-mac=no comment=defconf name=bridge
/ip dhcp-server option
add code=121 name=classless value=0x18c0a837ac100a0100c0a85801
add code=66 name=tftp value="'192.168.88.5'"
add code=67 name=boot value="s'pxelinux.0'"
add code=12 name=host value="\\$(HOSTNAME)"
/ip dhcp-server option sets
add name=pxe options=tftp,boot
/ip pool
add name=default-dhcp ranges=192.168.88.10-192.168.88.254
add name=vpn ranges=10.99.0.2-10.99.0.254
/ip dhcp-server
add address-pool=default-dhcp interface=bridge lease-time=1d2h name=defconf
/ip dhcp-server lease
add address=192.168.88.50 client-id=1:0:c:29:65:96:e7 mac-address=00:0C:29:65:96:E7 server=defconf
/ip dhcp-server network
add address=192.168.88.0/24 comment=defconf dhcp-option=classless dhcp-option-set=pxe dns-server=\\
    192.168.88.1,1.1.1.1 gateway=192.168.88.1
/ip dns
set allow-remote-requests=yes
`;

test('an /export: networks, options by name and set, pools by address, the server, leases', () => {
  const f = parseMikrotik('/ws/router.rsc', EXPORT);
  assert.equal(f.dialect, 'mikrotik');
  assert.deepEqual(problems(f), []);
  assert.deepEqual(kinds(f), ['global', 'class', 'shared-network', 'subnet']);
  assert.deepEqual(f.comments.map((c) => c.value), [' 2024-03-15 10:22:01 by RouterOS 7.14.1', ' software id = ABCD-1234', '']);
  const [net] = subnets(f);
  assert.deepEqual(net.networks.map((n) => [n.value, text(f, n.span), n.maskText]), [[{ address: ip('192.168.88.0'), length: 24 }, '192.168.88.0/24', '/24']]);
  assert.ok(text(f, net.span).startsWith('add address=192.168.88.0/24') && text(f, net.span).endsWith('gateway=192.168.88.1'));
  assert.deepEqual(
    net.options.map((o) => [o.code, o.name, o.format, o.value, text(f, o.valueSpan), o.exact]),
    [
      [3, 'gateway', 'ip', '192.168.88.1', '192.168.88.1', true],
      // After the continuation: the value starts on the next line, exactly.
      [6, 'dns-server', 'ip', '192.168.88.1,1.1.1.1', '192.168.88.1,1.1.1.1', true],
      [121, 'classless', 'hex', '0x18c0a837ac100a0100c0a85801', '0x18c0a837ac100a0100c0a85801', true],
      [66, 'tftp', 'ip', '192.168.88.5', '192.168.88.5', true],
      [67, 'boot', 'ascii', 'pxelinux.0', 'pxelinux.0', true],
    ],
  );
  assert.equal(text(f, net.options[2].span), 'add code=121 name=classless value=0x18c0a837ac100a0100c0a85801');
  // The option no network uses: a scope of its own, its value as written, unescaped.
  const unused = f.scopes[1];
  assert.deepEqual([unused.name?.value, text(f, unused.headerSpan), unused.options[0].format, unused.options[0].value, unused.options[0].exact], ['host', 'host', 'text', '$(HOSTNAME)', false]);
  // The server: its lease, and the network its pool's addresses fall in.
  const server = f.scopes[2];
  assert.deepEqual([server.name?.value, server.lease?.seconds, server.lease && text(f, server.lease.span)], ['defconf', 93600, '1d2h']);
  assert.ok(server.children.length === 1 && server.children[0] === net && net.parent === server);
  assert.ok(f.global.children.length === 2 && f.global.children[0] === unused && f.global.children[1] === server);
  // Only the pool a server uses is a DHCP range (vpn serves PPP, say).
  assert.deepEqual(net.ranges.map((r) => [r.start.value, r.end.value, text(f, r.start.span), text(f, r.end.span), text(f, r.span)]), [[ip('192.168.88.10'), ip('192.168.88.254'), '192.168.88.10', '192.168.88.254', '192.168.88.10-192.168.88.254']]);
  assert.deepEqual(f.global.ranges, []);
  const [host] = net.hosts;
  assert.deepEqual([host.address?.value, host.hardware?.value, host.clientId?.value, host.address && text(f, host.address.span)], [ip('192.168.88.50'), '00:0c:29:65:96:e7', '01:00:0c:29:65:96:e7', '192.168.88.50']);
});

test('set by number, by name and by [ find ], one-line paths, RouterOS 7 slash paths, `;`', () => {
  const src = `/ip dhcp-server option add name=routes code=121 value=0x00
/ip/dhcp-server/network/add address=10.0.0.0/24
/ip dhcp-server network add address=10.1.0.0/24; /ip dhcp-server network add address=10.2.0.0/24
/ip dhcp-server network
set 0 gateway=10.0.0.1
set [ find address=10.1.0.0/24 ] dhcp-option=routes gateway=10.1.0.1
set [ find where address="10.2.0.0/24" ] gateway=10.2.0.1
set [ find default=yes ] gateway=10.9.9.9
/ip dhcp-server option set routes value=0x080a0a000001
`;
  const f = parseMikrotik('/ws/r.rsc', src);
  assert.deepEqual(problems(f), []);
  const nets = subnets(f);
  assert.deepEqual(nets.map((s) => s.options.map((o) => `${o.code}=${o.value}`)), [['3=10.0.0.1'], ['3=10.1.0.1', '121=0x080a0a000001'], ['3=10.2.0.1']]);
  assert.equal(text(f, nets[1].options[1].valueSpan), '0x080a0a000001');
  assert.deepEqual(nets.map((s) => text(f, s.networks[0].span)), ['10.0.0.0/24', '10.1.0.0/24', '10.2.0.0/24']);
});

test('continuation lines inside a value and a string; escapes; comments after `;`', () => {
  const src = `/ip dhcp-server option
add code=121 name=a value=0x18c0a8\\
    37ac100a01
add code=15 name=b value="'exam\\
    ple.org'" ; # the domain
add code=60 name=c value="'a\\_b\\"c'"
`;
  const f = parseMikrotik('/ws/r.rsc', src);
  assert.deepEqual(problems(f), []);
  const opts = f.scopes.flatMap((s) => s.options);
  assert.deepEqual(opts.map((o) => [o.name, o.format, o.value, o.exact]), [['a', 'hex', '0x18c0a837ac100a01', false], ['b', 'ascii', 'example.org', false], ['c', 'ascii', 'a b"c', false]]);
  // Spans cover the value across the break, from its first character to its last.
  assert.equal(text(f, opts[0].valueSpan), '0x18c0a8\\\n    37ac100a01');
  assert.deepEqual(f.comments.map((c) => c.value), [' the domain']);
});

test('what RouterOS refuses: bad addresses, bad hex, names it does not have; exact spans', () => {
  const src = `/ip dhcp-server option
add code=121 name=bad value=0x18zz
add code=121 name=odd value=0x123
add code=300 name=big value=0x00
add code=33 name=bad value=0x00
/ip pool add name=p ranges=10.0.0.10-10.0.0.256,10.0.0.99-10.0.0.20
/ip dhcp-server add name=s address-pool=nopool
/ip dhcp-server network add address=10.0.0.300/24 gateway=10.0.0.1,10.0.0 dhcp-option=bad,nosuch dhcp-option-set=noset
/ip dhcp-server lease add address=10.0.0.5x mac-address=00:11:22:33:44
/system identity set name="unterminated
`;
  const f = parseMikrotik('/ws/r.rsc', src);
  assert.deepEqual(problems(f), [
    ['error', '"unterminated', 'the string has no closing quote (")'],
    ['error', 'z', '"z" is not a hex digit: a 0x value is hex bytes'],
    ['error', '0x123', 'odd number of hex digits after 0x: each byte takes two'],
    ['error', '300', '"300" is not an option code: RouterOS takes 1 to 254'],
    ['error', 'bad', 'another /ip dhcp-server option is already named "bad": RouterOS refuses a second one'],
    ['error', '10.0.0.10-10.0.0.256', '"10.0.0.256" is not an IPv4 address (ranges)'],
    ['warning', '10.0.0.99-10.0.0.20', 'the range 10.0.0.99-10.0.0.20 starts above its end: write the low address first'],
    ['error', '10.0.0.300/24', '"10.0.0.300/24" is not a network: write address=10.0.0.0/24'],
    ['error', '10.0.0', '"10.0.0" is not an IPv4 address (gateway)'],
    ['error', 'nosuch', 'no /ip dhcp-server option is named "nosuch": RouterOS refuses a name it does not have'],
    ['error', 'noset', 'no /ip dhcp-server option sets entry is named "noset": RouterOS refuses a name it does not have'],
    ['error', 'nopool', 'no /ip pool is named "nopool": RouterOS refuses a name it does not have'],
    ['error', '10.0.0.5x', '"10.0.0.5x" is not an IPv4 address (address)'],
    ['error', '00:11:22:33:44', '"00:11:22:33:44" is not a MAC address: six hex bytes, 00:0C:29:02:3F:0C'],
  ]);
});

test('pools: each range goes to the network holding its start, else its end, else the global scope', () => {
  const src = `/ip pool
add name=a ranges=10.0.0.200-10.0.1.20,10.0.1.250-10.0.2.5,10.9.0.1-10.9.0.9
add name=b ranges=10.0.0.0/30,10.0.0.77
/ip dhcp-server network
add address=10.0.0.0/24
add address=10.0.2.0/24
`;
  const f = parseMikrotik('/ws/r.rsc', src);
  assert.deepEqual(problems(f), []);
  const show = (s: DhcpScope): string[] => s.ranges.map((r) => `${text(f, r.start.span)}|${text(f, r.end.span)}`);
  const [a, b] = subnets(f);
  // No server in the file (a pasted fragment): every pool is read.
  assert.deepEqual(show(a), ['10.0.0.200|10.0.1.20', '10.0.0.0/30|10.0.0.0/30', '10.0.0.77|10.0.0.77']);
  assert.deepEqual([a.ranges[1].start.value, a.ranges[1].end.value], [ip('10.0.0.0'), ip('10.0.0.3')]);
  assert.deepEqual(show(b), ['10.0.1.250|10.0.2.5']);
  assert.deepEqual(show(f.global), ['10.9.0.1|10.9.0.9']);
});

test('unknown menus, script commands and other routers\' settings are skipped quietly', () => {
  const src = `:local x [/ip address get [find interface=ether1] address]
:if ($x != "") do={ :put "has $x" }
/interface ethernet set [ find default-name=ether1 ] comment="WAN \\"uplink\\""
/ip firewall filter add action=accept chain=input comment=\\
    "defconf: accept established,related,untracked" connection-state=established,related
/routing bgp connection add name=peer1 remote.address=10.0.0.1
/ip dhcp-server network print
/ip dhcp-server option sets
/ip dhcp-server config set store-leases-disk=5m
`;
  const f = parseMikrotik('/ws/r.rsc', src);
  assert.deepEqual(problems(f), []);
  assert.deepEqual(kinds(f), ['global']);
});

test('RouterOS times', () => {
  const cases: Array<[string, number | undefined]> = [['10m', 600], ['1d2h', 93600], ['1w', 604800], ['00:10:00', 600], ['3d00:00:00', 259200], ['1h30m15s', 5415], ['45', 45], ['500ms', 0], ['0s', 0], ['', undefined], ['abc', undefined], ['1x', undefined], ['1:2', undefined]];
  for (const [t, want] of cases) assert.equal(routerOsSeconds(t), want, t);
});

test('fuzz: mutated exports never throw and keep the model consistent', () => {
  const bits = ['"', "'", '#', ',', '=', ' ', '\t', '\\', '\\\n', '\\\r\n    ', ';', '[', ']', '{', '(', '$', '/', '-', '0x', 'add ', 'set ', '/ip dhcp-server network', 'dhcp-option=', 'ranges=', '10.0.0.', '\r\n', '\u0000', 'é', '\n'];
  fuzz(0x3055, 3000, (r) => mutate(EXPORT, bits, r, 5), (t) => checkModel(parseMikrotik('/ws/fuzz.rsc', t)));
});

test('10 MB inputs parse in linear time without throwing', () => {
  const big = [
    'a'.repeat(10_000_000),
    '/ip pool add name=p ranges=10.0.0.1-10.0.0.9\n'.repeat(200_000),
    `/ip dhcp-server network add address=10.0.0.0/24 gateway=${'10.0.0.1,'.repeat(1_000_000)}10.0.0.1`,
    `/ip dhcp-server option add code=121 name=x value=0x${'00'.repeat(5_000_000)}`,
    `/ip dhcp-server option add code=121 name=x value="${'\\_'.repeat(3_000_000)}`,
    '\\\n'.repeat(3_000_000),
    '['.repeat(10_000_000),
    '"'.repeat(10_000_000),
    `/ip dhcp-server network set [ find address=${'1'.repeat(10_000_000)}`,
    `/ip dhcp-server option\n${'add name=a code=1 value=0x00\n'.repeat(300_000)}`,
  ];
  assertLinear((t) => parseMikrotik('/ws/big.rsc', t), big);
});
