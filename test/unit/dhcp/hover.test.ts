import assert from 'node:assert/strict';
import { test } from 'node:test';
import { normalizeSettings } from '../../../server/src/core/settings';
import { dhcpHover } from '../../../server/src/dhcp/hover';
import type { DhcpDialect } from '../../../server/src/dhcp/model';
import { parseDhcp } from '../../../server/src/dhcp/parse';

// Hovers on option 121/249/33/82 values and on networks and ranges, in every dialect: the
// facts each hover must state are checked line by line.

const PATHS: Record<DhcpDialect, string> = { 'cisco-ios': '/ws/router.ios', dhcpd: '/ws/dhcpd.conf', kea: '/ws/kea-dhcp4.json', dnsmasq: '/ws/dnsmasq.conf', mikrotik: '/ws/router.rsc' };
const settings = normalizeSettings({});

/** The hover at `needle` (+ `delta` characters); fails when there is none. */
function hover(dialect: DhcpDialect, text: string, needle: string, delta = 1, s = settings): { markdown: string; lines: string[]; spanText: string } {
  const at = text.indexOf(needle);
  assert.ok(at >= 0, `"${needle}" not in the sample`);
  const h = dhcpHover(parseDhcp(dialect, PATHS[dialect], text), at + delta, s);
  assert.ok(h, `no hover at "${needle}"`);
  return { markdown: h.markdown, lines: h.markdown.split('\n'), spanText: text.slice(h.span.start, h.span.end) };
}

const has = (lines: string[], ...expected: string[]): void => {
  for (const e of expected) assert.ok(lines.includes(e), `missing line ${JSON.stringify(e)} in:\n${lines.join('\n')}`);
};

const CISCO = `ip dhcp excluded-address 10.1.0.1 10.1.0.10
ip dhcp class RELAY
 relay agent information
  relay-information hex 010600040001000002080006aabbcc000100
  relay-information hex 0106000400
ip dhcp pool parent
 network 10.0.0.0 255.0.0.0
 default-router 10.0.0.1
 dns-server 8.8.8.8
 lease 2
ip dhcp pool fox
 network 10.1.0.0 /24
 dns-server 10.1.0.53
 option 121 hex 2001.0101.01c0.a800.0117.0202.02c0.a800.02
 option 249 hex 2001.0101.01c0.a800.0117.0202.02c0.a8
 option 33 ip 10.0.0.5 10.1.0.1
ip dhcp pool wide
 network 10.2.0.0 /24
 option 121 hex 2101.0101.01c0.a800.01
ip dhcp pool p2p
 network 10.3.0.0 /31
 option 121 hex 000a.0300.01
`;

test('cisco: option 121 hex shows the route table and the missing default route (option 3 inherited from the enclosing pool)', () => {
  const h = hover('cisco-ios', CISCO, '2001.0101.01c0.a800.0117.0202.02c0.a800.02', 6);
  assert.equal(h.spanText, '2001.0101.01c0.a800.0117.0202.02c0.a800.02');
  has(h.lines,
    '**Option 121** — Classless static routes (RFC 3442) · 2 routes, 17 bytes',
    '| Destination | Router |',
    '| `1.1.1.1/32` | `192.168.0.1` |',
    '| `2.2.2.0/23` | `192.168.0.2` |',
    '**No default route**: clients that accept option 121 ignore the default router (option 3, `10.0.0.1`) — RFC 3442. Add `0.0.0.0/0 via 10.0.0.1` to the routes.',
  );
  assert.doesNotMatch(h.markdown, /Hex:|Malformed/);
});

test('cisco: a truncated option 249 is marked at the byte where the broken route starts', () => {
  const h = hover('cisco-ios', CISCO, 'option 249', 16);
  assert.equal(h.spanText, '2001.0101.01c0.a800.0117.0202.02c0.a8');
  has(h.lines,
    '**Option 249** — Classless static routes (Microsoft) · 1 route, 15 bytes',
    '| `1.1.1.1/32` | `192.168.0.1` |',
    "**Malformed at byte 9**: truncated router: the /23 route's router needs 4 bytes, but only 2 bytes follow its destination",
    '20 01 01 01 01 c0 a8 00 01 17 02 02 02 c0 a8',
    '                           ^^ ^^ ^^ ^^ ^^ ^^',
  );
  assert.doesNotMatch(h.markdown, /No default route/, 'only option 121 replaces option 3');
});

test('cisco: a width over 32 is marked at byte 0', () => {
  const h = hover('cisco-ios', CISCO, '2101.0101');
  has(h.lines, '**Malformed at byte 0**: width 33 is more than 32 (a route starts with its prefix length)', '21 01 01 01 01 c0 a8 00 01', '^^');
});

test('cisco: a default route inside option 121 is named, and silences the missing-default note', () => {
  const h = hover('cisco-ios', CISCO, '000a.0300.01');
  has(h.lines, '| `0.0.0.0/0` (default route) | `10.3.0.1` |');
  assert.doesNotMatch(h.markdown, /No default route/);
});

test('cisco: relay-information hex decodes circuit-id (VLAN, module, port) and remote-id (MAC)', () => {
  const h = hover('cisco-ios', CISCO, '010600040001000002080006aabbcc000100', 3);
  assert.equal(h.spanText, '010600040001000002080006aabbcc000100');
  has(h.lines,
    '**Option 82** — Relay agent information · 2 sub-options, 18 bytes',
    '| 1 circuit-id | VLAN 1, module 0, port 0 |',
    '| 2 remote-id | MAC aabb.cc00.0100 |',
  );
  const bad = hover('cisco-ios', CISCO, '0106000400\n', 2);
  has(bad.lines, '**Malformed at byte 0**: truncated sub-option 1 (circuit-id): its length says 6 bytes, but only 3 follow', '01 06 00 04 00', '^^ ^^ ^^ ^^ ^^');
});

test('cisco: a nested pool\'s network: addresses, host count, what it inherits from the enclosing pool, and that leases are not inherited', () => {
  const h = hover('cisco-ios', CISCO, '10.1.0.0 /24');
  assert.equal(h.spanText, '10.1.0.0 /24');
  has(h.lines,
    '**10.1.0.0/24** · pool `fox`',
    '| Network | `10.1.0.0` |',
    '| Mask | `255.255.255.0` (/24) |',
    '| Broadcast | `10.1.0.255` |',
    '| Usable | `10.1.0.1` – `10.1.0.254` (254 hosts) |',
    '- default-router (option 3) `10.0.0.1` — from pool `parent`',
    '**Overrides** dns-server (option 6) of pool `parent`',
    'The lease of pool `parent` is not inherited: IOS gives this pool its default of one day.',
  );
  assert.doesNotMatch(h.markdown, /8\.8\.8\.8/, 'the overridden DNS server is not listed as inherited');
});

test('cisco: /31 point-to-point networks use both addresses (RFC 3021)', () => {
  const h = hover('cisco-ios', CISCO, '10.3.0.0 /31');
  has(h.lines, '| Broadcast | `10.3.0.1` |', '| Usable | `10.3.0.0` – `10.3.0.1` (2 hosts) |');
});

test('cisco: option 33 pairs and their classless meaning', () => {
  const h = hover('cisco-ios', CISCO, '10.0.0.5 10.1.0.1');
  has(h.lines, '**Option 33** — Static routes (classful, RFC 2132) · 1 route', '| `10.0.0.5` | `10.1.0.1` | `10.0.0.5/32` host route |');
});

test('no hover on other lines', () => {
  const f = parseDhcp('cisco-ios', PATHS['cisco-ios'], CISCO);
  assert.equal(dhcpHover(f, CISCO.indexOf('excluded-address'), settings), undefined);
  assert.equal(dhcpHover(f, CISCO.indexOf('8.8.8.8'), settings), undefined);
});

const ISC = `option domain-name-servers 10.0.0.53;
option rfc3442-classless-static-routes code 121 = array of unsigned integer 8;
shared-network lan {
  option routers 10.0.0.1;
  subnet 10.0.0.0 netmask 255.255.255.0 {
    range 10.0.0.100 10.0.0.199;
    option rfc3442-classless-static-routes 24, 192, 168, 10, 10, 0, 0, 254, 0, 10, 0, 0, 1;
  }
}
subnet 10.9.0.0 netmask 255.255.255.0 {
  option rfc3442-classless-static-routes 33, 1, 1, 1, 1, 10, 9, 0, 1;
}
`;

test('dhcpd: a decimal array shows its routes, the default route and its hex', () => {
  const h = hover('dhcpd', ISC, '24, 192');
  assert.equal(h.spanText, '24, 192, 168, 10, 10, 0, 0, 254, 0, 10, 0, 0, 1');
  has(h.lines,
    '**Option 121** — Classless static routes (RFC 3442) · 2 routes, 13 bytes',
    '| `192.168.10.0/24` | `10.0.0.254` |',
    '| `0.0.0.0/0` (default route) | `10.0.0.1` |',
    'Hex: `18c0a80a0a0000fe000a000001`',
  );
  assert.doesNotMatch(h.markdown, /No default route|Malformed/);
});

test('dhcpd: a broken decimal array is marked at its byte', () => {
  const h = hover('dhcpd', ISC, '33, 1, 1');
  has(h.lines, '**Malformed at byte 0**: width 33 is more than 32 (a route starts with its prefix length)', '21 01 01 01 01 0a 09 00 01', '^^');
});

test('dhcpd: a subnet inherits from its shared-network and from the global scope', () => {
  const h = hover('dhcpd', ISC, 'subnet 10.0.0.0', 8);
  has(h.lines,
    '**10.0.0.0/24** · subnet 10.0.0.0/24',
    '| Usable | `10.0.0.1` – `10.0.0.254` (254 hosts) |',
    '| Range | `10.0.0.100` – `10.0.0.199` (100 addresses) |',
    '- routers (option 3) `10.0.0.1` — from shared-network `lan`',
    '- domain-name-servers (option 6) `10.0.0.53` — from the global scope',
  );
  const r = hover('dhcpd', ISC, 'range 10.0.0.100', 8);
  has(r.lines, '**Range 10.0.0.100 – 10.0.0.199** · 100 addresses · subnet 10.0.0.0/24', '| Broadcast | `10.0.0.255` |');
});

const KEA = `{
  "Dhcp4": {
    "option-data": [ { "name": "domain-name-servers", "data": "10.0.0.53" } ],
    "subnet4": [
      {
        "id": 1,
        "subnet": "10.0.0.0/24",
        "pools": [ { "pool": "10.0.0.100 - 10.0.0.199" } ],
        "option-data": [
          { "name": "routers", "data": "10.0.0.1" },
          { "code": 121, "space": "dhcp4", "csv-format": false, "data": "2001010101c0a80001" }
        ]
      },
      {
        "id": 2,
        "subnet": "10.1.0.0/24",
        "option-data": [ { "name": "classless-static-route", "data": "1.1.1.1/32 - 10.1.0.1, 0.0.0.0/0 - 10.1.0.1" } ]
      }
    ]
  }
}
`;

test('kea: hex data and the 2.6 route list both show their route tables', () => {
  const h = hover('kea', KEA, '2001010101c0a80001', 3);
  assert.equal(h.spanText, '2001010101c0a80001');
  has(h.lines, '**Option 121** — Classless static routes (RFC 3442) · 1 route, 9 bytes', '| `1.1.1.1/32` | `192.168.0.1` |');
  assert.match(h.markdown, /\*\*No default route\*\*.*`10\.0\.0\.1`/);
  const list = hover('kea', KEA, '1.1.1.1/32 - 10.1.0.1', 3);
  has(list.lines, '**Option 121** — Classless static routes (RFC 3442) · 2 routes, 14 bytes', '| `1.1.1.1/32` | `10.1.0.1` |', '| `0.0.0.0/0` (default route) | `10.1.0.1` |', 'Hex: `20010101010a010001000a010001`');
});

test('kea: a subnet4 entry: its addresses and the global option-data it inherits', () => {
  const h = hover('kea', KEA, '10.0.0.0/24', 2);
  has(h.lines, '| Network | `10.0.0.0` |', '| Broadcast | `10.0.0.255` |', '- domain-name-servers (option 6) `10.0.0.53` — from the global scope');
});

const DNSMASQ = `dhcp-range=10.1.0.100,10.1.0.199,255.255.255.0,12h
dhcp-option=option:router,10.1.0.1
dhcp-option=121,192.168.10.0/24,10.1.0.254,0.0.0.0/0,10.1.0.1
dhcp-option=tag:win,249,192.168.10.0/24,10.1.0.254
`;

test('dnsmasq: a route list shows its routes and hex; option 249 too', () => {
  const h = hover('dnsmasq', DNSMASQ, '192.168.10.0/24,10.1.0.254,0.0.0.0/0', 3);
  assert.equal(h.spanText, '192.168.10.0/24,10.1.0.254,0.0.0.0/0,10.1.0.1');
  has(h.lines, '**Option 121** — Classless static routes (RFC 3442) · 2 routes, 13 bytes', '| `192.168.10.0/24` | `10.1.0.254` |', '| `0.0.0.0/0` (default route) | `10.1.0.1` |', 'Hex: `18c0a80a0a0100fe000a010001`');
  const w = hover('dnsmasq', DNSMASQ, '249,', 5);
  has(w.lines, '**Option 249** — Classless static routes (Microsoft) · 1 route, 8 bytes');
});

test('dnsmasq: a dhcp-range: its size', () => {
  const h = hover('dnsmasq', DNSMASQ, '10.1.0.100,', 2);
  assert.match(h.lines[0], /^\*\*Range 10\.1\.0\.100 – 10\.1\.0\.199\*\* · 100 addresses/);
});

const MIKROTIK = `/ip dhcp-server option
add code=121 name=classless value=0x18c0a80a0a0100fe
/ip pool
add name=dhcp ranges=10.1.0.100-10.1.0.199
/ip dhcp-server
add address-pool=dhcp interface=bridge lease-time=1d name=dhcp1
/ip dhcp-server network
add address=10.1.0.0/24 dhcp-option=classless gateway=10.1.0.1
`;

test('mikrotik: a 0x option value shows its routes and the gateway of the network naming it', () => {
  const h = hover('mikrotik', MIKROTIK, '0x18c0', 4);
  assert.equal(h.spanText, '0x18c0a80a0a0100fe');
  has(h.lines,
    '**Option 121** — Classless static routes (RFC 3442) · 1 route, 8 bytes',
    '| `192.168.10.0/24` | `10.1.0.254` |',
    '**No default route**: clients that accept option 121 ignore the default router (option 3, `10.1.0.1`) — RFC 3442. Add `0.0.0.0/0 via 10.1.0.1` to the routes.',
  );
});

test('mikrotik: a network shows its addresses, its pool range and the server\'s lease time', () => {
  const h = hover('mikrotik', MIKROTIK, '10.1.0.0/24', 2);
  assert.equal(h.spanText, '10.1.0.0/24');
  has(h.lines, '| Network | `10.1.0.0` |', '| Broadcast | `10.1.0.255` |', '| Range | `10.1.0.100` – `10.1.0.199` (100 addresses) |', '- lease `1d` — from shared-network `dhcp1`');
});

test('windows clients: a 121 without a 249 beside it says so', () => {
  const h = hover('dhcpd', ISC, '24, 192', 1, normalizeSettings({ dhcp: { windowsClients: true } }));
  has(h.lines, 'Windows clients read option 249: set it with the same routes.');
});
