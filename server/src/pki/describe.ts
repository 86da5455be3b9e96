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
import { type Result, attempt, bitLength, integerHex, nameKey, nameToString, octets, parseCertificateAsn, parseCrlAsn, parseDer, parseSpki, sequenceElements, elementContent } from './asn1';
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
  const oid = spki.algorithm.algorithm;
  const algorithm = KEY_ALGORITHMS[oid] ?? 'unknown';
  const key = new Uint8Array(spki.subjectPublicKey);
  if (algorithm === 'rsa' || algorithm === 'rsa-pss') {
    const rsa = parseDer(key, RSAPublicKey);
    return { algorithm, bits: bitLength(new Uint8Array(rsa.modulus)) };
  }
  if (algorithm === 'ec') {
    const params = spki.algorithm.parameters ? parseDer(spki.algorithm.parameters, ECParameters) : undefined;
    const curve = params?.namedCurve ? CURVES[params.namedCurve] : undefined;
    return { algorithm, ...(curve ? { bits: curve.bits, curve: curve.name } : params?.namedCurve ? { curve: params.namedCurve } : {}) };
  }
  const pq = PQ_PARAMETER_SETS[oid];
  // Post-quantum keys have no modulus or curve: the parameter set names the size.
  if (pq) return { algorithm, bits: key.length * 8, parameterSet: pq.name };
  const bits: Partial<Record<KeyAlgorithm, number>> = { ed25519: 253, ed448: 456, x25519: 253, x448: 448 };
  return { algorithm, ...(bits[algorithm] ? { bits: bits[algorithm] } : {}) };
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

/** Decodes a DER certificate; a malformed one is an error result, never an exception. */
export function parseCertificate(der: Uint8Array): Result<ParsedCertificate> {
  return attempt('not a valid X.509 certificate', () => {
    const cert = parseCertificateAsn(der);
    const tbs = cert.tbsCertificate;
    const [tbsDer] = sequenceElements(der);
    const spkiDer = new Uint8Array(AsnConvert.serialize(tbs.subjectPublicKeyInfo));
    const d: CertificateDescription = {
      kind: 'certificate',
      version: tbs.version + 1,
      subject: nameToString(tbs.subject),
      issuer: nameToString(tbs.issuer),
      serialNumber: serialHex(new Uint8Array(tbs.serialNumber)),
      notBefore: isoSeconds(tbs.validity.notBefore.getTime()),
      notAfter: isoSeconds(tbs.validity.notAfter.getTime()),
      sans: [],
      publicKey: describePublicKey(tbs.subjectPublicKeyInfo),
      signatureAlgorithm: SIGNATURE_ALGORITHMS[cert.signatureAlgorithm.algorithm] ?? cert.signatureAlgorithm.algorithm,
      isCA: false,
      keyUsage: [],
      extendedKeyUsage: [],
      ocspUrls: [],
      caIssuers: [],
      crlDistributionPoints: [],
      fingerprints: { sha1: fingerprint(forge.md.sha1.create(), der), sha256: fingerprint(forge.md.sha256.create(), der) },
      selfSigned: false,
    };
    for (const ext of tbs.extensions ?? []) {
      const v = octets(ext.extnValue);
      switch (ext.extnID) {
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
    const sigKey = signatureKeyAlgorithm(tbs.signature.algorithm);
    const keyFits = sigKey === d.publicKey.algorithm || (sigKey === 'rsa-pss' && d.publicKey.algorithm === 'rsa');
    d.selfSigned = nameKey(d.subject) === nameKey(d.issuer) && (!d.aki || !d.ski || d.aki === d.ski) && keyFits;
    return { der, description: d, signatureOid: cert.signatureAlgorithm.algorithm, signature: new Uint8Array(cert.signatureValue), tbsDer, spkiDer, spki: tbs.subjectPublicKeyInfo };
  });
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
