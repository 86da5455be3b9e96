/**
 * Does a private key belong to a certificate? What OpenSSL's X509_check_private_key decides
 * (nginx: "SSL_CTX_use_PrivateKey ... key values mismatch"), by comparing public halves.
 */
import { RSAPublicKey } from '@peculiar/asn1-rsa';
import { ECParameters } from '@peculiar/asn1-ecc';
import { integerHex, parseDer } from './asn1';
import type { ParsedCertificate } from './describe';
import type { InspectedKey, PublicHalf } from './keys';
import { CURVES } from './oids.data';
import { toHex } from './pem';

export type KeyMatch = { result: 'match' } | { result: 'mismatch'; reason: string } | { result: 'unknown'; reason: string };

/** A certificate in another file of the workspace that holds a key's public half. */
export interface CertificateElsewhere {
  subject: string;
  /** Absolute path. */
  file: string;
  /** Relative to its workspace folder, for display. */
  display: string;
}

/**
 * The certificates in other workspace files that a private key belongs to, leaving out
 * `exceptFile` (whose certificates the caller compared itself; the caller's own file by default).
 */
export type CertificatesForKey = (key: InspectedKey, exceptFile?: string) => CertificateElsewhere[];

/** The certificate's public key in the form `PublicHalf` uses, or why it cannot be compared. */
export function certificatePublicHalf(cert: ParsedCertificate): PublicHalf | { cannot: string } {
  const { algorithm } = cert.description.publicKey;
  const key = new Uint8Array(cert.spki.subjectPublicKey);
  if (algorithm === 'rsa' || algorithm === 'rsa-pss') {
    const k = parseDer(key, RSAPublicKey);
    return { algorithm: 'rsa', value: `${integerHex(new Uint8Array(k.modulus))}:${integerHex(new Uint8Array(k.publicExponent))}` };
  }
  if (algorithm === 'ec') {
    const p = cert.spki.algorithm.parameters ? parseDer(cert.spki.algorithm.parameters, ECParameters) : undefined;
    const curve = p?.namedCurve ? (CURVES[p.namedCurve]?.name ?? p.namedCurve) : undefined;
    return { algorithm, ...(curve ? { curve } : {}), value: toHex(key) };
  }
  if (algorithm === 'ed25519' || algorithm === 'ed448') return { algorithm, value: toHex(key) };
  return { cannot: `${algorithm} keys are not compared` };
}

// Decoded files are shared between analyses, so a key/certificate pair is compared once.
const memo = new WeakMap<InspectedKey, WeakMap<ParsedCertificate, KeyMatch>>();

export function matchKeyToCertificate(key: InspectedKey, cert: ParsedCertificate): KeyMatch {
  let byCert = memo.get(key);
  if (!byCert) memo.set(key, (byCert = new WeakMap()));
  let m = byCert.get(cert);
  if (!m) byCert.set(cert, (m = compare(key, cert)));
  return m;
}

function compare(key: InspectedKey, cert: ParsedCertificate): KeyMatch {
  const k = key.publicHalf;
  if ('cannot' in k) return { result: 'unknown', reason: `cannot check: ${k.cannot}` };
  let c: PublicHalf | { cannot: string };
  try {
    c = certificatePublicHalf(cert);
  } catch {
    return { result: 'unknown', reason: "cannot check: the certificate's public key does not decode" };
  }
  if ('cannot' in c) return { result: 'unknown', reason: `cannot check: ${c.cannot}` };
  if (k.algorithm !== c.algorithm) return { result: 'mismatch', reason: `the key is ${label(k)} but the certificate holds ${label(c)}` };
  if (k.algorithm === 'ec' && k.curve && c.curve && k.curve !== c.curve) return { result: 'mismatch', reason: `the key is on ${k.curve} but the certificate's key is on ${c.curve}` };
  const same = k.algorithm === 'ec' ? samePoint(k.value, c.value) : k.value === c.value;
  return same ? { result: 'match' } : { result: 'mismatch', reason: `the ${label(k)} key is not the one the certificate was issued for` };
}

/**
 * One string per public key, equal exactly when `matchKeyToCertificate` would say `match` (EC
 * points by x and parity, so compressed and uncompressed forms agree): the key of an index of
 * certificates by public key. The curve is left out, as a key may not name it; the same x on two
 * curves does not happen in practice.
 */
export function publicKeyId(h: PublicHalf): string {
  if (h.algorithm !== 'ec') return `${h.algorithm}:${h.value}`;
  const p = parsePoint(h.value);
  return p ? `ec:${p.x}:${p.odd ? 1 : 0}` : `ec:${h.value}`;
}

const label = (h: PublicHalf): string => (h.algorithm === 'ec' ? `an EC${h.curve ? ` ${h.curve}` : ''}` : h.algorithm === 'rsa' ? 'an RSA' : `an ${h.algorithm.toUpperCase()}`);

/** EC points compare across compressed (02/03‖x) and uncompressed (04‖x‖y) encodings. */
function samePoint(a: string, b: string): boolean {
  if (a === b) return true;
  const pa = parsePoint(a);
  const pb = parsePoint(b);
  return !!pa && !!pb && pa.x === pb.x && pa.odd === pb.odd;
}

function parsePoint(h: string): { x: string; odd: boolean } | undefined {
  const tag = h.slice(0, 2);
  if (tag === '04') return { x: h.slice(2, 2 + (h.length - 2) / 2), odd: (parseInt(h.slice(-2), 16) & 1) === 1 };
  if (tag === '02' || tag === '03') return { x: h.slice(2), odd: tag === '03' };
  return undefined;
}
