import assert from 'node:assert/strict';
import { test } from 'node:test';
import { normalizeSettings } from '../../../server/src/core/settings';
import { dhcpRefactors } from '../../../server/src/dhcp/actions';
import { computeRoutes, suggestedRoutes } from '../../../server/src/dhcp/compute';
import { formatIPv4 } from '../../../server/src/dhcp/ipv4';
import { parseMikrotik } from '../../../server/src/dhcp/mikrotik/parser';
import { routesOfOption } from '../../../server/src/dhcp/optionRoutes';
import { applyEdits } from '../ruleTester';

// The compute-routes command and the option 33 refactoring in a RouterOS export: the value goes
// into an `/ip dhcp-server option` entry, added before the network that then names it (RouterOS
// refuses a name before its option exists), or replaced where the network already names one.

const ROUTES = '10.0.0.0/8 via 10.1.0.1; 0.0.0.0/0 via 10.1.0.1';
const HEX = '0x080a0a010001000a010001';
const settings = normalizeSettings({});

function run(text: string, needle: string, input = ROUTES): string {
  const at = text.indexOf(needle);
  assert.ok(at >= 0, `"${needle}" not in the sample`);
  const r = computeRoutes(input, settings, { file: parseMikrotik('/ws/router.rsc', text), offset: at + 1 });
  assert.deepEqual(r.errors, []);
  assert.ok(r.edits?.length, 'no edits');
  return applyEdits(text, r.edits);
}

/** Each network's option 121 routes, and the parse problems: the result must read back cleanly. */
function readBack(text: string): { problems: string[]; networks: string[][] } {
  const f = parseMikrotik('/ws/router.rsc', text);
  const networks = f.scopes
    .filter((s) => s.kind === 'subnet')
    .map((s) => s.options.filter((o) => o.code === 121).flatMap((o) => routesOfOption(o).routes.map((r) => `${formatIPv4(r.destination)}/${r.width} via ${formatIPv4(r.gateway)}`)));
  return { problems: f.problems.map((p) => p.message), networks };
}

const WANT = ['10.0.0.0/8 via 10.1.0.1', '0.0.0.0/0 via 10.1.0.1'];

const EXPORT = `# 2024-03-15 10:22:01 by RouterOS 7.14.1
/ip dhcp-server network
add address=10.1.0.0/24 gateway=10.1.0.1
add address=10.2.0.0/24 dhcp-option=tftp gateway=\\
    10.2.0.1
/ip dhcp-server option
add code=66 name=tftp value="'10.2.0.5'"
`;

test('a network without option 121: a new option entry before it, named by it', () => {
  const out = run(EXPORT, 'address=10.1.0.0/24');
  assert.equal(out, EXPORT.replace('add address=10.1.0.0/24 gateway=10.1.0.1\n', `/ip dhcp-server option add code=121 name=classless-static-route value=${HEX}\nadd address=10.1.0.0/24 gateway=10.1.0.1 dhcp-option=classless-static-route\n`));
  assert.deepEqual(readBack(out), { problems: [], networks: [WANT, []] });
});

test('a network naming other options: the new name joins its dhcp-option list, across a wrapped line', () => {
  const out = run(EXPORT, '10.2.0.1');
  assert.ok(out.includes(`/ip dhcp-server option add code=121 name=classless-static-route value=${HEX}\nadd address=10.2.0.0/24 dhcp-option=tftp,classless-static-route gateway=\\\n    10.2.0.1\n`), out);
  assert.deepEqual(readBack(out), { problems: [], networks: [[], WANT] });
});

test('a network that already names an option 121: its value is replaced, in place', () => {
  const text = `/ip dhcp-server option
add code=121 name=classless-static-route value="0x2001010101c0a80001"
add code=121 name=classless-static-route-2 value=0x00
/ip dhcp-server network
add address=10.1.0.0/24 dhcp-option=classless-static-route gateway=10.1.0.1
`;
  assert.equal(run(text, 'address=10.1.0.0'), text.replace('0x2001010101c0a80001', HEX));
  // With the cursor on an entry, that entry; a value wrapped over lines is rewritten whole.
  const wrapped = text.replace('value=0x00', 'value=0x2001\\\n    0101');
  assert.equal(run(wrapped, 'name=classless-static-route-2'), text.replace('value=0x00', `value=${HEX}`));
});

test('outside any network: the entry goes after the command at the cursor (and its continuation lines), named by none', () => {
  const out = run(EXPORT, 'add code=66');
  assert.equal(out, `${EXPORT.trimEnd()}\n/ip dhcp-server option add code=121 name=classless-static-route value=${HEX}\n`);
  // The usual name is taken (here by another option): the next free one.
  const taken = `/ip dhcp-server option add code=66 name=classless-static-route value="'tftp'" comment=\\\n    "old"\n`;
  assert.equal(run(taken, 'add code'), `${taken.trimEnd()}\n/ip dhcp-server option add code=121 name=classless-static-route-2 value=${HEX}\n`);
});

test('the input box starts with the network gateway as the default route', () => {
  const f = parseMikrotik('/ws/router.rsc', EXPORT);
  assert.equal(suggestedRoutes(f, EXPORT.indexOf('10.1.0.0/24')), '0.0.0.0/0 via 10.1.0.1');
});

test('option 33 becomes option 121 in its entry (code and value), or a new entry keeps it', () => {
  const text = `/ip dhcp-server option
add code=33 name=static value=0x0a0000000a0100fe
/ip dhcp-server network
add address=10.1.0.0/24 dhcp-option=static gateway=10.1.0.1
`;
  const at = text.indexOf('0x0a00');
  const actions = dhcpRefactors(parseMikrotik('/ws/router.rsc', text), { start: at, end: at }, settings);
  assert.deepEqual(actions.map((a) => a.title), ['Convert option 33 to option 121 (with the default route via 10.1.0.1)', "Add option 121 with option 33's routes (with the default route via 10.1.0.1), keeping option 33"]);
  const converted = applyEdits(text, actions[0].edits);
  assert.equal(converted, text.replace('add code=33 name=static value=0x0a0000000a0100fe', 'add code=121 name=static value=0x080a0a0100fe000a010001'));
  assert.deepEqual(readBack(converted), { problems: [], networks: [['10.0.0.0/8 via 10.1.0.254', '0.0.0.0/0 via 10.1.0.1']] });
  const kept = applyEdits(text, actions[1].edits);
  assert.deepEqual(readBack(kept), { problems: [], networks: [['10.0.0.0/8 via 10.1.0.254', '0.0.0.0/0 via 10.1.0.1']] });
  assert.ok(kept.includes('dhcp-option=static,classless-static-route '), kept);
});
