/**
 * Route lists as text: the Kea and dnsmasq spellings of option 121 read into bytes, every
 * server's spelling written from routes, and the `10.0.0.0/8 via 192.168.0.1` lines users type.
 */
import type { Span } from '../core/text';
import { toHex, trimmed, type ByteText, type TextError } from './hexText';
import { formatIPv4, lengthOfMask, maskOf, parseIPv4 } from './ipv4';
import { encodedDestination, encodeRoutes, significantOctets, type Route } from './routeCodec';

/** A route as a list spelling writes it, with where its parts are. */
export interface WrittenRoute extends Route {
  /** The whole route: destination through router. */
  span: Span;
  destinationSpan: Span;
  gatewaySpan: Span;
}

type ListResult = (ByteText & { spelling: 'kea' | 'dnsmasq'; routes: WrittenRoute[] }) | { error: TextError };

const quote = (s: string): string => JSON.stringify(s.length > 40 ? `${s.slice(0, 40)}…` : s);

/**
 * Kea `1.1.1.1/32 - 192.168.0.1, 2.2.2.0/23 - 192.168.0.2` (recognised by its `-`) or dnsmasq
 * `1.1.1.1/32,192.168.0.1,2.2.2.0/23,192.168.0.2`. Width and destination bytes map to the
 * destination's text, router bytes to the router's.
 */
export function parseRouteList(text: string): ListResult {
  const all = trimmed(text);
  const items: Span[] = [];
  for (let s = all.start, i = all.start; i <= all.end; i++) {
    if (i === all.end || text.charCodeAt(i) === 44) {
      items.push(trimmed(text, s, i));
      s = i + 1;
    }
  }
  const kea = text.indexOf('-', all.start) >= 0;
  const routes: WrittenRoute[] = [];
  let byteOffset = 0;
  const fail = (span: Span, message: string): ListResult => ({ error: { offset: span.start, length: span.end - span.start, byteOffset, message } });
  const step = kea ? 1 : 2;
  for (let k = 0; k < items.length; k += step) {
    let dest: Span;
    let gw: Span;
    if (kea) {
      const item = items[k];
      const dash = text.indexOf('-', item.start);
      if (item.start === item.end) return fail(item, 'a route is missing between commas');
      if (dash < 0 || dash >= item.end) return fail(item, `${quote(text.slice(item.start, item.end))} is not "DEST/LEN - ROUTER"`);
      dest = trimmed(text, item.start, dash);
      gw = trimmed(text, dash + 1, item.end);
    } else {
      dest = items[k];
      if (dest.start === dest.end) return fail(dest, 'a value is missing between commas');
      if (k + 1 >= items.length) return fail(dest, `the route ${quote(text.slice(dest.start, dest.end))} has no router: dnsmasq lists alternate DEST/LEN and ROUTER`);
      gw = items[k + 1];
    }
    const prefix = readPrefix(text.slice(dest.start, dest.end));
    if (typeof prefix === 'string') return fail(dest, prefix);
    const gateway = parseIPv4(text.slice(gw.start, gw.end));
    if (gateway === undefined) return fail(gw, gw.start === gw.end ? 'the router is missing' : `the router ${quote(text.slice(gw.start, gw.end))} is not an IPv4 address`);
    routes.push({ destination: prefix.destination, width: prefix.width, gateway, span: { start: dest.start, end: gw.end }, destinationSpan: dest, gatewaySpan: gw });
    byteOffset += 5 + significantOctets(prefix.width);
  }
  const byteSpans: Span[] = [];
  for (const r of routes) {
    for (let b = 0; b <= significantOctets(r.width); b++) byteSpans.push(r.destinationSpan);
    for (let b = 0; b < 4; b++) byteSpans.push(r.gatewaySpan);
  }
  return { bytes: encodeRoutes(routes), byteSpans, spelling: kea ? 'kea' : 'dnsmasq', routes };
}

/** `A.B.C.D/LEN` → destination and width, or why not. */
function readPrefix(token: string): { destination: number; width: number } | string {
  const slash = token.indexOf('/');
  if (slash < 0) return `${quote(token)} needs a prefix length: write DEST/LEN`;
  const destination = parseIPv4(token.slice(0, slash));
  if (destination === undefined) return `${quote(token.slice(0, slash))} is not an IPv4 address`;
  const len = token.slice(slash + 1).trim();
  if (!/^\d{1,2}$/.test(len)) return `${quote(len)} is not a prefix length (0–32)`;
  const width = Number(len);
  if (width > 32) return `prefix length ${width} is more than 32`;
  return { destination, width };
}

export type RouteFormat = 'hex' | 'cisco' | 'isc' | 'kea' | 'dnsmasq' | 'mikrotik';

export interface FormatOptions {
  /** Kea version (`2.6.1`); from 2.6 Kea knows `classless-static-route` by name. */
  keaVersion?: string;
  /** 121 (default) or Microsoft's 249. */
  code?: 121 | 249;
}

const ISC_NAMES = { 121: 'rfc3442-classless-static-routes', 249: 'ms-classless-static-routes' } as const;

/** The dhcpd definition the `isc` spelling needs (dhcpd has no built-in option 121 or 249). */
export function iscOptionDefinition(code: 121 | 249 = 121): string {
  return `option ${ISC_NAMES[code]} code ${code} = array of unsigned integer 8;`;
}

const routeBytes = (r: Route): Uint8Array => encodeRoutes([r]);
const destinationText = (r: Route): string => `${formatIPv4(encodedDestination(r))}/${r.width}`;

/** True for a version of 2.6 or later: Kea's built-in `classless-static-route` definition. */
function keaKnowsRoutes(version: string | undefined): boolean {
  const m = /^(\d+)\.(\d+)/.exec(version ?? '');
  if (!m) return false;
  const major = Number(m[1]);
  return major > 2 || (major === 2 && Number(m[2]) >= 6);
}

/** The routes in one server's spelling, as the `tlsnet route121 encode --format` contract prints them. */
export function formatRoutes(routes: readonly Route[], format: RouteFormat, opts: FormatOptions = {}): string {
  const code = opts.code ?? 121;
  const hex = (): string => toHex(encodeRoutes(routes));
  switch (format) {
    case 'hex':
      return hex();
    case 'mikrotik':
      return `0x${hex()}`;
    case 'cisco':
      return `option ${code} hex ${hex().replace(/(.{4})(?=.)/g, '$1.')}`;
    case 'isc':
      return `option ${ISC_NAMES[code]} ${routes.map((r) => Array.from(routeBytes(r)).join(',')).join(', ')};`;
    case 'dnsmasq':
      return `dhcp-option=${code},${routes.map((r) => `${destinationText(r)},${formatIPv4(r.gateway)}`).join(',')}`;
    case 'kea':
      if (code === 121 && keaKnowsRoutes(opts.keaVersion)) {
        const data = routes.map((r) => `${destinationText(r)} - ${formatIPv4(r.gateway)}`).join(', ');
        return `{"name": "classless-static-route", "data": ${JSON.stringify(data)}}`;
      }
      // Before 2.6 Kea has no definition for 121 (and none for 249 in any version): raw bytes.
      return `{"code": ${code}, "space": "dhcp4", "csv-format": false, "data": "${hex()}"}`;
  }
}

/**
 * The routes a user types, one per line: `10.0.0.0/8 via 192.168.0.1`, `10.0.0.0/8,192.168.0.1`,
 * `10.0.0.0/8 192.168.0.1`, `10.0.0.0 255.0.0.0 192.168.0.1`, `default via 192.168.0.1`
 * (0.0.0.0/0); a bare destination is a host route. `#` starts a comment. Lines are 1-based.
 */
export function parseRouteInput(text: string): { routes: Route[]; errors: Array<{ line: number; message: string }> } {
  const routes: Route[] = [];
  const errors: Array<{ line: number; message: string }> = [];
  text.split(/\r\n|\r|\n/).forEach((raw, index) => {
    const hash = raw.indexOf('#');
    const tokens = (hash >= 0 ? raw.slice(0, hash) : raw)
      .replace(/,/g, ' ')
      .split(/\s+/)
      .filter((t) => t && !/^(via|-|->|=>)$/i.test(t));
    if (!tokens.length) return;
    const r = routeOfTokens(tokens);
    if (typeof r === 'string') errors.push({ line: index + 1, message: r });
    else routes.push(r);
  });
  return { routes, errors };
}

function routeOfTokens(tokens: string[]): Route | string {
  if (tokens.length < 2 || tokens.length > 3) return `expected "DEST/LEN via ROUTER", got ${quote(tokens.join(' '))}`;
  const gateway = parseIPv4(tokens[tokens.length - 1]);
  if (gateway === undefined) return `the router ${quote(tokens[tokens.length - 1])} is not an IPv4 address`;
  let dest: { destination: number; width: number } | string;
  if (tokens.length === 3) {
    const address = parseIPv4(tokens[0]);
    const mask = parseIPv4(tokens[1]);
    const width = mask === undefined ? undefined : lengthOfMask(mask);
    if (address === undefined) return `${quote(tokens[0])} is not an IPv4 address`;
    if (width === undefined) return `${quote(tokens[1])} is not a netmask`;
    dest = { destination: address, width };
  } else if (/^default$/i.test(tokens[0])) dest = { destination: 0, width: 0 };
  else if (tokens[0].includes('/')) dest = readPrefix(tokens[0]);
  else {
    const address = parseIPv4(tokens[0]);
    dest = address === undefined ? `${quote(tokens[0])} is not an IPv4 address` : { destination: address, width: 32 };
  }
  if (typeof dest === 'string') return dest;
  const network = (dest.destination & maskOf(dest.width)) >>> 0;
  if (network !== dest.destination) return `${formatIPv4(dest.destination)}/${dest.width} has host bits set: the network is ${formatIPv4(network)}/${dest.width}`;
  return { destination: dest.destination, width: dest.width, gateway };
}
