/**
 * RFC 3442 "Classless Route Option Format": an option 121/249 value is a run of routes, each a
 * width of at most 32, the ceil(width/8) significant destination octets and a 4-byte router; RFC
 * 2132 §2 caps one option instance at 255 bytes. Clients discard a value that does not parse.
 *
 *     option 121 hex 2101.0101.01c0.a800.01      # flagged: byte 0: width 33 is more than 32
 */
import type { DhcpRule } from '../rule';
import { refusedByParser, routeOptions, routesText } from './routeOptions';

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
    fixable: false,
    citation: 'RFC 3442, Classless Route Option Format; RFC 2132 §2 (option length); RFC 3396',
  },
  check(ctx, report) {
    for (const { file, option, code, decoded } of routeOptions(ctx)) {
      // Text the server refuses is reported once, by dhcp/syntax-error.
      if (refusedByParser(ctx, file, option.valueSpan)) continue;
      for (const p of decoded.problems) {
        const before = decoded.routes.length ? ` Read before it: ${routesText(decoded.routes)}.` : '';
        report({ file: file.path, span: p.span, message: `Option ${code} is malformed: ${p.message}.${before} Clients discard the whole option, and RFC 3442 clients still ignore the default router.` });
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
