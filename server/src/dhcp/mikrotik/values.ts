import type { Span } from '../../core/text';
import { parseIPv4 } from '../ipv4';
import type { OptionFormat } from '../model';
import type { Word } from './lexer';

/**
 * RouterOS property values: times (`1d2h`, `00:10:00`), option values (`0x…`, `'text'`,
 * `s'…'`, `$(VAR)`), address lists and pool ranges, MAC addresses. Pure; spans are document
 * offsets computed from a `Word` (exact only when the word is).
 */

/** A RouterOS time: `1w2d3h4m5s`, `500ms`, `00:10:00`, `1d00:00:00`, plain seconds. Undefined when unreadable. */
export function routerOsSeconds(text: string): number | undefined {
  // No real time is longer; the cap keeps the pattern's backtracking short on huge values.
  if (!text || text.length > 64) return undefined;
  if (/^\d+$/.test(text)) return Number(text);
  const m = /^(?:(\d+)w)?(?:(\d+)d)?(?:(\d+):(\d\d?):(\d\d?)|(?:(\d+)h)?(?:(\d+)m)?(?:(\d+)s)?(?:(\d+)ms)?)$/.exec(text);
  if (!m) return undefined;
  const n = (i: number): number => Number(m[i] ?? 0);
  const clock = m[3] !== undefined ? n(3) * 3600 + n(4) * 60 + n(5) : n(6) * 3600 + n(7) * 60 + n(8);
  return Math.floor(n(1) * 604800 + n(2) * 86400 + clock + n(9) / 1000);
}

/** A span inside a word's value, when offsets within its text are document offsets. */
export function within(w: Word, start: number, end: number): Span {
  return w.exact ? { start: w.span.start + start, end: w.span.start + end } : w.span;
}

/** The comma-separated items of a word, each with its span and its offset in the word's text. */
export function items(w: Word): Array<{ text: string; span: Span; from: number }> {
  const out: Array<{ text: string; span: Span; from: number }> = [];
  let from = 0;
  for (let i = 0; i <= w.text.length; i++) {
    if (i < w.text.length && w.text.charCodeAt(i) !== 44) continue;
    out.push({ text: w.text.slice(from, i), span: within(w, from, i), from });
    from = i + 1;
  }
  return out;
}

export interface OptionValue {
  format: OptionFormat;
  /** The value as `DhcpOption.value` holds it: the hex with its `0x`, a string without its quotes. */
  value: string;
  /** Offset of `value` within the word's text. */
  offset: number;
  /** Where the word is not a value RouterOS can encode, and why. */
  problem?: { start: number; end: number; message: string };
}

/**
 * `/ip dhcp-server option` values (RouterOS 6.8+): `0xC0A8` raw bytes; `'text'` a string (or, for
 * `'10.0.0.1'`, an address's four bytes); `s'…'` a string; `$(HOSTNAME)` a variable; several of
 * these concatenated. Concatenations and variables are kept as text.
 */
export function optionValue(text: string): OptionValue {
  if (/^0x/i.test(text) && !/['$]/.test(text)) {
    const bad = /[^0-9a-f]/i.exec(text.slice(2));
    if (bad) return { format: 'hex', value: text, offset: 0, problem: { start: 2 + bad.index, end: 3 + bad.index, message: `"${text[2 + bad.index]}" is not a hex digit: a 0x value is hex bytes` } };
    if ((text.length - 2) % 2) return { format: 'hex', value: text, offset: 0, problem: { start: 0, end: text.length, message: 'odd number of hex digits after 0x: each byte takes two' } };
    return { format: 'hex', value: text, offset: 0 };
  }
  const single = /^(s?)'([^']*)'$/.exec(text);
  if (single) {
    const inner = single[2];
    const offset = single[1].length + 1;
    if (!single[1] && parseIPv4(inner) !== undefined && /^[\d.]+$/.test(inner)) return { format: 'ip', value: inner, offset };
    if (!single[1] && /^\d+$/.test(inner)) return { format: 'text', value: text, offset: 0 };
    return { format: 'ascii', value: inner, offset };
  }
  return { format: 'text', value: text, offset: 0 };
}

/** `00:0C:29:02:3F:0C` → `00:0c:29:02:3f:0c`; undefined unless six hex bytes (`:` or `-` separated). */
export function macAddress(text: string): string | undefined {
  const parts = text.split(/[:-]/);
  if (parts.length !== 6 || !parts.every((p) => /^[0-9a-f]{1,2}$/i.test(p))) return undefined;
  return parts.map((p) => p.padStart(2, '0').toLowerCase()).join(':');
}

/** A lease's `client-id` as RouterOS prints it (`1:0:c:29:65:96:e7`), as colon hex; undefined when it is not hex bytes. */
export function clientId(text: string): string | undefined {
  const parts = text.split(':');
  if (!parts.every((p) => /^[0-9a-f]{1,2}$/i.test(p))) return undefined;
  return parts.map((p) => p.padStart(2, '0').toLowerCase()).join(':');
}

/** One `/ip pool` `ranges=` item: `A-B`, a single `A`, or a prefix `A/LEN` (all its addresses). */
export function poolRange(text: string): { start: number; end: number; startLength: number; endOffset: number } | string {
  const dash = text.indexOf('-');
  if (dash >= 0) {
    const a = parseIPv4(text.slice(0, dash));
    const b = parseIPv4(text.slice(dash + 1));
    if (a === undefined || !/^[\d.]+$/.test(text.slice(0, dash))) return `"${text.slice(0, dash)}" is not an IPv4 address`;
    if (b === undefined || !/^[\d.]+$/.test(text.slice(dash + 1))) return `"${text.slice(dash + 1)}" is not an IPv4 address`;
    return { start: a, end: b, startLength: dash, endOffset: dash + 1 };
  }
  const slash = text.indexOf('/');
  const address = parseIPv4(slash >= 0 ? text.slice(0, slash) : text);
  if (address === undefined || !/^[\d.]+$/.test(slash >= 0 ? text.slice(0, slash) : text)) return `"${text}" is not an IPv4 address, range (A-B) or prefix (A/LEN)`;
  if (slash < 0) return { start: address, end: address, startLength: text.length, endOffset: 0 };
  const len = text.slice(slash + 1);
  if (!/^\d{1,2}$/.test(len) || Number(len) > 32) return `"${len}" is not a prefix length (0–32)`;
  const mask = Number(len) === 0 ? 0 : (0xffffffff << (32 - Number(len))) >>> 0;
  return { start: (address & mask) >>> 0, end: ((address & mask) | (~mask >>> 0)) >>> 0, startLength: text.length, endOffset: 0 };
}
