import assert from 'node:assert/strict';
import { test } from 'node:test';
import { normalizeSettings } from '../../../server/src/core/settings';
import { findEmbeddedObjects } from '../../../server/src/pem/embedded';
import { embeddedHover } from '../../../server/src/pem/hover';
import { decodePkiBytes } from '../../../server/src/pki/file';
import { findPemBlocks } from '../../../server/src/pki/pem';
import { fuzzSeed, pick, prng } from '../fuzz';
import { fixture } from '../pki/fixtures';
import { NOW } from '../ruleTester';

// Robustness of the embedded-object finder, the decoders and the hover: truncated, bit-flipped and
// oversized (10 MB) PEM, base64 and DER never throw and never take more than a second.
// TLSNET_FUZZ_SEED=<n> replays a run; the seed and a failing case are printed.

const SEED = fuzzSeed(0x9e3779b9);
const CASES = 600;
const LIMIT_MS = 1000;

const ctx = { now: NOW, settings: normalizeSettings({}) };
const sources = ['server-chain.pem', 'server.key', 'root.crl', 'rsa-pkcs1.key', 'ed25519.crt', 'p384-sec1.key', 'server-encrypted.key', 'dhparam.pem'].map(fixture);
const ders = sources.flatMap((s) => findPemBlocks(s).flatMap((b) => (b.der ? [Buffer.from(b.der)] : [])));
const b64 = (b: Uint8Array | string): string => Buffer.from(b).toString('base64');

function wrap(r: () => number, body: string): string {
  const forms = [
    (x: string) => x,
    (x: string) => `data:\n  tls.crt: |\n${x.replace(/^(?=.)/gm, '    ')}`,
    (x: string) => JSON.stringify({ kind: 'Secret', data: { 'tls.crt': x } }),
    (x: string) => `kind: Secret\ndata:\n  tls.crt: ${b64(x)}\n`,
    (x: string) => x.replace(/\n/g, '\r\n'),
  ];
  return pick(forms, r)(body);
}

function mutate(r: () => number, s: string): string {
  const chars = s.split('');
  const n = 1 + Math.floor(r() * 8);
  for (let i = 0; i < n; i++) {
    const at = Math.floor(r() * chars.length);
    const op = r();
    if (op < 0.4 && chars[at] !== undefined) chars[at] = String.fromCharCode(chars[at].charCodeAt(0) ^ (1 << Math.floor(r() * 7)));
    else if (op < 0.7) chars.splice(at, Math.floor(r() * 40));
    else chars.splice(at, 0, '-----BEGIN CERTIFICATE-----\n'.slice(0, Math.floor(r() * 28)));
  }
  return chars.join('');
}

function check(text: string, r: () => number, label: string): void {
  const t0 = performance.now();
  const objs = findEmbeddedObjects(text);
  for (const o of objs) {
    assert.ok(o.span.start >= 0 && o.span.end <= text.length && o.span.start <= o.span.end, `${label}: span inside the text`);
    if (o.error) assert.ok(o.error.offset >= 0 && o.error.offset <= text.length, `${label}: error offset inside the text`);
  }
  for (let k = 0; k < 3; k++) embeddedHover(text, Math.floor(r() * (text.length + 1)), ctx, objs);
  const ms = performance.now() - t0;
  assert.ok(ms < LIMIT_MS, `${label}: took ${ms.toFixed(0)} ms`);
}

test(`pem fuzz: truncated and bit-flipped PEM/base64/DER in every embedding (seed ${SEED})`, () => {
  const r = prng(SEED);
  for (let i = 0; i < CASES; i++) {
    const label = `seed ${SEED} case ${i}`;
    const src = pick(sources, r);
    const cut = r() < 0.3 ? src.slice(0, Math.floor(r() * src.length)) : src;
    check(wrap(r, mutate(r, cut)), r, label);
    const der = pick(ders, r);
    const bytes = Buffer.from(der.subarray(0, r() < 0.3 ? Math.floor(r() * der.length) : der.length));
    for (let k = 0; k < 4 && bytes.length; k++) bytes[Math.floor(r() * bytes.length)] ^= 1 << Math.floor(r() * 8);
    assert.doesNotThrow(() => decodePkiBytes(bytes), label);
    check(`kind: Secret\ndata:\n  ca.crt: ${b64(bytes)}\n`, r, `${label} (DER)`);
  }
});

test('pem fuzz: oversized (10 MB) PEM bodies, base64 values and DER decode or fail within a second', () => {
  const r = prng(SEED ^ 0x55);
  const tenMb = 10 * 1024 * 1024;
  const junk = Buffer.alloc((tenMb * 3) / 4);
  for (let i = 0; i < junk.length; i++) junk[i] = Math.floor(r() * 256);
  junk[0] = 0x30;
  const body = b64(junk).replace(/.{64}/g, '$&\n');
  check(`-----BEGIN CERTIFICATE-----\n${body}-----END CERTIFICATE-----\n`, r, 'one 10 MB PEM block');
  check(`-----BEGIN CERTIFICATE-----\n${body}`, r, 'a 10 MB PEM block without END');
  check(`kind: Secret\ndata:\n  tls.crt: ${b64(junk)}\n`, r, 'a 10 MB base64 value');
  const t0 = performance.now();
  decodePkiBytes(junk);
  const big = Buffer.concat([Buffer.from([0x30, 0x84, 0x00, 0x9f, 0xff, 0xfa]), junk.subarray(0, 0x9ffffa)]);
  decodePkiBytes(big);
  assert.ok(performance.now() - t0 < LIMIT_MS, '10 MB DER');
  const hugeLine = 'MIIB' + 'A'.repeat(tenMb);
  check(`TLS_CRT=${hugeLine}\n`, r, 'a 10 MB base64 run in an .env file');
});
