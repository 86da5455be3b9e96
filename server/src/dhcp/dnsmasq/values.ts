import type { Span } from '../../core/text';
import { isIPv6, isStrictIPv4 } from '../kea/values';
import { unhide, type Value } from './lines';

/**
 * dnsmasq's value grammar for the DHCP keys (option.c): comma-separated fields, spaces around
 * each comma dropped (split), hex with any of `:`, `-`, space between bytes (parse_hex), lease
 * times with an `s`/`m`/`h`/`d`/`w` suffix, host names (legal_hostname).
 */

export interface Field {
  /** As dnsmasq holds it (quoted characters hidden, see lines.ts). */
  text: string;
  span: Span;
}

/** The comma-separated fields of a value (dnsmasq's split). */
export function fields(v: Value): Field[] {
  const out: Field[] = [];
  const s = v.text;
  let start = 0;
  for (;;) {
    let comma = s.indexOf(',', start);
    if (comma < 0) comma = s.length;
    let end = comma;
    while (end > start && s[end - 1] === ' ') end--;
    out.push({ text: s.slice(start, end), span: { start: v.at(start), end: end > start ? v.at(end - 1) + 1 : v.at(start) } });
    if (comma >= s.length) return out;
    start = comma + 1;
    while (start < s.length && s[start] === ' ') start++;
  }
}

/** The span from one field's start to the last field's end. */
export const spanFrom = (fs: readonly Field[], i: number): Span => ({ start: fs[i].span.start, end: fs[fs.length - 1].span.end });

/** The text of fields i.. joined as dnsmasq would read them, hidden characters shown. */
export const textFrom = (fs: readonly Field[], i: number): string => unhide(fs.slice(i).map((f) => f.text).join(','));

/** parse_hex: bytes separated by `:`, `-` or space, each run of hex digits (or one `*` wildcard); undefined when dnsmasq refuses it. */
export function dnsmasqHex(s: string): number[] | undefined {
  const out: number[] = [];
  for (const run of s.split(/[:\- ]/)) {
    if (!run) continue;
    if (run === '*') out.push(-1);
    else if (!/^[0-9a-fA-F]+$/.test(run)) return undefined;
    else for (let i = 0; i < run.length; i += 2) out.push(parseInt(run.slice(i, i + 2), 16));
  }
  return out;
}

const SUFFIX: Record<string, number> = { s: 1, m: 60, h: 3600, d: 86400, w: 604800 };

/** A lease time: digits with an optional unit; dnsmasq raises anything under two minutes to 120 s. */
export function leaseSeconds(s: string): number | undefined {
  const m = /^(\d*)([smhdwSMHDW]?)$/.exec(s);
  if (!m || (!m[1] && !m[2])) return undefined;
  return Math.max(120, Number(m[1] || 0) * SUFFIX[(m[2] || 's').toLowerCase()]);
}

/** check_name + legal_hostname: labels of 1–63 characters, the first one letters, digits, `-` and `_` (not first). */
export function hostnameRefusal(raw: string): string | undefined {
  const name = unhide(raw).replace(/\.$/, '');
  if (!name || name.split('.').some((l) => l.length > 63)) return `"${unhide(raw)}" is not a host name (labels of 1 to 63 characters)`;
  // eslint-disable-next-line no-control-regex
  if (/[\x00-\x1f\x7f]/.test(name)) return `"${unhide(raw)}" has control characters`;
  const first = name.split('.')[0];
  if (first && !/^[A-Za-z0-9\u0080-\uffff][A-Za-z0-9_\u0080-\uffff-]*$/.test(first)) return `"${unhide(raw)}" is not a host name (letters, digits, "-" and "_", not first)`;
  return undefined;
}

export const isAddress = (s: string): boolean => isStrictIPv4(s) || isIPv6(s);

/** Bytes of a string in UTF-8 (how dnsmasq counts a string option's length). */
export function utf8Length(s: string): number {
  let n = 0;
  for (const ch of s) {
    const c = ch.codePointAt(0) as number;
    n += c < 0x80 ? 1 : c < 0x800 ? 2 : c < 0x10000 ? 3 : 4;
  }
  return n;
}

/** An IPv6 address as a 128-bit number (the text must satisfy isIPv6). */
export function ipv6Value(s: string): bigint {
  const [head, tail] = s.includes('::') ? s.split('::') : [s, undefined];
  const groups = (part: string | undefined): number[] => {
    if (!part) return [];
    const out: number[] = [];
    for (const g of part.split(':')) {
      if (g.includes('.')) {
        const [a, b, c, d] = g.split('.').map(Number);
        out.push((a << 8) | b, (c << 8) | d);
      } else out.push(parseInt(g, 16));
    }
    return out;
  };
  const h = groups(head);
  const t = groups(tail);
  const all = tail === undefined ? h : [...h, ...new Array(8 - h.length - t.length).fill(0), ...t];
  return all.reduce((n, g) => (n << 16n) | BigInt(g), 0n);
}
