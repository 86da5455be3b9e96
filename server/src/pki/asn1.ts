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

/** A date as ISO 8601 to the second, as OpenSSL-style descriptions show times. */
export const isoSeconds = (d: Date): string => d.toISOString().replace(/\.\d{3}Z$/, 'Z');

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
  let key = NAME_KEYS.get(name);
  if (key === undefined) {
    // Bundle checks compare every pair of names; a bundle has few distinct ones.
    if (NAME_KEYS.size >= 4096) NAME_KEYS.clear();
    key = name.toLowerCase().replace(/\\ /g, ' ').replace(/\s*([,=+])\s*/g, '$1').replace(/\s+/g, ' ').trim();
    NAME_KEYS.set(name, key);
  }
  return key;
}

const NAME_KEYS = new Map<string, string>();

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

/** One DER element read in place: its (single-byte) tag, where it and its content start, where it ends. */
export interface DerElement {
  tag: number;
  start: number;
  contentStart: number;
  end: number;
}

export function derElement(der: Uint8Array, at: number): DerElement {
  if ((der[at] & 0x1f) === 0x1f) throw new Error('multi-byte DER tag');
  return { tag: der[at], start: at, ...header(der, at) };
}

/** The elements of a constructed element's content, read in place. */
export function derChildren(der: Uint8Array, parent: DerElement): DerElement[] {
  const out: DerElement[] = [];
  for (let pos = parent.contentStart; pos < parent.end; pos = out[out.length - 1].end) out.push(derElement(der, pos));
  if (out.length && out[out.length - 1].end !== parent.end) throw new Error('DER element overruns its parent');
  return out;
}

/** Dotted OBJECT IDENTIFIER from its content octets. */
export function oidString(der: Uint8Array, from: number, to: number): string {
  if (from >= to) throw new Error('empty OBJECT IDENTIFIER');
  const arcs: number[] = [];
  let v = 0;
  for (let i = from; i < to; i++) {
    if (v > 2 ** 45) throw new Error('OBJECT IDENTIFIER arc too large');
    v = v * 128 + (der[i] & 0x7f);
    if (der[i] & 0x80) {
      if (i === to - 1) throw new Error('truncated OBJECT IDENTIFIER');
      continue;
    }
    if (!arcs.length) arcs.push(v < 40 ? 0 : v < 80 ? 1 : 2, v < 80 ? v % 40 : v - 80);
    else arcs.push(v);
    v = 0;
  }
  return arcs.join('.');
}

const ASCII_STRING_TAGS = new Set([0x0c, 0x13, 0x16]);

/**
 * `nameToString` of a DER Name read in place, for the common case: known attribute types with
 * ASCII UTF8String, PrintableString or IA5String values (every decoder reads those alike).
 * `undefined` for anything else, which the caller decodes through the schema instead.
 */
export function nameDerToString(der: Uint8Array, name: DerElement): string | undefined {
  if (name.tag !== 0x30) return undefined;
  const rdns = derChildren(der, name);
  const parts: string[] = [];
  for (let i = rdns.length - 1; i >= 0; i--) {
    if (rdns[i].tag !== 0x31) return undefined;
    const atvs = derChildren(der, rdns[i]);
    const avas: string[] = [];
    for (let j = atvs.length - 1; j >= 0; j--) {
      if (atvs[j].tag !== 0x30) return undefined;
      const [type, value, extra] = derChildren(der, atvs[j]);
      if (!type || !value || extra || type.tag !== 0x06 || !ASCII_STRING_TAGS.has(value.tag)) return undefined;
      const short = DN_ATTRIBUTES[oidString(der, type.contentStart, type.end)];
      if (!short) return undefined;
      let v = '';
      for (let k = value.contentStart; k < value.end; k++) {
        if (der[k] >= 0x80) return undefined;
        v += String.fromCharCode(der[k]);
      }
      avas.push(`${short}=${escapeValue(v)}`);
    }
    parts.push(avas.join('+'));
  }
  return parts.join(',');
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
