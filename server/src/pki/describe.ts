/**
 * Certificates decoded into plain descriptions that read like `openssl x509 -noout -text -nameopt
 * RFC2253`, and the public keys inside them. CRLs, public-key files and DH parameters are in
 * describeObjects.ts; private keys (type and size only) in keys.ts.
 */
import { AsnConvert } from '@peculiar/asn1-schema';
import {
  AuthorityInfoAccessSyntax,
  AuthorityKeyIdentifier,
  BasicConstraints,
  CRLDistributionPoints,
  ExtendedKeyUsage,
  type GeneralName,
  GeneralName as GeneralNameClass,
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
import { type Result, attempt, bitLength, derChildren, derElement, integerHex, isoSeconds, nameKey, nameToString, octets, oidString, parseCertificateAsn, parseDer, parseSpki, sequenceElements } from './asn1';
import { type DerExtension, ia5, readCertificate, readExtension } from './certificateDer';
import type { CertificateDescription, ParsedCertificate, PublicKeyDescription, SubjectAltName } from './descriptions';
import { CURVES, EXTENDED_KEY_USAGES, KEY_ALGORITHMS, KEY_USAGE_BITS, type KeyAlgorithm, PQ_PARAMETER_SETS, SIGNATURE_ALGORITHMS, signatureKeyAlgorithm } from './oids.data';
import { bytesToBinary, toHex } from './pem';

export type { CertificateDescription, CrlDescription, DhParamsDescription, ParsedCertificate, PkiDescription, PrivateKeyDescription, PublicKeyDescription, PublicKeyFileDescription, SubjectAltName } from './descriptions';

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
  extensions: DerExtension[];
}

/**
 * Decodes a DER certificate; a malformed one is an error result, never an exception. Plain DER
 * is read in place (a hover decodes a whole bundle at once, and the schema decoder costs about a
 * millisecond a certificate); anything unusual goes through the schema decoder, which also words
 * the errors.
 */
export function parseCertificate(der: Uint8Array): Result<ParsedCertificate> {
  const quick = quickCertificate(der);
  return quick ? { ok: true, value: quick } : attempt('not a valid X.509 certificate', () => schemaCertificate(der));
}

/** The certificate read in place (certificateDer.ts), or undefined when the schema decoder must take it. */
function quickCertificate(der: Uint8Array): ParsedCertificate | undefined {
  const f = readCertificate(der);
  if (!f) return undefined;
  try {
    const description = describeParts(der, { ...f, publicKey: describeKeyParts(f.keyOid, f.keyParameters, f.keyBits) });
    const parsed = { der, description, signatureOid: f.signatureOid, signature: f.signature, tbsDer: f.tbsDer, spkiDer: f.spkiDer } as ParsedCertificate;
    // The schema object is built only for the few callers that want it (key matching, signature checks).
    let spkiObject: SubjectPublicKeyInfo | undefined;
    Object.defineProperty(parsed, 'spki', { enumerable: true, configurable: true, get: () => (spkiObject ??= parseSpki(f.spkiDer)) });
    return parsed;
  } catch {
    return undefined;
  }
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
