/**
 * Certificate signatures verified synchronously and purely, so rules and path validation can use
 * them: RSA PKCS#1 v1.5 and RSASSA-PSS (node-forge), ECDSA on P-256/P-384/P-521 (the textbook
 * verification equation over BigInt — public data only, so constant time does not matter) and
 * Ed25519 (node-forge). Anything else (Ed448, DSA, other curves, SHA-224) is `unchecked`.
 */
import { ECDSASigValue, ECParameters } from '@peculiar/asn1-ecc';
import { RsaSaPssParams } from '@peculiar/asn1-rsa';
import { AlgorithmIdentifier } from '@peculiar/asn1-x509';
import forge from 'node-forge';
import { parseCertificateAsn, parseDer } from './asn1';
import type { ParsedCertificate } from './describe';
import { RSA_SIGNATURE_HASHES } from './oids.data';
import { bytesToBinary, toHex } from './pem';

export type SignatureResult = 'valid' | 'invalid' | 'unchecked';

type Hash = 'sha1' | 'sha256' | 'sha384' | 'sha512';
const HASH_OIDS: Record<string, Hash> = {
  '1.3.14.3.2.26': 'sha1',
  '2.16.840.1.101.3.4.2.1': 'sha256',
  '2.16.840.1.101.3.4.2.2': 'sha384',
  '2.16.840.1.101.3.4.2.3': 'sha512',
};
const ECDSA_HASHES: Record<string, Hash> = {
  '1.2.840.10045.4.1': 'sha1',
  '1.2.840.10045.4.3.2': 'sha256',
  '1.2.840.10045.4.3.3': 'sha384',
  '1.2.840.10045.4.3.4': 'sha512',
};
const RSA_PSS = '1.2.840.113549.1.1.10';
const ED25519 = '1.3.101.112';

const digest = (hash: Hash, data: Uint8Array): forge.util.ByteStringBuffer => forge.md[hash].create().update(bytesToBinary(data)).digest();

const memo = new WeakMap<ParsedCertificate, WeakMap<ParsedCertificate, SignatureResult>>();

/** Whether `parent`'s key verifies `child`'s signature; memoised per pair. Never throws. */
export function verifyCertificateSignature(child: ParsedCertificate, parent: ParsedCertificate): SignatureResult {
  let byParent = memo.get(child);
  if (!byParent) memo.set(child, (byParent = new WeakMap()));
  let r = byParent.get(parent);
  if (!r) byParent.set(parent, (r = verify(child, parent)));
  return r;
}

function verify(child: ParsedCertificate, parent: ParsedCertificate): SignatureResult {
  const oid = child.signatureOid;
  const keyAlg = parent.description.publicKey.algorithm;
  const tbs = child.tbsDer;
  const sig = child.signature;
  try {
    const rsaHash = RSA_SIGNATURE_HASHES[oid];
    if (rsaHash && keyAlg === 'rsa') {
      const md = forge.md[rsaHash].create().update(bytesToBinary(tbs));
      return rsaKey(parent).verify(md.digest().getBytes(), bytesToBinary(sig)) ? 'valid' : 'invalid';
    }
    if (oid === RSA_PSS && (keyAlg === 'rsa' || keyAlg === 'rsa-pss')) return verifyPss(child, parent);
    const ecHash = ECDSA_HASHES[oid];
    if (ecHash && keyAlg === 'ec') {
      const curve = curveOf(parent);
      if (!curve) return 'unchecked';
      const point = decodePoint(curve, new Uint8Array(parent.spki.subjectPublicKey));
      if (!point) return 'invalid';
      const s = parseDer(sig, ECDSASigValue);
      return ecdsaVerify(curve, point, digest(ecHash, tbs).getBytes(), big(new Uint8Array(s.r)), big(new Uint8Array(s.s))) ? 'valid' : 'invalid';
    }
    if (oid === ED25519 && keyAlg === 'ed25519') {
      return forge.pki.ed25519.verify({ message: tbs, signature: sig, publicKey: new Uint8Array(parent.spki.subjectPublicKey) } as unknown as Parameters<typeof forge.pki.ed25519.verify>[0]) ? 'valid' : 'invalid';
    }
    return 'unchecked';
  } catch {
    return 'invalid';
  }
}

function rsaKey(parent: ParsedCertificate): forge.pki.rsa.PublicKey {
  const spki = parent.spki;
  // forge reads only rsaEncryption SPKIs; a PSS-restricted key has the same RSAPublicKey inside.
  const inner = forge.asn1.fromDer(bytesToBinary(new Uint8Array(spki.subjectPublicKey)));
  return forge.pki.rsa.setPublicKey(...rsaNumbers(inner));
}

function rsaNumbers(asn: forge.asn1.Asn1): [forge.jsbn.BigInteger, forge.jsbn.BigInteger] {
  const parts = asn.value as forge.asn1.Asn1[];
  const n = new forge.jsbn.BigInteger(forge.util.bytesToHex(parts[0].value as string), 16);
  const e = new forge.jsbn.BigInteger(forge.util.bytesToHex(parts[1].value as string), 16);
  return [n, e];
}

function verifyPss(child: ParsedCertificate, parent: ParsedCertificate): SignatureResult {
  const params = parseCertificateAsn(child.der).signatureAlgorithm.parameters;
  const p = params ? parseDer(params, RsaSaPssParams) : new RsaSaPssParams();
  const hash = HASH_OIDS[p.hashAlgorithm.algorithm];
  const mgfParams = p.maskGenAlgorithm.parameters;
  const mgfHashOid = mgfParams ? parseDer(mgfParams, AlgorithmIdentifier).algorithm : '1.3.14.3.2.26';
  const mgfHash = HASH_OIDS[mgfHashOid];
  if (!hash || !mgfHash || p.trailerField !== 1) return 'unchecked';
  const pss = forge.pss.create({ md: forge.md[hash].create(), mgf: forge.mgf.mgf1.create(forge.md[mgfHash].create()), saltLength: p.saltLength });
  const md = forge.md[hash].create().update(bytesToBinary(child.tbsDer));
  return rsaKey(parent).verify(md.digest().getBytes(), bytesToBinary(child.signature), pss) ? 'valid' : 'invalid';
}

interface Curve {
  p: bigint;
  n: bigint;
  b: bigint;
  gx: bigint;
  gy: bigint;
  bytes: number;
}

const CURVE_PARAMS: Record<string, Curve> = {
  '1.2.840.10045.3.1.7': {
    p: 0xffffffff00000001000000000000000000000000ffffffffffffffffffffffffn,
    n: 0xffffffff00000000ffffffffffffffffbce6faada7179e84f3b9cac2fc632551n,
    b: 0x5ac635d8aa3a93e7b3ebbd55769886bc651d06b0cc53b0f63bce3c3e27d2604bn,
    gx: 0x6b17d1f2e12c4247f8bce6e563a440f277037d812deb33a0f4a13945d898c296n,
    gy: 0x4fe342e2fe1a7f9b8ee7eb4a7c0f9e162bce33576b315ececbb6406837bf51f5n,
    bytes: 32,
  },
  '1.3.132.0.34': {
    p: 0xfffffffffffffffffffffffffffffffffffffffffffffffffffffffffffffffeffffffff0000000000000000ffffffffn,
    n: 0xffffffffffffffffffffffffffffffffffffffffffffffffc7634d81f4372ddf581a0db248b0a77aecec196accc52973n,
    b: 0xb3312fa7e23ee7e4988e056be3f82d19181d9c6efe8141120314088f5013875ac656398d8a2ed19d2a85c8edd3ec2aefn,
    gx: 0xaa87ca22be8b05378eb1c71ef320ad746e1d3b628ba79b9859f741e082542a385502f25dbf55296c3a545e3872760ab7n,
    gy: 0x3617de4a96262c6f5d9e98bf9292dc29f8f41dbd289a147ce9da3113b5f0b8c00a60b1ce1d7e819d7a431d7c90ea0e5fn,
    bytes: 48,
  },
  '1.3.132.0.35': {
    p: (1n << 521n) - 1n,
    n: 0x01fffffffffffffffffffffffffffffffffffffffffffffffffffffffffffffffffa51868783bf2f966b7fcc0148f709a5d03bb5c9b8899c47aebb6fb71e91386409n,
    b: 0x0051953eb9618e1c9a1f929a21a0b68540eea2da725b99b315f3b8b489918ef109e156193951ec7e937b1652c0bd3bb1bf073573df883d2c34f1ef451fd46b503f00n,
    gx: 0x00c6858e06b70404e9cd9e3ecb662395b4429c648139053fb521f828af606b4d3dbaa14b5e77efe75928fe1dc127a2ffa8de3348b3c1856a429bf97e7e31c2e5bd66n,
    gy: 0x011839296a789a3bc0045c8a5fb42c7d1bd998f54449579b446817afbd17273e662c97ee72995ef42640c550b9013fad0761353c7086a272c24088be94769fd16650n,
    bytes: 66,
  },
};

function curveOf(cert: ParsedCertificate): Curve | undefined {
  const params = cert.spki.algorithm.parameters;
  const oid = params ? parseDer(params, ECParameters).namedCurve : undefined;
  return oid ? CURVE_PARAMS[oid] : undefined;
}

const big = (b: Uint8Array): bigint => (b.length ? BigInt(`0x${toHex(b)}`) : 0n);
const mod = (a: bigint, m: bigint): bigint => ((a % m) + m) % m;

function modPow(base: bigint, exp: bigint, m: bigint): bigint {
  let r = 1n;
  let b = mod(base, m);
  for (let e = exp; e > 0n; e >>= 1n) {
    if (e & 1n) r = (r * b) % m;
    b = (b * b) % m;
  }
  return r;
}

const inv = (a: bigint, m: bigint): bigint => modPow(a, m - 2n, m); // m is prime for every curve here

type Point = { x: bigint; y: bigint } | null;

function decodePoint(c: Curve, bytes: Uint8Array): Point {
  const on = (x: bigint, y: bigint): boolean => mod(y * y - (x * x * x - 3n * x + c.b), c.p) === 0n;
  if (bytes[0] === 4 && bytes.length === 1 + 2 * c.bytes) {
    const x = big(bytes.subarray(1, 1 + c.bytes));
    const y = big(bytes.subarray(1 + c.bytes));
    return x < c.p && y < c.p && on(x, y) ? { x, y } : null;
  }
  if ((bytes[0] === 2 || bytes[0] === 3) && bytes.length === 1 + c.bytes) {
    const x = big(bytes.subarray(1));
    // p ≡ 3 (mod 4) for all three curves: the square root is a single exponentiation.
    let y = modPow(mod(x * x * x - 3n * x + c.b, c.p), (c.p + 1n) / 4n, c.p);
    if ((y & 1n) !== BigInt(bytes[0] & 1)) y = c.p - y;
    return x < c.p && on(x, y) ? { x, y } : null;
  }
  return null;
}

function add(c: Curve, a: Point, b: Point): Point {
  if (!a) return b;
  if (!b) return a;
  let l: bigint;
  if (a.x === b.x) {
    if (mod(a.y + b.y, c.p) === 0n) return null;
    l = mod((3n * a.x * a.x - 3n) * inv(2n * a.y, c.p), c.p);
  } else {
    l = mod((b.y - a.y) * inv(mod(b.x - a.x, c.p), c.p), c.p);
  }
  const x = mod(l * l - a.x - b.x, c.p);
  return { x, y: mod(l * (a.x - x) - a.y, c.p) };
}

/** u1·G + u2·Q by Shamir's trick, in Jacobian coordinates to avoid an inversion per step. */
function twoMul(c: Curve, u1: bigint, g: Point, u2: bigint, q: Point): Point {
  type J = [bigint, bigint, bigint];
  const p = c.p;
  const toJ = (pt: Point): J | null => (pt ? [pt.x, pt.y, 1n] : null);
  const dbl = (a: J | null): J | null => {
    if (!a || a[1] === 0n) return null;
    const [x, y, z] = a;
    const zz = (z * z) % p;
    const m = mod(3n * (x - zz) * (x + zz), p);
    const yy = (y * y) % p;
    const s = (4n * x * yy) % p;
    const x3 = mod(m * m - 2n * s, p);
    return [x3, mod(m * (s - x3) - 8n * yy * yy, p), (2n * y * z) % p];
  };
  const addJ = (a: J | null, b: J | null): J | null => {
    if (!a) return b;
    if (!b) return a;
    const z1z1 = (a[2] * a[2]) % p;
    const z2z2 = (b[2] * b[2]) % p;
    const u1_ = (a[0] * z2z2) % p;
    const u2_ = (b[0] * z1z1) % p;
    const s1 = (a[1] * b[2] * z2z2) % p;
    const s2 = (b[1] * a[2] * z1z1) % p;
    const h = mod(u2_ - u1_, p);
    const r = mod(s2 - s1, p);
    if (h === 0n) return r === 0n ? dbl(a) : null;
    const hh = (h * h) % p;
    const hhh = (h * hh) % p;
    const v = (u1_ * hh) % p;
    const x3 = mod(r * r - hhh - 2n * v, p);
    return [x3, mod(r * (v - x3) - s1 * hhh, p), (a[2] * b[2] * h) % p];
  };
  const gq = toJ(add(c, g, q));
  const gj = toJ(g);
  const qj = toJ(q);
  let acc: J | null = null;
  const bits = Math.max(u1.toString(2).length, u2.toString(2).length);
  for (let i = bits - 1; i >= 0; i--) {
    acc = dbl(acc);
    const b1 = (u1 >> BigInt(i)) & 1n;
    const b2 = (u2 >> BigInt(i)) & 1n;
    if (b1 && b2) acc = addJ(acc, gq);
    else if (b1) acc = addJ(acc, gj);
    else if (b2) acc = addJ(acc, qj);
  }
  if (!acc || acc[2] === 0n) return null;
  const zi = inv(acc[2], p);
  const zi2 = (zi * zi) % p;
  return { x: (acc[0] * zi2) % p, y: (acc[1] * zi2 * zi) % p };
}

/** FIPS 186-5 §6.4.2 ECDSA signature verification. */
function ecdsaVerify(c: Curve, q: Point, hashBytes: string, r: bigint, s: bigint): boolean {
  if (r <= 0n || r >= c.n || s <= 0n || s >= c.n) return false;
  let e = big(forge.util.binary.raw.decode(hashBytes));
  const nBits = c.n.toString(2).length;
  const hBits = hashBytes.length * 8;
  if (hBits > nBits) e >>= BigInt(hBits - nBits);
  const w = inv(s, c.n);
  const x = twoMul(c, (e * w) % c.n, { x: c.gx, y: c.gy }, (r * w) % c.n, q);
  return !!x && mod(x.x, c.n) === r;
}
