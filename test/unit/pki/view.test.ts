import assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { test } from 'node:test';
import { MAX_PKCS12_ITERATIONS, openPkcs12 } from '../../../server/src/pki/pkcs12';
import { decodePkiText, type PkiItem } from '../../../server/src/pki/file';
import { buildViewModel, buildViewModelFromPki, commonName, type ViewModel } from '../../../server/src/pki/view';
import { fixture } from './fixtures';
import { NOW } from '../ruleTester';

/** The viewer fixtures (test/fixtures/viewer/generate.sh) are valid from 2026-11-22 for decades. */
const LATER = new Date('2027-01-01T00:00:00Z');
const bytes = (dir: string, name: string): Uint8Array => new Uint8Array(readFileSync(join(process.cwd(), 'test/fixtures', dir, name)));
const view = (name: string, data: Uint8Array | string, now = LATER, password?: string): ViewModel =>
  buildViewModel(name, typeof data === 'string' ? new TextEncoder().encode(data) : data, { now, expiryWarningDays: 30, ...(password !== undefined ? { password } : {}) });
const values = (m: ViewModel, id: number, name: string): string[] => m.objects[id].fields.find((f) => f.name === name)?.values ?? [];

test('viewer model: an RSA chain, leaf first, every link verified up to the self-signed root', () => {
  const m = view('rsa-chain.pem', bytes('viewer', 'rsa-chain.pem'));
  assert.equal(m.format, 'pem');
  assert.deepEqual(m.objects.map((o) => [o.kind, o.role, o.label]), [
    ['certificate', 'leaf', 'www.example.com'],
    ['certificate', 'intermediate', 'Viewer Intermediate'],
    ['certificate', 'root', 'Viewer Root CA'],
  ]);
  assert.deepEqual(m.links, [
    { child: 0, parent: 1, signature: 'valid' },
    { child: 1, parent: 2, signature: 'valid' },
    { child: 2, parent: 2, signature: 'valid' },
  ]);
  assert.deepEqual(m.chains, [{ path: [0, 1, 2] }]);
  assert.deepEqual(m.notes, []);
  assert.deepEqual(m.errors, []);
});

test('viewer model: the fields the hover shows, keys by type and size', () => {
  const m = view('rsa-chain.pem', bytes('viewer', 'rsa-chain.pem'));
  assert.deepEqual(values(m, 0, 'Subject alternative names'), ['DNS: www.example.com', 'IP: 192.0.2.7']);
  assert.deepEqual(values(m, 0, 'Serial number'), ['20:02']);
  assert.deepEqual(values(m, 0, 'Public key'), ['RSA 2048 bits']);
  assert.deepEqual(values(m, 0, 'Signature algorithm'), ['sha256WithRSAEncryption']);
  assert.deepEqual(values(m, 0, 'Basic constraints'), ['not a CA']);
  assert.deepEqual(values(m, 0, 'Key usage'), ['digitalSignature', 'keyEncipherment']);
  assert.deepEqual(values(m, 0, 'Extended key usage'), ['serverAuth']);
  assert.deepEqual(values(m, 0, 'CRL distribution points'), ['http://crl.example.com/int.crl']);
  assert.deepEqual(values(m, 0, 'OCSP responders'), ['http://ocsp.example.com']);
  assert.deepEqual(values(m, 0, 'CA issuers'), ['http://ca.example.com/int.crt']);
  assert.match(values(m, 0, 'SHA-256 fingerprint')[0], /^([0-9a-f]{2}:){31}[0-9a-f]{2}$/);
  assert.match(values(m, 0, 'SHA-1 fingerprint')[0], /^([0-9a-f]{2}:){19}[0-9a-f]{2}$/);
  assert.equal(values(m, 0, 'Authority key identifier')[0], values(m, 1, 'Subject key identifier')[0]);
  assert.deepEqual(values(m, 1, 'Basic constraints'), ['CA, path length 0']);
  assert.deepEqual(values(m, 1, 'Name constraints'), ['permitted dns:.example.com', 'excluded dns:bad.example.com']);
  assert.deepEqual(values(m, 2, 'Basic constraints'), ['CA, no path length limit']);
});

test('viewer model: validity against today, with expired, expiring-soon and not-yet-valid called out', () => {
  const state = (name: string) => view(name, fixture(name), NOW).objects[0].validity;
  assert.equal(state('server.crt')?.state, 'valid');
  assert.deepEqual(state('expired.crt'), { from: '2025-01-01T00:00:00Z', to: '2026-01-01T00:00:00Z', state: 'expired', days: -151, summary: 'expired 151 days ago' });
  assert.deepEqual(state('soon.crt'), { from: '2026-01-01T00:00:00Z', to: '2026-06-15T00:00:00Z', state: 'expiring-soon', days: 14, summary: 'expires soon: 14 days left' });
  assert.equal(state('future.crt')?.state, 'not-yet-valid');
  assert.match(state('future.crt')?.summary ?? '', /starts in 30 days/);
});

test('viewer model: a bundle out of order is noted; a key is matched to the certificate beside it', () => {
  const reversed = view('server-chain-reversed.pem', fixture('server-chain-reversed.pem'), NOW);
  assert.equal(reversed.notes.length > 0, true);
  assert.match(reversed.notes.join('\n'), /should come right after it|must come first/);
  const withKey = view('both.pem', fixture('server.crt') + fixture('server.key'), NOW);
  assert.deepEqual(withKey.objects.map((o) => o.kind), ['certificate', 'private-key']);
  assert.deepEqual(values(withKey, 1, 'Matching certificate'), ['#1 api.example.com']);
  const mismatch = view('both.pem', fixture('server.crt') + fixture('p384.key'), NOW);
  assert.equal(mismatch.objects[1].fields.find((f) => f.name === 'Matching certificate')?.tone, 'bad');
});

test('viewer model: never key material, for any key format', () => {
  for (const name of ['server.key', 'rsa-pkcs1.key', 'p384-sec1.key', 'ed25519.key', 'server-encrypted.key']) {
    const pem = fixture(name);
    const m = view(name, pem, NOW);
    assert.equal(m.objects[0]?.kind, 'private-key', name);
    const json = JSON.stringify(m);
    const body = pem.split(/\r?\n/).filter((l) => l && !l.startsWith('-----') && !l.includes(':'));
    for (const line of body) assert.ok(!json.includes(line.slice(8, 40)), `${name}: base64 of the key appears in the model`);
  }
  const rsa = view('rsa-pkcs1.key', fixture('rsa-pkcs1.key'), NOW);
  assert.ok(!/modulus|exponent|prime/i.test(JSON.stringify(rsa)));
});

test('viewer model: DER certificate, CRL, DH parameters and junk', () => {
  const der = view('server.der', bytes('editor-workspace/certs', 'server.der'));
  assert.equal(der.format, 'der');
  assert.equal(der.objects[0].label, 'secure.example');
  assert.deepEqual(der.chains, [{ path: [0], issuerOutside: 'CN=tlsnet test server CA,O=tlsnet test' }]);
  const crl = view('root.crl', fixture('root.crl'), NOW);
  assert.equal(crl.objects[0].kind, 'crl');
  assert.ok(crl.objects[0].validity);
  assert.equal(view('dh.pem', fixture('dhparam.pem')).objects[0].kind, 'dh-params');
  const junk = view('junk.der', new Uint8Array([0x30, 0x03, 0x04, 0x01, 0x05]));
  assert.equal(junk.objects.length, 0);
  assert.equal(junk.errors.length, 1);
  assert.equal(view('empty.pem', '').errors.length, 1);
  const truncated = view('t.pem', fixture('server.crt').slice(0, 400));
  assert.equal(truncated.objects.length, 0);
  assert.equal(truncated.errors.length, 1);
});

test('viewer model: PKCS#12 needs its password; the empty password is tried first', () => {
  const p12 = bytes('viewer', 'with-password.p12');
  assert.equal(view('a.p12', p12).locked, 'password-required');
  assert.equal(view('a.p12', p12, LATER, 'wrong').locked, 'wrong-password');
  const open = view('a.pfx', p12, LATER, 'tlsnet-viewer');
  assert.equal(open.locked, undefined);
  assert.equal(open.format, 'pkcs12');
  assert.deepEqual(open.objects.map((o) => [o.kind, o.label]), [['certificate', 'www.example.com'], ['certificate', 'Viewer Intermediate'], ['private-key', 'Private key']]);
  assert.deepEqual(open.links, [{ child: 0, parent: 1, signature: 'valid' }]);
  assert.match(open.objects[0].source, /"www.example.com"/);
  assert.deepEqual(values(open, 2, 'Matching certificate'), ['#1 www.example.com']);
  assert.ok(!JSON.stringify(open).includes('tlsnet-viewer'), 'the password is not part of the model');
  const empty = view('e.p12', bytes('viewer', 'empty-password.p12'));
  assert.equal(empty.locked, undefined);
  assert.equal(empty.objects.length, 2);
});

test('viewer model: a PKCS#12 asking for a million PBKDF iterations is refused, not decoded for seconds', () => {
  const t = Date.now();
  const r = openPkcs12(bytes('viewer', 'many-iterations.p12'), 'tlsnet-viewer');
  assert.equal(r.ok, false);
  assert.match(r.ok ? '' : r.error, new RegExp(`1000000 key-derivation iterations; more than ${MAX_PKCS12_ITERATIONS}`));
  assert.ok(Date.now() - t < 500);
  assert.equal(view('x.p12', new Uint8Array([1, 2, 3])).errors.length, 1);
});

test('viewer model: a subject full of markup stays data', () => {
  const m = view('odd.der', bytes('viewer', 'odd-subject.der'));
  assert.equal(m.objects[0].label, '<script>alert(1)</script>');
  assert.equal(commonName('O=x,CN=a\\,b'), 'a,b');
  assert.equal(commonName('O=only'), 'O=only');
});

test('viewer model: certificate requests, PKCS#7 bundles, and kinds the viewer does not know', () => {
  const other = view('x.pem', '-----BEGIN SOMETHING NEW-----\nAAAA\n-----END SOMETHING NEW-----\n');
  assert.deepEqual([other.objects[0].kind, other.objects[0].title], ['other', 'SOMETHING NEW']);
  const chain = decodePkiText(fixture('server-chain.pem'));
  const certs = chain.items.flatMap((i) => (i.kind === 'certificate' ? [i.cert] : []));
  const items = [
    { kind: 'csr', csr: { kind: 'csr', subject: 'CN=<b>req</b>', sans: [{ type: 'dns', value: 'req.example' }], publicKey: { algorithm: 'ml-dsa', bits: 15616, parameterSet: 'ML-DSA-65' }, signatureAlgorithm: 'ML-DSA-65', signature: 'unchecked' } },
    { kind: 'pkcs7', pkcs7: { certificates: certs, crls: [] } },
    // A kind a later decoder may add: shown from its plain fields, never from bytes or key-like fields.
    { kind: 'attribute-certificate', ac: { holder: 'CN=holder', validFor: 3, der: new Uint8Array([1]), privateExponent: 'secret' } },
  ] as unknown as PkiItem[];
  const m = buildViewModelFromPki('odd.pem', { format: 'pem', items, errors: [] }, { now: NOW, expiryWarningDays: 30 });
  assert.deepEqual(m.objects.map((o) => [o.kind, o.label]), [
    ['csr', '<b>req</b>'],
    ['pkcs7', 'PKCS#7 bundle'],
    ['certificate', 'api.example.com'],
    ['certificate', 'Test Server Intermediate'],
    ['attribute-certificate', 'Attribute certificate'],
  ]);
  assert.deepEqual(m.objects[0].fields.map((f) => [f.name, f.values]), [
    ['Subject', ['CN=<b>req</b>']],
    ['Requested SANs', ['DNS: req.example']],
    ['Public key', ['ML-DSA-65 (15616 bits)']],
    ['Signature algorithm', ['ML-DSA-65']],
    ['Signature', ['not checked for this algorithm']],
  ]);
  assert.equal(m.objects[1].title, 'PKCS#7 bundle: 2 certificates, 0 CRLs');
  assert.deepEqual(m.links, [{ child: 2, parent: 3, signature: 'valid' }]);
  assert.deepEqual(m.objects[4].fields.map((f) => [f.name, f.values]), [['Holder', ['CN=holder']], ['Valid for', ['3']]]);
});

test('viewer model: a real CSR and a DER PKCS#7 bundle made by openssl', () => {
  const csr = view('leaf.csr', bytes('viewer', 'leaf.csr'));
  assert.deepEqual(csr.objects.map((o) => [o.kind, o.label]), [['csr', 'www.example.com']]);
  assert.deepEqual(values(csr, 0, 'Requested SANs'), ['DNS: www.example.com']);
  assert.deepEqual(values(csr, 0, 'Signature'), ['verifies with the request’s own key']);
  const p7 = view('chain.p7b', bytes('viewer', 'rsa-chain.p7b'));
  assert.equal(p7.format, 'der');
  assert.deepEqual(p7.objects.map((o) => o.kind), ['pkcs7', 'certificate', 'certificate', 'certificate']);
  assert.deepEqual(p7.chains, [{ path: [1, 2, 3] }]);
});
