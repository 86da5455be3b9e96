import assert from 'node:assert/strict';
import { test } from 'node:test';
import { findPemBlocks, looksLikeDer } from '../../../server/src/pki/pem';
import { decodePkiBytes, decodePkiText } from '../../../server/src/pki/file';
import { fixture } from './fixtures';

test('pem: blocks with offsets and lines, junk between them, CRLF and YAML indentation', () => {
  const a = fixture('root.crt');
  const b = fixture('client-int.crt');
  const text = `junk\r\n${a.replace(/\n/g, '\r\n')}more junk\n  key: |\n${b.replace(/^/gm, '    ')}`;
  const blocks = findPemBlocks(text);
  assert.deepEqual(blocks.map((x) => [x.label, x.startLine, !!x.der, x.error]), [['CERTIFICATE', 1, true, undefined], ['CERTIFICATE', a.split('\n').length + 2, true, undefined]]);
  assert.equal(text.slice(blocks[0].start, blocks[0].start + 10), '-----BEGIN');
  assert.ok(text.slice(0, blocks[0].end).endsWith('-----END CERTIFICATE-----'));
});

test('pem: malformed base64 is an error at the offset of the bad character, not an exception', () => {
  const good = fixture('server.crt');
  const at = good.indexOf('\n') + 5;
  const bad = good.slice(0, at) + '*' + good.slice(at + 1);
  const [block] = findPemBlocks(bad);
  assert.equal(block.der, undefined);
  assert.equal(block.error?.offset, at);
  assert.match(block.error?.message ?? '', /invalid base64 character "\*"/);
  const f = decodePkiText(bad);
  assert.equal(f.items.length, 0);
  assert.equal(f.errors[0].offset, at);
});

test('pem: missing END line and truncated body', () => {
  assert.match(findPemBlocks('-----BEGIN CERTIFICATE-----\nMIIB\n')[0].error?.message ?? '', /no matching/);
  assert.match(findPemBlocks('-----BEGIN CERTIFICATE-----\nMIIBx\n-----END CERTIFICATE-----\n')[0].error?.message ?? '', /truncated/);
});

test('pem: RFC 1421 headers of a legacy encrypted key', () => {
  const [b] = findPemBlocks('-----BEGIN RSA PRIVATE KEY-----\nProc-Type: 4,ENCRYPTED\nDEK-Info: AES-128-CBC,00\n\nAAAA\n-----END RSA PRIVATE KEY-----\n');
  assert.deepEqual(b.headers, { 'Proc-Type': '4,ENCRYPTED', 'DEK-Info': 'AES-128-CBC,00' });
  const f = decodePkiText('-----BEGIN RSA PRIVATE KEY-----\nProc-Type: 4,ENCRYPTED\nDEK-Info: AES-128-CBC,00\n\nAAAA\n-----END RSA PRIVATE KEY-----\n');
  assert.deepEqual(f.items[0].kind === 'private-key' && f.items[0].key.description, { kind: 'private-key', algorithm: 'rsa', encrypted: true, format: 'pkcs1' });
});

test('pem: DER detection and decoding', () => {
  const [cert] = findPemBlocks(fixture('server.crt'));
  assert.ok(cert.der && looksLikeDer(cert.der));
  assert.ok(!looksLikeDer(new TextEncoder().encode(fixture('server.crt'))));
  assert.ok(!looksLikeDer(new Uint8Array([0x30, 0x05, 1])));
  const f = decodePkiBytes(cert.der);
  assert.equal(f.format, 'der');
  assert.equal(f.items[0].kind, 'certificate');
  assert.equal(decodePkiBytes(new Uint8Array([0x30, 0x03, 0x02, 0x01, 0x00])).items.length, 0);
});
