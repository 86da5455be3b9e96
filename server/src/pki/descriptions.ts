/**
 * The plain descriptions of certificates, CRLs, keys and DH parameters that describe.ts and its
 * siblings produce; a module of its own so the decoders can share them without importing each other.
 */
import type { SubjectPublicKeyInfo } from '@peculiar/asn1-x509';
import type { KeyAlgorithm } from './oids.data';

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
