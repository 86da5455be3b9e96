import assert from 'node:assert/strict';
import { spawnSync } from 'node:child_process';
import { existsSync, mkdirSync, mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { after, before, test } from 'node:test';
import { fileURLToPath } from 'node:url';
import { startServer, uriOf, type Diag, type LspSession } from './lspClient';

const ws = mkdtempSync(join(tmpdir(), 'tlsnet-lsp-'));
mkdirSync(join(ws, 'nginx/snippets'), { recursive: true });
const broken = join(ws, 'nginx/nginx.conf');
const brokenText = 'http {\n    server {\n        listen 443 ssl;\n        ssl_certificate ssl/server-chain.pem;\n        ssl_certificate_key ssl/server.key.pem;\n        ssl_verify_client on;\n    }\n}\n';
writeFileSync(broken, brokenText);
writeFileSync(join(ws, 'nginx/snippets/ca.conf'), 'ssl_client_certificate ssl/client-ca-chain.pem;\n');
// Real files for the paths the config names (made by openssl), so only the mTLS mistake is left.
mkdirSync(join(ws, 'nginx/ssl'));
const ssl = (...args: string[]): void => {
  const r = spawnSync('openssl', args, { cwd: join(ws, 'nginx/ssl'), encoding: 'utf8' });
  assert.equal(r.status, 0, r.stderr);
};
ssl('req', '-x509', '-newkey', 'ec', '-pkeyopt', 'ec_paramgen_curve:P-256', '-nodes', '-keyout', 'ca.key', '-out', 'client-ca-chain.pem', '-days', '400', '-subj', '/CN=Client CA', '-addext', 'basicConstraints=critical,CA:TRUE', '-addext', 'keyUsage=critical,keyCertSign,cRLSign');
ssl('req', '-x509', '-newkey', 'ec', '-pkeyopt', 'ec_paramgen_curve:P-256', '-nodes', '-keyout', 'server.key.pem', '-out', 'server-chain.pem', '-days', '400', '-subj', '/CN=localhost', '-CA', 'client-ca-chain.pem', '-CAkey', 'ca.key', '-addext', 'subjectAltName=DNS:localhost');
/** Errors and warnings: info findings (ciphers left at nginx's default) are not what these tests are about. */
const serious = (d: Diag[]): Diag[] => d.filter((x) => (x.severity ?? 1) <= 2);

let s: LspSession;
before(async () => {
  s = await startServer({ workspace: ws });
});
after(async () => {
  if (s.proc.exitCode === null) s.proc.kill();
});

const open = (path: string, text: string, languageId = 'nginx', version = 1): Promise<void> =>
  s.conn.sendNotification('textDocument/didOpen', { textDocument: { uri: uriOf(path), languageId, version, text } });

test('lsp: diagnostic with code, source, severity and a docs link that exists', async () => {
  await open(broken, brokenText);
  const diags = serious(await s.diagnostics(uriOf(broken), (d) => serious(d).length > 0));
  assert.equal(diags.length, 1);
  const d = diags[0];
  assert.equal(d.code, 'nginx/verify-client-without-ca');
  assert.equal(d.source, 'tlsnet');
  assert.equal(d.severity, 1);
  assert.deepEqual(d.range, { start: { line: 5, character: 8 }, end: { line: 5, character: 29 } });
  assert.ok(d.codeDescription?.href.endsWith('/docs/rules/nginx/verify-client-without-ca.md'));
  const docs = fileURLToPath(d.codeDescription!.href);
  assert.ok(existsSync(docs), `${docs} exists`);
});

test('lsp: the quick fix is a snippet edit inserting ssl_client_certificate before the directive', async () => {
  const diags = serious(await s.diagnostics(uriOf(broken), (d) => serious(d).length > 0));
  const actions = (await s.conn.sendRequest('textDocument/codeAction', {
    textDocument: { uri: uriOf(broken) },
    range: diags[0].range,
    context: { diagnostics: diags },
  })) as { title: string; kind: string; isPreferred: boolean; edit: { documentChanges: { textDocument: { uri: string; version: number }; edits: { range: Diag['range']; snippet?: { kind: string; value: string }; newText?: string }[] }[] } }[];
  assert.deepEqual(actions.map((a) => a.title), ['Add ssl_client_certificate']);
  const a = actions[0];
  assert.equal(a.kind, 'quickfix');
  assert.equal(a.isPreferred, true);
  const change = a.edit.documentChanges[0];
  assert.equal(change.textDocument.uri, uriOf(broken));
  assert.equal(change.textDocument.version, 1);
  assert.deepEqual(change.edits[0].range, { start: { line: 5, character: 0 }, end: { line: 5, character: 0 } });
  assert.deepEqual(change.edits[0].snippet, { kind: 'snippet', value: '        ssl_client_certificate ${1:/etc/nginx/ssl/client-ca-chain.pem};\n' });
});

test('lsp: editing the document in the fix\'s way clears the diagnostic', async () => {
  await s.conn.sendNotification('textDocument/didChange', {
    textDocument: { uri: uriOf(broken), version: 2 },
    contentChanges: [{ range: { start: { line: 5, character: 0 }, end: { line: 5, character: 0 } }, text: '        include snippets/ca.conf;\n' }],
  });
  const diags = await s.diagnostics(uriOf(broken), (d) => serious(d).length === 0);
  assert.deepEqual(serious(diags), []);
});

test('lsp: hover on a certificate path decodes the file; on the key path, type and match only — never key material', async () => {
  // Line 3 is `ssl_certificate ssl/server-chain.pem;`, line 4 the key (the document is at version 2).
  type Hover = { contents: { kind: string; value: string }; range: Diag['range'] } | null;
  const cert = (await s.conn.sendRequest('textDocument/hover', { textDocument: { uri: uriOf(broken) }, position: { line: 3, character: 30 } })) as Hover;
  assert.ok(cert, 'a hover on the certificate path');
  assert.match(cert.contents.value, /CN=localhost/);
  assert.match(cert.contents.value, /CN=Client CA/, 'the issuer');
  assert.match(cert.contents.value, /DNS:localhost|localhost \(DNS\)|dns/i, 'the SANs');
  assert.match(cert.contents.value, /[0-9a-f]{64}|([0-9A-F]{2}:){31}[0-9A-F]{2}/, 'the SHA-256 fingerprint');
  assert.deepEqual(cert.range.start, { line: 3, character: 24 });
  const key = (await s.conn.sendRequest('textDocument/hover', { textDocument: { uri: uriOf(broken) }, position: { line: 4, character: 32 } })) as Hover;
  assert.ok(key, 'a hover on the key path');
  assert.match(key.contents.value, /EC|P-256/);
  assert.match(key.contents.value, /match/i);
  const keyPem = readFileSync(join(ws, 'nginx/ssl/server.key.pem'), 'utf8');
  const body = keyPem.split('\n').filter((l) => l && !l.startsWith('-----')).join('');
  for (let i = 0; i + 24 <= body.length; i += 12) assert.ok(!key.contents.value.includes(body.slice(i, i + 24)), 'no key material in the hover');
  assert.doesNotMatch(key.contents.value, /PRIVATE KEY-----/);
});

test('lsp: folding ranges for blocks', async () => {
  const ranges = (await s.conn.sendRequest('textDocument/foldingRange', { textDocument: { uri: uriOf(broken) } })) as { startLine: number; endLine: number }[];
  assert.deepEqual(ranges.map((r) => [r.startLine, r.endLine]), [[0, 7], [1, 6]]);
});

test('lsp: hover on a TLS directive explains it', async () => {
  const hover = (await s.conn.sendRequest('textDocument/hover', { textDocument: { uri: uriOf(broken) }, position: { line: 6, character: 12 } })) as { contents: { kind: string; value: string } } | null;
  assert.ok(hover);
  assert.equal(hover.contents.kind, 'markdown');
  assert.match(hover.contents.value, /ssl_verify_client on \| off \| optional \| optional_no_ca/);
  const none = await s.conn.sendRequest('textDocument/hover', { textDocument: { uri: uriOf(broken) }, position: { line: 0, character: 1 } });
  assert.equal(none, null);
});

test('lsp: completion offers directives and ssl_verify_client values; symbols outline the servers', async () => {
  const uri = uriOf(join(ws, 'nginx/c.conf'));
  await s.conn.sendNotification('textDocument/didOpen', { textDocument: { uri, languageId: 'nginx', version: 1, text: 'server {\n    ssl_verify_client \n    ssl_v\n}\n' } });
  const values = (await s.conn.sendRequest('textDocument/completion', { textDocument: { uri }, position: { line: 1, character: 22 } })) as { label: string }[];
  assert.deepEqual(values.map((c) => c.label).sort(), ['off', 'on', 'optional', 'optional_no_ca']);
  const names = (await s.conn.sendRequest('textDocument/completion', { textDocument: { uri }, position: { line: 2, character: 9 } })) as { label: string }[];
  assert.ok(names.some((c) => c.label === 'ssl_verify_depth'));
  const symbols = (await s.conn.sendRequest('textDocument/documentSymbol', { textDocument: { uri: uriOf(broken) } })) as { name: string; children: { name: string; detail: string }[] }[];
  assert.equal(symbols[0].name, 'http');
  assert.equal(symbols[0].children[0].name, 'server _');
  assert.equal(symbols[0].children[0].detail, '443 ssl');
});

test('lsp: hostile input gets a diagnostic or a polite refusal, and the server keeps serving', async () => {
  const garbage = join(ws, 'nginx/garbage.conf');
  await open(garbage, '{'.repeat(3000) + '"unterminated\n' + '\u0000\ud800'.repeat(100));
  const d1 = await s.diagnostics(uriOf(garbage), (d) => d.length > 0);
  assert.ok(d1.every((d) => d.code === 'nginx/syntax-error'));
  const huge = join(ws, 'nginx/huge.conf');
  await open(huge, 'server { listen 80; }\n'.repeat(250000));
  const d2 = await s.diagnostics(uriOf(huge), (d) => d.length > 0);
  assert.deepEqual(d2.map((d) => [d.code, d.severity]), [['general/file-too-large', 3]]);
  const ok = await s.conn.sendRequest('textDocument/hover', { textDocument: { uri: uriOf(broken) }, position: { line: 6, character: 12 } });
  assert.ok(ok, 'still answering');
});

test('lsp: a request for an unknown document answers empty, not an error', async () => {
  const r = await s.conn.sendRequest('textDocument/codeAction', { textDocument: { uri: 'file:///nope.conf' }, range: { start: { line: 0, character: 0 }, end: { line: 0, character: 0 } }, context: { diagnostics: [] } });
  assert.deepEqual(r, []);
});

test('lsp: shutdown and exit end the process with code 0', async () => {
  assert.equal(await s.close(), 0);
  assert.doesNotMatch(s.stderr(), /failed|Error/);
});

test('lsp: pull diagnostics when the client asks for them, and `tlsnet lsp --stdio` is the same server', async () => {
  const p = await startServer({
    workspace: ws,
    entry: [join(process.cwd(), 'dist/cli.js'), 'lsp', '--stdio'],
    capabilities: { textDocument: { diagnostic: { dynamicRegistration: false } }, workspace: { configuration: true } },
  });
  try {
    await p.conn.sendNotification('textDocument/didOpen', { textDocument: { uri: uriOf(broken), languageId: 'nginx', version: 1, text: brokenText } });
    const report = (await p.conn.sendRequest('textDocument/diagnostic', { textDocument: { uri: uriOf(broken) } })) as { kind: string; items: Diag[] };
    assert.equal(report.kind, 'full');
    assert.deepEqual(serious(report.items).map((d) => d.code), ['nginx/verify-client-without-ca']);
  } finally {
    assert.equal(await p.close(), 0);
  }
});

test('lsp: settings from workspace/configuration change severity and switch rules off', async () => {
  const p = await startServer({ workspace: ws });
  p.conn.onRequest('workspace/configuration', (q: { items: unknown[] }) => q.items.map(() => ({ rules: { 'nginx/verify-client-without-ca': 'warning' } })));
  try {
    await p.conn.sendNotification('workspace/didChangeConfiguration', { settings: {} });
    await p.conn.sendNotification('textDocument/didOpen', { textDocument: { uri: uriOf(broken), languageId: 'nginx', version: 1, text: brokenText } });
    const d = await p.diagnostics(uriOf(broken), (x) => x.some((y) => y.code === 'nginx/verify-client-without-ca'));
    assert.equal(d.find((y) => y.code === 'nginx/verify-client-without-ca')?.severity, 2);
  } finally {
    await p.close();
  }
});

