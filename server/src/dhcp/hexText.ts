import type { Span } from '../core/text';

/**
 * Bytes written as text, as DHCP configs write them: hex in any spelling (`2001.0101.01c0` Cisco,
 * `20:01:01` ISC/dnsmasq, `20 01`, `20-01`, `0x2001` MikroTik/Kea, plain) or comma-separated
 * decimals (ISC `array of unsigned integer 8`). Every byte keeps the span of the characters it was
 * read from, so a decoder's byte offset can be shown at the exact text. Single pass, never throws.
 */
export interface ByteText {
  bytes: Uint8Array;
  /** `byteSpans[i]`: where byte i is in the text (UTF-16 offsets into the string given). */
  byteSpans: Span[];
}

export interface TextError {
  /** Character offset of the offending text. */
  offset: number;
  /** Characters it covers (at least 1 unless the text is empty). */
  length: number;
  /** How many bytes were read before it: the byte the error is at. */
  byteOffset: number;
  message: string;
}

export type ByteTextResult = ByteText | { error: TextError };

const isSpace = (c: number): boolean => c === 32 || c === 9 || c === 10 || c === 13;

function hexValue(c: number): number {
  if (c >= 48 && c <= 57) return c - 48;
  if (c >= 97 && c <= 102) return c - 87;
  if (c >= 65 && c <= 70) return c - 55;
  return -1;
}

/** `[start, end)` of `text` without surrounding whitespace. */
export function trimmed(text: string, start = 0, end = text.length): Span {
  while (start < end && isSpace(text.charCodeAt(start))) start++;
  while (end > start && isSpace(text.charCodeAt(end - 1))) end--;
  return { start, end };
}

const charName = (text: string, i: number): string => JSON.stringify(text.slice(i, i + 1));

/**
 * Hex bytes. With `:` or `-` separators each group is one byte of one or two digits (ISC writes
 * `1:2:3`); otherwise dots and whitespace only group digits for the eye (Cisco `2001.0101.01c0`)
 * and the digits are read in pairs.
 */
export function parseHexText(text: string, from = 0, to = text.length): ByteTextResult {
  const t = trimmed(text, from, to);
  const end = t.end;
  let start = t.start;
  if (end - start >= 2 && text.charCodeAt(start) === 48 && (text.charCodeAt(start + 1) | 32) === 120) start += 2;
  let byteSeparated = false;
  for (let i = start; i < end; i++) {
    const c = text.charCodeAt(i);
    if (c === 58 || c === 45) {
      byteSeparated = true;
      break;
    }
  }
  return byteSeparated ? readSeparatedHex(text, start, end) : readGroupedHex(text, start, end);
}

function readGroupedHex(text: string, start: number, end: number): ByteTextResult {
  const bytes = new Uint8Array((end - start + 1) >> 1);
  const byteSpans: Span[] = [];
  let high = -1;
  let highAt = 0;
  for (let i = start; i < end; i++) {
    const c = text.charCodeAt(i);
    const v = hexValue(c);
    if (v < 0) {
      if (c === 46 || isSpace(c)) continue;
      return { error: { offset: i, length: 1, byteOffset: byteSpans.length, message: `${charName(text, i)} is not a hex digit` } };
    }
    if (high < 0) {
      high = v;
      highAt = i;
    } else {
      bytes[byteSpans.length] = (high << 4) | v;
      byteSpans.push({ start: highAt, end: i + 1 });
      high = -1;
    }
  }
  if (high >= 0) return { error: { offset: highAt, length: 1, byteOffset: byteSpans.length, message: 'odd number of hex digits: the last byte has only one' } };
  return { bytes: bytes.subarray(0, byteSpans.length), byteSpans };
}

function readSeparatedHex(text: string, start: number, end: number): ByteTextResult {
  const bytes = new Uint8Array((end - start + 2) >> 1);
  const byteSpans: Span[] = [];
  let i = start;
  for (;;) {
    while (i < end && isSpace(text.charCodeAt(i))) i++;
    const groupStart = i;
    let value = 0;
    while (i < end && hexValue(text.charCodeAt(i)) >= 0) value = (value << 4) | hexValue(text.charCodeAt(i++));
    const digits = i - groupStart;
    const byteOffset = byteSpans.length;
    if (digits === 0) {
      const message = i < end && !isSeparator(text.charCodeAt(i)) ? `${charName(text, i)} is not a hex digit` : 'a byte is missing between separators';
      return { error: { offset: i, length: i < end ? 1 : 0, byteOffset, message } };
    }
    if (digits > 2) return { error: { offset: groupStart, length: digits, byteOffset, message: `"${text.slice(groupStart, Math.min(i, groupStart + 16))}${digits > 16 ? '…' : ''}" is more than one byte: separated hex needs one or two digits per byte` } };
    bytes[byteOffset] = value;
    byteSpans.push({ start: groupStart, end: i });
    while (i < end && isSpace(text.charCodeAt(i))) i++;
    if (i >= end) break;
    if (!isSeparator(text.charCodeAt(i))) return { error: { offset: i, length: 1, byteOffset: byteOffset + 1, message: `${charName(text, i)} is not a hex digit or a ":"/"-" separator` } };
    i++;
  }
  return { bytes: bytes.subarray(0, byteSpans.length), byteSpans };
}

const isSeparator = (c: number): boolean => c === 58 || c === 45;

/** Comma-separated decimal bytes (`32,1,1,1,1,192,168,0,1, 23,…`), whitespace allowed around commas. */
export function parseDecimalText(text: string, from = 0, to = text.length): ByteTextResult {
  const { start, end } = trimmed(text, from, to);
  const bytes = new Uint8Array((end - start + 2) >> 1);
  const byteSpans: Span[] = [];
  if (start === end) return { bytes: bytes.subarray(0, 0), byteSpans };
  let i = start;
  for (;;) {
    while (i < end && isSpace(text.charCodeAt(i))) i++;
    const numberStart = i;
    let value = 0;
    while (i < end) {
      const c = text.charCodeAt(i);
      if (c < 48 || c > 57) break;
      // Clamp so a huge digit run cannot overflow; it is reported as > 255 below.
      value = Math.min(value * 10 + (c - 48), 1000);
      i++;
    }
    const byteOffset = byteSpans.length;
    if (i === numberStart) {
      const message = i < end && text.charCodeAt(i) !== 44 ? `${charName(text, i)} is not a decimal digit` : 'a number is missing between commas';
      return { error: { offset: i, length: i < end ? 1 : 0, byteOffset, message } };
    }
    if (value > 255) return { error: { offset: numberStart, length: i - numberStart, byteOffset, message: `${i - numberStart > 8 ? 'a number' : text.slice(numberStart, i)} is more than 255: each value is one byte` } };
    bytes[byteOffset] = value;
    byteSpans.push({ start: numberStart, end: i });
    while (i < end && isSpace(text.charCodeAt(i))) i++;
    if (i >= end) break;
    if (text.charCodeAt(i) !== 44) return { error: { offset: i, length: 1, byteOffset: byteOffset + 1, message: `${charName(text, i)} is not a decimal digit or a comma` } };
    i++;
  }
  return { bytes: bytes.subarray(0, byteSpans.length), byteSpans };
}

/** Lowercase hex without separators. */
export function toHex(bytes: Uint8Array): string {
  let s = '';
  for (const b of bytes) s += (b < 16 ? '0' : '') + b.toString(16);
  return s;
}
