import assert from 'node:assert/strict';
import { test } from 'node:test';
import { memoryHost } from '../../../server/src/core/host';
import { normalizeSettings } from '../../../server/src/core/settings';
import { expandIncludes } from '../../../server/src/nginx/include';
import { hoverFilePath } from '../../../server/src/nginx/fileHover';
import { parseNginx } from '../../../server/src/nginx/parser';
import { embeddedHover } from '../../../server/src/pem/hover';
import { certificatePathHover } from '../../../server/src/pem/paths';
import { buildWorkspaceCertificates, NO_WORKSPACE_CERTIFICATES } from '../../../server/src/pem/workspaceCertificates';
import { decodePkiText, privateKeysOf } from '../../../server/src/pki/file';
import type { CertificatesForKey } from '../../../server/src/pki/match';
import { buildViewModel } from '../../../server/src/pki/view';
import { fixture } from '../pki/fixtures';
import { NOW } from '../ruleTester';

const keyOf = (name: string) => privateKeysOf(decodePkiText(fixture(name)))[0];
const der = (pem: string): Uint8Array => new Uint8Array(Buffer.from(pem.replace(/-----[^-]+-----|\s/g, ''), 'base64'));

const host = memoryHost(
  {
    '/ws/certs/api.pem': fixture('server-chain.pem'),
    '/ws/certs/p384.der': der(fixture('p384.crt')),
    '/ws/certs/copy/api.crt': fixture('server.crt'),
    '/ws/private/api.key': fixture('server.key'),
    '/ws/private/p384-sec1.key': fixture('p384-sec1.key'),
    '/ws/notes.txt': fixture('ed25519.crt'),
    '/ws/node_modules/x/ed.pem': fixture('ed25519.crt'),
    '/ws/app.yaml': `key: |\n${fixture('server.key').replace(/^(?=.)/gm, '  ')}`,
  },
  ['/ws'],
);
const index = buildWorkspaceCertificates(host);
const forKey: CertificatesForKey = (key, except) => index.forKey(key, except ?? '/ws/app.yaml');
const settings = normalizeSettings({});

test('workspace certificates: keys find their certificates by public key, with workspace-relative paths', () => {
  assert.equal(index.files, 3, 'certificate files only; node_modules and other extensions skipped');
  const api = index.forKey(keyOf('server.key'));
  assert.deepEqual(api.map((c) => [c.subject, c.display]), [
    ['O=tlsnet test,CN=api.example.com', 'certs/api.pem'],
    ['O=tlsnet test,CN=api.example.com', 'certs/copy/api.crt'],
  ]);
  assert.equal(api[0].file, '/ws/certs/api.pem');
  assert.deepEqual(index.forKey(keyOf('server.key'), '/ws/certs/api.pem').map((c) => c.display), ['certs/copy/api.crt']);
  // SEC 1 key against a DER certificate.
  assert.deepEqual(index.forKey(keyOf('p384-sec1.key')).map((c) => c.display), ['certs/p384.der']);
  assert.deepEqual(index.forKey(keyOf('ed25519.key')), [], 'not in an indexed file');
  assert.deepEqual(index.forKey(keyOf('server-encrypted.key')), [], 'an encrypted key cannot be compared');
  assert.deepEqual(NO_WORKSPACE_CERTIFICATES.forKey(keyOf('server.key')), []);
});

test('workspace certificates: the walk is bounded and never throws on junk', () => {
  const files: Record<string, string | Uint8Array> = { '/ws/junk.pem': '-----BEGIN CERTIFICATE-----\nnot base64!\n-----END CERTIFICATE-----\n', '/ws/bits.der': new Uint8Array([0x30, 0x82, 0xff, 0xff, 1, 2, 3]) };
  for (let i = 0; i < 700; i++) files[`/ws/many/c${String(i).padStart(3, '0')}.crt`] = 'not a certificate';
  const big = buildWorkspaceCertificates(memoryHost(files, ['/ws']));
  assert.ok(big.files <= 500);
  assert.deepEqual(big.forKey(keyOf('server.key')), []);
});

test('workspace certificates: an embedded key names the certificate in another file', () => {
  const text = fixture('server.key');
  const md = embeddedHover(text, 30, { now: NOW, settings, certificatesForKey: forKey })?.markdown ?? '';
  assert.match(md, /\*\*Private key:\*\* EC P-256 — matches the certificate `O=tlsnet test,CN=api\.example\.com` in `certs\/api\.pem`, `O=tlsnet test,CN=api\.example\.com` in `certs\/copy\/api\.crt`/);
  const lone = embeddedHover(fixture('ed25519.key'), 30, { now: NOW, settings, certificatesForKey: forKey })?.markdown ?? '';
  assert.match(lone, /Ed25519 — no certificate in the workspace matches it/);
  // A certificate in the same document still comes first, and a mismatch there points elsewhere.
  const beside = `${fixture('p384.crt')}\n${text}`;
  const mixed = embeddedHover(beside, beside.indexOf('PRIVATE KEY') + 5, { now: NOW, settings, certificatesForKey: forKey })?.markdown ?? '';
  assert.match(mixed, /\*\*matches none\*\* of the 1 certificate in this document; it matches the certificate `O=tlsnet test,CN=api\.example\.com` in `certs\/api\.pem`/);
  const noIndex = embeddedHover(text, 30, { now: NOW, settings })?.markdown ?? '';
  assert.doesNotMatch(noIndex, /matches|workspace/, 'without an index, nothing is claimed');
  for (const m of [md, lone, mixed]) assert.ok(!m.includes(text.split('\n')[1].slice(0, 20)), 'no key material');
});

test('workspace certificates: a key path in YAML and in nginx names the workspace certificate', () => {
  const yaml = 'privateKey: private/p384-sec1.key\n';
  const p = certificatePathHover(yaml, 15, { now: NOW, settings, host, file: '/ws/dr.yaml', certificatesForKey: forKey })?.markdown ?? '';
  assert.match(p, /\*\*Private key:\*\* EC P-384 — matches the certificate `[^`]*CN=p384\.example\.com` in `certs\/p384\.der`/);
  const conf = 'server {\n    listen 443 ssl;\n    ssl_certificate certs/missing.pem;\n    ssl_certificate_key private/api.key;\n}\n';
  const ctx = { config: expandIncludes(parseNginx(conf, '/ws/nginx.conf'), host), host, settings, now: NOW, certificatesForKey: forKey };
  assert.match(hoverFilePath(ctx, '/ws/nginx.conf', conf.indexOf('private/api.key') + 2) ?? '', /EC P-256 — matches the certificate `O=tlsnet test,CN=api\.example\.com` in `certs\/api\.pem`/);
  const wrong = conf.replace('certs/missing.pem', 'certs/p384.der');
  const ctx2 = { ...ctx, config: expandIncludes(parseNginx(wrong, '/ws/nginx.conf'), host) };
  assert.match(hoverFilePath(ctx2, '/ws/nginx.conf', wrong.indexOf('private/api.key') + 2) ?? '', /\*\*does not match\*\* `certs\/p384\.der`; it matches the certificate `O=tlsnet test,CN=api\.example\.com` in `certs\/api\.pem`/);
});

test('workspace certificates: the viewer key section looks in the workspace', () => {
  const m = buildViewModel('api.key', new TextEncoder().encode(fixture('server.key')), { now: NOW, expiryWarningDays: 30, certificatesForKey: (k) => index.forKey(k, '/ws/private/api.key') });
  const f = m.objects[0].fields.find((x) => x.name === 'Matching certificate');
  assert.deepEqual(f?.values, ['O=tlsnet test,CN=api.example.com in certs/api.pem', 'O=tlsnet test,CN=api.example.com in certs/copy/api.crt']);
  assert.equal(f?.tone, 'good');
  const none = buildViewModel('ed.key', new TextEncoder().encode(fixture('ed25519.key')), { now: NOW, expiryWarningDays: 30, certificatesForKey: (k) => index.forKey(k) });
  assert.deepEqual(none.objects[0].fields.find((x) => x.name === 'Matching certificate')?.values, ['no certificate in this file or the workspace']);
});
