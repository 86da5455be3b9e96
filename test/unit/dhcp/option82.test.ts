import assert from 'node:assert/strict';
import { test } from 'node:test';
import { decodeOption82 } from '../../../server/src/dhcp/option82';
import { fuzzSeed, prng } from '../fuzz';

const summary = (text: string): string[] => decodeOption82(text).subOptions.map((s) => `${s.code} ${s.name}: ${s.summary}`);

test('option82: the domain-note example decodes to circuit-id VLAN/module/port and remote-id MAC', () => {
  const text = '010600040001000002080006aabbcc000100';
  const r = decodeOption82(text);
  assert.equal(r.error, undefined);
  assert.deepEqual(summary(text), ['1 circuit-id: VLAN 1, module 0, port 0', '2 remote-id: MAC aabb.cc00.0100']);
  assert.deepEqual(r.subOptions[0].circuit, { vlan: 1, module: 0, port: 0 });
  assert.equal(r.subOptions[1].mac, 'aa:bb:cc:00:01:00');
  assert.deepEqual(r.subOptions.map((s) => text.slice(s.span.start, s.span.end)), ['0106000400010000', '02080006aabbcc000100']);
  assert.deepEqual(r.subOptions.map((s) => s.offset), [0, 8]);
});

test('option82: any hex spelling, wildcard prefix, other sub-options by name', () => {
  assert.deepEqual(summary('0106.0004.0064.0203.0208.0006.0011.2233.4455'), ['1 circuit-id: VLAN 100, module 2, port 3', '2 remote-id: MAC 0011.2233.4455']);
  assert.deepEqual(summary('01:05:47:69:30:2f:31'), ['1 circuit-id: "Gi0/1"']);
  assert.deepEqual(summary('0504c0a80101 0b040a000001 0604 6162 6364'), ['5 link-selection: 192.168.1.1', '11 server-id-override: 10.0.0.1', '6 subscriber-id: "abcd"']);
  assert.deepEqual(summary('0906000000090100'), ['9 vendor-specific: enterprise 9 (Cisco), 2 bytes of data']);
  assert.deepEqual(summary('970400766e31 9800'), ['151 vss: VPN name "vn1"', '152 vss-control: (empty)']);
  assert.deepEqual(summary('c8020102'), ['200 sub-option 200: 0102']);
  // Cisco `relay-information hex 0106000400010000*`: a prefix, a cut-off last sub-option is fine.
  const w = decodeOption82('01060004000100000208*');
  assert.equal(w.wildcard, true);
  assert.equal(w.error, undefined);
  assert.deepEqual(w.subOptions.map((s) => s.code), [1]);
});

test('option82: errors name the byte and the character', () => {
  const trunc = decodeOption82('0106000400010000 0208 0006aabb');
  assert.equal(trunc.subOptions.length, 1);
  assert.deepEqual([trunc.error?.offset, trunc.error?.charOffset], [8, 17]);
  assert.match(trunc.error?.message ?? '', /^byte 8: truncated sub-option 2 \(remote-id\): its length says 8 bytes, but only 4 follow/);
  const trailing = decodeOption82('0106000400010000ff');
  assert.deepEqual([trailing.error?.offset, trailing.error?.charOffset], [8, 16]);
  assert.match(trailing.error?.message ?? '', /trailing byte/);
  const notHex = decodeOption82('0106zz');
  assert.deepEqual([notHex.error?.offset, notHex.error?.charOffset], [2, 4]);
  assert.match(decodeOption82('').error?.message ?? '', /empty/);
});

test('option82: fuzzed input never throws and spans stay inside the text', () => {
  const seed = fuzzSeed(0x82);
  const r = prng(seed);
  const chars = '0123456789abcdef0000:.- *zx';
  for (let n = 0; n < 3000; n++) {
    const text = Array.from({ length: Math.floor(r() * 48) }, () => chars[Math.floor(r() * chars.length)]).join('');
    const d = decodeOption82(text);
    for (const s of [...d.subOptions.map((x) => x.span), ...(d.error ? [d.error.span] : [])]) assert.ok(s.start >= 0 && s.start <= s.end && s.end <= text.length, `seed ${seed} case ${n}: ${JSON.stringify(text)}`);
  }
});
