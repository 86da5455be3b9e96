import assert from 'node:assert/strict';
import { test } from 'node:test';
import { normalizeSettings } from '../../../server/src/core/settings';
import { computeRoutes, parseRoutesTyped, suggestedRoutes } from '../../../server/src/dhcp/compute';
import type { DhcpDialect } from '../../../server/src/dhcp/model';
import { parseDhcp } from '../../../server/src/dhcp/parse';
import { routesOfOption } from '../../../server/src/dhcp/optionRoutes';
import { applyEdits } from '../ruleTester';

// The compute-routes command's core: typed routes → edits in the file's dialect at the cursor,
// plus every spelling. Real-server acceptance of the ISC/Kea/dnsmasq output is in
// test/protocol/dhcp-compute-oracles.test.ts.

const ROUTES = '10.0.0.0/8 via 10.1.0.1; 0.0.0.0/0 via 10.1.0.1';
const settings = normalizeSettings({});

/** The text after running the command with the cursor at `needle` (+ delta). */
function run(dialect: DhcpDialect, text: string, needle: string, delta = 0, input = ROUTES, s = settings): string {
  const at = text.indexOf(needle);
  assert.ok(at >= 0, `"${needle}" not in the sample`);
  const r = computeRoutes(input, s, { file: parseDhcp(dialect, '/ws/file', text), offset: at + delta });
  assert.deepEqual(r.errors, []);
  assert.ok(r.edits?.length, 'no edits');
  return applyEdits(text, r.edits);
}

/** The routes of every option 121 of the result, as `dest/len via router` lists. */
function routes121(dialect: DhcpDialect, text: string): string[][] {
  const f = parseDhcp(dialect, '/ws/file', text);
  return f.scopes.flatMap((s) => s.options.filter((o) => o.code === 121)).map((o) => routesOfOption(o).routes.map((r) => `${r.destination >>> 24}.${(r.destination >>> 16) & 255}.${(r.destination >>> 8) & 255}.${r.destination & 255}/${r.width} via ${r.gateway >>> 24}.${(r.gateway >>> 16) & 255}.${(r.gateway >>> 8) & 255}.${r.gateway & 255}`));
}

const WANT = ['10.0.0.0/8 via 10.1.0.1', '0.0.0.0/0 via 10.1.0.1'];

test('every spelling of the typed routes', () => {
  const r = computeRoutes(ROUTES, settings);
  assert.deepEqual(r.errors, []);
  assert.equal(r.edits, undefined);
  assert.deepEqual(r.spellings, {
    hex: '080a0a010001000a010001',
    cisco: 'option 121 hex 080a.0a01.0001.000a.0100.01',
    isc: 'option rfc3442-classless-static-routes 8,10,10,1,0,1, 0,10,1,0,1;',
    kea: '{"code": 121, "space": "dhcp4", "csv-format": false, "data": "080a0a010001000a010001"}',
    dnsmasq: 'dhcp-option=121,10.0.0.0/8,10.1.0.1,0.0.0.0/0,10.1.0.1',
    mikrotik: '0x080a0a010001000a010001',
  });
  const kea26 = computeRoutes(ROUTES, normalizeSettings({ dhcp: { keaVersion: '2.6.1' } }));
  assert.equal(kea26.spellings.kea, '{"name": "classless-static-route", "data": "10.0.0.0/8 - 10.1.0.1, 0.0.0.0/0 - 10.1.0.1"}');
});

test('input problems are reported per route, and nothing is written', () => {
  const r = computeRoutes('10.0.0.0/8 via 10.1.0.1; 10.0.0.1/8 via 10.1.0.1\nbogus', settings, { file: parseDhcp('dnsmasq', '/ws/d', ''), offset: 0 });
  assert.deepEqual(r.errors, [
    { line: 2, message: '10.0.0.1/8 has host bits set: the network is 10.0.0.0/8' },
    { line: 3, message: 'expected "DEST/LEN via ROUTER", got "bogus"' },
  ]);
  assert.equal(r.edits, undefined);
  assert.deepEqual(r.spellings, {});
  assert.deepEqual(parseRoutesTyped('  ').errors, [{ line: 1, message: 'enter at least one route, e.g. 10.0.0.0/8 via 192.168.0.1' }]);
  const many = Array.from({ length: 30 }, (_, i) => `10.0.${i}.1/32 via 10.1.0.1`).join(';');
  assert.deepEqual(parseRoutesTyped(many).errors, [{ line: 30, message: '270 bytes: one option 121 holds at most 255' }]);
});

const CISCO = `ip dhcp pool a
 network 10.1.0.0 /24
 default-router 10.1.0.1

ip dhcp pool b
 network 10.2.0.0 /24
 option 121 hex 2001.0101.01c0.a800.01
`;

test('cisco: a new line in the pool at the cursor, indented like the pool', () => {
  const out = run('cisco-ios', CISCO, ' default-router', 3);
  assert.equal(out, CISCO.replace(' default-router 10.1.0.1\n', ' default-router 10.1.0.1\n option 121 hex 080a.0a01.0001.000a.0100.01\n'));
  // On the blank line after the pool: still that pool, after its last line.
  assert.equal(run('cisco-ios', CISCO, '\n\nip dhcp pool b', 1), out);
  assert.deepEqual(routes121('cisco-ios', out)[0], WANT);
});

test('cisco: a pool with option 121 gets it replaced', () => {
  const out = run('cisco-ios', CISCO, 'network 10.2.0.0');
  assert.equal(out, CISCO.replace('option 121 hex 2001.0101.01c0.a800.01', 'option 121 hex 080a.0a01.0001.000a.0100.01'));
});

const ISC = `# lab
default-lease-time 600;

subnet 10.1.0.0 netmask 255.255.255.0 {
  option routers 10.1.0.1;
}
`;

test('dhcpd: the option in the subnet and its definition before the first subnet', () => {
  const out = run('dhcpd', ISC, 'option routers');
  assert.equal(out, `# lab
default-lease-time 600;

option rfc3442-classless-static-routes code 121 = array of unsigned integer 8;
subnet 10.1.0.0 netmask 255.255.255.0 {
  option routers 10.1.0.1;
  option rfc3442-classless-static-routes 8,10,10,1,0,1, 0,10,1,0,1;
}
`);
  assert.deepEqual(routes121('dhcpd', out), [WANT]);
  // From the header line: the same statement, first in the block.
  assert.match(run('dhcpd', ISC, 'subnet 10.1'), /\{\n {2}option rfc3442-classless-static-routes 8,10,10,1,0,1, 0,10,1,0,1;\n {2}option routers/);
});

test('dhcpd: an existing definition is used by its name (and its type), and a value replaced in place', () => {
  const text = `option classless code 121 = array of unsigned integer 8;
subnet 10.1.0.0 netmask 255.255.255.0 {
\toption classless 32, 1, 1, 1, 1, 10, 1, 0, 1;
}
`;
  const out = run('dhcpd', text, '255.255.255.0');
  assert.equal(out, text.replace('option classless 32, 1, 1, 1, 1, 10, 1, 0, 1;', 'option classless 8,10,10,1,0,1, 0,10,1,0,1;'));
  const hex = run('dhcpd', text.replace('array of unsigned integer 8', 'string').replace('32, 1, 1, 1, 1, 10, 1, 0, 1', '20:01:01:01:01:0a:01:00:01'), 'subnet');
  assert.match(hex, /option classless 08:0a:0a:01:00:01:00:0a:01:00:01;/);
});

test('dhcpd: at the top level, before any block, the definition still comes first', () => {
  const out = run('dhcpd', ISC, 'default-lease-time');
  assert.match(out, /^# lab\noption rfc3442-classless-static-routes code 121 = array of unsigned integer 8;\ndefault-lease-time 600;\noption rfc3442-classless-static-routes 8,10,10,1,0,1, 0,10,1,0,1;\n\nsubnet/);
  const blank = run('dhcpd', '\nsubnet 10.1.0.0 netmask 255.255.255.0 {\n}\n', '\n', 0);
  assert.equal(blank, 'option rfc3442-classless-static-routes code 121 = array of unsigned integer 8;\n\noption rfc3442-classless-static-routes 8,10,10,1,0,1, 0,10,1,0,1;\nsubnet 10.1.0.0 netmask 255.255.255.0 {\n}\n');
});

const KEA = `{
    "Dhcp4": {
        "subnet4": [
            {
                "id": 1,
                "subnet": "10.1.0.0/24",
                "option-data": [
                    { "name": "routers", "data": "10.1.0.1" }
                ]
            },
            {
                "id": 2,
                "subnet": "10.2.0.0/24"
            }
        ]
    }
}
`;

test('kea: an option-data entry appended to the subnet at the cursor, or a new option-data list', () => {
  const outOne = run('kea', KEA, '"10.1.0.0/24"');
  assert.match(outOne, /\n {20}\{ "name": "routers", "data": "10\.1\.0\.1" \},\n {20}\{"code": 121, /, 'one line, under the entry before it, which is left alone');
  const one = JSON.parse(outOne) as { Dhcp4: { subnet4: Array<Record<string, unknown>> } };
  assert.deepEqual(one.Dhcp4.subnet4[0]['option-data'], [{ name: 'routers', data: '10.1.0.1' }, { code: 121, space: 'dhcp4', 'csv-format': false, data: '080a0a010001000a010001' }]);
  const outTwo = run('kea', KEA, '"10.2.0.0/24"');
  const two = JSON.parse(outTwo) as { Dhcp4: { subnet4: Array<Record<string, unknown>> } };
  assert.deepEqual(two.Dhcp4.subnet4[1]['option-data'], [{ code: 121, space: 'dhcp4', 'csv-format': false, data: '080a0a010001000a010001' }]);
  assert.match(outTwo, /\n {16}"option-data": \[/, 'indented like the file');
  const modern = JSON.parse(run('kea', KEA, '"10.1.0.0/24"', 0, ROUTES, normalizeSettings({ dhcp: { keaVersion: '2.6.0' } }))) as { Dhcp4: { subnet4: Array<Record<string, unknown>> } };
  assert.deepEqual((modern.Dhcp4.subnet4[0]['option-data'] as unknown[])[1], { name: 'classless-static-route', data: '10.0.0.0/8 - 10.1.0.1, 0.0.0.0/0 - 10.1.0.1' });
  assert.deepEqual(routes121('kea', outTwo), [WANT]);
});

test('kea: an existing option 121 entry is replaced', () => {
  const text = KEA.replace('{ "name": "routers", "data": "10.1.0.1" }', '{ "name": "routers", "data": "10.1.0.1" },\n                    { "code": 121, "csv-format": false, "data": "2001010101c0a80001" }');
  const out = JSON.parse(run('kea', text, '"id": 1')) as { Dhcp4: { subnet4: Array<Record<string, unknown>> } };
  assert.deepEqual(out.Dhcp4.subnet4[0]['option-data'], [{ name: 'routers', data: '10.1.0.1' }, { code: 121, space: 'dhcp4', 'csv-format': false, data: '080a0a010001000a010001' }]);
});

const DNSMASQ = `dhcp-range=10.1.0.100,10.1.0.199,12h
dhcp-option=option:router,10.1.0.1
dhcp-option=tag:lan,121,1.1.1.1/32,10.1.0.1
`;

test('dnsmasq: a new dhcp-option line after the cursor; on a 121 line, that line keeps its tag', () => {
  assert.equal(run('dnsmasq', DNSMASQ, 'option:router'), DNSMASQ.replace('10.1.0.1\n', '10.1.0.1\ndhcp-option=121,10.0.0.0/8,10.1.0.1,0.0.0.0/0,10.1.0.1\n'));
  assert.equal(run('dnsmasq', DNSMASQ, 'tag:lan'), DNSMASQ.replace('dhcp-option=tag:lan,121,1.1.1.1/32,10.1.0.1', 'dhcp-option=tag:lan,121,10.0.0.0/8,10.1.0.1,0.0.0.0/0,10.1.0.1'));
});

test('the input box offers the scope\'s routes and the default route via its router', () => {
  const cisco = parseDhcp('cisco-ios', '/ws/r.ios', CISCO);
  assert.equal(suggestedRoutes(cisco, CISCO.indexOf('network 10.1')), '0.0.0.0/0 via 10.1.0.1');
  assert.equal(suggestedRoutes(cisco, CISCO.indexOf('network 10.2')), '1.1.1.1/32 via 192.168.0.1');
  const isc = parseDhcp('dhcpd', '/ws/dhcpd.conf', ISC);
  assert.equal(suggestedRoutes(isc, ISC.indexOf('option routers')), '0.0.0.0/0 via 10.1.0.1');
  assert.equal(suggestedRoutes(isc, 0), '');
  const dnsmasq = parseDhcp('dnsmasq', '/ws/dnsmasq.conf', DNSMASQ);
  assert.equal(suggestedRoutes(dnsmasq, DNSMASQ.indexOf('tag:lan')), '1.1.1.1/32 via 10.1.0.1; 0.0.0.0/0 via 10.1.0.1');
});
