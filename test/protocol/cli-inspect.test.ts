import assert from 'node:assert/strict';
import { spawnSync } from 'node:child_process';
import { mkdirSync, mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { test } from 'node:test';

// The `tlsnet inspect` contract: exact JSON keys, exit codes, errors with byte offsets, no key material.
const CLI = process.env.TLSNET_CLI ?? join(process.cwd(), 'bin/tlsnet.js');
const ws = mkdtempSync(join(tmpdir(), 'tlsnet-cli-inspect-'));
const run = (args: string[], input?: string) => spawnSync(process.execPath, [CLI, ...args], { cwd: ws, encoding: 'utf8', input });
const ossl = (args: string[]): void => {
  const r = spawnSync('openssl', args, { cwd: ws, encoding: 'utf8' });
  assert.equal(r.status, 0, r.stderr);
};

ossl(['req', '-x509', '-newkey', 'ec', '-pkeyopt', 'ec_paramgen_curve:P-256', '-nodes', '-keyout', 'leaf.key', '-out', 'leaf.pem', '-subj', '/O=Acme/CN=leaf.example', '-days', '30', '-addext', 'subjectAltName=DNS:leaf.example,IP:192.0.2.1', '-addext', 'extendedKeyUsage=serverAuth']);
ossl(['x509', '-in', 'leaf.pem', '-outform', 'DER', '-out', 'leaf.der']);
ossl(['req', '-new', '-key', 'leaf.key', '-subj', '/CN=req', '-out', 'leaf.csr']);
const pem = readFileSync(join(ws, 'leaf.pem'), 'utf8');
writeFileSync(join(ws, 'mixed.yaml'), `tls:\n  cert: |\n${pem.replace(/^/gm, '    ').trimEnd()}\n  key: none\n`);
const lines = pem.split('\n');
lines[3] = `${lines[3].slice(0, 10)}*${lines[3].slice(11)}`;
writeFileSync(join(ws, 'broken.pem'), `${pem}${lines.join('\n')}`);
writeFileSync(join(ws, 'truncated.der'), readFileSync(join(ws, 'leaf.der')).subarray(0, 100));
writeFileSync(join(ws, 'notes.txt'), 'nothing to see\n');
mkdirSync(join(ws, 'dir'));

const CERT_KEYS = ['file', 'line', 'kind', 'subject', 'issuer', 'serialNumber', 'notBefore', 'notAfter', 'sans', 'publicKey', 'signatureAlgorithm', 'isCA', 'pathLength', 'keyUsage', 'extendedKeyUsage', 'fingerprints', 'selfSigned'];

test('cli inspect: --format json prints exactly one object with the documented fields; exit 0', () => {
  const r = run(['inspect', 'leaf.pem', 'leaf.der', 'leaf.key', 'leaf.csr', 'mixed.yaml', '--format', 'json']);
  assert.equal(r.status, 0, r.stderr);
  const out = JSON.parse(r.stdout);
  assert.deepEqual(Object.keys(out), ['version', 'objects']);
  assert.equal(out.version, 1);
  const [cert, der, key, csr, yaml] = out.objects;
  assert.deepEqual(Object.keys(cert), CERT_KEYS);
  assert.deepEqual({ ...cert, notBefore: 'x', notAfter: 'x', serialNumber: 'x', fingerprints: 'x' }, {
    file: 'leaf.pem', line: 1, kind: 'certificate', subject: 'CN=leaf.example,O=Acme', issuer: 'CN=leaf.example,O=Acme', serialNumber: 'x', notBefore: 'x', notAfter: 'x',
    sans: [{ type: 'dns', value: 'leaf.example' }, { type: 'ip', value: '192.0.2.1' }], publicKey: { algorithm: 'ec', bits: 256, curve: 'P-256' }, signatureAlgorithm: 'ecdsa-with-SHA256',
    isCA: true, pathLength: null, keyUsage: [], extendedKeyUsage: ['serverAuth'], fingerprints: 'x', selfSigned: true,
  });
  assert.match(cert.serialNumber, /^[0-9a-f]+$/);
  assert.match(cert.notAfter, /^\d{4}-\d\d-\d\dT\d\d:\d\d:\d\dZ$/);
  assert.match(cert.fingerprints.sha256, /^[0-9a-f]{64}$/);
  assert.match(cert.fingerprints.sha1, /^[0-9a-f]{40}$/);
  assert.deepEqual({ ...der, file: 'leaf.pem' }, cert);
  assert.deepEqual(key, { file: 'leaf.key', line: 1, kind: 'private-key', algorithm: 'ec', bits: 256, curve: 'P-256', encrypted: false });
  assert.deepEqual(csr, { file: 'leaf.csr', line: 1, kind: 'csr', subject: 'CN=req', publicKey: { algorithm: 'ec', bits: 256, curve: 'P-256' }, sans: [], signatureAlgorithm: 'ecdsa-with-SHA256', signature: 'unchecked' });
  assert.deepEqual({ ...yaml, file: 'leaf.pem', line: 1 }, cert);
  assert.equal(yaml.line, 3);
});

test('cli inspect: malformed base64 and DER are error objects with a byte offset; exit 1', () => {
  const r = run(['inspect', 'broken.pem', 'truncated.der', 'notes.txt', '--format', 'json']);
  assert.equal(r.status, 1, r.stderr);
  const { objects } = JSON.parse(r.stdout);
  assert.deepEqual(objects.map((o: { kind: string; line: number }) => [o.kind, o.line]), [['certificate', 1], ['error', lines.length], ['error', 1], ['error', 1]]);
  const bad = objects[1];
  assert.deepEqual(Object.keys(bad), ['file', 'line', 'kind', 'label', 'message', 'offset']);
  assert.equal(bad.label, 'CERTIFICATE');
  assert.match(bad.message, /invalid base64 character "\*"/);
  assert.equal(readFileSync(join(ws, 'broken.pem'), 'latin1')[bad.offset], '*');
  assert.match(objects[2].message, /DER object whose length does not match/);
  assert.match(objects[3].message, /no PEM block/);
  const text = run(['inspect', 'broken.pem']);
  assert.equal(text.status, 1);
  assert.match(text.stdout, new RegExp(`^broken.pem:${lines.length}: error: invalid base64 character "\\*" \\(byte offset ${bad.offset}\\)$`, 'm'));
  assert.match(text.stdout, /^1 object decoded in 1 file, 1 failed to decode$/m);
});

test('cli inspect: text format reads like a summary and never shows key material', () => {
  const r = run(['inspect', 'leaf.pem', 'leaf.key']);
  assert.equal(r.status, 0);
  assert.match(r.stdout, /^leaf.pem:1: certificate\n {2}subject: {5}CN=leaf.example,O=Acme\n/);
  assert.match(r.stdout, /^ {2}SANs: {8}DNS:leaf.example, IP:192.0.2.1$/m);
  assert.match(r.stdout, /^ {2}validity: .* \(29 days left\)$/m);
  assert.match(r.stdout, /^leaf.key:1: private-key\n {2}key: {9}EC P-256$/m);
  for (const l of readFileSync(join(ws, 'leaf.key'), 'utf8').split('\n').filter((x) => x.length > 20 && !x.startsWith('-'))) assert.ok(!r.stdout.includes(l.slice(0, 20)));
  const stdin = run(['inspect', '-', '--format=json'], pem);
  assert.equal(JSON.parse(stdin.stdout).objects[0].file, '-');
});

test('cli inspect: usage and I/O errors exit 2', () => {
  assert.equal(run(['inspect']).status, 2);
  assert.equal(run(['inspect', 'leaf.pem', '--format', 'sarif']).status, 2);
  assert.equal(run(['inspect', 'leaf.pem', '--frob']).status, 2);
  const missing = run(['inspect', 'nope.pem', 'leaf.pem', '--format', 'json']);
  assert.equal(missing.status, 2);
  assert.match(missing.stderr, /nope\.pem: no such file or directory/);
  assert.equal(JSON.parse(missing.stdout).objects.length, 1);
  assert.match(run(['inspect', 'dir']).stderr, /dir: is a directory/);
  assert.match(run(['--help']).stdout, /tlsnet inspect FILE\.\.\. \[--format text\|json\]/);
});
