/**
 * Certificates read in place from plain DER, without the schema decoder: a hover decodes a whole
 * bundle at once, and the schema decoder costs about a millisecond a certificate. Anything of an
 * unusual shape is refused (undefined or false) so that describe.ts hands it to the schema decoder,
 * which also words the errors.
 */
import {
  id_ad_caIssuers,
  id_ad_ocsp,
  id_ce_authorityKeyIdentifier,
  id_ce_basicConstraints,
  id_ce_cRLDistributionPoints,
  id_ce_extKeyUsage,
  id_ce_keyUsage,
  id_ce_subjectAltName,
  id_ce_subjectKeyIdentifier,
  id_pe_authorityInfoAccess,
} from '@peculiar/asn1-x509';
import { type DerElement, derChildren, derElement, isoSeconds, nameDerToString, oidString } from './asn1';
import type { CertificateDescription, SubjectAltName } from './descriptions';
import { EXTENDED_KEY_USAGES, KEY_USAGE_BITS } from './oids.data';
import { toHex } from './pem';

/** An extension's OID and the contents of its extnValue OCTET STRING. */
export interface DerExtension {
  id: string;
  value: Uint8Array;
}

/** A certificate's fields as read in place; the byte fields are views into the DER. */
export interface CertificateFields {
  version: number;
  subject: string;
  issuer: string;
  serial: Uint8Array;
  notBefore: string;
  notAfter: string;
  keyOid: string;
  /** DER of the key algorithm's parameters; undefined when there are none. */
  keyParameters: Uint8Array | undefined;
  /** The subjectPublicKey BIT STRING's bytes, past the unused-bits octet. */
  keyBits: Uint8Array;
  signatureOid: string;
  tbsSignatureOid: string;
  extensions: DerExtension[];
  signature: Uint8Array;
  tbsDer: Uint8Array;
  spkiDer: Uint8Array;
}

/** issuerUniqueID, subjectUniqueID, extensions; and AuthorityKeyIdentifier's three fields. */
const TBS_TRAILER_TAGS = [0x81, 0x82, 0xa3];
const AKI_TAGS = [0x80, 0xa1, 0x82];

/** Whether the elements' tags are some of `tags`, each at most once, in that order. */
function inTagOrder(els: DerElement[], tags: number[]): boolean {
  let last = -1;
  for (const el of els) {
    const k = tags.indexOf(el.tag);
    if (k <= last) return false;
    last = k;
  }
  return true;
}

/** The certificate's fields read in place, or undefined when it is not plain DER of the usual shape. */
export function readCertificate(der: Uint8Array): CertificateFields | undefined {
  try {
    const cert = derElement(der, 0);
    if (cert.tag !== 0x30 || cert.end !== der.length) return undefined;
    const [tbs, sigAlg, sigValue, extra] = derChildren(der, cert);
    if (tbs?.tag !== 0x30 || sigAlg?.tag !== 0x30 || sigValue?.tag !== 0x03 || extra || sigValue.end <= sigValue.contentStart) return undefined;
    const fields = derChildren(der, tbs);
    let version = 0;
    if (fields[0]?.tag === 0xa0) {
      const [v, more] = derChildren(der, fields.shift()!);
      if (v?.tag !== 0x02 || more || v.end - v.contentStart !== 1 || der[v.contentStart] >= 0x80) return undefined;
      version = der[v.contentStart];
    }
    const [serial, tbsAlg, issuer, validity, subject, spki, ...trailer] = fields;
    if (serial?.tag !== 0x02 || tbsAlg?.tag !== 0x30 || validity?.tag !== 0x30 || spki?.tag !== 0x30 || !subject) return undefined;
    if (!inTagOrder(trailer, TBS_TRAILER_TAGS)) return undefined;
    const subjectName = nameDerToString(der, subject);
    const issuerName = nameDerToString(der, issuer);
    const [notBefore, notAfter, moreTimes] = derChildren(der, validity);
    const times = notBefore && notAfter && !moreTimes ? [derTimeIso(der, notBefore), derTimeIso(der, notAfter)] : [];
    const [keyAlg, keyBits, moreKey] = derChildren(der, spki);
    if (subjectName === undefined || issuerName === undefined || !times[0] || !times[1] || keyAlg?.tag !== 0x30 || keyBits?.tag !== 0x03 || moreKey || keyBits.end <= keyBits.contentStart) return undefined;
    const [keyOid, keyParameters] = algorithmParts(der, keyAlg);
    const extensions = trailer[trailer.length - 1]?.tag === 0xa3 ? readExtensions(der, trailer[trailer.length - 1]) : [];
    if (!extensions) return undefined;
    return {
      version: version + 1,
      subject: subjectName,
      issuer: issuerName,
      serial: der.subarray(serial.contentStart, serial.end),
      notBefore: times[0],
      notAfter: times[1],
      keyOid,
      keyParameters,
      keyBits: der.subarray(keyBits.contentStart + 1, keyBits.end),
      signatureOid: algorithmParts(der, sigAlg)[0],
      tbsSignatureOid: algorithmParts(der, tbsAlg)[0],
      extensions,
      signature: der.subarray(sigValue.contentStart + 1, sigValue.end),
      tbsDer: der.subarray(tbs.start, tbs.end),
      spkiDer: der.subarray(spki.start, spki.end),
    };
  } catch {
    return undefined;
  }
}

/** An AlgorithmIdentifier's OID and the DER of its parameters (absent when there are none). */
function algorithmParts(der: Uint8Array, alg: DerElement): [string, Uint8Array | undefined] {
  const [oid, params, extra] = derChildren(der, alg);
  if (oid?.tag !== 0x06 || extra) throw new Error('not an AlgorithmIdentifier');
  return [oidString(der, oid.contentStart, oid.end), params ? der.subarray(params.start, params.end) : undefined];
}

/** `[3] { SEQUENCE OF Extension }`: each extension's OID and value octets. */
function readExtensions(der: Uint8Array, wrapper: DerElement): DerExtension[] | undefined {
  const [list, extra] = derChildren(der, wrapper);
  if (list?.tag !== 0x30 || extra) return undefined;
  const out: DerExtension[] = [];
  for (const ext of derChildren(der, list)) {
    if (ext.tag !== 0x30) return undefined;
    const parts = derChildren(der, ext);
    const value = parts[parts.length - 1];
    if (parts.length < 2 || parts.length > 3 || parts[0].tag !== 0x06 || value.tag !== 0x04 || (parts.length === 3 && parts[1].tag !== 0x01)) return undefined;
    out.push({ id: oidString(der, parts[0].contentStart, parts[0].end), value: der.subarray(value.contentStart, value.end) });
  }
  return out;
}

/** UTCTime or GeneralizedTime of the plain `...Z` forms as ISO 8601; undefined for other forms. */
function derTimeIso(der: Uint8Array, el: DerElement): string | undefined {
  const t = String.fromCharCode(...der.subarray(el.contentStart, el.end));
  const m = el.tag === 0x17 ? /^(\d\d)(\d\d)(\d\d)(\d\d)(\d\d)(\d\d)Z$/.exec(t) : el.tag === 0x18 ? /^(\d{4})(\d\d)(\d\d)(\d\d)(\d\d)(\d\d)Z$/.exec(t) : null;
  if (!m) return undefined;
  const [year, month, day, hour, minute, second] = m.slice(1).map(Number);
  const fullYear = el.tag === 0x18 ? year : year >= 50 ? 1900 + year : 2000 + year;
  if (fullYear < 100) return undefined;
  const ms = Date.UTC(fullYear, month - 1, day, hour, minute, second);
  return Number.isNaN(ms) ? undefined : isoSeconds(new Date(ms));
}

/**
 * The common extensions read in place into `d`, as the schema decoder would read them; false
 * (and `d` untouched) for anything unusual, which the schema decoder then takes.
 */
export function readExtension(id: string, v: Uint8Array, d: CertificateDescription): boolean {
  try {
    const top = derElement(v, 0);
    if (top.end !== v.length) return false;
    const text = (el: DerElement): string => String.fromCharCode(...v.subarray(el.contentStart, el.end));
    const hex = (el: DerElement): string => toHex(v.subarray(el.contentStart, el.end));
    switch (id) {
      case id_ce_basicConstraints: {
        const [ca, len, extra] = derChildren(v, top);
        const hasCa = ca?.tag === 0x01;
        const path = hasCa ? len : ca;
        if (top.tag !== 0x30 || extra || (hasCa && ca.end - ca.contentStart !== 1) || (path && (path.tag !== 0x02 || path.end - path.contentStart !== 1 || v[path.contentStart] >= 0x80)) || (!hasCa && len)) return false;
        d.isCA = hasCa && v[ca.contentStart] !== 0;
        if (path) d.pathLength = v[path.contentStart];
        return true;
      }
      case id_ce_keyUsage: {
        const n = top.end - top.contentStart;
        if (top.tag !== 0x03 || n < 1 || n > 5 || v[top.contentStart] > 7) return false;
        const used = (n - 1) * 8 - v[top.contentStart];
        d.keyUsage = KEY_USAGE_BITS.filter((_, i) => i < used && (v[top.contentStart + 1 + (i >> 3)] >> (7 - (i & 7))) & 1);
        return true;
      }
      case id_ce_extKeyUsage: {
        const oids = top.tag === 0x30 ? derChildren(v, top) : [];
        if (top.tag !== 0x30 || oids.some((o) => o.tag !== 0x06)) return false;
        d.extendedKeyUsage = oids.map((o) => oidString(v, o.contentStart, o.end)).map((oid) => EXTENDED_KEY_USAGES[oid] ?? oid);
        return true;
      }
      case id_ce_subjectKeyIdentifier:
        if (top.tag !== 0x04) return false;
        d.ski = hex(top);
        return true;
      case id_ce_authorityKeyIdentifier: {
        const parts = top.tag === 0x30 ? derChildren(v, top) : [];
        if (top.tag !== 0x30 || !inTagOrder(parts, AKI_TAGS)) return false;
        if (parts[0]?.tag === 0x80) d.aki = hex(parts[0]);
        return true;
      }
      case id_ce_subjectAltName: {
        const names = top.tag === 0x30 ? derChildren(v, top) : [];
        const sans: SubjectAltName[] = [];
        for (const g of names) {
          if (g.tag === 0x82) sans.push({ type: 'dns', value: ia5(text(g)) });
          else if (g.tag === 0x81) sans.push({ type: 'email', value: ia5(text(g)) });
          else if (g.tag === 0x86) sans.push({ type: 'uri', value: ia5(text(g)) });
          else if (g.tag === 0x87 && (g.end - g.contentStart === 4 || g.end - g.contentStart === 16)) sans.push({ type: 'ip', value: ipText(v.subarray(g.contentStart, g.end)) });
          else return false;
        }
        if (top.tag !== 0x30) return false;
        d.sans = sans;
        return true;
      }
      case id_pe_authorityInfoAccess: {
        const access = top.tag === 0x30 ? derChildren(v, top) : [];
        const found: [string, string][] = [];
        for (const a of access) {
          const [method, location, extra] = a.tag === 0x30 ? derChildren(v, a) : [];
          if (method?.tag !== 0x06 || location?.tag !== 0x86 || extra) return false;
          found.push([oidString(v, method.contentStart, method.end), text(location)]);
        }
        if (top.tag !== 0x30) return false;
        for (const [method, u] of found) {
          if (method === id_ad_ocsp) d.ocspUrls.push(u);
          else if (method === id_ad_caIssuers) d.caIssuers.push(u);
        }
        return true;
      }
      case id_ce_cRLDistributionPoints: {
        const points = top.tag === 0x30 ? derChildren(v, top) : [];
        const found: string[] = [];
        for (const p of points) {
          const [dp, extra] = p.tag === 0x30 ? derChildren(v, p) : [];
          const [full, more] = dp?.tag === 0xa0 ? derChildren(v, dp) : [];
          if (!dp || extra || dp.tag !== 0xa0 || full?.tag !== 0xa0 || more) return false;
          for (const g of derChildren(v, full)) {
            if (g.tag !== 0x86) return false;
            found.push(text(g));
          }
        }
        if (top.tag !== 0x30) return false;
        d.crlDistributionPoints = found;
        return true;
      }
    }
  } catch {
    // the schema decoder takes it and words the error
  }
  return false;
}

/** An iPAddress as the schema decoder prints it: dotted IPv4, IPv6 with the first longest zero run (2+ groups) as `::`. */
function ipText(b: Uint8Array): string {
  if (b.length === 4) return b.join('.');
  const groups: string[] = [];
  for (let i = 0; i < 16; i += 2) groups.push(((b[i] << 8) | b[i + 1]).toString(16));
  let best = -1;
  let bestLength = 0;
  for (let i = 0; i < 8; ) {
    let j = i;
    while (j < 8 && groups[j] === '0') j++;
    if (j - i > bestLength) [best, bestLength] = [i, j - i];
    i = j > i ? j : i + 1;
  }
  return bestLength > 1 ? `${groups.slice(0, best).join(':')}::${groups.slice(best + bestLength).join(':')}` : groups.join(':');
}

/**
 * IA5String is ASCII, but tools write raw UTF-8 into SANs (`DNS:bücher.example`); the decoder
 * reads bytes as Latin-1. Reread them as UTF-8 when they are valid UTF-8, as OpenSSL prints them.
 */
export function ia5(s: string): string {
  if (!/[\u0080-\u00ff]/.test(s) || /[\u0100-\uffff]/.test(s)) return s;
  try {
    return new TextDecoder('utf-8', { fatal: true }).decode(Uint8Array.from(s, (c) => c.charCodeAt(0)));
  } catch {
    return s;
  }
}
