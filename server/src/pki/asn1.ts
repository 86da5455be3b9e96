/** Thin, throwing wrappers over @peculiar/asn1-*: callers catch and turn failures into findings. */
import { AsnConvert, type OctetString } from '@peculiar/asn1-schema';
import { Certificate, CertificateList, type Name, SubjectPublicKeyInfo } from '@peculiar/asn1-x509';
import { DN_ATTRIBUTES } from './oids.data';
import { toHex } from './pem';

export type Result<T> = { ok: true; value: T } | { ok: false; error: string };

export function attempt<T>(what: string, f: () => T): Result<T> {
  try {
    return { ok: true, value: f() };
  } catch (e) {
    return { ok: false, error: `${what}: ${e instanceof Error ? e.message : String(e)}` };
  }
}

export function parseDer<T>(der: Uint8Array | ArrayBuffer, type: new () => T): T {
  return AsnConvert.parse(der, type);
}

export const parseCertificateAsn = (der: Uint8Array): Certificate => parseDer(der, Certificate);
export const parseCrlAsn = (der: Uint8Array): CertificateList => parseDer(der, CertificateList);
export const parseSpki = (der: Uint8Array): SubjectPublicKeyInfo => parseDer(der, SubjectPublicKeyInfo);

export function octets(o: OctetString | ArrayBuffer | ArrayBufferView): Uint8Array {
  if (o instanceof ArrayBuffer) return new Uint8Array(o);
  return new Uint8Array(o.buffer, o.byteOffset ?? 0, o.byteLength);
}

/** Big-endian unsigned integer bytes → bit length (leading zero octets ignored). */
export function bitLength(bytes: Uint8Array): number {
  let i = 0;
  while (i < bytes.length && bytes[i] === 0) i++;
  if (i === bytes.length) return 0;
  return (bytes.length - i - 1) * 8 + (32 - Math.clz32(bytes[i]));
}

/** Unsigned big-endian integer as lowercase hex without leading zeros (`0` for zero). */
export function integerHex(bytes: Uint8Array): string {
  return toHex(bytes).replace(/^0+/, '') || '0';
}

/** RFC 4514 (OpenSSL `-nameopt RFC2253`): most specific attribute first, `+` inside an RDN. */
export function nameToString(name: Name): string {
  const parts: string[] = [];
  for (let i = name.length - 1; i >= 0; i--) {
    const rdn = name[i];
    const avas: string[] = [];
    for (let j = rdn.length - 1; j >= 0; j--) {
      const { type, value } = rdn[j];
      const short = DN_ATTRIBUTES[type];
      // Unknown attribute types print as `#` + the value's DER, as OpenSSL's DUMP_UNKNOWN_FIELDS does.
      const dump = (): string => `#${toHex(value.anyValue ?? AsnConvert.serialize(value))}`;
      avas.push(short ? `${short}=${value.anyValue ? dump() : escapeValue(value.toString())}` : `${type}=${dump()}`);
    }
    parts.push(avas.join('+'));
  }
  return parts.join(',');
}

/** RFC 4514 §2.4 escaping, as OpenSSL's ESC_2253 does it. */
function escapeValue(v: string): string {
  let out = '';
  for (let i = 0; i < v.length; i++) {
    const c = v[i];
    const code = v.charCodeAt(i);
    if (',+"\\<>;'.includes(c) || (i === 0 && (c === '#' || c === ' ')) || (i === v.length - 1 && c === ' ')) out += `\\${c}`;
    else if (code < 0x20 || code === 0x7f) out += `\\${code.toString(16).toUpperCase().padStart(2, '0')}`;
    else out += c;
  }
  return out;
}

/**
 * Names compare as OpenSSL's canonical form does, roughly (RFC 4518 §2.6.1 insignificant space):
 * case ignored, runs of spaces folded, spaces at the ends of a value (escaped `\ ` included) dropped.
 */
export function nameKey(name: string): string {
  return name.toLowerCase().replace(/\\ /g, ' ').replace(/\s*([,=+])\s*/g, '$1').replace(/\s+/g, ' ').trim();
}

/** The DER elements (tag-length-value) directly inside the SEQUENCE `der`, as byte ranges. */
export function sequenceElements(der: Uint8Array): Uint8Array[] {
  const outer = header(der, 0);
  const out: Uint8Array[] = [];
  let pos = outer.contentStart;
  while (pos < outer.end) {
    const h = header(der, pos);
    out.push(der.subarray(pos, h.end));
    pos = h.end;
  }
  return out;
}

/** The content octets of one DER element (its tag and length stripped). */
export function elementContent(el: Uint8Array): Uint8Array {
  const h = header(el, 0);
  return el.subarray(h.contentStart, h.end);
}

function header(der: Uint8Array, at: number): { contentStart: number; end: number } {
  if (at + 2 > der.length) throw new Error('truncated DER');
  const first = der[at + 1];
  let len = first;
  let contentStart = at + 2;
  if (first & 0x80) {
    const n = first & 0x7f;
    if (n === 0 || n > 4) throw new Error('unsupported DER length');
    len = 0;
    for (let i = 0; i < n; i++) len = len * 256 + der[at + 2 + i];
    contentStart += n;
  }
  const end = contentStart + len;
  if (end > der.length) throw new Error('truncated DER');
  return { contentStart, end };
}
