/**
 * RFC 7468 §2–3 (PEM: base64 between matching BEGIN/END lines) and ITU-T X.690 (DER): an object
 * that does not decode is unreadable for OpenSSL ("bad base64 decode", "wrong tag"), so the file
 * or value is broken wherever it is used. The message gives the document offset of the first bad
 * character, or the byte offset inside the DER where the structure breaks.
 *
 *     -----BEGIN CERTIFICATE-----   # flagged: invalid base64 character "*" (offset 312)
 */
import { firstDerProblem } from '../../pki/derCheck';
import { findPemBlocks } from '../../pki/pem';
import type { PemRule } from '../rule';
import { headSpan } from '../model';
import type { EmbeddedObject } from '../embedded';

export const malformed: PemRule = {
  meta: {
    id: 'pem/malformed',
    language: 'pem',
    description: 'A PEM block or base64 value does not decode: bad base64, a missing END line, or DER that is not the object its label says.',
    severity: 'error',
    fixable: false,
    citation: 'RFC 7468 §2, §3; ITU-T X.690 §8.1, §10 (DER)',
  },
  check(ctx, report) {
    for (const object of ctx.objects) {
      if (!object.error) continue;
      const offset = Math.max(0, Math.min(object.error.offset, ctx.text.length));
      const inside = offset > object.span.start && offset < object.span.end;
      const der = inside ? undefined : derDetail(ctx.text, object);
      report({
        file: ctx.path,
        span: inside ? { start: offset, end: Math.min(offset + 1, object.span.end) } : headSpan(ctx.text, object),
        message: `${object.error.message}${der ? ` (${der})` : ` (at offset ${offset})`}: OpenSSL cannot read this object. Copy it again from its source, every line between BEGIN and END.`,
      });
    }
  },
};

/** For a PEM block whose base64 decodes but whose DER does not: where the DER breaks. */
function derDetail(text: string, object: EmbeddedObject): string | undefined {
  if (object.embedding !== 'pem') return undefined;
  const block = findPemBlocks(text.slice(object.span.start, object.span.end))[0];
  if (!block?.der) return undefined;
  const p = firstDerProblem(block.der);
  return p ? `${p.message}, at byte ${p.offset} of the ${block.der.length}-byte DER` : `the ${block.der.length}-byte DER is well-formed but not the structure a ${block.label} needs`;
}
