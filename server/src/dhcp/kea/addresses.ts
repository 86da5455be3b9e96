import type { Span } from '../../core/text';
import { broadcastOf, networkOf, parseIPv4, type Prefix } from '../ipv4';
import { isIPv6, isStrictIPv4, keaHex } from './values';

/**
 * The address strings of a Kea config read as kea-dhcp4 2.2 reads them: `subnet`, `pool` and
 * host identifiers. Each returns a value or the reason Kea refuses it.
 */

type Result<T> = { ok: true; value: T } | { ok: false; message: string };

const isInteger = (s: string): boolean => /^[+-]?\d{1,9}$/.test(s);

/** `subnet`: `ADDRESS/LEN`, spaces around the address allowed (Kea trims it), LEN 0–32. */
export function keaSubnet(s: string): Result<Prefix> {
  const slash = s.indexOf('/');
  if (slash < 0) return { ok: false, message: `"${s}" is not ADDRESS/LENGTH (kea-dhcp4: "Invalid subnet syntax (prefix/len expected)")` };
  const addr = s.slice(0, slash).trim();
  const len = s.slice(slash + 1);
  if (!isInteger(len)) return { ok: false, message: `"${len}" is not a prefix length (kea-dhcp4: "prefix length … is not an integer")` };
  if (isIPv6(addr)) return { ok: false, message: `${addr} is an IPv6 prefix: subnet4 takes IPv4 only` };
  if (!isStrictIPv4(addr)) return { ok: false, message: `"${addr}" is not an IPv4 address` };
  const length = Number(len);
  if (length < 0 || length > 32) return { ok: false, message: `/${len} is not a prefix length (0–32)` };
  return { ok: true, value: { address: parseIPv4(addr) as number, length } };
}

export interface KeaPool {
  start: number;
  end: number;
  /** Where the first and last address are written, relative to the string's start (the whole string for a prefix). */
  startAt: Span;
  endAt: Span;
}

const isAddress = (s: string): boolean => isStrictIPv4(s) || isIPv6(s);

/**
 * `pool`: `MIN - MAX` or `PREFIX/LEN`. Kea deletes every space first, then reads either form;
 * an IPv6 address, MIN above MAX or a length outside 1–32 makes it refuse the pool.
 */
export function keaPool(raw: string): Result<KeaPool> {
  const txt = raw.replace(/\s+/g, '');
  const whole = { start: 0, end: raw.length };
  const slash = txt.indexOf('/');
  if (slash >= 0) {
    const addr = txt.slice(0, slash);
    const len = txt.slice(slash + 1);
    if (!isAddress(addr) || !isInteger(len) || Number(len) < 0 || Number(len) > 255) return { ok: false, message: `"${raw}" is not a pool Kea can read (kea-dhcp4: "Failed to parse pool definition")` };
    const length = Number(len);
    if (!isStrictIPv4(addr) || length < 1 || length > 32) return { ok: false, message: `"${raw}" is not an IPv4 prefix of length 1–32 (kea-dhcp4: "Failed to create pool")` };
    const p = { address: parseIPv4(addr) as number, length };
    return { ok: true, value: { start: networkOf(p), end: broadcastOf(p), startAt: whole, endAt: whole } };
  }
  const dash = txt.indexOf('-');
  if (dash < 0) return { ok: false, message: `"${raw}" is not a pool: write "FIRST - LAST" or "PREFIX/LENGTH"` };
  const [lo, hi] = [txt.slice(0, dash), txt.slice(dash + 1)];
  if (!isAddress(lo) || !isAddress(hi)) return { ok: false, message: `"${raw}" is not a pool Kea can read (kea-dhcp4: "Failed to parse pool definition")` };
  if (!isStrictIPv4(lo) || !isStrictIPv4(hi)) return { ok: false, message: `"${raw}" is not an IPv4 range (kea-dhcp4: "Failed to create pool")` };
  const start = parseIPv4(lo) as number;
  const end = parseIPv4(hi) as number;
  if (start > end) return { ok: false, message: `the pool starts after it ends (${lo} > ${hi}): kea-dhcp4 refuses it` };
  const rawDash = raw.indexOf('-');
  const trim = (from: number, to: number): Span => {
    while (from < to && /\s/.test(raw[from])) from++;
    while (to > from && /\s/.test(raw[to - 1])) to--;
    return { start: from, end: to };
  };
  return { ok: true, value: { start, end, startAt: trim(0, rawDash), endAt: trim(rawDash + 1, raw.length) } };
}

export const IDENTIFIERS = ['hw-address', 'duid', 'circuit-id', 'client-id', 'flex-id'] as const;

/**
 * A reservation identifier as bytes: hex as in option data, or (except `hw-address`) `'text'`
 * in single quotes. Undefined when Kea refuses it ("invalid host identifier value").
 */
export function keaIdentifier(kind: (typeof IDENTIFIERS)[number], s: string): number[] | undefined {
  if (kind !== 'hw-address' && s.length >= 2 && s.startsWith("'") && s.endsWith("'")) {
    const inner = s.slice(1, -1);
    return inner ? utf8(inner) : undefined;
  }
  const bytes = keaHex(s);
  return bytes?.length ? bytes : undefined;
}

function utf8(s: string): number[] {
  const out: number[] = [];
  for (const ch of s) {
    const c = ch.codePointAt(0) as number;
    if (c < 0x80) out.push(c);
    else if (c < 0x800) out.push(0xc0 | (c >> 6), 0x80 | (c & 63));
    else if (c < 0x10000) out.push(0xe0 | (c >> 12), 0x80 | ((c >> 6) & 63), 0x80 | (c & 63));
    else out.push(0xf0 | (c >> 18), 0x80 | ((c >> 12) & 63), 0x80 | ((c >> 6) & 63), 0x80 | (c & 63));
  }
  return out;
}

export const hexWithColons = (bytes: readonly number[]): string => bytes.map((b) => b.toString(16).padStart(2, '0')).join(':');
