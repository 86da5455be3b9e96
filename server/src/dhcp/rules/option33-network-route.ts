/**
 * RFC 2132 §5.8: option 33 is a list of (destination, router) address pairs with no mask, and "the
 * default route (0.0.0.0) is an illegal destination"; RFC 3442 explains its destinations are
 * classful and obsoletes it. A network written there means different routes to different clients.
 *
 *     option static-routes 10.0.0.0 192.168.0.1;     # flagged: a network, option 33 has no mask
 */
import { formatIPv4, maskOf } from '../ipv4';
import type { DhcpRule } from '../rule';
import { classfulLength, staticRoutesOf } from '../staticRoutes';

/** The prefix length a network-looking address suggests: its trailing zero octets dropped. */
function suggestedWidth(address: number): number {
  let width = 32;
  while (width > 0 && ((address >>> (32 - width)) & 255) === 0) width -= 8;
  return width;
}

export const option33NetworkRoute: DhcpRule = {
  meta: {
    id: 'dhcp/option33-network-route',
    language: 'dhcp',
    description: 'Option 33 (static routes) with a network or the default route as a destination: it carries no mask; use option 121.',
    severity: 'warning',
    fixable: false,
    citation: 'RFC 2132 §5.8 (Static Route Option); RFC 3442, Introduction and DHCP Client Behavior',
  },
  check(ctx, report) {
    for (const file of ctx.files) {
      for (const scope of file.scopes) {
        for (const option of scope.options) {
          if (option.code !== 33) continue;
          for (const route of staticRoutesOf(option).routes) {
            const dest = formatIPv4(route.destination);
            const via = formatIPv4(route.gateway);
            if (route.destination === 0) {
              report({ file: file.path, span: route.span, message: `Option 33 cannot carry the default route: 0.0.0.0 is an illegal destination for a static route (RFC 2132 §5.8). Send ${via} as the default router in option 3, and as 0.0.0.0/0 in option 121 if you send 121.` });
              continue;
            }
            // A host route is any address but one ending in .0, which only a network would.
            if ((route.destination & 255) !== 0) continue;
            const meant = `${dest}/${suggestedWidth(route.destination)}`;
            const cls = classfulLength(route.destination);
            const reading =
              route.width < 32
                ? `clients that read it classfully install ${dest}/${route.width}, others a host route to ${dest} alone`
                : `clients read it as a host route to ${dest}${cls ? ` or as its class network ${formatIPv4((route.destination & maskOf(cls)) >>> 0)}/${cls}` : ''}, never as ${meant}`;
            report({
              file: file.path,
              span: route.span,
              message: `Option 33 destination ${dest} (via ${via}) looks like a network, but option 33 carries no prefix length: ${reading}; Windows ignores option 33, and clients that get option 121 must ignore it (RFC 3442). Send ${meant} via ${via} in option 121 instead.`,
            });
          }
        }
      }
    }
  },
};
