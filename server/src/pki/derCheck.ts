/**
 * Where DER stops being well-formed (X.690 §8.1, §10): the byte offset of the first element whose
 * header is cut off, whose length runs past its container, that uses indefinite length, or of
 * bytes left over after the outer element. The ASN.1 decoder reports only that parsing failed;
 * this tells the user where.
 */
export interface DerProblem {
  offset: number;
  message: string;
}

const MAX_DEPTH = 64;

export function firstDerProblem(der: Uint8Array): DerProblem | undefined {
  if (!der.length) return { offset: 0, message: 'no DER bytes' };
  const end = walk(der, 0, der.length, 0);
  if (typeof end !== 'number') return end;
  return end < der.length ? { offset: end, message: `${der.length - end} byte(s) after the end of the DER object` } : undefined;
}

/** Walks one element at `at`; returns its end offset, or the problem found inside it. */
function walk(der: Uint8Array, at: number, limit: number, depth: number): number | DerProblem {
  if (at + 2 > limit) return { offset: at, message: 'truncated DER element header' };
  const tag = der[at];
  let pos = at + 1;
  if ((tag & 0x1f) === 0x1f) {
    while (pos < limit && der[pos] & 0x80) pos++;
    pos++;
    if (pos >= limit) return { offset: at, message: 'truncated DER tag' };
  }
  const first = der[pos++];
  let len = first;
  if (first === 0x80) return { offset: at, message: 'indefinite length (BER), not DER' };
  if (first & 0x80) {
    const n = first & 0x7f;
    if (n > 4 || pos + n > limit) return { offset: at, message: 'bad DER length field' };
    len = 0;
    for (let i = 0; i < n; i++) len = len * 256 + der[pos + i];
    pos += n;
  }
  const end = pos + len;
  if (end > limit) return { offset: at, message: `DER element of ${len} bytes runs past the end of its container (${limit - pos} bytes left)` };
  // Constructed elements (and BIT/OCTET STRINGs are not descended: they may hold anything).
  if (tag & 0x20 && depth < MAX_DEPTH) {
    let p = pos;
    while (p < end) {
      const r = walk(der, p, end, depth + 1);
      if (typeof r !== 'number') return r;
      p = r;
    }
  }
  return end;
}
