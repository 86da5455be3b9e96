/** IPv4 addresses and prefixes as unsigned 32-bit numbers: the arithmetic every DHCP rule needs. */

export interface Prefix {
  /** The address as written (host bits may be set; `hostBitsSet` says). */
  address: number;
  length: number;
}

/** `192.168.0.1` → 0xc0a80001; undefined unless exactly four decimal octets 0–255. */
export function parseIPv4(text: string): number | undefined {
  const m = /^(\d{1,3})\.(\d{1,3})\.(\d{1,3})\.(\d{1,3})$/.exec(text.trim());
  if (!m) return undefined;
  let n = 0;
  for (let i = 1; i <= 4; i++) {
    const o = Number(m[i]);
    if (o > 255) return undefined;
    n = n * 256 + o;
  }
  return n;
}

export function formatIPv4(n: number): string {
  return `${(n >>> 24) & 255}.${(n >>> 16) & 255}.${(n >>> 8) & 255}.${n & 255}`;
}

/** The netmask of a prefix length: 24 → 0xffffff00. */
export function maskOf(length: number): number {
  return length <= 0 ? 0 : length >= 32 ? 0xffffffff : (0xffffffff << (32 - length)) >>> 0;
}

/** The prefix length of a contiguous netmask, or undefined (`255.0.255.0`). */
export function lengthOfMask(mask: number): number | undefined {
  const inv = ~mask >>> 0;
  if ((inv & (inv + 1)) !== 0) return undefined;
  return 32 - countBits(inv);
}

function countBits(n: number): number {
  let c = 0;
  for (let x = n >>> 0; x; x = (x & (x - 1)) >>> 0) c++;
  return c;
}

export function networkOf(p: Prefix): number {
  return (p.address & maskOf(p.length)) >>> 0;
}

export function broadcastOf(p: Prefix): number {
  return (networkOf(p) | (~maskOf(p.length) >>> 0)) >>> 0;
}

export function hostBitsSet(p: Prefix): boolean {
  return networkOf(p) !== p.address >>> 0;
}

export function contains(p: Prefix, address: number): boolean {
  return (address & maskOf(p.length)) >>> 0 === networkOf(p);
}

/** True when `inner` lies wholly inside `outer` (equal prefixes included). */
export function prefixWithin(inner: Prefix, outer: Prefix): boolean {
  return inner.length >= outer.length && contains(outer, networkOf(inner));
}

/** Usable host addresses: /31 and /32 count as 2 and 1 (RFC 3021 point-to-point). */
export function usableHosts(p: Prefix): number {
  if (p.length >= 32) return 1;
  if (p.length === 31) return 2;
  return 2 ** (32 - p.length) - 2;
}

export function formatPrefix(p: Prefix): string {
  return `${formatIPv4(networkOf(p))}/${p.length}`;
}

/** `10.0.0.0/8`, or `10.0.0.0 255.0.0.0` split by the caller into address and mask. */
export function parsePrefix(text: string): Prefix | undefined {
  const m = /^([\d.]+)\/(\d{1,2})$/.exec(text.trim());
  if (!m) return undefined;
  const address = parseIPv4(m[1]);
  const length = Number(m[2]);
  return address === undefined || length > 32 ? undefined : { address, length };
}
