import assert from 'node:assert/strict';
import { test } from 'node:test';
import { certificatesOf, crlsOf, decodePkiText, privateKeysOf } from '../../../server/src/pki/file';
import { matchKeyToCertificate } from '../../../server/src/pki/match';
import { checkBundle, summarizeCaList, verifySignature } from '../../../server/src/pki/chain';
import { fixture } from './fixtures';

const cert = (name: string) => certificatesOf(decodePkiText(fixture(name)));
const key = (name: string) => privateKeysOf(decodePkiText(fixture(name)))[0];

test('describe: a server leaf (fixture made by generate.sh)', () => {
  const d = cert('server.crt')[0].description;
  assert.equal(d.subject, 'O=tlsnet test,CN=api.example.com');
  assert.equal(d.issuer, 'O=tlsnet test,CN=Test Server Intermediate');
  assert.equal(d.notBefore, '2026-01-01T00:00:00Z');
  assert.equal(d.notAfter, '2027-01-01T00:00:00Z');
  assert.deepEqual(d.sans, [
    { type: 'dns', value: 'api.example.com' },
    { type: 'dns', value: 'www.example.com' },
    { type: 'ip', value: '10.0.0.1' },
    { type: 'ip', value: '2001:db8::1' },
    { type: 'email', value: 'ops@example.com' },
    { type: 'uri', value: 'spiffe://example.com/api' },
  ]);
  assert.deepEqual(d.publicKey, { algorithm: 'ec', bits: 256, curve: 'P-256' });
  assert.equal(d.signatureAlgorithm, 'ecdsa-with-SHA256');
  assert.equal(d.isCA, false);
  assert.deepEqual(d.keyUsage, ['digitalSignature']);
  assert.deepEqual(d.extendedKeyUsage, ['serverAuth']);
  assert.deepEqual(d.ocspUrls, ['http://ocsp.example.com']);
  assert.deepEqual(d.caIssuers, ['http://ca.example.com/int.crt']);
  assert.deepEqual(d.crlDistributionPoints, ['http://crl.example.com/int.crl']);
  assert.match(d.fingerprints.sha256, /^[0-9a-f]{64}$/);
  assert.match(d.fingerprints.sha1, /^[0-9a-f]{40}$/);
  assert.equal(d.selfSigned, false);
  assert.equal(d.aki, cert('server-int.crt')[0].description.ski);
});

test('describe: root, RSA sizes, Ed25519, SHA-1', () => {
  const root = cert('root.crt')[0].description;
  assert.deepEqual([root.isCA, root.pathLength, root.selfSigned, root.publicKey.bits, root.signatureAlgorithm], [true, 2, true, 2048, 'sha256WithRSAEncryption']);
  assert.deepEqual(root.keyUsage, ['keyCertSign', 'cRLSign']);
  assert.equal(cert('rsa1024.crt')[0].description.publicKey.bits, 1024);
  assert.deepEqual(cert('ed25519.crt')[0].description.publicKey, { algorithm: 'ed25519', bits: 253 });
  assert.equal(cert('sha1.crt')[0].description.signatureAlgorithm, 'sha1WithRSAEncryption');
  assert.deepEqual(cert('p384.crt')[0].description.publicKey, { algorithm: 'ec', bits: 384, curve: 'P-384' });
});

test('describe: CRLs, keys and DH parameters, never key material', () => {
  const [crl] = crlsOf(decodePkiText(fixture('client-int.crl')));
  assert.deepEqual([crl.issuer, crl.thisUpdate, crl.nextUpdate, crl.revoked], ['O=tlsnet test,CN=Test Client Intermediate', '2026-01-01T00:00:00Z', '2026-03-01T00:00:00Z', 1]);
  assert.deepEqual(key('server.key').description, { kind: 'private-key', algorithm: 'ec', bits: 256, curve: 'P-256', encrypted: false, format: 'pkcs8' });
  assert.deepEqual(key('rsa-pkcs1.key').description, { kind: 'private-key', algorithm: 'rsa', bits: 2048, encrypted: false, format: 'pkcs1' });
  assert.deepEqual(key('p384-sec1.key').description, { kind: 'private-key', algorithm: 'ec', bits: 384, curve: 'P-384', encrypted: false, format: 'sec1' });
  assert.deepEqual(key('server-encrypted.key').description, { kind: 'private-key', algorithm: 'unknown', encrypted: true, format: 'pkcs8' });
  assert.deepEqual(key('ed25519.key').description, { kind: 'private-key', algorithm: 'ed25519', bits: 253, encrypted: false, format: 'pkcs8' });
  const dh = decodePkiText(fixture('dhparam.pem')).items[0];
  assert.deepEqual(dh.kind === 'dh-params' && dh.dh, { kind: 'dh-params', bits: 2048 });
  const all = JSON.stringify(['server.key', 'rsa-pkcs1.key', 'ed25519.key'].map((n) => decodePkiText(fixture(n))));
  for (const n of ['server.key', 'rsa-pkcs1.key', 'ed25519.key']) {
    const body = fixture(n).split('\n').slice(1, 3).join('');
    assert.ok(!all.includes(body.slice(20, 40)), `${n}: no key text in the description`);
  }
});

test('describe: garbage is an error result, not an exception', () => {
  const f = decodePkiText('-----BEGIN CERTIFICATE-----\nMAMCAQA=\n-----END CERTIFICATE-----\n');
  assert.equal(f.items.length, 0);
  assert.match(f.errors[0].message, /not a valid X.509 certificate/);
});

test('match: keys against certificates', () => {
  assert.equal(matchKeyToCertificate(key('server.key'), cert('server.crt')[0]).result, 'match');
  assert.equal(matchKeyToCertificate(key('p384-sec1.key'), cert('p384.crt')[0]).result, 'match');
  assert.equal(matchKeyToCertificate(key('ed25519.key'), cert('ed25519.crt')[0]).result, 'match');
  assert.equal(matchKeyToCertificate(key('sha1.key'), cert('sha1.crt')[0]).result, 'match');
  assert.equal(matchKeyToCertificate(key('p384.key'), cert('server.crt')[0]).result, 'mismatch');
  assert.equal(matchKeyToCertificate(key('rsa1024.key'), cert('sha1.crt')[0]).result, 'mismatch');
  assert.equal(matchKeyToCertificate(key('rsa-pkcs1.key'), cert('server.crt')[0]).result, 'mismatch');
  assert.deepEqual(matchKeyToCertificate(key('server-encrypted.key'), cert('server.crt')[0]), { result: 'unknown', reason: 'cannot check: the key is encrypted' });
});

test('chain: order, signatures and CA lists', () => {
  assert.deepEqual(checkBundle(cert('server-chain.pem')), []);
  assert.deepEqual(checkBundle(cert('server-chain-reversed.pem')).map((p) => p.kind), ['leaf-not-first', 'unrelated']);
  const [sha1, root] = [cert('sha1.crt')[0], cert('root.crt')[0]];
  assert.equal(verifySignature(sha1, root), 'valid');
  assert.equal(verifySignature(root, root), 'valid');
  assert.equal(verifySignature(cert('rsa1024.crt')[0], cert('client-int.crt')[0]), 'unchecked');
  assert.equal(verifySignature(cert('client-int.crt')[0], cert('rsa1024.crt')[0]), 'invalid');
  const deep = summarizeCaList(cert('deep-ca-chain.pem'));
  assert.deepEqual([deep.cas.length, deep.roots.length, deep.intermediates.length, deep.longestChain], [3, 1, 2, 3]);
  assert.equal(summarizeCaList(cert('client-ca-chain.pem')).longestChain, 2);
});
