import assert from 'node:assert/strict';
import { spawn } from 'node:child_process';
import { mkdirSync, mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { after, before, test } from 'node:test';
import { createMessageConnection, StreamMessageReader, StreamMessageWriter } from 'vscode-jsonrpc/node';
import { oracleVersion, runOracle } from './dhcpOracles';
import { startServer, uriOf, type LspSession } from './lspClient';

// The DHCP editor features over the real language server (dist/server.js, stdio): hover on an IOS
// option 121 value, code lenses, the tlsnet/computeRoutes request and a refactoring; the ISC text
// the request inserts is checked with the real dhcpd.

interface Pos { line: number; character: number }
interface Range { start: Pos; end: Pos }
interface TextEdit { range: Range; newText: string }
interface WorkspaceEdit { documentChanges: Array<{ textDocument: { uri: string; version: number | null }; edits: TextEdit[] }> }
interface ComputeResult { errors: Array<{ line: number; message: string }>; edit?: WorkspaceEdit; spellings: Record<string, string>; suggestion?: string; dialect?: string }

const ws = mkdtempSync(join(tmpdir(), 'tlsnet-dhcp-lsp-'));
const IOS = join(ws, 'router.ios');
const IOS_TEXT = `ip dhcp pool office
 network 192.168.0.0 255.255.255.0
 default-router 192.168.0.1
 option 121 hex 2001.0101.01c0.a800.0117.0202.02c0.a800.02
 option 249 hex 2001.0101.01c0.a800.0117
ip dhcp pool lab
 network 192.168.1.0 /24
 default-router 192.168.1.1
 option 33 ip 10.0.0.0 192.168.1.254
`;
const ISC = join(ws, 'dhcpd.conf');
const ISC_TEXT = `default-lease-time 600;

subnet 10.1.0.0 netmask 255.255.255.0 {
  range 10.1.0.100 10.1.0.199;
  option routers 10.1.0.1;
}
`;
const KEA = join(ws, 'kea-dhcp4.json');
const KEA_TEXT = '{"Dhcp4": {"subnet4": [{"id": 1, "subnet": "10.1.0.0/24", "option-data": [{"code": 121, "csv-format": false, "data": "2001010101c0a80001"}]}]}}\n';
writeFileSync(IOS, IOS_TEXT);
writeFileSync(ISC, ISC_TEXT);
writeFileSync(KEA, KEA_TEXT);

let s: LspSession;
before(async () => {
  s = await startServer({ workspace: ws });
  const open = (path: string, text: string, languageId: string): Promise<void> => s.conn.sendNotification('textDocument/didOpen', { textDocument: { uri: uriOf(path), languageId, version: 1, text } });
  await open(IOS, IOS_TEXT, 'cisco-ios');
  await open(ISC, ISC_TEXT, 'dhcpd');
  // Kea has no language id: a .json file with "Dhcp4" is recognised by content.
  await open(KEA, KEA_TEXT, 'json');
});
after(async () => {
  if (s.proc.exitCode === null) await s.close();
});

/** Position of `needle` (+ delta) in `text`. */
function pos(text: string, needle: string, delta = 0): Pos {
  const at = text.indexOf(needle) + delta;
  assert.ok(at >= delta, `"${needle}" not found`);
  const before = text.slice(0, at);
  return { line: before.split('\n').length - 1, character: at - before.lastIndexOf('\n') - 1 };
}

function applyEdits(text: string, edits: readonly TextEdit[]): string {
  const offset = (p: Pos): number => text.split('\n').slice(0, p.line).reduce((n, l) => n + l.length + 1, 0) + p.character;
  let out = text;
  for (const e of [...edits].sort((a, b) => offset(b.range.start) - offset(a.range.start))) out = out.slice(0, offset(e.range.start)) + e.newText + out.slice(offset(e.range.end));
  return out;
}

test('dhcp lsp: the server announces code lenses and refactorings', async () => {
  // A second session only to read the capabilities the server answers initialize with.
  const proc = spawn(process.execPath, [join(process.cwd(), 'dist/server.js'), '--stdio']);
  const conn = createMessageConnection(new StreamMessageReader(proc.stdout), new StreamMessageWriter(proc.stdin));
  conn.listen();
  const init = (await conn.sendRequest('initialize', { processId: process.pid, rootUri: null, capabilities: {} })) as { capabilities: { codeLensProvider?: unknown; codeActionProvider?: { codeActionKinds?: string[] } } };
  assert.ok(init.capabilities.codeLensProvider);
  assert.deepEqual(init.capabilities.codeActionProvider?.codeActionKinds, ['quickfix', 'refactor.rewrite']);
  conn.dispose();
  proc.kill();
});

test('dhcp lsp: hover on a Cisco option 121 value is its route table, over the value', async () => {
  const h = (await s.conn.sendRequest('textDocument/hover', { textDocument: { uri: uriOf(IOS) }, position: pos(IOS_TEXT, '01c0.a800.0117') })) as { contents: { kind: string; value: string }; range: Range };
  assert.equal(h.contents.kind, 'markdown');
  const lines = h.contents.value.split('\n');
  for (const l of ['**Option 121** — Classless static routes (RFC 3442) · 2 routes, 17 bytes', '| `1.1.1.1/32` | `192.168.0.1` |', '| `2.2.2.0/23` | `192.168.0.2` |']) assert.ok(lines.includes(l), `${l} in\n${h.contents.value}`);
  assert.match(h.contents.value, /\*\*No default route\*\*.*0\.0\.0\.0\/0 via 192\.168\.0\.1/);
  assert.deepEqual(h.range, { start: pos(IOS_TEXT, '2001.0101'), end: pos(IOS_TEXT, '\n option 249') });
  const kea = (await s.conn.sendRequest('textDocument/hover', { textDocument: { uri: uriOf(KEA) }, position: pos(KEA_TEXT, '2001010101', 2) })) as { contents: { value: string } };
  assert.match(kea.contents.value, /\| `1\.1\.1\.1\/32` \| `192\.168\.0\.1` \|/);
});

test('dhcp lsp: code lenses above option 121 and 249 lines', async () => {
  const lenses = (await s.conn.sendRequest('textDocument/codeLens', { textDocument: { uri: uriOf(IOS) } })) as Array<{ range: Range; command: { title: string; command: string } }>;
  assert.deepEqual(lenses.map((l) => [l.range.start.line, l.command.title]), [
    [3, '121: 1.1.1.1/32 → 192.168.0.1 · 2.2.2.0/23 → 192.168.0.2'],
    [4, '249: malformed at byte 9'],
  ]);
  assert.deepEqual(await s.conn.sendRequest('textDocument/codeLens', { textDocument: { uri: uriOf(ISC) } }), []);
});

test('dhcp lsp: tlsnet/computeRoutes suggests the default route, writes IOS hex into the pool, and spells every format', async () => {
  const at = { uri: uriOf(IOS), position: pos(IOS_TEXT, 'network 192.168.1.0') };
  const first = (await s.conn.sendRequest('tlsnet/computeRoutes', { ...at, input: '' })) as ComputeResult;
  assert.deepEqual(first, { errors: [], spellings: {}, suggestion: '0.0.0.0/0 via 192.168.1.1', dialect: 'cisco-ios' });
  const r = (await s.conn.sendRequest('tlsnet/computeRoutes', { ...at, input: '10.0.0.0/8 via 192.168.1.254; 0.0.0.0/0 via 192.168.1.1' })) as ComputeResult;
  assert.deepEqual(r.errors, []);
  assert.equal(r.dialect, 'cisco-ios');
  assert.deepEqual(Object.keys(r.spellings).sort(), ['cisco', 'dnsmasq', 'hex', 'isc', 'kea', 'mikrotik']);
  assert.equal(r.spellings.cisco, 'option 121 hex 080a.c0a8.01fe.00c0.a801.01');
  const change = r.edit?.documentChanges[0] ?? assert.fail('no edit');
  assert.deepEqual(change.textDocument, { uri: uriOf(IOS), version: 1 });
  assert.equal(applyEdits(IOS_TEXT, change.edits), IOS_TEXT.replace(' network 192.168.1.0 /24\n', ' network 192.168.1.0 /24\n option 121 hex 080a.c0a8.01fe.00c0.a801.01\n'));
  const bad = (await s.conn.sendRequest('tlsnet/computeRoutes', { input: '10.0.0.0/8 via 192.168.1.254; 10.0.0.0/33 via 1.2.3.4' })) as ComputeResult;
  assert.deepEqual(bad, { errors: [{ line: 2, message: 'prefix length 33 is more than 32' }], spellings: {} });
});

test('dhcp lsp: the ISC text computeRoutes inserts passes dhcpd -t', { skip: oracleVersion('dhcpd') === undefined ? 'dhcpd is not installed' : false }, async () => {
  const r = (await s.conn.sendRequest('tlsnet/computeRoutes', { uri: uriOf(ISC), position: pos(ISC_TEXT, 'option routers'), input: '172.16.0.0/12 via 10.1.0.254\n0.0.0.0/0 via 10.1.0.1' })) as ComputeResult;
  const text = applyEdits(ISC_TEXT, r.edit?.documentChanges[0].edits ?? assert.fail('no edit'));
  assert.match(text, /^option rfc3442-classless-static-routes code 121 = array of unsigned integer 8;\nsubnet/m);
  assert.match(text, /\n {2}option rfc3442-classless-static-routes 12,172,16,10,1,0,254, 0,10,1,0,1;\n/);
  const file = join(ws, 'computed', 'dhcpd.conf');
  mkdirSync(join(ws, 'computed'));
  writeFileSync(file, text);
  const v = await runOracle('dhcpd', file);
  assert.ok(v.ok, v.output);
});

test('dhcp lsp: option 33 offers a refactor.rewrite to option 121, with the default route', async () => {
  const range = { start: pos(IOS_TEXT, 'option 33'), end: pos(IOS_TEXT, 'option 33') };
  const actions = (await s.conn.sendRequest('textDocument/codeAction', { textDocument: { uri: uriOf(IOS) }, range, context: { diagnostics: [], only: ['refactor'] } })) as Array<{ title: string; kind: string; isPreferred?: boolean; edit: WorkspaceEdit }>;
  assert.deepEqual(actions.map((a) => [a.title, a.kind]), [
    ['Convert option 33 to option 121 (with the default route via 192.168.1.1)', 'refactor.rewrite'],
    ["Add option 121 with option 33's routes (with the default route via 192.168.1.1), keeping option 33", 'refactor.rewrite'],
  ]);
  assert.equal(actions[0].isPreferred, true);
  assert.equal(applyEdits(IOS_TEXT, actions[0].edit.documentChanges[0].edits), IOS_TEXT.replace('option 33 ip 10.0.0.0 192.168.1.254', 'option 121 hex 080a.c0a8.01fe.00c0.a801.01'));
  const quickfixOnly = (await s.conn.sendRequest('textDocument/codeAction', { textDocument: { uri: uriOf(IOS) }, range, context: { diagnostics: [], only: ['quickfix'] } })) as unknown[];
  assert.ok(quickfixOnly.every((a) => (a as { kind: string }).kind === 'quickfix'));
});
