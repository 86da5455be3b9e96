import assert from 'node:assert/strict';
import { test } from 'node:test';
import { normalizeSettings } from '../../../server/src/core/settings';
import { dhcpRefactors } from '../../../server/src/dhcp/actions';
import type { DhcpDialect } from '../../../server/src/dhcp/model';
import { parseDhcp } from '../../../server/src/dhcp/parse';
import { applyEdits } from '../ruleTester';

// Refactorings: option 33 → option 121 (default route added from option 3), and option 121
// between the spellings one server accepts. Real-server acceptance of the results is in
// test/protocol/dhcp-compute-oracles.test.ts.

const settings = normalizeSettings({});

function actions(dialect: DhcpDialect, text: string, needle: string, s = settings): Array<{ title: string; output: string; preferred?: boolean }> {
  const at = text.indexOf(needle);
  assert.ok(at >= 0, `"${needle}" not in the sample`);
  return dhcpRefactors(parseDhcp(dialect, '/ws/file', text), { start: at + 1, end: at + 1 }, s).map((a) => ({ title: a.title, output: applyEdits(text, a.edits), ...(a.preferred ? { preferred: true } : {}) }));
}

const CISCO = `ip dhcp pool a
 network 10.1.0.0 /24
 default-router 10.1.0.1
 option 33 ip 10.0.0.0 10.1.0.254 172.16.5.5 10.1.0.253
ip dhcp pool b
 network 10.2.0.0 /24
 option 33 ip 10.9.0.0 10.2.0.254
 option 121 hex 000a.0200.01
`;

test('cisco: option 33 becomes option 121 with the default route via the pool\'s router; or both are kept', () => {
  const [replace, keep, ...rest] = actions('cisco-ios', CISCO, 'option 33 ip 10.0.0.0');
  assert.deepEqual(rest, []);
  // 10.0.0.0 has no host part under its class A mask: 10.0.0.0/8; 172.16.5.5 is a host: /32.
  const line = ' option 121 hex 080a.0a01.00fe.20ac.1005.050a.0100.fd00.0a01.0001';
  assert.deepEqual(replace, { title: 'Convert option 33 to option 121 (with the default route via 10.1.0.1)', preferred: true, output: CISCO.replace(' option 33 ip 10.0.0.0 10.1.0.254 172.16.5.5 10.1.0.253', line) });
  assert.deepEqual(keep, { title: "Add option 121 with option 33's routes (with the default route via 10.1.0.1), keeping option 33", output: CISCO.replace('10.1.0.253\n', `10.1.0.253\n${line}\n`) });
});

test('cisco: no conversion where option 121 is already set; no respelling of IOS hex', () => {
  assert.deepEqual(actions('cisco-ios', CISCO, 'option 33 ip 10.9'), []);
  assert.deepEqual(actions('cisco-ios', CISCO, 'option 121 hex'), []);
});

test('dhcpd: static-routes becomes the option 121 statement, with its definition', () => {
  const text = `subnet 10.1.0.0 netmask 255.255.255.0 {
  option routers 10.1.0.1;
  option static-routes 10.0.0.0 10.1.0.254;
}
`;
  const [replace] = actions('dhcpd', text, 'static-routes');
  assert.equal(replace.title, 'Convert option 33 to option 121 (with the default route via 10.1.0.1)');
  assert.equal(replace.output, `option rfc3442-classless-static-routes code 121 = array of unsigned integer 8;
subnet 10.1.0.0 netmask 255.255.255.0 {
  option routers 10.1.0.1;
  option rfc3442-classless-static-routes 8,10,10,1,0,254, 0,10,1,0,1;
}
`);
});

const ISC = `option rfc3442-classless-static-routes code 121 = array of unsigned integer 8;
subnet 10.1.0.0 netmask 255.255.255.0 {
  option rfc3442-classless-static-routes 8, 10, 10, 1, 0, 254, 0, 10, 1, 0, 1;
}
subnet 10.2.0.0 netmask 255.255.255.0 {
  option rfc3442-classless-static-routes 32,1,1,1,1,10,2,0,1;
}
`;

test('dhcpd: decimal ↔ colon hex rewrites the definition and every value of the option', () => {
  const [toHex, ...rest] = actions('dhcpd', ISC, '8, 10');
  assert.deepEqual(rest, []);
  const hexText = `option rfc3442-classless-static-routes code 121 = string;
subnet 10.1.0.0 netmask 255.255.255.0 {
  option rfc3442-classless-static-routes 08:0a:0a:01:00:fe:00:0a:01:00:01;
}
subnet 10.2.0.0 netmask 255.255.255.0 {
  option rfc3442-classless-static-routes 20:01:01:01:01:0a:02:00:01;
}
`;
  assert.deepEqual(toHex, { title: 'Rewrite option rfc3442-classless-static-routes as colon hex (2 values), defined as a string', output: hexText });
  const [back] = actions('dhcpd', hexText, '08:0a');
  assert.equal(back.title, 'Rewrite option rfc3442-classless-static-routes as a decimal array (2 values), defined as array of unsigned integer 8');
  assert.equal(back.output, ISC.replace('8, 10, 10, 1, 0, 254, 0, 10, 1, 0, 1', '8,10,10,1,0,254, 0,10,1,0,1'));
  // A broken value anywhere blocks the rewrite (it would be rewritten as something else).
  assert.deepEqual(actions('dhcpd', ISC.replace('32,1,1,1,1,10,2,0,1', '33,1,1,1,1,10,2,0,1'), '8, 10'), []);
});

const KEA = `{"Dhcp4": {"subnet4": [{"id": 1, "subnet": "10.1.0.0/24", "option-data": [
  {"name": "routers", "data": "10.1.0.1"},
  {"code": 121, "csv-format": false, "data": "080a0a0100fe000a010001"},
  {"name": "static-routes", "data": "10.0.0.5, 10.1.0.254"}
]}, {"id": 2, "subnet": "10.2.0.0/24", "option-data": [
  {"name": "classless-static-route", "data": "10.0.0.0/8 - 10.2.0.254, 0.0.0.0/0 - 10.2.0.1"}
]}]}}`;

type KeaDoc = { Dhcp4: { subnet4: Array<{ 'option-data': unknown[] }> } };

test('kea: hex data ↔ the 2.6 route list (offered only for Kea 2.6+), and none for option 33 beside a 121', () => {
  assert.deepEqual(actions('kea', KEA, '"code": 121'), [], 'Kea before 2.6 has no classless-static-route definition');
  const [modern] = actions('kea', KEA, '"code": 121', normalizeSettings({ dhcp: { keaVersion: '2.6.1' } }));
  assert.equal(modern.title, 'Rewrite option 121 as a Kea 2.6+ route list');
  assert.deepEqual((JSON.parse(modern.output) as KeaDoc).Dhcp4.subnet4[0]['option-data'][1], { name: 'classless-static-route', data: '10.0.0.0/8 - 10.1.0.254, 0.0.0.0/0 - 10.1.0.1' });
  const [portable] = actions('kea', KEA, 'classless-static-route');
  assert.equal(portable.title, 'Rewrite option 121 as hex data (any Kea version)');
  assert.deepEqual((JSON.parse(portable.output) as KeaDoc).Dhcp4.subnet4[1]['option-data'][0], { code: 121, space: 'dhcp4', 'csv-format': false, data: '080a0a0200fe000a020001' });
  assert.deepEqual(actions('kea', KEA, 'static-routes"'), []);
});

test('kea: static-routes becomes an option 121 entry', () => {
  const text = KEA.replace('\n  {"code": 121, "csv-format": false, "data": "080a0a0100fe000a010001"},', '');
  const [replace, keep] = actions('kea', text, 'static-routes"');
  assert.equal(replace.title, 'Convert option 33 to option 121 (with the default route via 10.1.0.1)');
  assert.deepEqual((JSON.parse(replace.output) as KeaDoc).Dhcp4.subnet4[0]['option-data'], [{ name: 'routers', data: '10.1.0.1' }, { code: 121, space: 'dhcp4', 'csv-format': false, data: '200a0000050a0100fe000a010001' }]);
  assert.equal((JSON.parse(keep.output) as KeaDoc).Dhcp4.subnet4[0]['option-data'].length, 3);
});

const DNSMASQ = `dhcp-option=option:router,10.1.0.1
dhcp-option=tag:lan,33,10.0.0.0,10.1.0.254
dhcp-option=121,10.0.0.0/8,10.1.0.254,0.0.0.0/0,10.1.0.1
`;

test('dnsmasq: route list ↔ hex bytes; option 33 → 121 keeps the tag', () => {
  const [toHex] = actions('dnsmasq', DNSMASQ, '121,');
  assert.deepEqual(toHex, { title: 'Rewrite option 121 as hex bytes', output: DNSMASQ.replace('121,10.0.0.0/8,10.1.0.254,0.0.0.0/0,10.1.0.1', '121,08:0a:0a:01:00:fe:00:0a:01:00:01') });
  const [back] = actions('dnsmasq', toHex.output, '121,');
  assert.deepEqual(back, { title: 'Rewrite option 121 as a route list', output: DNSMASQ });
  const [replace, keep] = actions('dnsmasq', DNSMASQ.replace(/^dhcp-option=121.*\n/m, ''), 'tag:lan');
  assert.equal(replace.output, 'dhcp-option=option:router,10.1.0.1\ndhcp-option=tag:lan,121,10.0.0.0/8,10.1.0.254,0.0.0.0/0,10.1.0.1\n');
  assert.equal(keep.output, 'dhcp-option=option:router,10.1.0.1\ndhcp-option=tag:lan,33,10.0.0.0,10.1.0.254\ndhcp-option=tag:lan,121,10.0.0.0/8,10.1.0.254,0.0.0.0/0,10.1.0.1\n');
});

test('malformed values and other options get no refactoring', () => {
  assert.deepEqual(actions('dnsmasq', 'dhcp-option=121,10.0.0.0/33,10.1.0.1\n', '121'), []);
  assert.deepEqual(actions('dnsmasq', 'dhcp-option=option:router,10.1.0.1\n', 'router'), []);
});
