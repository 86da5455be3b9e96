/**
 * Certificates, keys, CSRs and CRLs embedded in any text: PEM blocks (also indented in YAML block
 * scalars), and — to come — `\n`-escaped PEM in JSON strings and base64 DER/PEM values in YAML/JSON
 * (Kubernetes Secret `data.tls.crt`, Helm values, Istio `caCertificates`).
 */
import type { Span } from '../core/text';
import { decodePkiText, type PkiItem } from '../pki/file';

export type Embedding = 'pem' | 'pem-escaped' | 'base64-der' | 'base64-pem';

export interface EmbeddedObject {
  /** Where the object is written in the document: the PEM block, or the base64 value. */
  span: Span;
  embedding: Embedding;
  /** The decoded object; `undefined` with `error` when it does not decode. */
  item?: PkiItem;
  /** What is wrong, with the document offset of the first bad byte or character. */
  error?: { message: string; offset: number };
}

/** Every object embedded in `text`, in document order. Never throws. */
export function findEmbeddedObjects(text: string): EmbeddedObject[] {
  if (!text.includes('-----BEGIN ')) return [];
  const file = decodePkiText(text);
  const out: EmbeddedObject[] = [];
  for (const item of file.items) if (item.block) out.push({ span: { start: item.block.start, end: item.block.end }, embedding: 'pem', item });
  for (const e of file.errors) out.push({ span: { start: e.offset ?? 0, end: e.offset ?? 0 }, embedding: 'pem', error: { message: e.message, offset: e.offset ?? 0 } });
  return out.sort((a, b) => a.span.start - b.span.start);
}
