/**
 * What the certificate rules share: the document's certificates with where they are written,
 * bundles (certificates read together), and how a certificate is classified (CA, leaf, server).
 */
import type { Span } from '../core/text';
import { issuedBy } from '../pki/chain';
import type { ParsedCertificate } from '../pki/describe';
import { certificateExtensions } from '../pki/extensions';
import type { EmbeddedObject } from './embedded';
import type { PemContext } from './rule';

export interface PlacedCertificate {
  cert: ParsedCertificate;
  object: EmbeddedObject;
}

export function placedCertificates(ctx: PemContext): PlacedCertificate[] {
  return ctx.objects.flatMap((object) => (object.item?.kind === 'certificate' ? [{ cert: object.item.cert, object }] : []));
}

/** The first line of an object (its BEGIN line, or the start of a base64 value): where findings point. */
export function headSpan(text: string, object: EmbeddedObject): Span {
  const { start, end } = object.span;
  let stop = end;
  const nl = text.indexOf('\n', start);
  if (nl >= 0 && nl < stop) stop = nl;
  const escaped = text.indexOf('\\n', start);
  if (escaped >= 0 && escaped < stop) stop = escaped;
  if (stop > start && text[stop - 1] === '\r') stop--;
  return { start, end: Math.max(start, stop) };
}

export const certName = (c: ParsedCertificate): string => `"${c.description.subject || '(empty subject)'}"`;

/**
 * Certificates read together: the whole file for a PEM file (OpenSSL reads every block of it);
 * elsewhere consecutive blocks with only whitespace between them (one YAML block scalar, one
 * JSON string, one base64 value), since separate values are separate files once deployed.
 */
export function bundles(ctx: PemContext): PlacedCertificate[][] {
  const out: PlacedCertificate[][] = [];
  let current: PlacedCertificate[] = [];
  let lastEnd = -1;
  for (const object of ctx.objects) {
    if (object.item?.kind !== 'certificate') continue;
    const between = lastEnd >= 0 ? ctx.text.slice(lastEnd, object.span.start) : '';
    const together = ctx.standalone || (lastEnd >= 0 && (object.span.start < lastEnd || /^(\s|\\n|\\r)*$/.test(between)));
    if (!together && current.length) {
      out.push(current);
      current = [];
    }
    current.push({ cert: object.item.cert, object });
    lastEnd = Math.max(lastEnd, object.span.end);
  }
  if (current.length) out.push(current);
  return out;
}

/** Whether any other certificate of the document names `cert` as its issuer. */
export function signsInDocument(ctx: PemContext, cert: ParsedCertificate): boolean {
  return placedCertificates(ctx).some((p) => p.cert !== cert && !p.cert.description.selfSigned && issuedBy(p.cert, cert));
}

const END_ENTITY_EKUS = new Set(['1.3.6.1.5.5.7.3.1', '1.3.6.1.5.5.7.3.2', '1.3.6.1.5.5.7.3.3', '1.3.6.1.5.5.7.3.4']);

/**
 * The certificate's extensions describe an end entity rather than a CA: a key usage without
 * keyCertSign and cRLSign, or — without key usage — a subject alternative name together with a
 * TLS/email/code-signing EKU. (EKU alone does not decide it: EKU-constrained intermediates carry
 * serverAuth too.)
 */
export function endEntityProfile(cert: ParsedCertificate): boolean {
  const e = certificateExtensions(cert);
  if (e.keyUsage) return !e.keyUsage.usages.includes('keyCertSign') && !e.keyUsage.usages.includes('cRLSign');
  return !!e.subjectAltName?.names.length && !!e.extKeyUsage?.oids.some((o) => END_ENTITY_EKUS.has(o));
}

/** Not a CA: basic constraints absent or cA=FALSE (RFC 5280 §4.2.1.9). */
export const isLeaf = (cert: ParsedCertificate): boolean => !cert.description.isCA;

export const SERVER_AUTH = '1.3.6.1.5.5.7.3.1';
export const CLIENT_AUTH = '1.3.6.1.5.5.7.3.2';
export const ANY_EKU = '2.5.29.37.0';

/** EKU present and without `oid` or anyExtendedKeyUsage: the certificate is not for that purpose. */
export function ekuExcludes(cert: ParsedCertificate, oid: string): boolean {
  const eku = certificateExtensions(cert).extKeyUsage;
  return !!eku && !eku.oids.includes(oid) && !eku.oids.includes(ANY_EKU);
}

/** The leaf of the document's first bundle: the certificate a config that names the file presents. */
export function presentedLeaf(ctx: PemContext): PlacedCertificate | undefined {
  const first = bundles(ctx)[0]?.[0];
  return first && isLeaf(first.cert) ? first : undefined;
}
