import assert from 'node:assert/strict';
import { test } from 'node:test';
import { parseKea } from '../../../server/src/dhcp/kea/parser';
import { keaRouteFix } from '../../../server/src/dhcp/rules/keaRouteFix';
import { applyEdits } from '../ruleTester';
import { kea, keaEntry } from '../rules/dhcp/routeFixtures';

const HEX_ENTRY = '{ "code": 121, "csv-format": false, "data": "2001010101c0a8000100c0a80001" }';
const ROUTES = '1.1.1.1/32 - 192.168.0.1, 0.0.0.0/0 - 192.168.0.1';

/** The text after the fix for the config's option 121/249 entry, or undefined when none is offered. */
function fixed(text: string): string | undefined {
  const file = parseKea('/ws/kea-dhcp4.json', text);
  const option = file.scopes.flatMap((s) => s.options).find((o) => o.code === 121 || o.code === 249);
  assert.ok(option, 'the entry is read as option 121 or 249');
  const fix = keaRouteFix(file, option);
  return fix && applyEdits(text, fix.edits);
}

// Every "before" is refused by kea-dhcp4 2.2.0 -t and every "after" accepted (checked by hand).
const CASES: Array<[string, string, string]> = [
  ['the 2.6 name: the name becomes the code', `{ "name": "classless-static-route", "data": "${ROUTES}" }`, HEX_ENTRY],
  ['code with a route list', `{ "code": 121, "data": "${ROUTES}" }`, HEX_ENTRY],
  ['csv-format true is flipped', `{ "code": 121, "csv-format": true, "data": "${ROUTES}" }`, HEX_ENTRY],
  ['Cisco dotted hex becomes plain hex', '{ "code": 121, "csv-format": false, "data": "2001.0101.01c0.a800.0100.c0a8.0001" }', HEX_ENTRY],
  ['249 in two-byte groups', '{ "code": 249, "csv-format": false, "data": "2001 0101 01c0 a800 0100 c0a8 0001" }', HEX_ENTRY.replace('121', '249')],
  ['other keys kept', `{ "name": "classless-static-route", "always-send": true, "data": "${ROUTES}" }`, '{ "code": 121, "csv-format": false, "always-send": true, "data": "2001010101c0a8000100c0a80001" }'],
];

for (const [name, before, after] of CASES) {
  test(`keaRouteFix: ${name}`, () => {
    assert.equal(fixed(kea(keaEntry(before))), kea(keaEntry(after)));
  });
}

test('keaRouteFix: multi-line entry keeps its layout', () => {
  const before = `{\n            "name": "classless-static-route",\n            "data": "${ROUTES}"\n          }`;
  const after = `{\n            "code": 121, "csv-format": false,\n            "data": "2001010101c0a8000100c0a80001"\n          }`;
  assert.equal(fixed(kea(keaEntry(before))), kea(keaEntry(after)));
});

test('keaRouteFix: no fix for data that holds no routes', () => {
  assert.equal(fixed(kea(keaEntry('{ "code": 121, "csv-format": false, "data": "2101" }'))), undefined);
  assert.equal(fixed(kea(keaEntry('{ "name": "classless-static-route", "data": "10.0.0.0/33 - 192.168.0.1" }'))), undefined);
});
