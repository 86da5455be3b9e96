import assert from 'node:assert/strict';
import { test } from 'node:test';
import { dhcpLenses, routeSummary } from '../../../server/src/dhcp/lens';
import type { DhcpDialect } from '../../../server/src/dhcp/model';
import { parseDhcp } from '../../../server/src/dhcp/parse';

// A lens above every option 121/249 statement, in every dialect: the decoded routes, or the byte
// where the value breaks.

const lenses = (dialect: DhcpDialect, path: string, text: string): Array<{ line: string; title: string }> =>
  dhcpLenses(parseDhcp(dialect, path, text)).map((l) => ({ line: text.slice(l.span.start, l.span.end).split('\n')[0].trim(), title: l.title }));

test('cisco: decoded routes, and a malformed value by byte', () => {
  const text = `ip dhcp pool a
 network 10.1.0.0 /24
 option 121 hex 080a.0a01.0001.000a.0100.01
 option 249 hex 2101.0101.01c0.a800.01
`;
  assert.deepEqual(lenses('cisco-ios', '/ws/r.ios', text), [
    { line: 'option 121 hex 080a.0a01.0001.000a.0100.01', title: '121: 10.0.0.0/8 → 10.1.0.1 · 0.0.0.0/0 → 10.1.0.1' },
    { line: 'option 249 hex 2101.0101.01c0.a800.01', title: '249: malformed at byte 0' },
  ]);
});

test('dhcpd: decimal arrays, truncated at the byte where the route breaks', () => {
  const text = `option rfc3442-classless-static-routes code 121 = array of unsigned integer 8;
subnet 10.0.0.0 netmask 255.255.255.0 {
  option rfc3442-classless-static-routes 24, 192, 168, 10, 10, 0, 0, 254, 0, 10, 0, 0, 1;
}
subnet 10.9.0.0 netmask 255.255.255.0 {
  option rfc3442-classless-static-routes 32, 1, 1, 1, 1, 10, 9, 0, 1, 8, 10, 10;
}
`;
  assert.deepEqual(lenses('dhcpd', '/ws/dhcpd.conf', text).map((l) => l.title), ['121: 192.168.10.0/24 → 10.0.0.254 · 0.0.0.0/0 → 10.0.0.1', '121: malformed at byte 9']);
  assert.match(lenses('dhcpd', '/ws/dhcpd.conf', text)[0].line, /^option rfc3442-classless-static-routes 24/);
});

test('kea and dnsmasq: route lists and hex', () => {
  const kea = `{"Dhcp4": {"subnet4": [{"id": 1, "subnet": "10.0.0.0/24", "option-data": [
  {"name": "classless-static-route", "data": "1.1.1.1/32 - 10.0.0.1, 0.0.0.0/0 - 10.0.0.1"},
  {"code": 249, "csv-format": false, "data": "2001010101c0a80001"}]}]}}`;
  assert.deepEqual(lenses('kea', '/ws/kea.json', kea).map((l) => l.title), ['121: 1.1.1.1/32 → 10.0.0.1 · 0.0.0.0/0 → 10.0.0.1', '249: 1.1.1.1/32 → 192.168.0.1']);
  const dnsmasq = 'dhcp-option=121,10.0.0.0/8,10.1.0.1,0.0.0.0/0,10.1.0.1\ndhcp-option=tag:x,121,10.0.0.0/33,10.1.0.1\n';
  const d = lenses('dnsmasq', '/ws/dnsmasq.conf', dnsmasq);
  assert.equal(d[0].title, '121: 10.0.0.0/8 → 10.1.0.1 · 0.0.0.0/0 → 10.1.0.1');
  assert.match(d[1].title, /^121: malformed/);
});

test('mikrotik: one lens per option entry, above its add command, however many networks name it', () => {
  const text = `/ip dhcp-server option
add code=121 name=routes value=0x080a0a010001000a010001
add code=249 name=ms value=0x2101010101c0a80001
/ip dhcp-server network
add address=10.1.0.0/24 dhcp-option=routes,ms gateway=10.1.0.1
add address=10.2.0.0/24 dhcp-option=routes gateway=10.2.0.1
`;
  assert.deepEqual(lenses('mikrotik', '/ws/router.rsc', text), [
    { line: 'add code=121 name=routes value=0x080a0a010001000a010001', title: '121: 10.0.0.0/8 → 10.1.0.1 · 0.0.0.0/0 → 10.1.0.1' },
    { line: 'add code=249 name=ms value=0x2101010101c0a80001', title: '249: malformed at byte 0' },
  ]);
});

test('long route lists end in "+N more" and stay short', () => {
  const routes = Array.from({ length: 30 }, (_, i) => `10.${i}.0.0/16 → 192.168.0.1`);
  const s = routeSummary(routes, 105);
  assert.ok(s.length <= 120, s);
  assert.match(s, /^10\.0\.0\.0\/16 → 192\.168\.0\.1 · 10\.1\.0\.0\/16 → 192\.168\.0\.1 · .* · \+2\d more$/);
  assert.equal(routeSummary(['a'], 10), 'a');
  assert.equal(routeSummary([], 10), 'no routes');
});

test('no lens on other options', () => {
  assert.deepEqual(lenses('cisco-ios', '/ws/r.ios', 'ip dhcp pool a\n network 10.1.0.0 /24\n option 33 ip 10.0.0.5 10.1.0.1\n default-router 10.1.0.1\n'), []);
});
