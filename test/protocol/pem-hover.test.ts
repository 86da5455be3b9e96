import assert from 'node:assert/strict';
import { spawnSync } from 'node:child_process';
import { mkdirSync, mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { after, before, test } from 'node:test';
import { startServer, uriOf, type LspSession } from './lspClient';

// Certificate hovers in any document over stdio: PEM in YAML, base64 in a Secret, paths in JSON
// and YAML, escaped PEM in JSON, and nginx path hovers unchanged. Certificates are made by the real
// openssl; every hover is checked for key material.

const ws = mkdtempSync(join(tmpdir(), 'tlsnet-pem-hover-'));
const certs = join(ws, 'certs');
mkdirSync(certs);
const ssl = (...args: string[]): void => {
  const r = spawnSync('openssl', args, { cwd: certs, encoding: 'utf8' });
  assert.equal(r.status, 0, r.stderr);
};
ssl('req', '-x509', '-newkey', 'ec', '-pkeyopt', 'ec_paramgen_curve:P-256', '-nodes', '-keyout', 'ca.key', '-out', 'ca.pem', '-days', '400', '-subj', '/CN=Hover CA', '-addext', 'basicConstraints=critical,CA:TRUE,pathlen:0', '-addext', 'keyUsage=critical,keyCertSign,cRLSign', '-addext', 'nameConstraints=critical,permitted;DNS:example.com');
ssl('req', '-x509', '-newkey', 'rsa:2048', '-nodes', '-keyout', 'leaf.key', '-out', 'leaf.pem', '-days', '90', '-subj', '/CN=web.example.com', '-CA', 'ca.pem', '-CAkey', 'ca.key', '-addext', 'subjectAltName=DNS:web.example.com,IP:10.0.0.7,email:ops@example.com,URI:spiffe://example.com/web', '-addext', 'extendedKeyUsage=serverAuth', '-addext', 'basicConstraints=critical,CA:FALSE', '-addext', 'keyUsage=critical,digitalSignature,keyEncipherment');
ssl('x509', '-in', 'ca.pem', '-outform', 'der', '-out', 'ca.der');
const read = (n: string): string => readFileSync(join(certs, n), 'utf8');
const leaf = read('leaf.pem');
const ca = read('ca.pem');
const leafKey = read('leaf.key');
const caKey = read('ca.key');
const b64 = (s: string | Buffer): string => Buffer.from(s).toString('base64');

/** Every base64 line of the keys, and the keys as base64 values: none may appear in a hover. */
const secrets = [leafKey, caKey].flatMap((k) => [...k.split('\n').filter((l) => /^[A-Za-z0-9+/=]{20,}$/.test(l)).map((l) => l.slice(0, 20)), b64(k).slice(30, 60)]);
const hovers: string[] = [];

let s: LspSession;
before(async () => {
  const entry = process.env.TLSNET_SERVER_JS ? [process.env.TLSNET_SERVER_JS, '--stdio'] : undefined;
  s = await startServer({ workspace: ws, ...(entry ? { entry } : {}) });
});
after(async () => {
  for (const h of hovers) for (const k of secrets) assert.ok(!h.includes(k), 'no key material in any hover');
  if (s.proc.exitCode === null) s.proc.kill();
});

async function open(name: string, text: string, languageId: string): Promise<string> {
  const path = join(ws, name);
  writeFileSync(path, text);
  await s.conn.sendNotification('textDocument/didOpen', { textDocument: { uri: uriOf(path), languageId, version: 1, text } });
  return path;
}

async function hoverAt(path: string, text: string, needle: string, delta = 2): Promise<{ value: string; range: { start: { line: number } } } | null> {
  const offset = text.indexOf(needle) + delta;
  assert.ok(offset >= delta, `${needle} is in the document`);
  const before = text.slice(0, offset).split('\n');
  const r = (await s.conn.sendRequest('textDocument/hover', { textDocument: { uri: uriOf(path) }, position: { line: before.length - 1, character: before[before.length - 1].length } })) as { contents: { value: string }; range: { start: { line: number } } } | null;
  if (r) hovers.push(r.contents.value);
  return r ? { value: r.contents.value, range: r.range } : null;
}

test('pem hover: a PEM bundle inside YAML, with the chain and every field', async () => {
  const text = `apiVersion: v1\nkind: ConfigMap\ndata:\n  chain.pem: |\n${(leaf + ca).replace(/^(?=.)/gm, '    ')}`;
  const path = await open('config.yaml', text, 'yaml');
  const h = await hoverAt(path, text, 'BEGIN CERTIFICATE', 20);
  assert.ok(h, 'a hover');
  assert.match(h.value, /Certificate 1 of 2:\*\* `CN=web\.example\.com`/);
  assert.match(h.value, /SANs: dns:web\.example\.com, ip:10\.0\.0\.7, email:ops@example\.com, uri:spiffe:\/\/example\.com\/web/);
  assert.match(h.value, /- Key: RSA 2048 bits; signature ecdsa-with-SHA256\n- CA: no\n- Key usage: digitalSignature, keyEncipherment\n- Extended key usage: serverAuth/);
  assert.match(h.value, /\*\*Bundle of 2:\*\* leaf first/);
  assert.match(h.value, /issued by #2, signature not checked|issued by #2, signature verifies/);
  assert.equal(h.range.start.line, 4);
  const c = await hoverAt(path, text, 'BEGIN CERTIFICATE', text.indexOf('BEGIN CERTIFICATE', 200) - text.indexOf('BEGIN CERTIFICATE') + 5);
  assert.match(c?.value ?? '', /- CA: yes, path length 0/);
  assert.match(c?.value ?? '', /- Name constraints: permitted dns:example\.com/);
});

test('pem hover: base64 in a Kubernetes Secret — certificate, key (type only) and DER CA', async () => {
  const text = `apiVersion: v1\nkind: Secret\ntype: kubernetes.io/tls\nmetadata:\n  name: web\ndata:\n  tls.crt: ${b64(leaf)}\n  tls.key: ${b64(leafKey)}\n  ca.crt: ${b64(readFileSync(join(certs, 'ca.der')))}\n`;
  const path = await open('secret.yaml', text, 'yaml');
  assert.match((await hoverAt(path, text, 'tls.crt: ', 30))?.value ?? '', /\*\*Certificate \(base64-encoded PEM\):\*\* `CN=web\.example\.com`/);
  const key = (await hoverAt(path, text, 'tls.key: ', 30))?.value ?? '';
  assert.match(key, /\*\*Private key:\*\* RSA 2048 bits — matches the certificate `CN=web\.example\.com`/);
  assert.match((await hoverAt(path, text, 'ca.crt: ', 30))?.value ?? '', /\*\*Certificate \(base64 DER\):\*\* `CN=Hover CA`/);
});

test('pem hover: escaped PEM in JSON and a certificate path in JSON and YAML', async () => {
  const json = JSON.stringify({ server: { cert: leaf, caFile: 'certs/ca.pem' } }, null, 2);
  const jpath = await open('app.json', json, 'json');
  assert.match((await hoverAt(jpath, json, 'BEGIN CERTIFICATE', 40))?.value ?? '', /\*\*Certificate \(escaped PEM\):\*\* `CN=web\.example\.com`/);
  const p = await hoverAt(jpath, json, 'certs/ca.pem', 3);
  assert.match(p?.value ?? '', /File: `[^`]*certs\/ca\.pem`/);
  assert.match(p?.value ?? '', /\*\*Certificate:\*\* `CN=Hover CA`/);
  const yaml = 'apiVersion: networking.istio.io/v1\nkind: DestinationRule\nspec:\n  trafficPolicy:\n    tls:\n      mode: MUTUAL\n      caCertificates: certs/ca.der\n      privateKey: certs/leaf.key\n';
  const ypath = await open('dr.yaml', yaml, 'yaml');
  assert.match((await hoverAt(ypath, yaml, 'certs/ca.der', 3))?.value ?? '', /\(DER\)[\s\S]*`CN=Hover CA`/);
  assert.match((await hoverAt(ypath, yaml, 'certs/leaf.key', 3))?.value ?? '', /\*\*Private key:\*\* RSA 2048 bits/);
});

test('pem hover: any language (markdown) gets hovers but no diagnostics', async () => {
  const text = `# Our CA\n\n\`\`\`\n${ca}\`\`\`\n`;
  const path = await open('README.md', text, 'markdown');
  assert.match((await hoverAt(path, text, 'BEGIN CERTIFICATE', 40))?.value ?? '', /`CN=Hover CA`/);
  assert.equal(await hoverAt(path, text, '# Our CA'), null);
  assert.deepEqual(await s.diagnostics(uriOf(path)), []);
});

test('pem hover: nginx path and directive hovers still work', async () => {
  const text = 'http {\n    server {\n        listen 443 ssl;\n        ssl_certificate certs/leaf.pem;\n        ssl_certificate_key certs/leaf.key;\n    }\n}\n';
  const path = await open('nginx.conf', text, 'nginx');
  const cert = await hoverAt(path, text, 'certs/leaf.pem', 3);
  assert.match(cert?.value ?? '', /\*\*ssl_certificate\*\* `certs\/leaf\.pem`/);
  assert.match(cert?.value ?? '', /`CN=web\.example\.com`/);
  assert.match((await hoverAt(path, text, 'certs/leaf.key', 3))?.value ?? '', /\*\*Private key:\*\* RSA 2048 bits — matches/);
  assert.match((await hoverAt(path, text, 'listen', 1))?.value ?? '', /listen/);
});

test('pem hover: a key names its certificate in another workspace file, after the files change', async () => {
  mkdirSync(join(ws, 'private'));
  ssl('req', '-x509', '-newkey', 'ec', '-pkeyopt', 'ec_paramgen_curve:P-384', '-nodes', '-keyout', '../private/api.key', '-out', 'api.pem', '-days', '30', '-subj', '/CN=api.example.com');
  const apiKey = readFileSync(join(ws, 'private/api.key'), 'utf8');
  secrets.push(...apiKey.split('\n').filter((l) => /^[A-Za-z0-9+/=]{20,}$/.test(l)).map((l) => l.slice(0, 20)));
  // Earlier key hovers built the workspace index; the editor's file watcher tells the server it is stale.
  await s.conn.sendNotification('workspace/didChangeWatchedFiles', { changes: [{ uri: uriOf(join(certs, 'api.pem')), type: 1 }] });
  const text = `apiVersion: v1\nkind: ConfigMap\ndata:\n  key.pem: |\n${apiKey.replace(/^(?=.)/gm, '    ')}`;
  const path = await open('key-only.yaml', text, 'yaml');
  const embedded = (await hoverAt(path, text, 'BEGIN PRIVATE KEY', 5))?.value ?? '';
  assert.match(embedded, /\*\*Private key:\*\* EC P-384 — matches the certificate `CN=api\.example\.com` in `certs\/api\.pem`/);
  const conf = 'stream {\n    server {\n        listen 8443 ssl;\n        ssl_certificate_key private/api.key;\n    }\n}\n';
  const cpath = await open('stream.conf', conf, 'nginx');
  assert.match((await hoverAt(cpath, conf, 'private/api.key', 3))?.value ?? '', /EC P-384 — matches the certificate `CN=api\.example\.com` in `certs\/api\.pem`/);
  const json = JSON.stringify([{ privateKey: 'private/api.key' }, { privateKey: 'certs/leaf.key' }], null, 2);
  const jpath = await open('svc.json', json, 'json');
  assert.match((await hoverAt(jpath, json, 'private/api.key', 3))?.value ?? '', /matches the certificate `CN=api\.example\.com` in `certs\/api\.pem`/);
  assert.match((await hoverAt(jpath, json, 'certs/leaf.key', 3))?.value ?? '', /RSA 2048 bits — matches the certificate `CN=web\.example\.com` in `certs\/leaf\.pem`/);
});
