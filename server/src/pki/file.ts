/**
 * A certificate/key file decoded into items, as OpenSSL would read it: every PEM block in order
 * (junk between blocks ignored), or one DER object. Malformed blocks become errors, not exceptions.
 */
import { parseCertificate, type CrlDescription, type DhParamsDescription, type ParsedCertificate, type PublicKeyFileDescription } from './describe';
import { describeCrl, describeDhParams, describePublicKeyDer } from './describeObjects';
import { sequenceElements, type Result } from './asn1';
import { describeCsr, type CsrDescription } from './csr';
import { decodePkcs7, type Pkcs7Contents } from './pkcs7';
import { inspectPrivateKey, PRIVATE_KEY_LABELS, type InspectedKey } from './keys';
import { findPemBlocks, looksLikeDer, type PemBlock } from './pem';

export type PkiItem =
  | { kind: 'certificate'; cert: ParsedCertificate; block?: PemBlock }
  | { kind: 'crl'; crl: CrlDescription; block?: PemBlock }
  | { kind: 'private-key'; key: InspectedKey; block?: PemBlock }
  | { kind: 'public-key'; publicKey: PublicKeyFileDescription; block?: PemBlock }
  | { kind: 'dh-params'; dh: DhParamsDescription; block?: PemBlock }
  | { kind: 'csr'; csr: CsrDescription; block?: PemBlock }
  | { kind: 'pkcs7'; pkcs7: Pkcs7Contents; block?: PemBlock }
  | { kind: 'other'; label: string; block: PemBlock };

export interface PkiError {
  message: string;
  /** Text offset of the problem in a PEM file. */
  offset?: number;
  label?: string;
  /** The PEM encoding itself is broken (base64, BEGIN/END), as opposed to the DER inside. */
  pem?: boolean;
  /** 0-based line of the block's BEGIN line. */
  line?: number;
  /** The message without the block prefix. */
  reason?: string;
}

export interface PkiFile {
  format: 'pem' | 'der' | 'none';
  items: PkiItem[];
  errors: PkiError[];
}

const CERT_LABELS = ['CERTIFICATE', 'X509 CERTIFICATE', 'TRUSTED CERTIFICATE'];
const CSR_LABELS = ['CERTIFICATE REQUEST', 'NEW CERTIFICATE REQUEST'];
const PKCS7_LABELS = ['PKCS7', 'PKCS #7 SIGNED DATA', 'CMS'];

export function decodePkiText(text: string): PkiFile {
  const blocks = findPemBlocks(text);
  const out: PkiFile = { format: blocks.length ? 'pem' : 'none', items: [], errors: [] };
  for (const block of blocks) {
    if (!block.der) {
      const reason = block.error?.message ?? 'undecodable';
      out.errors.push({ message: `"${block.label}" block at line ${block.startLine + 1}: ${reason}`, offset: block.error?.offset ?? block.start, label: block.label, pem: true, line: block.startLine, reason });
      continue;
    }
    const r = decodeBlock(block, block.der);
    if (r.ok) out.items.push(r.value);
    else out.errors.push({ message: `"${block.label}" block at line ${block.startLine + 1}: ${r.error}`, offset: block.start, label: block.label, line: block.startLine, reason: r.error });
  }
  return out;
}

/** Bytes of a file: PEM when it holds a BEGIN line, else one DER object (certificate, CRL, key…). */
export function decodePkiBytes(bytes: Uint8Array): PkiFile {
  if (!looksLikeDer(bytes)) return decodePkiText(new TextDecoder('latin1').decode(bytes));
  for (const kind of ['CERTIFICATE', 'X509 CRL', 'PRIVATE KEY', 'PUBLIC KEY', 'DH PARAMETERS', 'CERTIFICATE REQUEST', 'PKCS7']) {
    const r = decodeBlock(undefined, bytes, kind);
    if (r.ok) return { format: 'der', items: [r.value], errors: [] };
  }
  return { format: 'der', items: [], errors: [{ message: 'a DER object that is not a certificate, CRL, key, certificate request, PKCS#7 bundle or DH parameters', offset: 0 }] };
}

// Certificate files change rarely while the configs naming them are edited, and hovers, rules and
// the workspace certificate index read the same files: decode each content once.
const decoded = new Map<string, PkiFile>();
const MAX_DECODED = 256;

/** `decodePkiBytes`, remembered by content; the result is shared, so callers never mutate it. */
export function decodePkiBytesCached(bytes: Uint8Array): PkiFile {
  const key = new TextDecoder('latin1').decode(bytes);
  let f = decoded.get(key);
  if (f) return f;
  if (decoded.size >= MAX_DECODED) decoded.delete(decoded.keys().next().value as string);
  decoded.set(key, (f = decodePkiBytes(bytes)));
  return f;
}

function decodeBlock(block: PemBlock | undefined, der: Uint8Array, label = block?.label ?? ''): Result<PkiItem> {
  const at = block ? { block } : {};
  if (CERT_LABELS.includes(label)) {
    // OpenSSL's TRUSTED CERTIFICATE is the certificate followed by its trust settings.
    const body = label === 'TRUSTED CERTIFICATE' ? firstElement(der) : der;
    const r = parseCertificate(body);
    return r.ok ? { ok: true, value: { kind: 'certificate', cert: r.value, ...at } } : r;
  }
  if (label === 'X509 CRL') {
    const r = describeCrl(der);
    return r.ok ? { ok: true, value: { kind: 'crl', crl: r.value, ...at } } : r;
  }
  if (PRIVATE_KEY_LABELS.includes(label)) {
    const r = inspectPrivateKey(label, der, block?.headers);
    return r.ok ? { ok: true, value: { kind: 'private-key', key: r.value, ...at } } : r;
  }
  if (label === 'PUBLIC KEY') {
    const r = describePublicKeyDer(der);
    return r.ok ? { ok: true, value: { kind: 'public-key', publicKey: r.value, ...at } } : r;
  }
  if (label === 'DH PARAMETERS' || label === 'X9.42 DH PARAMETERS') {
    const r = describeDhParams(der);
    return r.ok ? { ok: true, value: { kind: 'dh-params', dh: r.value, ...at } } : r;
  }
  if (CSR_LABELS.includes(label)) {
    const r = describeCsr(der);
    return r.ok ? { ok: true, value: { kind: 'csr', csr: r.value, ...at } } : r;
  }
  if (PKCS7_LABELS.includes(label)) {
    const r = decodePkcs7(der);
    return r.ok ? { ok: true, value: { kind: 'pkcs7', pkcs7: r.value, ...at } } : r;
  }
  return block ? { ok: true, value: { kind: 'other', label, block } } : { ok: false, error: `unknown ${label}` };
}

function firstElement(der: Uint8Array): Uint8Array {
  try {
    const wrapped = new Uint8Array(der.length + 6);
    wrapped.set([0x30, 0x84, (der.length >>> 24) & 0xff, (der.length >>> 16) & 0xff, (der.length >>> 8) & 0xff, der.length & 0xff]);
    wrapped.set(der, 6);
    return sequenceElements(wrapped)[0] ?? der;
  } catch {
    return der;
  }
}

export const certificatesOf = (f: PkiFile): ParsedCertificate[] => f.items.flatMap((i) => (i.kind === 'certificate' ? [i.cert] : []));
export const crlsOf = (f: PkiFile): CrlDescription[] => f.items.flatMap((i) => (i.kind === 'crl' ? [i.crl] : []));
export const privateKeysOf = (f: PkiFile): InspectedKey[] => f.items.flatMap((i) => (i.kind === 'private-key' ? [i.key] : []));
