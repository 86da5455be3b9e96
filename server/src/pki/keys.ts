/**
 * Private keys (PKCS#8, PKCS#1 `RSA PRIVATE KEY`, SEC 1 `EC PRIVATE KEY`, encrypted forms):
 * their type and size, and the public half for matching against a certificate. The private
 * scalar/exponent is read only to derive an Ed25519 public key and is never returned.
 */
import { ECPrivateKey, ECParameters } from '@peculiar/asn1-ecc';
import { PrivateKeyInfo } from '@peculiar/asn1-pkcs8';
import { RSAPrivateKey } from '@peculiar/asn1-rsa';
import forge from 'node-forge';
import { type Result, attempt, bitLength, elementContent, integerHex, octets, parseDer } from './asn1';
import type { PrivateKeyDescription } from './describe';
import { CURVES, KEY_ALGORITHMS, type KeyAlgorithm, PQ_PARAMETER_SETS } from './oids.data';
import { toHex } from './pem';

/** PEM labels OpenSSL's PEM_read_bio_PrivateKey accepts. */
export const PRIVATE_KEY_LABELS = ['PRIVATE KEY', 'ENCRYPTED PRIVATE KEY', 'RSA PRIVATE KEY', 'EC PRIVATE KEY', 'DSA PRIVATE KEY'];

/** The public half of a key in comparable form: RSA `n:e` hex, EC point hex, EdDSA key hex. */
export interface PublicHalf {
  algorithm: KeyAlgorithm;
  curve?: string;
  value: string;
}

export interface InspectedKey {
  description: PrivateKeyDescription;
  /** The public half, or why it cannot be had (encrypted, not stored and not derivable). */
  publicHalf: PublicHalf | { cannot: string };
}

export function inspectPrivateKey(label: string, der: Uint8Array, headers: Record<string, string> = {}): Result<InspectedKey> {
  return attempt('not a valid private key', () => {
    const legacyEncrypted = /ENCRYPTED/i.test(headers['Proc-Type'] ?? '');
    if (label === 'ENCRYPTED PRIVATE KEY' || legacyEncrypted) {
      const algorithm: KeyAlgorithm = label.startsWith('RSA') ? 'rsa' : label.startsWith('EC') ? 'ec' : label.startsWith('DSA') ? 'dsa' : 'unknown';
      const format = label === 'ENCRYPTED PRIVATE KEY' ? 'pkcs8' : label.startsWith('RSA') ? 'pkcs1' : label.startsWith('EC') ? 'sec1' : 'dsa';
      return { description: { kind: 'private-key', algorithm, encrypted: true, format }, publicHalf: { cannot: 'the key is encrypted' } };
    }
    if (label === 'RSA PRIVATE KEY') return rsa(der, 'pkcs1');
    if (label === 'EC PRIVATE KEY') return ec(der, undefined, 'sec1');
    if (label === 'DSA PRIVATE KEY') return { description: { kind: 'private-key', algorithm: 'dsa', encrypted: false, format: 'dsa' }, publicHalf: { cannot: 'DSA keys are not compared' } };
    const info = parseDer(der, PrivateKeyInfo);
    const oid = info.privateKeyAlgorithm.algorithm;
    const algorithm = KEY_ALGORITHMS[oid] ?? 'unknown';
    const inner = octets(info.privateKey);
    if (algorithm === 'rsa' || algorithm === 'rsa-pss') return rsa(inner, 'pkcs8', algorithm);
    if (algorithm === 'ec') {
      const params = info.privateKeyAlgorithm.parameters ? parseDer(info.privateKeyAlgorithm.parameters, ECParameters) : undefined;
      return ec(inner, params?.namedCurve, 'pkcs8');
    }
    const pq = PQ_PARAMETER_SETS[oid];
    const size = algorithm === 'ed25519' ? { bits: 253 } : algorithm === 'ed448' ? { bits: 456 } : pq ? { bits: pq.publicKeyBytes * 8, parameterSet: pq.name } : {};
    const description: PrivateKeyDescription = { kind: 'private-key', algorithm, encrypted: false, format: 'pkcs8', ...size };
    if (algorithm === 'ed25519') {
      const seed = elementContent(inner);
      if (seed.length !== 32) throw new Error('an Ed25519 private key is 32 bytes');
      const pair = forge.pki.ed25519.generateKeyPair({ seed: new Uint8Array(seed) });
      return { description, publicHalf: { algorithm, value: toHex(new Uint8Array(pair.publicKey)) } };
    }
    return { description, publicHalf: { cannot: `${algorithm === 'unknown' ? oid : algorithm} keys are not compared` } };
  });
}

function rsa(der: Uint8Array, format: 'pkcs1' | 'pkcs8', algorithm: KeyAlgorithm = 'rsa'): InspectedKey {
  const k = parseDer(der, RSAPrivateKey);
  const n = new Uint8Array(k.modulus);
  return {
    description: { kind: 'private-key', algorithm, bits: bitLength(n), encrypted: false, format },
    publicHalf: { algorithm: 'rsa', value: `${integerHex(n)}:${integerHex(new Uint8Array(k.publicExponent))}` },
  };
}

function ec(der: Uint8Array, outerCurve: string | undefined, format: 'sec1' | 'pkcs8'): InspectedKey {
  const k = parseDer(der, ECPrivateKey);
  const curveOid = outerCurve ?? k.parameters?.namedCurve;
  const curve = curveOid ? CURVES[curveOid] : undefined;
  const description: PrivateKeyDescription = { kind: 'private-key', algorithm: 'ec', encrypted: false, format, ...(curve ? { bits: curve.bits, curve: curve.name } : curveOid ? { curve: curveOid } : {}) };
  // Deriving the point needs EC scalar multiplication, which none of the pure libraries offers;
  // OpenSSL always stores the point, so only hand-made keys lack it.
  if (!k.publicKey) return { description, publicHalf: { cannot: 'the key file does not store its public point' } };
  return { description, publicHalf: { algorithm: 'ec', curve: curve?.name ?? curveOid, value: toHex(new Uint8Array(k.publicKey)) } };
}

export function describePrivateKey(label: string, der: Uint8Array, headers: Record<string, string> = {}): Result<PrivateKeyDescription> {
  const r = inspectPrivateKey(label, der, headers);
  return r.ok ? { ok: true, value: r.value.description } : r;
}
