import assert from 'node:assert/strict';
import { test } from 'node:test';
import { certificatesOf, decodePkiText } from '../../../server/src/pki/file';
import type { ParsedCertificate } from '../../../server/src/pki/describe';
import { validatePath } from '../../../server/src/pki/validate';
import { pem } from '../pemRuleTester';
import { NOW } from '../ruleTester';

const cert = (name: string): ParsedCertificate => certificatesOf(decodePkiText(pem(name)))[0];
const SERVER_AUTH = '1.3.6.1.5.5.7.3.1';
const features = (r: ReturnType<typeof validatePath>): string[] => r.errors.map((e) => e.feature);

test('validatePath: an ECDSA chain to an RSA root validates, with the host name', () => {
  const r = validatePath({ leaf: cert('server.crt'), intermediates: [cert('server-int.crt')], anchors: [cert('root.crt')], at: NOW, purpose: SERVER_AUTH, hostname: 'api.example.com' });
  assert.deepEqual(r.errors, []);
  assert.equal(r.path.length, 3);
  assert.equal(r.unchecked, 0);
});

test('validatePath: expiry, wrong host, missing intermediate', () => {
  assert.deepEqual(features(validatePath({ leaf: cert('expired.crt'), intermediates: [cert('server-int.crt')], anchors: [cert('root.crt')], at: NOW })), ['validity']);
  assert.deepEqual(features(validatePath({ leaf: cert('server.crt'), intermediates: [cert('server-int.crt')], anchors: [cert('root.crt')], at: NOW, hostname: 'other.example.com' })), ['hostname']);
  assert.deepEqual(features(validatePath({ leaf: cert('server.crt'), anchors: [cert('root.crt')], at: NOW })), ['path-building']);
});

test('validatePath: a CA without keyCertSign, and EKU for the purpose', () => {
  assert.deepEqual(features(validatePath({ leaf: cert('nokcs-leaf.crt'), intermediates: [cert('nokcs-ca.crt')], anchors: [cert('rules-root.crt')], at: NOW })), ['key-usage']);
  assert.deepEqual(features(validatePath({ leaf: cert('client-only.crt'), anchors: [cert('rules-root.crt')], at: NOW, purpose: SERVER_AUTH })), ['eku']);
  assert.deepEqual(features(validatePath({ leaf: cert('client-only.crt'), anchors: [cert('rules-root.crt')], at: NOW, purpose: '1.3.6.1.5.5.7.3.2' })), []);
});

test('validatePath: path length (root pathlen 2 allows two intermediates), Ed25519 leaf', () => {
  assert.deepEqual(features(validatePath({ leaf: cert('issuing-int.crt'), intermediates: [cert('policy-int.crt')], anchors: [cert('root.crt')], at: NOW })), []);
  assert.deepEqual(features(validatePath({ leaf: cert('ed25519.crt'), intermediates: [cert('server-int.crt')], anchors: [cert('root.crt')], at: NOW })), []);
});
