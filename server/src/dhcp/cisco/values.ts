import { lengthOfMask, parseIPv4 } from '../ipv4';

/**
 * What IOS reads as a prefix: `A.B.C.D MASK`, `A.B.C.D /LEN`, `A.B.C.D/LEN`, or the classful mask.
 * A dotted mask whose one bits have a gap is read (`gapped`, `length` its leading ones) for the
 * caller to judge: a `network` keeps it for dhcp/invalid-netmask, as the ISC reader does.
 */
export type PrefixRead =
  | { ok: true; address: number; length: number; maskText?: string; gapped?: true }
  | { ok: false; message: string; bad: 'address' | 'mask' };

/** IOS's natural (classful) prefix length when no mask is given; undefined for class D/E. */
export function classfulLength(address: number): number | undefined {
  const top = address >>> 24;
  return top < 128 ? 8 : top < 192 ? 16 : top < 224 ? 24 : undefined;
}

/**
 * Reads `address` (maybe `A/LEN`) and an optional `mask` word (`255.255.255.0` or `/24`).
 * `mask` is undefined when the next word is not a mask (the caller reads it as something else).
 */
export function readPrefix(address: string, mask: string | undefined): PrefixRead {
  const slash = address.indexOf('/');
  const addrText = slash >= 0 ? address.slice(0, slash) : address;
  const a = parseIPv4(addrText);
  if (a === undefined) return { ok: false, message: `"${addrText}" is not an IPv4 address`, bad: 'address' };
  if (slash >= 0) {
    const length = prefixLength(address.slice(slash + 1));
    if (length === undefined) return { ok: false, message: `"${address.slice(slash)}" is not a prefix length (/0 to /32)`, bad: 'address' };
    return { ok: true, address: a, length, maskText: address.slice(slash) };
  }
  if (mask === undefined) {
    const length = classfulLength(a);
    if (length === undefined) return { ok: false, message: `${addrText} is a class D/E address: give a mask or /length`, bad: 'address' };
    return { ok: true, address: a, length };
  }
  if (mask.startsWith('/')) {
    const length = prefixLength(mask.slice(1));
    if (length === undefined) return { ok: false, message: `"${mask}" is not a prefix length (/0 to /32)`, bad: 'mask' };
    return { ok: true, address: a, length, maskText: mask };
  }
  const m = parseIPv4(mask);
  if (m === undefined) return { ok: false, message: `"${mask}" is not a netmask`, bad: 'mask' };
  const length = lengthOfMask(m);
  if (length === undefined) return { ok: true, address: a, length: Math.clz32(~m), maskText: mask, gapped: true };
  return { ok: true, address: a, length, maskText: mask };
}

function prefixLength(text: string): number | undefined {
  if (!/^\d{1,2}$/.test(text)) return undefined;
  const n = Number(text);
  return n <= 32 ? n : undefined;
}

/** True for a word that can only be meant as a mask: dotted quad or `/LEN`. */
export const looksLikeMask = (w: string): boolean => w.startsWith('/') || /^\d+\.\d+\.\d+\.\d+$/.test(w);

const isHexDigit = (c: number): boolean => (c >= 48 && c <= 57) || (c >= 65 && c <= 70) || (c >= 97 && c <= 102);

/** True when `text` is hex digits with single `seps` characters between them (loops, not a regex: values can be megabytes). */
function hexWithSeparators(text: string, seps: string, runs: boolean): boolean {
  if (!text.length || !isHexDigit(text.charCodeAt(0)) || !isHexDigit(text.charCodeAt(text.length - 1))) return false;
  for (let i = 1; i < text.length; i++) {
    const c = text.charCodeAt(i);
    if (isHexDigit(c)) continue;
    if (!seps.includes(text[i])) return false;
    if (!runs && !isHexDigit(text.charCodeAt(i - 1))) return false;
  }
  return true;
}

/**
 * `0100.0c12.3456.78`, `00:11:22:33:44:55`, `0011-2233-4455` → `01:00:0c:12:34:56:78`; undefined
 * unless it is whole bytes of hex with single `.`, `:` or `-` between groups.
 */
export function normalizeHex(text: string): string | undefined {
  if (!hexWithSeparators(text, '.:-', false)) return undefined;
  const digits = text.replace(/[.:-]/g, '').toLowerCase();
  if (digits.length % 2) return undefined;
  const bytes: string[] = [];
  for (let i = 0; i < digits.length; i += 2) bytes.push(digits.slice(i, i + 2));
  return bytes.join(':');
}

/** An ASCII client id (`address A client-id NAME ascii`) as the bytes IOS sends, colon hex. */
export const asciiHex = (text: string): string => [...text].map((c) => (c.charCodeAt(0) & 255).toString(16).padStart(2, '0')).join(':');

/** IOS hex strings (`option N hex`, `relay-information hex`): hex digits separated by `.`, `:` or blanks. */
export const isHexText = (text: string): boolean => hexWithSeparators(text, '.: \t', true);

/** `lease D [H [M]]` bounds as IOS's parser has them (days 0–365, hours 0–23, minutes 0–59). */
export const LEASE_FIELDS = [
  { name: 'days', max: 365, seconds: 86400 },
  { name: 'hours', max: 23, seconds: 3600 },
  { name: 'minutes', max: 59, seconds: 60 },
] as const;
