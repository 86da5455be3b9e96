/**
 * RFC 3442 classless static routes (option 121; Microsoft's 249 has the same format), as bytes.
 * Each route is its width (prefix length, one byte), then the ceil(width/8) significant octets of
 * the destination, then the 4-byte router: 1.1.1.1/32 via 192.168.0.1 → `20 01010101 c0a80001`.
 */
import { maskOf } from './ipv4';

export interface Route {
  /** Destination network, uint32. */
  destination: number;
  /** Prefix length, 0–32. */
  width: number;
  /** Router, uint32. */
  gateway: number;
}

export interface DecodedRoute extends Route {
  /** Byte offset of the route's width byte. */
  offset: number;
  /** Bytes the route takes: 5 to 9. */
  length: number;
}

export interface DecodeError {
  /** Byte offset of the route that is broken (its width byte), or of the first byte that is not a route. */
  offset: number;
  /** Bytes from `offset` the error covers (to the end of the value for a truncated route). */
  length: number;
  message: string;
}

/** Significant destination octets for a width: ceil(width/8). */
export const significantOctets = (width: number): number => (width + 7) >> 3;

/** The destination as the encoding carries it: octets beyond the significant ones dropped. */
export const encodedDestination = (r: Route): number => (r.destination & maskOf(significantOctets(r.width) * 8)) >>> 0;

export function encodeRoutes(routes: readonly Route[]): Uint8Array {
  let size = 0;
  for (const r of routes) size += 5 + significantOctets(r.width);
  const out = new Uint8Array(size);
  let o = 0;
  for (const r of routes) {
    out[o++] = r.width;
    for (let k = 0; k < significantOctets(r.width); k++) out[o++] = (r.destination >>> (24 - 8 * k)) & 255;
    for (let k = 0; k < 4; k++) out[o++] = (r.gateway >>> (24 - 8 * k)) & 255;
  }
  return out;
}

/** Decodes what is valid up to the first structural error, which it reports with its byte offset. */
export function decodeRoutes(bytes: Uint8Array): { routes: DecodedRoute[]; error?: DecodeError } {
  const routes: DecodedRoute[] = [];
  if (!bytes.length) return { routes, error: { offset: 0, length: 0, message: 'no routes: a classless static route value needs at least one route (5 bytes)' } };
  let i = 0;
  while (i < bytes.length) {
    const width = bytes[i];
    const left = bytes.length - i - 1;
    if (width > 32) return { routes, error: { offset: i, length: 1, message: `byte ${i}: width ${width} is more than 32 (a route starts with its prefix length)` } };
    const octets = significantOctets(width);
    if (left < octets) {
      return { routes, error: { offset: i, length: left + 1, message: `byte ${i}: truncated destination: a /${width} route needs ${octets} destination byte${octets === 1 ? '' : 's'} and a 4-byte router, but only ${plural(left, 'byte')} follow${left === 1 ? 's' : ''}` } };
    }
    if (left < octets + 4) {
      const routerLeft = left - octets;
      return { routes, error: { offset: i, length: left + 1, message: `byte ${i}: truncated router: the /${width} route's router needs 4 bytes, but only ${plural(routerLeft, 'byte')} follow${routerLeft === 1 ? 's' : ''} its destination` } };
    }
    let destination = 0;
    for (let k = 0; k < 4; k++) destination = destination * 256 + (k < octets ? bytes[i + 1 + k] : 0);
    let gateway = 0;
    for (let k = 0; k < 4; k++) gateway = gateway * 256 + bytes[i + 1 + octets + k];
    routes.push({ destination, width, gateway, offset: i, length: 5 + octets });
    i += 5 + octets;
  }
  return { routes };
}

const plural = (n: number, word: string): string => `${n} ${word}${n === 1 ? '' : 's'}`;

/**
 * Reads bytes as routes whose destination is written in full (width, 4 destination bytes, router):
 * the encoding some online calculators publish instead of RFC 3442's significant octets. Only when
 * every byte fits that layout and one route is shorter than /25 (otherwise the two layouts are the
 * same bytes); undefined when it does not fit.
 */
export function decodeFullDestinations(bytes: Uint8Array): Route[] | undefined {
  if (!bytes.length || bytes.length % 9 !== 0) return undefined;
  const routes: Route[] = [];
  for (let i = 0; i < bytes.length; i += 9) {
    const width = bytes[i];
    if (width > 32) return undefined;
    const word = (at: number): number => ((bytes[at] << 24) | (bytes[at + 1] << 16) | (bytes[at + 2] << 8) | bytes[at + 3]) >>> 0;
    routes.push({ width, destination: word(i + 1), gateway: word(i + 5) });
  }
  return routes.some((r) => r.width <= 24) ? routes : undefined;
}
