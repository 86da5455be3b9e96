/**
 * PKCS#12 (`.p12`/`.pfx`) opened with a password: the certificates and the type and size of the
 * keys inside, as `openssl pkcs12 -info` would list them. The password is only handed to
 * node-forge; it is never part of a result or an error message.
 */
import forge from 'node-forge';
import { type Result } from './asn1';
import { parseCertificate, type ParsedCertificate } from './describe';
import { inspectPrivateKey, type InspectedKey } from './keys';
import { binaryToBytes, bytesToBinary } from './pem';

export interface Pkcs12Bag<T> {
  value: T;
  /** The bag's friendlyName attribute (`openssl pkcs12 -export -name`). */
  friendlyName?: string;
}

export interface Pkcs12Contents {
  certificates: Pkcs12Bag<ParsedCertificate>[];
  keys: Pkcs12Bag<InspectedKey>[];
  /** Bags that did not decode, by what they are. */
  errors: string[];
}

export type Pkcs12Result = Result<Pkcs12Contents> | { ok: false; error: string; password: 'required' | 'wrong' };

/**
 * PBKDF iteration counts above this are refused before any key derivation: a hostile file could
 * otherwise keep the server busy for minutes (OpenSSL writes 2048; OWASP's PBKDF2 advice is 600,000).
 */
export const MAX_PKCS12_ITERATIONS = 600_000;

const OID_KEY_BAG = '1.2.840.113549.1.12.10.1.1';
const OID_SHROUDED_KEY_BAG = '1.2.840.113549.1.12.10.1.2';
const OID_CERT_BAG = '1.2.840.113549.1.12.10.1.3';

/**
 * Opens a PFX. Without a password the empty one is tried, in both encodings OpenSSL accepts (an
 * empty BMPString, and none at all); `password: 'required'` says a real one is needed.
 */
export function openPkcs12(der: Uint8Array, password?: string): Pkcs12Result {
  let asn: forge.asn1.Asn1;
  try {
    asn = forge.asn1.fromDer(bytesToBinary(der), false);
  } catch (e) {
    return { ok: false, error: `not a PKCS#12 file: ${message(e)}` };
  }
  const iterations = largestIterationCount(asn);
  if (iterations > MAX_PKCS12_ITERATIONS) return { ok: false, error: `the file asks for ${iterations} key-derivation iterations; more than ${MAX_PKCS12_ITERATIONS} are not attempted` };
  const attempts: (string | undefined)[] = password ? [password] : ['', undefined];
  for (const pw of attempts) {
    try {
      return { ok: true, value: contents(rawBags(() => forge.pkcs12.pkcs12FromAsn1(asn, false, pw))) };
    } catch (e) {
      const m = message(e);
      if (!isPasswordError(m)) return { ok: false, error: `not a readable PKCS#12 file: ${m}` };
    }
  }
  return password ? { ok: false, error: 'the password is wrong', password: 'wrong' } : { ok: false, error: 'the file is protected by a password', password: 'required' };
}

/**
 * node-forge turns the certificates and RSA keys it understands into its own objects and keeps
 * the rest as ASN.1. Keeping all of them as ASN.1 gives the original DER (exact fingerprints) and
 * one path for every key type, so forge's decoders are made to decline while the PFX is read.
 */
function rawBags<T>(read: () => T): T {
  const pki = forge.pki as unknown as Record<'certificateFromAsn1' | 'privateKeyFromAsn1', unknown>;
  const saved = { cert: pki.certificateFromAsn1, key: pki.privateKeyFromAsn1 };
  const decline = (): never => {
    throw new Error('kept as DER');
  };
  pki.certificateFromAsn1 = decline;
  pki.privateKeyFromAsn1 = decline;
  try {
    return read();
  } finally {
    pki.certificateFromAsn1 = saved.cert;
    pki.privateKeyFromAsn1 = saved.key;
  }
}

interface ForgeBag {
  type: string;
  attributes?: { friendlyName?: string[] };
  asn1?: forge.asn1.Asn1;
}

function contents(pfx: forge.pkcs12.Pkcs12Pfx): Pkcs12Contents {
  const out: Pkcs12Contents = { certificates: [], keys: [], errors: [] };
  for (const safe of pfx.safeContents) {
    for (const bag of safe.safeBags as unknown as ForgeBag[]) {
      const friendlyName = bag.attributes?.friendlyName?.[0];
      const named = friendlyName ? { friendlyName } : {};
      if (!bag.asn1) {
        out.errors.push(`a bag of type ${bag.type} has no content`);
        continue;
      }
      const der = binaryToBytes(forge.asn1.toDer(bag.asn1).getBytes());
      if (bag.type === OID_CERT_BAG) {
        const r = parseCertificate(der);
        if (r.ok) out.certificates.push({ value: r.value, ...named });
        else out.errors.push(`certificate bag${friendlyName ? ` "${friendlyName}"` : ''}: ${r.error}`);
      } else if (bag.type === OID_KEY_BAG || bag.type === OID_SHROUDED_KEY_BAG) {
        const r = inspectPrivateKey('PRIVATE KEY', der);
        if (r.ok) out.keys.push({ value: r.value, ...named });
        else out.errors.push(`key bag${friendlyName ? ` "${friendlyName}"` : ''}: ${r.error}`);
      }
    }
  }
  return out;
}

function isPasswordError(m: string): boolean {
  return /MAC could not be verified|Invalid password|wrong password|Unable to decrypt/i.test(m);
}

function message(e: unknown): string {
  return e instanceof Error ? e.message : String(e);
}

/**
 * The largest iteration count readable before decryption: MacData and the PBE parameters all
 * write the salt as an OCTET STRING directly followed by the count as an INTEGER.
 */
function largestIterationCount(root: forge.asn1.Asn1): number {
  let max = 0;
  const stack: forge.asn1.Asn1[] = [root];
  let budget = 10_000;
  while (stack.length && budget-- > 0) {
    const node = stack.pop()!;
    if (!Array.isArray(node.value)) continue;
    const kids = node.value as forge.asn1.Asn1[];
    for (let i = 0; i < kids.length; i++) {
      const k = kids[i];
      const prev = kids[i - 1];
      if (prev && k.tagClass === forge.asn1.Class.UNIVERSAL && k.type === forge.asn1.Type.INTEGER && prev.type === forge.asn1.Type.OCTETSTRING && typeof k.value === 'string') {
        const n = k.value.length > 6 ? Number.MAX_SAFE_INTEGER : [...k.value].reduce((a, c) => a * 256 + c.charCodeAt(0), 0);
        max = Math.max(max, n);
      }
      if (Array.isArray(k.value)) stack.push(k);
      else if (k.type === forge.asn1.Type.OCTETSTRING && typeof k.value === 'string' && k.value.charCodeAt(0) === 0x30) {
        // The AuthenticatedSafe and each SafeContents travel DER-encoded inside OCTET STRINGs.
        try {
          stack.push(forge.asn1.fromDer(k.value, false));
        } catch {
          // not DER after all: encrypted or opaque content
        }
      }
    }
  }
  return max;
}
