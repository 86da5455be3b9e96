/**
 * RFC 3442 "Classless Route Option Format": an option 121/249 value is a run of routes, each a
 * width of at most 32, the ceil(width/8) significant destination octets and a 4-byte router; RFC
 * 2132 §2 caps one option instance at 255 bytes. Clients discard a value that does not parse.
 *
 *     option 121 hex 2101.0101.01c0.a800.01      # flagged: byte 0: width 33 is more than 32
 */
import type { Fix } from '../../core/finding';
import { decodeFullDestinations, encodeRoutes } from '../route121';
import type { DhcpRule } from '../rule';
import { rewriteValue } from './routeEdits';
import { refusedByParser, routeOptions, routesText, type RouteOption } from './routeOptions';

/**
 * The calculator mistake: destinations written in full (4 bytes) instead of their significant
 * octets. Such a value breaks as RFC 3442 but reads cleanly the other way; say so, and re-encode.
 */
function fullDestinations(ro: RouteOption): { note: string; fixes?: Fix[] } | undefined {
  const routes = ro.decoded.bytes && decodeFullDestinations(ro.decoded.bytes);
  if (!routes) return undefined;
  const edits = rewriteValue(ro, routes);
  const size = encodeRoutes(routes).length;
  return {
    note: ` The bytes read cleanly as ${routesText(routes)} with each destination written in full (4 bytes), a mistake some online calculators make: RFC 3442 writes only the significant octets (ceil(width/8)), ${size} bytes here.`,
    fixes: edits ? [{ title: 'Re-encode with significant destination octets only (RFC 3442)', preferred: true, edits }] : undefined,
  };
}

/**
 * A warning in every dialect: dhcpd, Kea, dnsmasq and IOS all load any bytes here (an error is
 * for what the server refuses). Text they cannot read does stop them; their parsers report that
 * (dhcp/syntax-error), and this rule then stays quiet.
 */
export const route121Malformed: DhcpRule = {
  meta: {
    id: 'dhcp/route121-malformed',
    language: 'dhcp',
    description: 'An option 121/249 value that is not a list of RFC 3442 routes: bad width, truncated destination or router, unreadable bytes, or more than 255 bytes.',
    severity: 'warning',
    fixable: true,
    citation: 'RFC 3442, Classless Route Option Format; RFC 2132 §2 (option length); RFC 3396',
  },
  check(ctx, report) {
    for (const ro of routeOptions(ctx)) {
      const { file, option, code, decoded } = ro;
      // Text the server refuses is reported once, by dhcp/syntax-error.
      if (refusedByParser(ctx, file, option.valueSpan)) continue;
      const full = decoded.problems.length ? fullDestinations(ro) : undefined;
      for (const p of decoded.problems) {
        const before = decoded.routes.length ? ` Read before it: ${routesText(decoded.routes)}.` : '';
        report({ file: file.path, span: p.span, message: `Option ${code} is malformed: ${p.message}.${before} Clients discard the whole option, and RFC 3442 clients still ignore the default router.${full?.note ?? ''}`, fixes: full?.fixes });
      }
      const size = decoded.bytes?.length ?? 0;
      if (size > 255) {
        report({
          file: file.path,
          span: option.valueSpan,
          message: `Option ${code} is ${size} bytes (${decoded.routes.length} routes): one option carries at most 255 (RFC 2132). The server must split it as RFC 3396 long options, and many clients do not join the parts. Aggregate routes or send fewer.`,
        });
      }
    }
  },
};
