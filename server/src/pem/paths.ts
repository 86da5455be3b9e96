/**
 * Hover on a path to a certificate file written in any document: a quoted string or YAML value
 * ending in .pem/.crt/.cer/.der/.csr/.crl, or the value of an Istio DestinationRule TLS file field
 * (`caCertificates`, `clientCertificate`, `privateKey`). The file is resolved in the workspace and
 * decoded; a key file shows type and size only.
 */
import type { FileHost } from '../core/host';
import type { Span } from '../core/text';
import { resolveWorkspacePath } from '../core/workspacePath';
import { decodePkiBytesCached } from '../pki/file';
import { pkiFileMarkdown, type HoverContext, type HoverResult } from './hover';

const CERT_FILE = /\.(?:pem|crt|cer|der|csr|crl)$/i;
const FILE_FIELDS = /^(?:caCertificates|clientCertificate|privateKey|caCrl)$/;

export interface PathHoverContext extends HoverContext {
  host: FileHost;
  /** The document's own path. */
  file: string;
  mappings?: Record<string, string>;
}

/** The path-like token under `offset` on its line, with the YAML/JSON key before it, if any. */
export function pathAt(text: string, offset: number): { value: string; span: Span; key: string } | undefined {
  const lineStart = text.lastIndexOf('\n', offset - 1) + 1;
  const nl = text.indexOf('\n', offset);
  const line = text.slice(lineStart, nl < 0 ? text.length : nl).replace(/\r$/, '');
  if (line.length > 4096) return undefined;
  const key = /^\s*(?:-\s+)?["']?([A-Za-z0-9_.-]+)["']?\s*[:=]/.exec(line)?.[1] ?? '';
  const token = /"((?:[^"\\]|\\.)*)"|'([^']*)'|([^\s"'=,;()[\]{}<>]+)/g;
  let m: RegExpExecArray | null;
  while ((m = token.exec(line))) {
    const start = lineStart + m.index;
    const end = start + m[0].length;
    if (offset < start || offset > end) continue;
    const quoted = m[1] !== undefined || m[2] !== undefined;
    const value = (m[1] ?? m[2] ?? m[3]).replace(/\\\//g, '/').replace(/:$/, '');
    if (!value || value.endsWith(':')) return undefined;
    if (!CERT_FILE.test(value) && !(FILE_FIELDS.test(key) && /[/.]/.test(value))) return undefined;
    return { value, span: quoted ? { start: start + 1, end: end - 1 } : { start, end }, key };
  }
  return undefined;
}

export function certificatePathHover(text: string, offset: number, ctx: PathHoverContext): HoverResult | undefined {
  const hit = pathAt(text, offset);
  if (!hit) return undefined;
  const head = `**\`${hit.value}\`**`;
  const r = resolveWorkspacePath(hit.value, { host: ctx.host, fromFile: ctx.file, ...(ctx.mappings ? { mappings: ctx.mappings } : {}) });
  if (r.kind === 'missing') return { markdown: `${head}\n\nNot found in the workspace. Looked in:\n${r.tried.map((p) => `- \`${p}\``).join('\n')}`, span: hit.span };
  const bytes = ctx.host.readBytes(r.path);
  if (!bytes) return { markdown: `${head}\n\n\`${r.path}\` could not be read (or is too large).`, span: hit.span };
  const file = decodePkiBytesCached(bytes);
  // The file's own certificates are compared beside the key; the rest of the workspace after them.
  const elsewhere = ctx.certificatesForKey;
  const body = pkiFileMarkdown(file.items, file.errors, { ...ctx, ...(elsewhere ? { certificatesForKey: (k) => elsewhere(k, r.path) } : {}) });
  return { markdown: `${head}\n\nFile: \`${r.path}\`${file.format === 'der' ? ' (DER)' : ''}\n\n${body || 'No certificate, key, CSR or CRL in this file.'}`, span: hit.span };
}
