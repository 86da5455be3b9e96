import assert from 'node:assert/strict';
import { test } from 'node:test';
import { iscFamily, parseIsc } from '../../../server/src/dhcp/isc/parser';
import { cidrValid, ipv6Value } from '../../../server/src/dhcp/isc/v6';
import { assertRefusals, errors, text, type Refusal } from './parserChecks';

// dhcpd.conf in DHCPv6 mode (`dhcpd -6`): which files are read that way, the DHCPv6 declarations
// dhcpd accepts and refuses (agreement with real `dhcpd -6 -t` is
// test/protocol/dhcpd-parse-oracle.test.ts), and IPv6 kept out of the IPv4 model.

test('the mode: dhcpd6 in the file name, else the first address declaration', () => {
  assert.equal(iscFamily('/etc/dhcp/dhcpd6.conf', 'subnet 10.0.0.0 netmask 255.0.0.0 { }'), 6);
  assert.equal(iscFamily('C:\\dhcp\\DHCPD6-lab.conf', ''), 6);
  assert.equal(iscFamily('/etc/dhcpd6/dhcpd.conf', ''), 4, 'only the file name counts');
  assert.equal(iscFamily('/etc/dhcp/dhcpd.conf', ''), 4);
  assert.equal(iscFamily('dhcpd.conf', 'option domain-name "x";\nsubnet6 2001:db8::/64 { }\nsubnet 10.0.0.0 netmask 255.0.0.0 { }'), 6);
  assert.equal(iscFamily('dhcpd.conf', 'subnet 10.0.0.0 netmask 255.0.0.0 { }\nsubnet6 2001:db8::/64 { }'), 4);
  assert.equal(iscFamily('dhcpd.conf', 'option dhcp6.name-servers 2001:db8::1;'), 6);
  assert.equal(iscFamily('dhcpd.conf', 'host a { fixed-address6 2001:db8::1; }'), 6);
  assert.equal(iscFamily('dhcpd.conf', 'host a { fixed-address 10.0.0.1; }\nsubnet6 2001:db8::/64 { }'), 4);
  assert.equal(iscFamily('dhcpd.conf', '# subnet6 2001:db8::/64 { }\noption domain-name "subnet6";\nsubnet 10.0.0.0 netmask 255.0.0.0 { }'), 4, 'comments and strings do not count');
  assert.deepEqual(errors(parseIsc('dhcpd.conf', 'subnet6 2001:db8::/64 { }\n', { family: 4 })), ['subnet6 statement is only supported in DHCPv6 mode']);
  assert.deepEqual(errors(parseIsc('dhcpd.conf', 'subnet 10.0.0.0 netmask 255.0.0.0 { }\nsubnet6 2001:db8::/64 { }\n', { family: 6 })), [
    'a subnet6 in a configuration that already has an IPv4 subnet: dhcpd -6 stops here with "subnet_number(): Addr/mask length mismatch"',
  ]);
});

const V6 = `default-lease-time 2592000;
preferred-lifetime 604800;
option dhcp6.name-servers 2001:db8::53, 3ffe:501:ffff:100:200:ff:fe00:3f3e;
option dhcp6.domain-search "example.org";
option domain-name-servers 10.0.0.53;
shared-network lab {
  subnet6 2001:db8:0:1::/64 {
    range6 2001:db8:0:1::129 2001:db8:0:1::254;
    range6 2001:db8:0:1::/112 temporary;
    prefix6 2001:db8:0:100:: 2001:db8:0:f00:: /56;
    pool6 { range6 2001:db8:0:1::1:0/112; allow unknown clients; }
  }
  subnet6 2001:db8:0:2::/64 { interface eth1; }
}
host printer {
  hardware ethernet 00:11:22:33:44:55;
  fixed-address6 2001:db8:0:1::20;
  fixed-prefix6 2001:db8:0:ff00::/56;
}
`;

test('DHCPv6 declarations dhcpd -6 accepts are read, and stay out of the IPv4 model', () => {
  const f = parseIsc('/ws/dhcpd6.conf', V6);
  assert.deepEqual(f.problems, []);
  assert.deepEqual(
    f.scopes.map((s) => [s.kind, s.parent?.kind, s.networks.length, s.ranges.length]),
    [['global', undefined, 0, 0], ['shared-network', 'global', 0, 0], ['subnet', 'shared-network', 0, 0], ['pool', 'subnet', 0, 0], ['subnet', 'shared-network', 0, 0], ['host', 'global', 0, 0]],
  );
  const [subnet] = f.scopes.filter((s) => s.kind === 'subnet');
  assert.equal(text(f, subnet.headerSpan), 'subnet6 2001:db8:0:1::/64');
  assert.ok(text(f, subnet.span).startsWith('subnet6 2001:db8:0:1::/64 {') && text(f, subnet.span).endsWith('unknown clients; }\n  }'));
  assert.deepEqual(f.global.hosts.map((h) => [h.name?.value, h.hardware?.value, h.address]), [['printer', '00:11:22:33:44:55', undefined]]);
  // dhcp6 options have no DHCPv4 code; DHCPv4 options keep theirs (dhcpd -6 accepts them too).
  assert.deepEqual(f.global.options.map((o) => [o.name, o.code]), [['dhcp6.name-servers', undefined], ['dhcp6.domain-search', undefined], ['domain-name-servers', 6]]);
  assert.equal(f.global.lease?.seconds, 2592000);
});

/** Configs dhcpd -6 refuses while reading, with the problem parseIsc reports and where. */
const S6 = 'subnet6 2001:db8::/64 {';
const REFUSED: Refusal[] = [
  ['subnet6 2001:db8::1/64 { }\n', 'New subnet mask too short', '64'],
  ['subnet6 2001:db8::/129 { }\n', 'Expecting a number between 0 and 128', '129'],
  ['subnet6 2001:db8:: { }\n', "Expecting a '/'", '{'],
  ['subnet6 2001:db8::/ { }\n', 'Expecting a number', '{'],
  ['subnet6 2001:db8::zz/64 { }\n', 'Expecting a \'/\'', 'zz'],
  [`${S6} range6 2001:db8:1::1 2001:db8::ff; }\n`, 'range6 start address is outside the subnet', '2001:db8:1::1'],
  [`${S6} range6 2001:db8::1 2001:db8:1::ff; }\n`, 'range6 end address is outside the subnet', '2001:db8:1::ff'],
  [`${S6} range6 2001:db8::/48; }\n`, 'network mask smaller than subnet mask', '48'],
  [`${S6} range6 2001:db8::1/120; }\n`, 'network mask too short', '120'],
  [`${S6} range6 2001:db8::/129; }\n`, 'networks have 0 to 128 bits', '129'],
  [`${S6} range6 2001:db8::/128 temporary; }\n`, 'temporary singleton?', '128'],
  ['subnet6 2001:db8::/48 { range6 2001:db8::/56 temporary; }\n', 'temporary mask too short', '56'],
  [`${S6} range6 2001:db8::1 temporary; }\n`, 'network mask too short', 'temporary'],
  [`${S6} range6 2001:db8::1 2001:db8::5 }\n`, 'semicolon expected', '}'],
  [`${S6} range6 2001:db8:: ; }\n`, 'Invalid IPv6 address', ';'],
  [`${S6} prefix6 2001:db8:0:100:: 2001:db8:0:f00:: /0; }\n`, 'networks have 0 to 128 bits (exclusive)', '0'],
  [`${S6} prefix6 2001:db8:0:101:: 2001:db8:0:f00:: /56; }\n`, 'network mask too short', '56'],
  [`${S6} prefix6 2001:db8:0:100:: 2001:db8:0:f00::; }\n`, "expecting '/'", ';'],
  [`${S6} pool6 { } }\n`, 'Pool6 declaration with no address range6 or prefix6 (a pool6 must contain at least one range6 or prefix6 statement)', 'pool6'],
  [`${S6} pool6 { range6 2001:db8::1 2001:db8::ff; pool6 { } } }\n`, 'pool6 declared within pool', 'pool6'],
  ['shared-network lan { subnet6 2001:db8::/64 { } pool6 { range6 2001:db8::1 2001:db8::2; } }\n', 'pool6 declared outside of network', 'pool6'],
  [`${S6} pool6 { range 10.0.0.1 10.0.0.2; range6 2001:db8::1 2001:db8::2; } }\n`, 'range declaration not allowed here', 'range'],
  ['range6 2001:db8::1 2001:db8::2;\n', 'range6 declaration not allowed here', 'range6'],
  ['prefix6 2001:db8:: 2001:db8:: /48;\n', 'prefix6 declaration not allowed here', 'prefix6'],
  ['host a { fixed-prefix6 2001:db8::1/64; }\n', 'network mask too short', '64'],
  ['host a { fixed-address6 2001:db8::1; fixed-address6 2001:db8::2; }\n', 'Only one fixed address declaration per host', 'fixed-address6 2001:db8::2;'],
  ['option dhcp6.nosuch 1;\n', 'unknown option dhcp6.nosuch', 'dhcp6.nosuch'],
  ['option dhcp6.name-servers 10.0.0.1;\n', 'Invalid IPv6 address', '10.0.0.1'],
  // An IPv4 and an IPv6 address meeting stops dhcpd -6.
  [`${S6} range 10.0.0.1 10.0.0.5; }\n`, 'an IPv4 range inside subnet6 (use range6): dhcpd -6 stops here with "subnet_number(): Addr/mask length mismatch"', 'range 10.0.0.1 10.0.0.5;'],
  [`${S6} pool { range 10.0.0.1 10.0.0.5; } }\n`, 'an IPv4 range inside subnet6 (use range6): dhcpd -6 stops here with "subnet_number(): Addr/mask length mismatch"', 'range 10.0.0.1 10.0.0.5;'],
  [`${S6} }\nsubnet 10.0.0.0 netmask 255.0.0.0 { }\n`, 'an IPv4 subnet in a configuration that already has a subnet6: dhcpd -6 stops here with "subnet_number(): Addr/mask length mismatch"', 'subnet 10.0.0.0 netmask 255.0.0.0'],
];

test('configs dhcpd -6 refuses get an error problem at the fault', () => {
  assertRefusals((src) => parseIsc('/ws/dhcpd.conf', src), REFUSED);
});

test('IPv4 declarations under dhcpd -6: accepted alone, refused beside IPv6 ones', () => {
  const v4 = 'subnet 10.0.0.0 netmask 255.255.255.0 { range 10.0.0.5 10.0.0.9; prefix6 2001:db8:0:100:: 2001:db8:0:f00:: /56; pool6 { prefix6 2001:db8:1:100:: 2001:db8:1:f00:: /56; } }\nhost a { fixed-address 10.0.0.7; }\n';
  const f = parseIsc('/ws/dhcpd6.conf', v4);
  assert.deepEqual(f.problems, []);
  assert.equal(f.scopes.find((s) => s.kind === 'subnet')?.ranges.length, 1);
  assert.deepEqual(errors(parseIsc('/ws/dhcpd6.conf', 'subnet 10.0.0.0 netmask 255.255.255.0 { range6 2001:db8::1 2001:db8::2; }\n')), ['range6 inside an IPv4 subnet: dhcpd -6 stops here with "subnet_number(): Addr/mask length mismatch"']);
  // Under dhcpd -4 the DHCPv6 statements are refused, but pool6 itself is read.
  assert.deepEqual(errors(parseIsc('/ws/dhcpd.conf', 'subnet 10.0.0.0 netmask 255.255.255.0 { prefix6 2001:db8:0:100:: 2001:db8:0:f00:: /56; pool6 { range6 2001:db8::1 2001:db8::2; } }\n')), [
    'prefix6 statement is only supported in DHCPv6 mode',
    'range6 statement is only supported in DHCPv6 mode',
    'Pool6 declaration with no address range6 or prefix6 (a pool6 must contain at least one range6 or prefix6 statement)',
  ]);
});

test('IPv6 arithmetic: values as inet_pton reads them, CIDR validity', () => {
  assert.equal(ipv6Value('::'), 0n);
  assert.equal(ipv6Value('::1'), 1n);
  assert.equal(ipv6Value('2001:db8::'), 0x20010db8n << 96n);
  assert.equal(ipv6Value('1:2:3:4:5:6:7:8'), 0x00010002000300040005000600070008n);
  assert.equal(ipv6Value('::ffff:10.0.0.1'), 0xffff0a000001n);
  assert.equal(ipv6Value('1::2:3.4.5.6'), (1n << 112n) | (2n << 32n) | 0x03040506n);
  assert.equal(cidrValid(ipv6Value('2001:db8::'), 32), true);
  assert.equal(cidrValid(ipv6Value('2001:db8::1'), 64), false);
  assert.equal(cidrValid(ipv6Value('2001:db8::1'), 128), true);
  assert.equal(cidrValid(0n, 0), true);
});
