import assert from 'node:assert/strict';
import { test } from 'node:test';
import { expiryOf, hasWeakSignature, isWeakRsaKey } from '../../../server/src/pki/checks';
import { certificatesOf, decodePkiText } from '../../../server/src/pki/file';
import { NOW } from '../ruleTester';
import { fixture } from './fixtures';

const cert = (name: string) => certificatesOf(decodePkiText(fixture(name)))[0];

test('checks: expiry against NOW (2026-06-01) and a 30-day window', () => {
  assert.deepEqual(expiryOf(cert('expired.crt').description, NOW, 30), { state: 'expired', daysAgo: 151 });
  assert.deepEqual(expiryOf(cert('future.crt').description, NOW, 30), { state: 'not-yet-valid' });
  assert.deepEqual(expiryOf(cert('soon.crt').description, NOW, 30), { state: 'expiring', daysLeft: 14 });
  assert.equal(expiryOf(cert('soon.crt').description, NOW, 14), undefined);
  assert.equal(expiryOf(cert('server.crt').description, NOW, 30), undefined);
  assert.deepEqual(expiryOf({ notBefore: '2026-05-01T00:00:00Z', notAfter: '2026-05-31T23:00:00Z' }, NOW, 30), { state: 'expired', daysAgo: 1 });
  assert.equal(expiryOf({ notBefore: 'garbage', notAfter: '2026-05-31T00:00:00Z' }, NOW, 30), undefined);
});

test('checks: RSA under 2048 bits and MD5/SHA-1 signatures are weak; self-signed roots are exempt', () => {
  assert.equal(isWeakRsaKey(cert('rsa1024.crt').description.publicKey), true);
  assert.equal(isWeakRsaKey(cert('sha1.crt').description.publicKey), false);
  assert.equal(isWeakRsaKey({ algorithm: 'rsa-pss', bits: 1536 }), true);
  assert.equal(isWeakRsaKey({ algorithm: 'ec', bits: 256, curve: 'P-256' }), false);
  assert.equal(hasWeakSignature(cert('sha1.crt')), true);
  assert.equal(hasWeakSignature(cert('server.crt')), false);
  assert.equal(hasWeakSignature({ ...cert('sha1.crt'), description: { ...cert('sha1.crt').description, selfSigned: true } }), false);
});
