/**
 * Quick-fix edits on an option 121/249 value, written in the value's own spelling: hex keeps its
 * prefix, separator, grouping and case (Cisco `2001.0101.01c0` is regrouped as a whole), decimal
 * lists and Kea/dnsmasq route lists are edited in place so their layout survives. Every function
 * returns undefined when the value cannot be edited safely (unescaped JSON, unreadable text).
 */
import type { Edit } from '../../core/finding';
import type { Span } from '../../core/text';
import { toHex, trimmed } from '../hexText';
import { formatIPv4 } from '../ipv4';
import type { LocatedRoute } from '../optionRoutes';
import { encodeRoutes, parseRouteText, significantOctets, type Route } from '../route121';
import { addressTextIn } from './addressing';
import type { RouteOption } from './routeOptions';

interface HexStyle {
  prefix: string;
  separator: string;
  /** Bytes per group between separators; 0 when the digits run together. */
  group: number;
  upper: boolean;
}

function hexStyle(value: string): HexStyle {
  const v = value.trim();
  const prefix = /^0x/i.test(v) ? v.slice(0, 2) : '';
  const body = v.slice(prefix.length);
  const sep = /[^0-9a-f]+/i.exec(body);
  const separator = sep ? (/\s/.test(sep[0]) ? ' ' : sep[0]) : '';
  const group = !sep ? 0 : separator === ':' || separator === '-' ? 1 : Math.max(1, sep.index >> 1);
  return { prefix, separator, group, upper: /[A-F]/.test(body) && !/[a-f]/.test(body) };
}

/** Bytes as hex in a style: `2001.0101.01c0.a800.01`, `20:01:01`, `0x2001…`. */
export function spellHex(bytes: Uint8Array, style: HexStyle): string {
  let hex = toHex(bytes);
  if (style.group) hex = hex.replace(new RegExp(`(.{${style.group * 2}})(?=.)`, 'g'), `$1${style.separator}`);
  return style.prefix + (style.upper ? hex.toUpperCase() : hex);
}

const valueSpanIn = (ro: RouteOption, s: Span): Span => ({ start: ro.option.valueSpan.start + s.start, end: ro.option.valueSpan.start + s.end });

/** The whole (trimmed) value rewritten for a new route list: hex only, where regrouping is wanted. */
function rewriteHex(ro: RouteOption, routes: readonly Route[]): Edit {
  return { file: ro.file.path, span: valueSpanIn(ro, trimmed(ro.option.value)), newText: spellHex(encodeRoutes(routes), hexStyle(ro.option.value)) };
}

const editable = (ro: RouteOption): boolean => ro.option.exact && ro.decoded.problems.length === 0 && ro.decoded.routes.length > 0;

/** Byte spans of a decimal value, in document offsets. */
function decimalSpans(ro: RouteOption): Span[] | undefined {
  const parsed = parseRouteText(ro.option.value, 'decimal');
  return 'error' in parsed ? undefined : parsed.byteSpans.map((s) => valueSpanIn(ro, s));
}

/** True for a Kea route list (`DEST/LEN - ROUTER, …`), false for dnsmasq's (`DEST/LEN,ROUTER,…`). */
const isKeaList = (ro: RouteOption): boolean => ro.option.value.includes('-');

/** The whole value rewritten as `routes`, in its own spelling (hex style, or the decimal separator); even when it does not decode now. */
export function rewriteValue(ro: RouteOption, routes: readonly Route[]): Edit[] | undefined {
  const { option, file } = ro;
  if (!option.exact || !routes.length) return undefined;
  if (option.format === 'hex') return [rewriteHex(ro, routes)];
  if (option.format !== 'decimal') return undefined;
  const sep = /\s*,\s*/.exec(option.value)?.[0] ?? ',';
  return [{ file: file.path, span: valueSpanIn(ro, trimmed(option.value)), newText: Array.from(encodeRoutes(routes)).join(sep) }];
}

/** Appends routes at the end of the value. */
export function appendRoutes(ro: RouteOption, added: readonly Route[]): Edit[] | undefined {
  if (!editable(ro)) return undefined;
  const { option, decoded, file } = ro;
  if (option.format === 'hex') return [rewriteHex(ro, [...decoded.routes, ...added])];
  if (option.format === 'decimal') {
    const spans = decimalSpans(ro);
    if (!spans || spans.length < 2) return undefined;
    const last = spans[spans.length - 1];
    const sep = file.text.slice(spans[spans.length - 2].end, last.start);
    const text = Array.from(encodeRoutes(added), (b) => `${sep}${b}`).join('');
    return [{ file: file.path, span: { start: last.end, end: last.end }, newText: text }];
  }
  const routes = decoded.routes;
  const last = routes[routes.length - 1];
  const kea = isKeaList(ro);
  const between = routes.length > 1 ? file.text.slice(routes[routes.length - 2].span.end, last.span.start) : kea ? ', ' : ',';
  const inner = kea ? (/\s*-\s*/.exec(file.text.slice(last.span.start, last.span.end))?.[0] ?? ' - ') : ',';
  const text = added.map((r) => `${between}${formatIPv4(r.destination)}/${r.width}${inner}${formatIPv4(r.gateway)}`).join('');
  return [{ file: file.path, span: { start: last.span.end, end: last.span.end }, newText: text }];
}

/** Replaces route `index`'s destination (same width and router). */
export function replaceDestination(ro: RouteOption, index: number, destination: number): Edit[] | undefined {
  if (!editable(ro)) return undefined;
  const { option, decoded, file } = ro;
  const routes = decoded.routes.map((r, i) => (i === index ? { ...r, destination } : r));
  if (option.format === 'hex') return [rewriteHex(ro, routes)];
  const route = decoded.routes[index];
  if (option.format === 'decimal') {
    const spans = decimalSpans(ro);
    if (!spans) return undefined;
    const edits: Edit[] = [];
    for (let k = 0; k < significantOctets(route.width); k++) {
      const octet = (destination >>> (24 - 8 * k)) & 255;
      if (octet !== ((route.destination >>> (24 - 8 * k)) & 255)) edits.push({ file: file.path, span: spans[route.byteOffset + 1 + k], newText: String(octet) });
    }
    return edits;
  }
  const at = addressTextIn(file.text, route.span);
  return at ? [{ file: file.path, span: at, newText: formatIPv4(destination) }] : undefined;
}

/** Removes route `index` with the separator before it (after it, for the first route). */
export function removeRoute(ro: RouteOption, index: number): Edit[] | undefined {
  if (!editable(ro) || ro.decoded.routes.length < 2) return undefined;
  const { option, decoded, file } = ro;
  if (option.format === 'hex') return [rewriteHex(ro, decoded.routes.filter((_, i) => i !== index))];
  const spans: Span[] | undefined = option.format === 'decimal' ? decimalSpans(ro) : undefined;
  if (option.format === 'decimal' && !spans) return undefined;
  // One span per route: its bytes for decimal values, its text for route lists.
  const routeSpan = (r: LocatedRoute): Span | undefined => {
    if (!spans) return r.span;
    const first = spans[r.byteOffset];
    const last = spans[r.byteOffset + 4 + significantOctets(r.width)];
    return first && last ? { start: first.start, end: last.end } : undefined;
  };
  const spansOf = decoded.routes.map(routeSpan);
  const here = spansOf[index];
  const neighbour = index > 0 ? spansOf[index - 1] : spansOf[index + 1];
  if (!here || !neighbour) return undefined;
  const span = index > 0 ? { start: neighbour.end, end: here.end } : { start: here.start, end: neighbour.start };
  return [{ file: file.path, span, newText: '' }];
}
