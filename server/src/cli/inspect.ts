/**
 * `tlsnet inspect FILE...`: every object in the files, decoded into the stable JSON contract of
 * issue 4 (`{"version": 1, "objects": [...]}`). Subjects and issuers read exactly as
 * `openssl x509 -nameopt RFC2253` prints them; no key material is ever part of an object.
 */
import { readFileSync, statSync } from 'node:fs';
import type { CsrDescription } from '../pki/csr';
import type { CertificateDescription, CrlDescription, PublicKeyDescription, SubjectAltName } from '../pki/describe';
import { decodePkiBytes, type PkiItem } from '../pki/file';
import { looksLikeDer } from '../pki/pem';

export interface PublicKeyObject {
  algorithm: string;
  bits: number | null;
  curve: string | null;
  /** Only for ML-DSA / SLH-DSA keys. */
  parameterSet?: string;
}

/** A certificate in the contract: the description's fields but the hover-only ones, absent values as null. */
export type CertificateObject = Pick<
  CertificateDescription,
  'kind' | 'subject' | 'issuer' | 'serialNumber' | 'notBefore' | 'notAfter' | 'sans' | 'signatureAlgorithm' | 'isCA' | 'keyUsage' | 'extendedKeyUsage' | 'fingerprints' | 'selfSigned'
> & { publicKey: PublicKeyObject; pathLength: number | null };

export type CrlObject = Pick<CrlDescription, 'kind' | 'issuer' | 'thisUpdate' | 'revoked' | 'signatureAlgorithm'> & { nextUpdate: string | null };

export type ObjectBody =
  | CertificateObject
  | CrlObject
  | { kind: 'csr'; subject: string; publicKey: PublicKeyObject; sans: SubjectAltName[]; signatureAlgorithm: string; signature: CsrDescription['signature'] }
  | ({ kind: 'private-key' } & PublicKeyObject & { encrypted: boolean })
  | ({ kind: 'public-key' } & PublicKeyObject)
  | { kind: 'pkcs7'; certificates: CertificateObject[]; crls: CrlObject[] }
  | { kind: 'dh-params'; bits: number }
  | { kind: 'other'; label: string }
  | { kind: 'error'; label: string | null; message: string; offset: number };

export type InspectObject = { file: string; line: number } & ObjectBody;

export interface InspectResult {
  objects: InspectObject[];
  /** Files that could not be read: usage/I-O problems, not decode failures. */
  ioErrors: string[];
}

export function inspect(paths: string[]): InspectResult {
  const out: InspectResult = { objects: [], ioErrors: [] };
  for (const file of paths) {
    let bytes: Uint8Array;
    try {
      if (file === '-') {
        out.objects.push(...inspectBytes(file, readFileSync(0)));
        continue;
      }
      if (statSync(file).isDirectory()) {
        out.ioErrors.push(`${file}: is a directory`);
        continue;
      }
      bytes = readFileSync(file);
    } catch (e) {
      const code = (e as NodeJS.ErrnoException).code;
      out.ioErrors.push(`${file}: ${code === 'ENOENT' ? 'no such file or directory' : e instanceof Error ? e.message : String(e)}`);
      continue;
    }
    out.objects.push(...inspectBytes(file, bytes));
  }
  return out;
}

/** The objects of one file's bytes (PEM blocks anywhere in the text, or one DER object). */
export function inspectBytes(file: string, bytes: Uint8Array): InspectObject[] {
  const decoded = decodePkiBytes(bytes);
  const objects: InspectObject[] = decoded.items.map((item) => ({ file, line: item.block ? item.block.startLine + 1 : 1, ...itemBody(item) }));
  for (const e of decoded.errors) {
    objects.push({ file, line: (e.line ?? 0) + 1, kind: 'error', label: e.label ?? null, message: e.reason ?? e.message, offset: e.offset ?? 0 });
  }
  if (!decoded.items.length && !decoded.errors.length) {
    const der = bytes[0] === 0x30 && !looksLikeDer(bytes);
    objects.push({ file, line: 1, kind: 'error', label: null, message: der ? 'a DER object whose length does not match the file (truncated, or bytes after it)' : 'no PEM block ("-----BEGIN ...-----") and not a DER object', offset: 0 });
  }
  return objects.sort((a, b) => a.line - b.line);
}

function itemBody(item: PkiItem): ObjectBody {
  switch (item.kind) {
    case 'certificate':
      return certificateObject(item.cert.description);
    case 'crl':
      return crlObject(item.crl);
    case 'csr': {
      const c = item.csr;
      return { kind: 'csr', subject: opensslName(c.subject), publicKey: keyObject(c.publicKey), sans: c.sans, signatureAlgorithm: c.signatureAlgorithm, signature: c.signature };
    }
    case 'private-key': {
      const { algorithm, bits, curve, parameterSet, encrypted } = item.key.description;
      return { kind: 'private-key', ...keyObject({ algorithm, bits, curve, parameterSet }), encrypted };
    }
    case 'public-key':
      return { kind: 'public-key', ...keyObject(item.publicKey) };
    case 'pkcs7':
      return { kind: 'pkcs7', certificates: item.pkcs7.certificates.map((c) => certificateObject(c.description)), crls: item.pkcs7.crls.map(crlObject) };
    case 'dh-params':
      return { kind: 'dh-params', bits: item.dh.bits };
    case 'other':
      return { kind: 'other', label: item.label };
  }
}

export function certificateObject(d: CertificateDescription): CertificateObject {
  return {
    kind: 'certificate',
    subject: opensslName(d.subject),
    issuer: opensslName(d.issuer),
    serialNumber: d.serialNumber,
    notBefore: d.notBefore,
    notAfter: d.notAfter,
    sans: d.sans.map((s) => ({ type: s.type, value: s.value })),
    publicKey: keyObject(d.publicKey),
    signatureAlgorithm: d.signatureAlgorithm,
    isCA: d.isCA,
    pathLength: d.pathLength ?? null,
    keyUsage: d.keyUsage,
    extendedKeyUsage: d.extendedKeyUsage,
    fingerprints: { sha1: d.fingerprints.sha1, sha256: d.fingerprints.sha256 },
    selfSigned: d.selfSigned,
  };
}

function crlObject(c: CrlDescription): CrlObject {
  return { kind: 'crl', issuer: opensslName(c.issuer), thisUpdate: c.thisUpdate, nextUpdate: c.nextUpdate ?? null, revoked: c.revoked, signatureAlgorithm: c.signatureAlgorithm };
}

function keyObject(k: PublicKeyDescription): PublicKeyObject {
  return { algorithm: k.algorithm, bits: k.bits ?? null, curve: k.curve ?? null, ...(k.parameterSet ? { parameterSet: k.parameterSet } : {}) };
}

/**
 * OpenSSL's RFC2253 name option also escapes every non-ASCII byte of the UTF-8 form as `\XX`
 * (ASN1_STRFLGS_ESC_MSB); the descriptions keep readable Unicode for hovers, so it is applied here.
 */
export function opensslName(name: string): string {
  return name.replace(/[\u0080-\u{10ffff}]/gu, (c) => [...Buffer.from(c, 'utf8')].map((b) => `\\${b.toString(16).toUpperCase()}`).join(''));
}
