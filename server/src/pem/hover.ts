/**
 * Hover on a certificate, key, CSR or CRL embedded in any document (PEM, escaped PEM, base64 in
 * YAML/JSON): the decoded object, its place in the bundle around it (which link verifies which),
 * and for keys only type, size and whether a certificate in the same document or elsewhere in the
 * workspace matches — never key material. Pure: the caller hands in the text, the clock and the
 * workspace's certificates.
 */
import type { Settings } from '../core/settings';
import type { Span } from '../core/text';
import { checkBundle, issuedBy, summarizeCaList, verifySignature } from '../pki/chain';
import type { ParsedCertificate } from '../pki/describe';
import type { PkiItem } from '../pki/file';
import type { InspectedKey } from '../pki/keys';
import { certificateMarkdown, elsewhereText, pkiItemMarkdown } from '../pki/markdown';
import { matchKeyToCertificate, type CertificatesForKey } from '../pki/match';
import { nameConstraintsOf } from '../pki/nameConstraints';
import { findEmbeddedObjects, type EmbeddedObject } from './embedded';

export interface HoverContext {
  now: Date;
  settings: Settings;
  /** Certificates in other workspace files, for a key whose certificate is not beside it. */
  certificatesForKey?: CertificatesForKey;
}

export interface HoverResult {
  markdown: string;
  span: Span;
}

/** Above this length only a window around the cursor is decoded, so a hover stays fast. */
export const HOVER_WINDOW = 256 * 1024;
/** Bundle entries listed one by one; longer bundles are summarised around the hovered one. */
const MAX_LISTED = 12;

/** The objects a hover at `offset` needs: all of them, or those in a window of a huge document. */
export function objectsNear(text: string, offset: number): EmbeddedObject[] {
  if (text.length <= 2 * HOVER_WINDOW) return findEmbeddedObjects(text);
  // Cut at line starts so a window never begins inside a BEGIN line.
  let lo = Math.max(0, text.lastIndexOf('\n', Math.max(0, offset - HOVER_WINDOW)) + 1);
  const nl = text.indexOf('\n', Math.min(text.length, offset + HOVER_WINDOW));
  let hi = nl < 0 ? text.length : nl;
  // A line longer than the window (minified JSON, a one-line base64 value) is cut where the window
  // ends: PEM blocks (escaped ones too) cut at the edges become errors there, and a YAML/JSON value
  // cut in two is not decoded at all, so the work stays bounded whatever the line.
  const cut = hi - lo > 3 * HOVER_WINDOW;
  if (cut) {
    lo = Math.max(0, offset - HOVER_WINDOW);
    hi = Math.min(text.length, offset + HOVER_WINDOW);
  }
  const shift = (s: Span): Span => ({ start: s.start + lo, end: s.end + lo });
  return findEmbeddedObjects(text.slice(lo, hi), cut ? { maxStructuredLength: 0 } : {}).map((o) => ({
    ...o,
    span: shift(o.span),
    ...(o.value ? { value: shift(o.value) } : {}),
    ...(o.error ? { error: { ...o.error, offset: o.error.offset + lo } } : {}),
  }));
}

/**
 * For a huge document whose hovered line is longer than the window (a one-line base64 value of
 * megabytes): a polite note instead of a decode, when the cursor is on base64.
 */
export function oversizedValueHover(text: string, offset: number): HoverResult | undefined {
  if (text.length <= 2 * HOVER_WINDOW || !/[A-Za-z0-9+/=]/.test(text[offset] ?? '')) return undefined;
  const start = text.lastIndexOf('\n', offset - 1) + 1;
  const nl = text.indexOf('\n', offset);
  const end = nl < 0 ? text.length : nl;
  if (end - start <= 3 * HOVER_WINDOW) return undefined;
  const mb = ((end - start) / 1024 / 1024).toFixed(1);
  return { markdown: `A ${mb} MB line: too large to decode on hover. Decode the object with \`tlsnet inspect\` or open it as a file in the certificate viewer.`, span: { start, end } };
}

/** The hover for the object under `offset`, if any. `objects` may come from a per-version cache. */
export function embeddedHover(text: string, offset: number, ctx: HoverContext, objects: EmbeddedObject[] = objectsNear(text, offset)): HoverResult | undefined {
  const hit = objects.find((o) => o.span.start <= offset && offset <= o.span.end) ?? objects.find((o) => o.value && o.value.start <= offset && offset <= o.value.end);
  if (!hit) return undefined;
  const where = hit.embedding === 'base64-der' ? ' (base64 DER)' : hit.embedding === 'base64-pem' ? ' (base64-encoded PEM)' : hit.embedding === 'pem-escaped' ? ' (escaped PEM)' : '';
  if (!hit.item) {
    const e = hit.error ?? { message: 'undecodable', offset: hit.span.start };
    return { markdown: `**Error**${where}: ${redact(e.message)} (line ${lineAt(text, e.offset) + 1}, document offset ${e.offset})`, span: hit.span };
  }
  const item = hit.item;
  const out: string[] = [];
  if (item.kind === 'certificate') {
    const run = bundleRun(objects, hit, text);
    const certs = run.map((o) => certOf(o)!);
    const i = run.indexOf(hit);
    const title = `${certs.length > 1 ? `Certificate ${i + 1} of ${certs.length}` : 'Certificate'}${where}`;
    out.push(certificateMarkdown(item.cert.description, ctx.now, title, { expiryWarningDays: ctx.settings.certificates.expiryWarningDays, nameConstraints: constraintsOf(item.cert.der) }));
    if (certs.length > 1) out.push(bundleMarkdown(certs, i));
    const key = keysIn(objects).find((k) => matchKeyToCertificate(k.key, item.cert).result === 'match');
    if (key) out.push(`**Private key:** the key at line ${lineAt(text, key.at) + 1} matches this certificate.`);
  } else if (item.kind === 'private-key') {
    out.push(pkiItemMarkdown(item, ctx.now, keyMatchText(item.key, objects.flatMap((o) => (certOf(o) ? [{ cert: certOf(o)!, at: o.span.start }] : [])), text, ctx.certificatesForKey)) + where);
  } else out.push(pkiItemMarkdown(item, ctx.now) + where);
  return { markdown: out.join('\n\n'), span: hit.span };
}

/** A decoded file (a path named in a config): every object, the bundle order, keys against certificates. */
export function pkiFileMarkdown(items: PkiItem[], errors: { message: string; offset?: number }[], ctx: HoverContext, maxCerts = 5): string {
  const out: string[] = [];
  const certs = items.flatMap((i) => (i.kind === 'certificate' ? [i.cert] : []));
  const warn = ctx.settings.certificates.expiryWarningDays;
  certs.slice(0, maxCerts).forEach((c, i) => out.push(certificateMarkdown(c.description, ctx.now, certs.length > 1 ? `Certificate ${i + 1} of ${certs.length}` : 'Certificate', { expiryWarningDays: warn, detail: i === 0 ? 'full' : 'summary', ...(i === 0 ? { nameConstraints: constraintsOf(c.der) } : {}) })));
  if (certs.length > maxCerts) out.push(`…and ${certs.length - maxCerts} more certificates.`);
  if (certs.length > 1) out.push(bundleMarkdown(certs, -1));
  for (const item of items) {
    if (item.kind === 'certificate') continue;
    out.push(pkiItemMarkdown(item, ctx.now, item.kind === 'private-key' ? keyMatchText(item.key, certs.map((cert) => ({ cert })), undefined, ctx.certificatesForKey) : ''));
  }
  for (const e of errors) out.push(`**Error:** ${redact(e.message)}${e.offset !== undefined ? ` (offset ${e.offset})` : ''}`);
  return out.join('\n\n');
}

/** The OID of id-ce-nameConstraints (2.5.29.30) as DER writes it. */
const NAME_CONSTRAINTS_OID = [0x06, 0x03, 0x55, 0x1d, 0x1e];

/** Name constraints, decoded (a second, full decode of the certificate) only when their OID occurs in it. */
function constraintsOf(der: Uint8Array): ReturnType<typeof nameConstraintsOf> {
  for (let i = der.indexOf(0x1e, 4); i >= 0; i = der.indexOf(0x1e, i + 1)) {
    if (NAME_CONSTRAINTS_OID.every((b, k) => der[i - 4 + k] === b)) return nameConstraintsOf(der);
  }
  return undefined;
}

const certOf = (o: EmbeddedObject): ParsedCertificate | undefined => (o.item?.kind === 'certificate' ? o.item.cert : undefined);

function keysIn(objects: EmbeddedObject[]): { key: InspectedKey; at: number }[] {
  return objects.flatMap((o) => (o.item?.kind === 'private-key' ? [{ key: o.item.key, at: o.span.start }] : []));
}

/**
 * Whether a key matches a certificate beside it (`text` is the document, or undefined for a file)
 * or, failing that, one in another workspace file.
 */
function keyMatchText(key: InspectedKey, certs: { cert: ParsedCertificate; at?: number }[], text: string | undefined, elsewhere: CertificatesForKey | undefined): string {
  const results = certs.map((c) => ({ ...c, m: matchKeyToCertificate(key, c.cert) }));
  const hit = results.find((r) => r.m.result === 'match');
  if (hit) return ` — matches the certificate \`${hit.cert.description.subject}\`${text !== undefined && hit.at !== undefined ? ` (line ${lineAt(text, hit.at) + 1})` : ''}`;
  const unknown = results.find((r) => r.m.result === 'unknown');
  if (unknown && unknown.m.result === 'unknown') return ` — ${unknown.m.reason}`;
  const comparable = !('cannot' in key.publicHalf);
  const found = elsewhere && comparable ? elsewhere(key) : [];
  const here = `this ${text === undefined ? 'file' : 'document'}`;
  if (!certs.length) {
    if (found.length) return ` — matches ${elsewhereText(found)}`;
    return elsewhere && comparable ? ' — no certificate in the workspace matches it' : '';
  }
  const none = ` — **matches none** of the ${certs.length} certificate${certs.length === 1 ? '' : 's'} in ${here}`;
  if (found.length) return `${none}; it matches ${elsewhereText(found)}`;
  return elsewhere ? `${none} or elsewhere in the workspace` : none;
}

/**
 * The certificates written together with `hit`: the same base64 value, or PEM blocks separated
 * only by whitespace (and `\n` escapes, quotes and commas of a JSON array).
 */
function bundleRun(objects: EmbeddedObject[], hit: EmbeddedObject, text: string): EmbeddedObject[] {
  const certs = objects.filter((o) => certOf(o));
  if (hit.value) return certs.filter((o) => o.value && o.value.start === hit.value!.start);
  let lo = certs.indexOf(hit);
  let hi = lo;
  const joined = (a: EmbeddedObject, b: EmbeddedObject): boolean => !a.value && !b.value && a.embedding === b.embedding && /^(?:\s|\\[nrt]|["',])*$/.test(text.slice(a.span.end, b.span.start));
  while (lo > 0 && joined(certs[lo - 1], certs[lo])) lo--;
  while (hi + 1 < certs.length && joined(certs[hi], certs[hi + 1])) hi++;
  return certs.slice(lo, hi + 1);
}

/** Who issued whom in a bundle; `focus` (or -1) is the hovered certificate. */
function bundleMarkdown(certs: ParsedCertificate[], focus: number): string {
  const n = certs.length;
  const caList = certs.every((c) => c.description.isCA);
  const head = caList ? caListLine(certs) : checkBundleLine(certs);
  const link = (i: number): string => {
    const c = certs[i];
    const name = `\`${c.description.subject || '(empty subject)'}\``;
    const label = i === focus ? `**${name}** (this one)` : name;
    if (c.description.selfSigned) return `${i + 1}. ${label} — self-signed, signature ${signatureText(verifySignature(c, c))}`;
    const j = i + 1 < n && issuedBy(c, certs[i + 1]) ? i + 1 : certs.findIndex((p, k) => k !== i && issuedBy(c, p));
    if (j < 0) return `${i + 1}. ${label} — its issuer \`${c.description.issuer}\` is not in the bundle`;
    return `${i + 1}. ${label} — issued by #${j + 1}${j === i + 1 ? '' : ' (out of order)'}, signature ${signatureText(verifySignature(c, certs[j]))}`;
  };
  const shown = n <= MAX_LISTED ? [...certs.keys()] : [...new Set([0, focus - 1, focus, focus + 1, n - 1])].filter((i) => i >= 0 && i < n).sort((a, b) => a - b);
  const lines = shown.map((i, k) => (k > 0 && i > shown[k - 1] + 1 ? `…\n${link(i)}` : link(i)));
  return `${head}\n${lines.join('\n')}`;
}

function signatureText(s: 'valid' | 'invalid' | 'unchecked'): string {
  return s === 'valid' ? 'verifies' : s === 'invalid' ? '**does not verify**' : 'not checked (only RSA signatures are verified here)';
}

function checkBundleLine(certs: ParsedCertificate[]): string {
  const problems = checkBundle(certs);
  return problems.length ? `**Bundle of ${certs.length}:** ${problems.map((p) => p.message).join('; ')}` : `**Bundle of ${certs.length}:** leaf first, each certificate issued by the next`;
}

function caListLine(certs: ParsedCertificate[]): string {
  const s = summarizeCaList(certs);
  return `**CA list of ${certs.length}:** ${s.roots.length} self-signed root${s.roots.length === 1 ? '' : 's'}, ${s.intermediates.length} intermediate${s.intermediates.length === 1 ? '' : 's'}; longest chain ${s.longestChain}`;
}

/** Long base64/hex runs never reach a hover, whatever a decoder's error message quotes. */
function redact(message: string): string {
  return message.replace(/[A-Za-z0-9+/=]{24,}/g, '…');
}

function lineAt(text: string, offset: number): number {
  let n = 0;
  for (let i = text.indexOf('\n'); i >= 0 && i < offset; i = text.indexOf('\n', i + 1)) n++;
  return n;
}
