import assert from 'node:assert/strict';
import { test } from 'node:test';
import { normalizeSettings } from '../../../server/src/core/settings';
import { embeddedHover, objectsNear, oversizedValueHover } from '../../../server/src/pem/hover';
import { findPemBlocks } from '../../../server/src/pki/pem';
import { fixture } from '../pki/fixtures';
import { NOW } from '../ruleTester';

const ctx = { now: NOW, settings: normalizeSettings({}) };
const b64 = (s: string | Buffer): string => Buffer.from(s).toString('base64');
const at = (text: string, needle: string, from = 0): string => embeddedHover(text, text.indexOf(needle, from) + needle.length + 5, ctx)?.markdown ?? '';

/** Lines of a key's base64 body: none of them may appear in any hover. */
const keyMaterial = (pem: string): string[] => pem.split('\n').filter((l) => /^[A-Za-z0-9+/=]{16,}$/.test(l)).map((l) => l.slice(0, 16));
const assertNoKeyMaterial = (md: string, ...pems: string[]): void => {
  for (const pem of pems) for (const chunk of keyMaterial(pem)) assert.ok(!md.includes(chunk), `hover leaks key material ${chunk}`);
};

test('hover: a certificate in YAML shows every field', () => {
  const yaml = `tls:\n  cert: |\n${fixture('server-chain.pem').replace(/^(?=.)/gm, '    ')}`;
  const md = at(yaml, 'BEGIN CERTIFICATE');
  assert.match(md, /\*\*Certificate 1 of 2:\*\* `O=tlsnet test,CN=api\.example\.com`/);
  assert.match(md, /- Issuer: `O=tlsnet test,CN=Test Server Intermediate`/);
  assert.match(md, /- SANs: dns:api\.example\.com/);
  assert.match(md, /- Serial: `[0-9a-f]+`/);
  assert.match(md, /214 days left/);
  assert.match(md, /- Key: EC P-256; signature ecdsa-with-SHA256/);
  assert.match(md, /- CA: no/);
  assert.match(md, /- Key usage: digitalSignature/);
  assert.match(md, /- Extended key usage: serverAuth/);
  assert.match(md, /- Subject key id: `[0-9a-f]+`/);
  assert.match(md, /- Authority key id: `[0-9a-f]+`/);
  assert.match(md, /- SHA-256: `[0-9a-f]{64}`/);
  assert.match(md, /- SHA-1: `[0-9a-f]{40}`/);
  assert.match(md, /\*\*Bundle of 2:\*\* leaf first/);
  assert.match(md, /1\. \*\*`O=tlsnet test,CN=api\.example\.com`\*\* \(this one\) — issued by #2/);
});

test('hover: the intermediate of a bundle shows its CA flag, path length and link', () => {
  const text = fixture('server-chain.pem');
  const md = at(text, 'BEGIN CERTIFICATE', 10);
  assert.match(md, /Certificate 2 of 2/);
  assert.match(md, /- CA: yes, path length 0/);
  assert.match(md, /2\. \*\*`O=tlsnet test,CN=Test Server Intermediate`\*\* \(this one\) — its issuer `[^`]+` is not in the bundle/);
});

test('hover: expired, not yet valid and expiring soon are called out', () => {
  assert.match(at(fixture('expired.crt'), 'BEGIN'), /\*\*expired \d+ days? ago\*\*/);
  assert.match(at(fixture('future.crt'), 'BEGIN'), /\*\*not yet valid\*\*/);
  assert.match(at(fixture('soon.crt'), 'BEGIN'), /\*\*expires soon: \d+ days? left\*\*/);
  const relaxed = { now: NOW, settings: normalizeSettings({ certificates: { expiryWarningDays: 0 } }) };
  assert.doesNotMatch(embeddedHover(fixture('soon.crt'), 5, relaxed)?.markdown ?? '', /expires soon/);
});

test('hover: a key shows type, size and its certificate, never key material', () => {
  const key = fixture('server.key');
  const text = `${fixture('server.crt')}\n${key}`;
  const md = at(text, 'BEGIN PRIVATE KEY');
  assert.match(md, /\*\*Private key:\*\* EC P-256 — matches the certificate `O=tlsnet test,CN=api\.example\.com` \(line 1\)/);
  assertNoKeyMaterial(md, key);
  assert.match(at(text, 'BEGIN CERTIFICATE'), /the key at line \d+ matches this certificate/);
  const other = `${fixture('root.crt')}\n${key}`;
  assert.match(at(other, 'BEGIN PRIVATE KEY'), /\*\*matches none\*\* of the 1 certificate in this document/);
  const rsa = fixture('rsa-pkcs1.key');
  const mdRsa = at(rsa, 'BEGIN');
  assert.match(mdRsa, /RSA \d+ bits/);
  assertNoKeyMaterial(mdRsa, rsa);
});

test('hover: base64 in a Secret, a CRL, and an error with its line', () => {
  const der = Buffer.from(findPemBlocks(fixture('root.crt'))[0].der!);
  const secret = `kind: Secret\ndata:\n  ca.crt: ${b64(der)}\n  tls.key: ${b64(fixture('server.key'))}\n  bad.crt: MIIB${'*'.repeat(50)}\n`;
  assert.match(at(secret, 'ca.crt: '), /\*\*Certificate \(base64 DER\):\*\* `[^`]*Root/);
  const keyMd = at(secret, 'tls.key: ');
  assert.match(keyMd, /\*\*Private key:\*\* EC P-256/);
  assertNoKeyMaterial(keyMd, fixture('server.key'));
  assert.match(at(secret, 'bad.crt: '), /\*\*Error\*\* \(base64 DER\): "bad\.crt": invalid base64 character "\*" \(line 5, document offset \d+\)/);
  assert.match(at(fixture('root.crl'), 'BEGIN'), /\*\*CRL\*\* of `[^`]+`: updated \d{4}-\d\d-\d\d, next update \d{4}-\d\d-\d\d; \d+ revoked/);
  assert.equal(embeddedHover('no certificates here', 3, ctx), undefined);
});

test('hover: a huge document is decoded only around the cursor', () => {
  const cert = fixture('server.crt');
  const big = `${'x: y\n'.repeat(300_000)}${cert}${'x: y\n'.repeat(300_000)}`;
  const t0 = performance.now();
  const objs = objectsNear(big, big.indexOf('-----BEGIN') + 40);
  assert.equal(objs.length, 1);
  assert.equal(big.slice(objs[0].span.start, objs[0].span.start + 10), '-----BEGIN');
  assert.ok(performance.now() - t0 < 1000);
});

test('hover: a huge one-line document is decoded in a window, and a huge base64 value is declined', () => {
  const cert = fixture('server.crt');
  const json = JSON.stringify({ certs: cert.repeat(Math.ceil((3 * 1024 * 1024) / cert.length)) });
  const objs = objectsNear(json, json.indexOf('BEGIN', json.length / 2) + 10);
  assert.ok(objs.length > 10 && objs.length * 4 < json.split('BEGIN CERTIFICATE').length, `${objs.length} objects decoded`);
  const hit = objs.find((o) => o.item && o.span.start <= json.length / 2 + 200 && o.span.end >= json.length / 2);
  assert.equal(hit?.embedding, 'pem-escaped');
  const secret = `kind: Secret\ndata:\n  tls.crt: ${Buffer.from(cert.repeat(3000)).toString('base64')}\n`;
  const at = secret.length - 100;
  assert.equal(embeddedHover(secret, at, ctx), undefined);
  assert.match(oversizedValueHover(secret, at)?.markdown ?? '', /^A \d+\.\d MB line: too large to decode on hover/);
  assert.equal(oversizedValueHover(secret, 3), undefined, 'not on a short line');
  assert.equal(oversizedValueHover(cert, 40), undefined, 'not in a small document');
});
