/**
 * The routes an option 121/249 (or any route-carrying option) holds, located in the document: the
 * bridge between the shared model's `DhcpOption` and the RFC 3442 codec, for rules, hovers and
 * lenses. Never throws.
 */
import type { Span } from '../core/text';
import type { DhcpOption } from './model';
import { decodeRoutes, parseRouteText, significantOctets, spanOfBytes, type Route, type RouteTextForm } from './route121';

export interface LocatedRoute extends Route {
  /** The route's text in the document: its bytes, or for list spellings destination through router. */
  span: Span;
  /** Byte offset of the route's width byte in the option value. */
  byteOffset: number;
}

export interface RouteProblem {
  span: Span;
  byteOffset?: number;
  message: string;
}

export interface OptionRoutes {
  /**
   * Routes up to the first structural error. For list spellings (Kea, dnsmasq) the destination is
   * as written, host bits included, though the bytes carry only its significant octets.
   */
  routes: LocatedRoute[];
  problems: RouteProblem[];
  /** The value's bytes, when its text could be read. */
  bytes?: Uint8Array;
}

const FORMS: Partial<Record<DhcpOption['format'], RouteTextForm>> = { hex: 'hex', decimal: 'decimal', routes: 'routes' };

export function routesOfOption(option: DhcpOption): OptionRoutes {
  const form = FORMS[option.format];
  if (!form) return { routes: [], problems: [{ span: option.valueSpan, message: `the value is written as ${describe(option.format)}, so it cannot hold classless static routes (write them as hex bytes)` }] };
  // Spans inside an unescaped value are only approximate: point at the whole value then.
  const base = option.valueSpan.start;
  const doc = (s: Span): Span => (option.exact ? { start: base + s.start, end: base + s.end } : option.valueSpan);
  const parsed = parseRouteText(option.value, form);
  if ('error' in parsed) {
    const e = parsed.error;
    return { routes: [], problems: [{ span: doc({ start: e.offset, end: e.offset + e.length }), byteOffset: e.byteOffset, message: e.message }] };
  }
  const { bytes, byteSpans } = parsed;
  const end = option.value.length;
  if (parsed.routes) {
    let byteOffset = 0;
    const routes = parsed.routes.map((r) => {
      const located = { destination: r.destination, width: r.width, gateway: r.gateway, span: doc(r.span), byteOffset };
      byteOffset += 5 + significantOctets(r.width);
      return located;
    });
    const problems = routes.length ? [] : [{ span: doc({ start: 0, end }), byteOffset: 0, message: 'no routes: a classless static route value needs at least one route' }];
    return { routes, problems, bytes };
  }
  const decoded = decodeRoutes(bytes);
  const routes = decoded.routes.map((r) => ({ destination: r.destination, width: r.width, gateway: r.gateway, span: doc(spanOfBytes(byteSpans, r.offset, r.length, end)), byteOffset: r.offset }));
  const problems: RouteProblem[] = [];
  if (decoded.error) {
    const e = decoded.error;
    const span = bytes.length ? spanOfBytes(byteSpans, e.offset, e.length, end) : { start: 0, end };
    problems.push({ span: doc(span), byteOffset: e.offset, message: e.message });
  }
  return { routes, problems, bytes };
}

function describe(format: DhcpOption['format']): string {
  switch (format) {
    case 'ip':
      return 'IPv4 addresses';
    case 'ascii':
      return 'a string';
    default:
      return 'text';
  }
}
