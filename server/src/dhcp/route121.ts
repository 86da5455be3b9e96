/**
 * Option 121/249 classless static routes (RFC 3442): the byte codec, every text spelling servers
 * use for it, and the route list users type. The one module the rules, hovers, commands and CLI
 * import for routes.
 */
import type { Span } from '../core/text';
import { parseDecimalText, parseHexText, type ByteText, type TextError } from './hexText';
import { parseRouteList, type WrittenRoute } from './routeText';

export { decodeFullDestinations, decodeRoutes, encodeRoutes, encodedDestination, significantOctets, type DecodeError, type DecodedRoute, type Route } from './routeCodec';
export { formatRoutes, iscOptionDefinition, parseRouteInput, type RouteFormat } from './routeText';
export type { TextError, WrittenRoute };

/** How route text is read: `hex` (any separators, `0x`), `decimal` (comma-separated), `routes` (Kea or dnsmasq list). */
export type RouteTextForm = 'hex' | 'decimal' | 'routes';

export interface RouteText extends ByteText {
  /** Which spelling was read. */
  spelling: 'hex' | 'decimal' | 'kea' | 'dnsmasq';
  /**
   * For route lists: the routes as written, destination host bits included (the bytes keep only
   * the significant octets), with the text spans of each route, destination and router.
   */
  routes?: WrittenRoute[];
}

/**
 * Reads any spelling of an option 121/249 value into its bytes. Without `form` the spelling is
 * recognised: a `/` means a route list, a comma decimals, anything else hex. Byte spans are
 * offsets into `text`; for route lists a route's width and destination bytes map to its
 * destination text and its router bytes to the router text. Linear in the text's length.
 */
export function parseRouteText(text: string, form?: RouteTextForm): RouteText | { error: TextError } {
  const f = form ?? detectForm(text);
  if (f === 'routes') return parseRouteList(text);
  const r = f === 'decimal' ? parseDecimalText(text) : parseHexText(text);
  return 'error' in r ? r : { ...r, spelling: f };
}

function detectForm(text: string): RouteTextForm {
  if (text.includes('/')) return 'routes';
  return text.includes(',') ? 'decimal' : 'hex';
}

/** Bytes `offset .. offset + length - 1` as one text span (an empty span at the end when there are none). */
export function spanOfBytes(byteSpans: readonly Span[], offset: number, length: number, textEnd: number): Span {
  if (!byteSpans.length) return { start: textEnd, end: textEnd };
  const first = byteSpans[Math.min(offset, byteSpans.length - 1)];
  const last = byteSpans[Math.min(offset + Math.max(length, 1) - 1, byteSpans.length - 1)];
  return { start: first.start, end: last.end };
}
