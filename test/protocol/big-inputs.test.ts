import assert from 'node:assert/strict';
import { spawnSync } from 'node:child_process';
import { mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { after, before, test } from 'node:test';
import { startServer, uriOf, type LspSession } from './lspClient';

// Oversized (10 MB) certificate documents over stdio: a hover on one answers with a bounded result
// or nothing, the document's diagnostics are a polite refusal, and requests on a small nginx file
// sent right behind it are answered too, by a server that stays up. Speed is measured by the
// benchmarks; here only a generous guard stops a hang from stalling the suite.

const GUARD_MS = 60_000;
const TEN_MB = 10 * 1024 * 1024;

const ws = mkdtempSync(join(tmpdir(), 'tlsnet-big-'));
const r = spawnSync('openssl', ['req', '-x509', '-newkey', 'ec', '-pkeyopt', 'ec_paramgen_curve:P-256', '-nodes', '-keyout', 'big.key', '-out', 'big.pem', '-days', '30', '-subj', '/CN=big.example.com'], { cwd: ws, encoding: 'utf8' });
assert.equal(r.status, 0, r.stderr);
const cert = readFileSync(join(ws, 'big.pem'), 'utf8');
const times = (unit: string, bytes: number): string => unit.repeat(Math.ceil(bytes / unit.length));

const nginxPath = join(ws, 'nginx.conf');
const nginxText = 'http {\n    server {\n        listen 443 ssl;\n        ssl_certificate big.pem;\n        ssl_\n    }\n}\n';

let s: LspSession;
before(async () => {
  writeFileSync(nginxPath, nginxText);
  s = await startServer({ workspace: ws });
  await s.conn.sendNotification('textDocument/didOpen', { textDocument: { uri: uriOf(nginxPath), languageId: 'nginx', version: 1, text: nginxText } });
});
after(async () => {
  if (s.proc.exitCode === null) s.proc.kill();
});

type Hover = { contents: { value: string } } | null;

/** Line and character of `offset` in `text`. */
function position(text: string, offset: number): { line: number; character: number } {
  const before = text.slice(0, offset);
  const line = before.split('\n').length - 1;
  return { line, character: offset - (before.lastIndexOf('\n') + 1) };
}

/**
 * Opens the big document, hovers at `offset` in it and, without waiting, hovers and completes in
 * the small nginx file. Every request must be answered; the answers come back in order.
 */
async function bigThenSmall(name: string, languageId: string, text: string, offset: number, linted: boolean): Promise<Hover> {
  const path = join(ws, name);
  writeFileSync(path, text);
  const uri = uriOf(path);
  await s.conn.sendNotification('textDocument/didOpen', { textDocument: { uri, languageId, version: 1, text } });
  const answered: string[] = [];
  const track = <T>(label: string, p: Promise<T>): Promise<T> => p.then((v) => (answered.push(label), v));
  const big = track('big hover', s.conn.sendRequest('textDocument/hover', { textDocument: { uri }, position: position(text, offset) }) as Promise<Hover>);
  const small = track('small hover', s.conn.sendRequest('textDocument/hover', { textDocument: { uri: uriOf(nginxPath) }, position: position(nginxText, nginxText.indexOf('listen') + 2) }) as Promise<Hover>);
  const completion = track('completion', s.conn.sendRequest('textDocument/completion', { textDocument: { uri: uriOf(nginxPath) }, position: position(nginxText, nginxText.indexOf('ssl_\n') + 4) }) as Promise<{ label: string }[]>);
  const [bigHover, smallHover, items] = await Promise.all([big, small, completion]);
  assert.match(smallHover?.contents.value ?? '', /listen/, 'the nginx hover is answered');
  assert.ok(items.some((i) => i.label === 'ssl_certificate_key'), 'the nginx completion is answered');
  assert.equal(answered.length, 3);
  // A document tlsnet lints is refused politely rather than analysed.
  if (linted) assert.deepEqual((await s.diagnostics(uri, (d) => d.length > 0)).map((d) => d.code), ['general/file-too-large']);
  await s.conn.sendNotification('textDocument/didClose', { textDocument: { uri } });
  assert.equal(s.proc.exitCode, null, 'the server is alive');
  return bigHover;
}

/** The hovered certificate is decoded as one of a window of the bundle, not of the whole document. */
function assertWindowed(h: Hover, text: string): void {
  const m = /\*\*Certificate (\d+) of (\d+)[^*]*:\*\* `CN=big\.example\.com`/.exec(h?.contents.value ?? '');
  assert.ok(m, h?.contents.value);
  const total = text.split('BEGIN CERTIFICATE').length - 1;
  assert.ok(Number(m[2]) * 4 < total, `decoded ${m[2]} of ${total} certificates`);
}

test('big inputs: a 10 MB PEM bundle', { timeout: GUARD_MS }, async () => {
  const text = times(cert, TEN_MB);
  const h = await bigThenSmall('bundle.pem', 'pem', text, text.indexOf('BEGIN', TEN_MB / 2) + 10, true);
  assertWindowed(h, text);
});

test('big inputs: a 10 MB base64 value in a Kubernetes Secret (one line)', { timeout: GUARD_MS }, async () => {
  const value = Buffer.from(times(cert, (TEN_MB * 3) / 4)).toString('base64');
  const text = `apiVersion: v1\nkind: Secret\ntype: kubernetes.io/tls\ndata:\n  tls.crt: ${value}\n`;
  const h = await bigThenSmall('secret.yaml', 'yaml', text, text.length - 1000, true);
  assert.match(h?.contents.value ?? '', /^A 10\.0 MB line: too large to decode on hover/);
});

test('big inputs: 10 MB of escaped PEM in one line of JSON', { timeout: GUARD_MS }, async () => {
  const text = JSON.stringify({ certificates: times(cert, TEN_MB - 100) });
  const h = await bigThenSmall('certs.json', 'json', text, text.indexOf('BEGIN', TEN_MB / 2) + 10, false);
  assertWindowed(h, text);
  assert.match(h?.contents.value ?? '', /\(escaped PEM\)/);
});

test('big inputs: 10 MB of base64 lines in a YAML block scalar', { timeout: GUARD_MS }, async () => {
  const value = Buffer.from(times(cert, (TEN_MB * 3) / 4)).toString('base64').replace(/.{76}/g, '    $&\n');
  const text = `apiVersion: v1\nkind: ConfigMap\ndata:\n  bundle.b64: |\n${value}\n`;
  const h = await bigThenSmall('blocks.yaml', 'yaml', text, Math.floor(text.length / 2), false);
  // Lines of a value that is not under a certificate key: nothing to decode, and nothing decoded.
  assert.equal(h, null);
});

test('big inputs: the server still answers after them all', async () => {
  const h = (await s.conn.sendRequest('textDocument/hover', { textDocument: { uri: uriOf(nginxPath) }, position: position(nginxText, nginxText.indexOf('big.pem') + 2) })) as Hover;
  assert.match(h?.contents.value ?? '', /`CN=big\.example\.com`/);
  assert.doesNotMatch(s.stderr(), /failed:/);
});
