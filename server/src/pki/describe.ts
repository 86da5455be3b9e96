/**
 * Certificates, CRLs, keys and DH parameters decoded into plain descriptions that read like
 * `openssl x509 -noout -text -nameopt RFC2253`. Private keys are described by type and size only:
 * no key material leaves this module.
 */
import { AsnConvert } from '@peculiar/asn1-schema';
import {
  AuthorityInfoAccessSyntax,
  AuthorityKeyIdentifier,
  BasicConstraints,
  CRLDistributionPoints,
  ExtendedKeyUsage,
  type GeneralName,
  KeyUsage,
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
import { CURVES, EXTENDED_KEY_USAGES, KEY_ALGORITHMS, KEY_USAGE_BITS, type KeyAlgorithm, SIGNATURE_ALGORITHMS } from './oids.data';
import { bytesToBinary, toHex } from './pem';

export interface PublicKeyDescription {
  algorithm: KeyAlgorithm;
  /** Modulus bits (RSA), curve bits (EC), OpenSSL's security-size bits for EdDSA (253/456). */
  bits?: number;
  /** `P-256`, `P-384`, `P-521`, or another named curve. */
  curve?: string;
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
  const bits: Partial<Record<KeyAlgorithm, number>> = { ed25519: 253, ed448: 456, x25519: 253, x448: 448 };
  return { algorithm, ...(bits[algorithm] ? { bits: bits[algorithm] } : {}) };
}

function generalName(g: GeneralName): SubjectAltName {
  if (g.dNSName !== undefined) return { type: 'dns', value: g.dNSName };
  if (g.iPAddress !== undefined) return { type: 'ip', value: g.iPAddress };
  if (g.rfc822Name !== undefined) return { type: 'email', value: g.rfc822Name };
  if (g.uniformResourceIdentifier !== undefined) return { type: 'uri', value: g.uniformResourceIdentifier };
  if (g.directoryName) return { type: 'dirname', value: nameToString(g.directoryName) };
  return { type: 'other', value: g.registeredID ?? g.otherName?.typeId ?? '' };
}

const uris = (names: GeneralName[] | undefined): string[] => (names ?? []).map((g) => g.uniformResourceIdentifier).filter((u): u is string => u !== undefined);

function fingerprint(md: forge.md.MessageDigest, der: Uint8Array): string {
  return md.update(bytesToBinary(der)).digest().toHex();
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
      serialNumber: integerHex(new Uint8Array(tbs.serialNumber)),
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
          d.sans = [...parseDer(v, SubjectAlternativeName)].map(generalName);
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
    d.selfSigned = nameKey(d.subject) === nameKey(d.issuer) && (!d.aki || !d.ski || d.aki === d.ski);
    return { der, description: d, signatureOid: cert.signatureAlgorithm.algorithm, signature: new Uint8Array(cert.signatureValue), tbsDer, spkiDer, spki: tbs.subjectPublicKeyInfo };
  });
}

export function describeCertificate(der: Uint8Array): Result<CertificateDescription> {
  const r = parseCertificate(der);
  return r.ok ? { ok: true, value: r.value.description } : r;
}

export function describeCrl(der: Uint8Array): Result<CrlDescription> {
  return attempt('not a valid X.509 CRL', () => {
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
  });
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
