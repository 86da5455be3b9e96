/**
 * Certificates, CRLs, keys and DH parameters decoded into plain descriptions that read like
 * `openssl x509 -noout -text -nameopt RFC2253`. Private keys are described by type and size only:
 * no key material leaves this module.
 */
import { AsnConvert } from '@peculiar/asn1-schema';
import {
  AlgorithmIdentifier,
  AuthorityInfoAccessSyntax,
  AuthorityKeyIdentifier,
  BasicConstraints,
  CRLDistributionPoints,
  ExtendedKeyUsage,
  type GeneralName,
  GeneralName as GeneralNameClass,
  KeyUsage,
  Name,
  SubjectAlternativeName,
  SubjectKeyIdentifier,
  type SubjectPublicKeyInfo,
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
import { ECParameters } from '@peculiar/asn1-ecc';
import { RSAPublicKey } from '@peculiar/asn1-rsa';
import forge from 'node-forge';
import { type DerElement, type Result, attempt, bitLength, derChildren, derElement, elementContent, integerHex, nameDerToString, nameKey, nameToString, octets, oidString, parseCertificateAsn, parseCrlAsn, parseDer, parseSpki, sequenceElements } from './asn1';
import { CURVES, EXTENDED_KEY_USAGES, KEY_ALGORITHMS, KEY_USAGE_BITS, type KeyAlgorithm, PQ_PARAMETER_SETS, SIGNATURE_ALGORITHMS, signatureKeyAlgorithm } from './oids.data';
import { bytesToBinary, toHex } from './pem';

export interface PublicKeyDescription {
  algorithm: KeyAlgorithm;
  /** Modulus bits (RSA), curve bits (EC), OpenSSL's security-size bits for EdDSA (253/456). */
  bits?: number;
  /** `P-256`, `P-384`, `P-521`, or another named curve. */
  curve?: string;
  /** ML-DSA / SLH-DSA parameter set (`ML-DSA-65`, `SLH-DSA-SHA2-128s`); `bits` is then the public key's size. */
  parameterSet?: string;
}

export interface SubjectAltName {
  type: 'dns' | 'ip' | 'email' | 'uri' | 'dirname' | 'other';
  value: string;
}

export interface CertificateDescription {
  kind: 'certificate';
  version: number;
  subject: string;
  issuer: string;
  serialNumber: string;
  notBefore: string;
  notAfter: string;
  sans: SubjectAltName[];
  publicKey: PublicKeyDescription;
  signatureAlgorithm: string;
  isCA: boolean;
  pathLength?: number;
  keyUsage: string[];
  extendedKeyUsage: string[];
  ocspUrls: string[];
  caIssuers: string[];
  crlDistributionPoints: string[];
  ski?: string;
  aki?: string;
  fingerprints: { sha1: string; sha256: string };
  /** Self-issued (subject = issuer) with an AKI that is absent or equals the SKI. */
  selfSigned: boolean;
}

/** A decoded certificate with what chain and key checks need beside its description. */
export interface ParsedCertificate {
  der: Uint8Array;
  description: CertificateDescription;
  signatureOid: string;
  signature: Uint8Array;
  tbsDer: Uint8Array;
  spkiDer: Uint8Array;
  spki: SubjectPublicKeyInfo;
}

export interface CrlDescription {
  kind: 'crl';
  issuer: string;
  thisUpdate: string;
  nextUpdate?: string;
  revoked: number;
  aki?: string;
  signatureAlgorithm: string;
}

export interface PrivateKeyDescription {
  kind: 'private-key';
  /** `unknown` for encrypted PKCS#8, whose algorithm is inside the ciphertext. */
  algorithm: KeyAlgorithm;
  bits?: number;
  curve?: string;
  /** ML-DSA / SLH-DSA parameter set, from the key's algorithm OID. */
  parameterSet?: string;
  encrypted: boolean;
  format: 'pkcs8' | 'pkcs1' | 'sec1' | 'dsa';
}

export interface PublicKeyFileDescription extends PublicKeyDescription {
  kind: 'public-key';
}

export interface DhParamsDescription {
  kind: 'dh-params';
  bits: number;
}

export type PkiDescription = CertificateDescription | CrlDescription | PrivateKeyDescription | PublicKeyFileDescription | DhParamsDescription;

const isoSeconds = (d: Date): string => d.toISOString().replace(/\.\d{3}Z$/, 'Z');

export function describePublicKey(spki: SubjectPublicKeyInfo): PublicKeyDescription {
  return describeKeyParts(spki.algorithm.algorithm, spki.algorithm.parameters ? new Uint8Array(spki.algorithm.parameters) : undefined, new Uint8Array(spki.subjectPublicKey));
}

/** A key from its algorithm OID, the DER of the algorithm's parameters, and the BIT STRING's bytes. */
function describeKeyParts(oid: string, parameters: Uint8Array | undefined, key: Uint8Array): PublicKeyDescription {
  const algorithm = KEY_ALGORITHMS[oid] ?? 'unknown';
  if (algorithm === 'rsa' || algorithm === 'rsa-pss') return { algorithm, bits: bitLength(rsaModulus(key)) };
  if (algorithm === 'ec') {
    const named = parameters?.[0] === 0x06 ? oidString(parameters, derElement(parameters, 0).contentStart, derElement(parameters, 0).end) : parameters ? parseDer(parameters, ECParameters).namedCurve : undefined;
    const curve = named ? CURVES[named] : undefined;
    return { algorithm, ...(curve ? { bits: curve.bits, curve: curve.name } : named ? { curve: named } : {}) };
  }
  const pq = PQ_PARAMETER_SETS[oid];
  // Post-quantum keys have no modulus or curve: the parameter set names the size.
  if (pq) return { algorithm, bits: key.length * 8, parameterSet: pq.name };
  const bits: Partial<Record<KeyAlgorithm, number>> = { ed25519: 253, ed448: 456, x25519: 253, x448: 448 };
  return { algorithm, ...(bits[algorithm] ? { bits: bits[algorithm] } : {}) };
}

/** RSAPublicKey's modulus, read in place; through the schema when it is not plain DER. */
function rsaModulus(key: Uint8Array): Uint8Array {
  try {
    const seq = derElement(key, 0);
    const [n, e] = derChildren(key, seq);
    if (seq.tag === 0x30 && seq.end === key.length && n?.tag === 0x02 && e?.tag === 0x02) return key.subarray(n.contentStart, n.end);
  } catch {
    // fall through to the schema decoder, which reports what is wrong
  }
  return new Uint8Array(parseDer(key, RSAPublicKey).modulus);
}

export function generalName(g: GeneralName): SubjectAltName {
  if (g.dNSName !== undefined) return { type: 'dns', value: ia5(g.dNSName) };
  if (g.iPAddress !== undefined) return { type: 'ip', value: g.iPAddress };
  if (g.rfc822Name !== undefined) return { type: 'email', value: ia5(g.rfc822Name) };
  if (g.uniformResourceIdentifier !== undefined) return { type: 'uri', value: ia5(g.uniformResourceIdentifier) };
  if (g.directoryName) return { type: 'dirname', value: nameToString(g.directoryName) };
  return { type: 'other', value: g.registeredID ?? g.otherName?.typeId ?? '' };
}

const OTHER_NAME_FORMS: Record<number, string> = { 3: 'x400Address', 5: 'ediPartyName' };

/** SANs; a name form the decoder rejects (x400Address, some ediPartyName) is kept as `other` instead of failing the certificate. */
export function subjectAltNames(v: Uint8Array): SubjectAltName[] {
  try {
    return [...parseDer(v, SubjectAlternativeName)].map(generalName);
  } catch {
    return sequenceElements(v).map((el) => {
      try {
        return generalName(parseDer(el.slice(), GeneralNameClass));
      } catch {
        return { type: 'other', value: OTHER_NAME_FORMS[el[0] & 0x1f] ?? `[${el[0] & 0x1f}]` };
      }
    });
  }
}

/**
 * IA5String is ASCII, but tools write raw UTF-8 into SANs (`DNS:bücher.example`); the decoder
 * reads bytes as Latin-1. Reread them as UTF-8 when they are valid UTF-8, as OpenSSL prints them.
 */
function ia5(s: string): string {
  if (!/[\u0080-\u00ff]/.test(s) || /[\u0100-\uffff]/.test(s)) return s;
  try {
    return new TextDecoder('utf-8', { fatal: true }).decode(Uint8Array.from(s, (c) => c.charCodeAt(0)));
  } catch {
    return s;
  }
}

const uris = (names: GeneralName[] | undefined): string[] => (names ?? []).map((g) => g.uniformResourceIdentifier).filter((u): u is string => u !== undefined);

function fingerprint(md: forge.md.MessageDigest, der: Uint8Array): string {
  return md.update(bytesToBinary(der)).digest().toHex();
}

/** A serial as OpenSSL prints it, lowercase: two's complement negatives (non-conforming, but seen) get a `-`. */
function serialHex(bytes: Uint8Array): string {
  if (!bytes.length || bytes[0] < 0x80) return integerHex(bytes);
  const magnitude = new Uint8Array(bytes.length);
  let borrow = 1;
  for (let i = bytes.length - 1; i >= 0; i--) {
    const v = (~bytes[i] & 0xff) + borrow;
    magnitude[i] = v & 0xff;
    borrow = v >> 8;
  }
  return `-${integerHex(magnitude)}`;
}

/** What a certificate's description is made of, however it was decoded. */
interface CertificateParts {
  version: number;
  subject: string;
  issuer: string;
  serial: Uint8Array;
  notBefore: string;
  notAfter: string;
  publicKey: PublicKeyDescription;
  signatureOid: string;
  tbsSignatureOid: string;
  extensions: { id: string; value: Uint8Array }[];
}

/**
 * Decodes a DER certificate; a malformed one is an error result, never an exception. Plain DER
 * is read in place (a hover decodes a whole bundle at once, and the schema decoder costs about a
 * millisecond a certificate); anything unusual goes through the schema decoder, which also words
 * the errors.
 */
export function parseCertificate(der: Uint8Array): Result<ParsedCertificate> {
  const quick = readCertificate(der);
  return quick ? { ok: true, value: quick } : attempt('not a valid X.509 certificate', () => schemaCertificate(der));
}

function schemaCertificate(der: Uint8Array): ParsedCertificate {
  const cert = parseCertificateAsn(der);
  const tbs = cert.tbsCertificate;
  const [tbsDer] = sequenceElements(der);
  const spkiDer = new Uint8Array(AsnConvert.serialize(tbs.subjectPublicKeyInfo));
  const description = describeParts(der, {
    version: tbs.version + 1,
    subject: nameToString(tbs.subject),
    issuer: nameToString(tbs.issuer),
    serial: new Uint8Array(tbs.serialNumber),
    notBefore: isoSeconds(tbs.validity.notBefore.getTime()),
    notAfter: isoSeconds(tbs.validity.notAfter.getTime()),
    publicKey: describePublicKey(tbs.subjectPublicKeyInfo),
    signatureOid: cert.signatureAlgorithm.algorithm,
    tbsSignatureOid: tbs.signature.algorithm,
    extensions: (tbs.extensions ?? []).map((e) => ({ id: e.extnID, value: octets(e.extnValue) })),
  });
  return { der, description, signatureOid: cert.signatureAlgorithm.algorithm, signature: new Uint8Array(cert.signatureValue), tbsDer, spkiDer, spki: tbs.subjectPublicKeyInfo };
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

/** The certificate read in place, or undefined when it is not plain DER of the usual shape. */
function readCertificate(der: Uint8Array): ParsedCertificate | undefined {
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
    const [keyOid, keyParams] = algorithmParts(der, keyAlg);
    const extensions = trailer[trailer.length - 1]?.tag === 0xa3 ? readExtensions(der, trailer[trailer.length - 1]) : [];
    if (!extensions) return undefined;
    const signatureOid = algorithmParts(der, sigAlg)[0];
    const description = describeParts(der, {
      version: version + 1,
      subject: subjectName,
      issuer: issuerName,
      serial: der.subarray(serial.contentStart, serial.end),
      notBefore: times[0],
      notAfter: times[1],
      publicKey: describeKeyParts(keyOid, keyParams, der.subarray(keyBits.contentStart + 1, keyBits.end)),
      signatureOid,
      tbsSignatureOid: algorithmParts(der, tbsAlg)[0],
      extensions,
    });
    const spkiDer = der.subarray(spki.start, spki.end);
    const parsed = { der, description, signatureOid, signature: der.subarray(sigValue.contentStart + 1, sigValue.end), tbsDer: der.subarray(tbs.start, tbs.end), spkiDer } as ParsedCertificate;
    // The schema object is built only for the few callers that want it (key matching, signature checks).
    let spkiObject: SubjectPublicKeyInfo | undefined;
    Object.defineProperty(parsed, 'spki', { enumerable: true, configurable: true, get: () => (spkiObject ??= parseSpki(spkiDer)) });
    return parsed;
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
function readExtensions(der: Uint8Array, wrapper: DerElement): CertificateParts['extensions'] | undefined {
  const [list, extra] = derChildren(der, wrapper);
  if (list?.tag !== 0x30 || extra) return undefined;
  const out: CertificateParts['extensions'] = [];
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
function readExtension(id: string, v: Uint8Array, d: CertificateDescription): boolean {
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

/** SHA-1 and SHA-256 of the DER, each computed when first read: a hover shows one certificate's. */
function lazyFingerprints(der: Uint8Array): CertificateDescription['fingerprints'] {
  let sha1: string | undefined;
  let sha256: string | undefined;
  const out = {} as CertificateDescription['fingerprints'];
  Object.defineProperty(out, 'sha1', { enumerable: true, get: () => (sha1 ??= fingerprint(forge.md.sha1.create(), der)) });
  Object.defineProperty(out, 'sha256', { enumerable: true, get: () => (sha256 ??= fingerprint(forge.md.sha256.create(), der)) });
  return out;
}

function describeParts(der: Uint8Array, p: CertificateParts): CertificateDescription {
  const d: CertificateDescription = {
    kind: 'certificate',
    version: p.version,
    subject: p.subject,
    issuer: p.issuer,
    serialNumber: serialHex(p.serial),
    notBefore: p.notBefore,
    notAfter: p.notAfter,
    sans: [],
    publicKey: p.publicKey,
    signatureAlgorithm: SIGNATURE_ALGORITHMS[p.signatureOid] ?? p.signatureOid,
    isCA: false,
    keyUsage: [],
    extendedKeyUsage: [],
    ocspUrls: [],
    caIssuers: [],
    crlDistributionPoints: [],
    fingerprints: lazyFingerprints(der),
    selfSigned: false,
  };
  for (const { id, value: v } of p.extensions) {
    if (readExtension(id, v, d)) continue;
    switch (id) {
      case id_ce_subjectAltName:
        d.sans = subjectAltNames(v);
        break;
      case id_ce_basicConstraints: {
        const bc = parseDer(v, BasicConstraints);
        d.isCA = bc.cA;
        if (bc.pathLenConstraint !== undefined) d.pathLength = bc.pathLenConstraint;
        break;
      }
      case id_ce_keyUsage: {
        const flags = parseDer(v, KeyUsage).toNumber();
        d.keyUsage = KEY_USAGE_BITS.filter((_, i) => flags & (1 << i));
        break;
      }
      case id_ce_extKeyUsage:
        d.extendedKeyUsage = [...parseDer(v, ExtendedKeyUsage)].map((oid) => EXTENDED_KEY_USAGES[oid] ?? oid);
        break;
      case id_pe_authorityInfoAccess:
        for (const a of parseDer(v, AuthorityInfoAccessSyntax)) {
          const u = a.accessLocation.uniformResourceIdentifier;
          if (u === undefined) continue;
          if (a.accessMethod === id_ad_ocsp) d.ocspUrls.push(u);
          else if (a.accessMethod === id_ad_caIssuers) d.caIssuers.push(u);
        }
        break;
      case id_ce_cRLDistributionPoints:
        d.crlDistributionPoints = [...parseDer(v, CRLDistributionPoints)].flatMap((p) => uris(p.distributionPoint?.fullName));
        break;
      case id_ce_subjectKeyIdentifier:
        d.ski = toHex(octets(parseDer(v, SubjectKeyIdentifier)));
        break;
      case id_ce_authorityKeyIdentifier: {
        const id = parseDer(v, AuthorityKeyIdentifier).keyIdentifier;
        if (id) d.aki = toHex(octets(id));
        break;
      }
    }
  }
  // As OpenSSL's EXFLAG_SS: self-issued, AKI agreeing with SKI, and a signature algorithm this key can make.
  const sigKey = signatureKeyAlgorithm(p.tbsSignatureOid);
  const keyFits = sigKey === d.publicKey.algorithm || (sigKey === 'rsa-pss' && d.publicKey.algorithm === 'rsa');
  d.selfSigned = nameKey(d.subject) === nameKey(d.issuer) && (!d.aki || !d.ski || d.aki === d.ski) && keyFits;
  return d;
}

export function describeCertificate(der: Uint8Array): Result<CertificateDescription> {
  const r = parseCertificate(der);
  return r.ok ? { ok: true, value: r.value.description } : r;
}

export function describeCrl(der: Uint8Array): Result<CrlDescription> {
  const r = attempt('not a valid X.509 CRL', () => describeCrlAsn(der));
  // The ASN.1 decoder stops at 10,000 nodes (a guard against hostile input); a CRL with a few
  // thousand entries is ordinary, so it is read field by field instead.
  return r.ok || !/node count/i.test(r.error) ? r : attempt('not a valid X.509 CRL', () => describeLargeCrl(der));
}

function describeLargeCrl(der: Uint8Array): CrlDescription {
  const [tbs, alg] = sequenceElements(der);
  const fields = sequenceElements(tbs);
  let i = fields[0]?.[0] === 0x02 ? 1 : 0;
  i++; // the signature AlgorithmIdentifier
  const issuer = nameToString(parseDer(fields[i++].slice(), Name));
  const thisUpdate = derTime(fields[i++]);
  const next = fields[i] && (fields[i][0] === 0x17 || fields[i][0] === 0x18) ? derTime(fields[i++]) : undefined;
  const revoked = fields[i]?.[0] === 0x30 ? sequenceElements(fields[i]).length : 0;
  const sigOid = parseDer(alg.slice(), AlgorithmIdentifier).algorithm;
  return { kind: 'crl', issuer, thisUpdate, ...(next ? { nextUpdate: next } : {}), revoked, signatureAlgorithm: SIGNATURE_ALGORITHMS[sigOid] ?? sigOid };
}

/** UTCTime (YYMMDDHHMMSSZ, RFC 5280: 50-99 are 19xx) or GeneralizedTime (YYYYMMDDHHMMSSZ) to ISO 8601. */
function derTime(el: Uint8Array): string {
  const t = String.fromCharCode(...elementContent(el));
  const full = el[0] === 0x17 ? `${Number(t.slice(0, 2)) >= 50 ? '19' : '20'}${t}` : t;
  const m = /^(\d{4})(\d\d)(\d\d)(\d\d)(\d\d)(\d\d)Z$/.exec(full);
  if (!m) throw new Error(`unsupported time "${t}"`);
  return `${m[1]}-${m[2]}-${m[3]}T${m[4]}:${m[5]}:${m[6]}Z`;
}

function describeCrlAsn(der: Uint8Array): CrlDescription {
  const crl = parseCrlAsn(der);
  const t = crl.tbsCertList;
  const akiExt = t.crlExtensions?.find((e) => e.extnID === id_ce_authorityKeyIdentifier);
  const akiId = akiExt ? parseDer(octets(akiExt.extnValue), AuthorityKeyIdentifier).keyIdentifier : undefined;
  const next = t.nextUpdate?.getTime();
  return {
    kind: 'crl',
    issuer: nameToString(t.issuer),
    thisUpdate: isoSeconds(t.thisUpdate.getTime()),
    ...(next ? { nextUpdate: isoSeconds(next) } : {}),
    revoked: t.revokedCertificates?.length ?? 0,
    ...(akiId ? { aki: toHex(octets(akiId)) } : {}),
    signatureAlgorithm: SIGNATURE_ALGORITHMS[crl.signatureAlgorithm.algorithm] ?? crl.signatureAlgorithm.algorithm,
  };
}

export function describePublicKeyDer(der: Uint8Array): Result<PublicKeyFileDescription> {
  return attempt('not a valid public key', () => ({ kind: 'public-key', ...describePublicKey(parseSpki(der)) }));
}

/** `DH PARAMETERS` (PKCS#3) and `X9.42 DH PARAMETERS`: both start with the prime p. */
export function describeDhParams(der: Uint8Array): Result<DhParamsDescription> {
  return attempt('not valid DH parameters', () => {
    const [p] = sequenceElements(der);
    if (!p || p[0] !== 0x02) throw new Error('the prime is missing');
    const bits = bitLength(elementContent(p));
    if (!bits) throw new Error('the prime is zero');
    return { kind: 'dh-params', bits };
  });
}
