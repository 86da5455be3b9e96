/**
 * Option 33, static routes (RFC 2132 §5.8): destination/router address pairs with no mask, so a
 * destination is classful — RFC 3442 replaces it for anything else. A destination whose host part
 * under its class mask is zero (`10.0.0.0`) is that class network (/8, /16, /24); any other is a
 * host route (/32). Read from every spelling the dialects use: address lists, hex, decimal bytes.
 */
import type { Span } from '../core/text';
import { parseDecimalText, parseHexText } from './hexText';
import { maskOf } from './ipv4';
import type { DhcpOption } from './model';
import type { Route } from './route121';

export interface StaticRoute extends Route {
  /** Destination through router in the document. */
  span: Span;
}

/** The class mask length of an address: A /8, B /16, C /24; undefined for class D/E. */
export function classfulLength(address: number): number | undefined {
  const first = address >>> 24;
  return first < 128 ? 8 : first < 192 ? 16 : first < 224 ? 24 : undefined;
}

/**
 * The width option 33 gives a destination: its class network when the host part is zero, else
 * /32. 0.0.0.0 is illegal there (RFC 2132) but meant as the default route, so it becomes /0.
 */
export function staticRouteWidth(destination: number): number {
  if (destination === 0) return 0;
  const cls = classfulLength(destination);
  return cls !== undefined && (destination & ~maskOf(cls)) >>> 0 === 0 ? cls : 32;
}

export function staticRoutesOf(option: DhcpOption): { routes: StaticRoute[]; problem?: string } {
  const pairs: Array<{ destination: number; gateway: number; span: Span }> = [];
  const doc = (s: Span): Span => (option.exact ? { start: option.valueSpan.start + s.start, end: option.valueSpan.start + s.end } : option.valueSpan);
  if (option.format === 'hex' || option.format === 'decimal') {
    const parsed = option.format === 'hex' ? parseHexText(option.value) : parseDecimalText(option.value);
    if ('error' in parsed) return { routes: [], problem: parsed.error.message };
    const { bytes, byteSpans } = parsed;
    if (bytes.length % 8) return { routes: [], problem: `${bytes.length} bytes: option 33 is a list of 8-byte destination/router pairs` };
    for (let i = 0; i < bytes.length; i += 8) {
      const read = (k: number): number => ((bytes[k] << 24) | (bytes[k + 1] << 16) | (bytes[k + 2] << 8) | bytes[k + 3]) >>> 0;
      pairs.push({ destination: read(i), gateway: read(i + 4), span: { start: byteSpans[i].start, end: byteSpans[i + 7].end } });
    }
  } else {
    const found: Array<{ value: number; span: Span }> = [];
    for (const m of option.value.matchAll(/(?<![\w.])(\d{1,3})\.(\d{1,3})\.(\d{1,3})\.(\d{1,3})(?![\w.])/g)) {
      const o = m.slice(1, 5).map(Number);
      if (o.some((x) => x > 255)) return { routes: [], problem: `${m[0]} is not an IPv4 address` };
      found.push({ value: ((o[0] << 24) | (o[1] << 16) | (o[2] << 8) | o[3]) >>> 0, span: { start: m.index, end: m.index + m[0].length } });
    }
    if (!found.length || found.length % 2) return { routes: [], problem: 'option 33 is a list of destination/router address pairs' };
    for (let i = 0; i < found.length; i += 2) pairs.push({ destination: found[i].value, gateway: found[i + 1].value, span: { start: found[i].span.start, end: found[i + 1].span.end } });
  }
  return { routes: pairs.map((p) => ({ destination: p.destination, width: staticRouteWidth(p.destination), gateway: p.gateway, span: doc(p.span) })) };
}
