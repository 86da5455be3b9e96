/**
 * RFC 3442 "DHCP Client Behavior": each route becomes one routing table entry for its prefix, so a
 * prefix given twice in one value is either redundant (same router) or shadowed (another router:
 * which one a client keeps depends on the client).
 *
 *     dhcp-option=121,10.0.0.0/8,192.168.0.1,10.0.0.0/8,192.168.0.2   # flagged: 10.0.0.0/8 again
 */
import { formatIPv4 } from '../ipv4';
import type { DhcpRule } from '../rule';
import { removeRoute } from './routeEdits';
import { MAX_ROUTE_FINDINGS, networkOfRoute, routeOptions, routeText } from './routeOptions';

export const route121Duplicate: DhcpRule = {
  meta: {
    id: 'dhcp/route121-duplicate',
    language: 'dhcp',
    description: 'A classless static route (option 121/249) whose prefix an earlier route in the same value already gives.',
    severity: 'warning',
    fixable: true,
    citation: 'RFC 3442, Classless Route Option Format and DHCP Client Behavior',
  },
  check(ctx, report) {
    for (const ro of routeOptions(ctx)) {
      const first = new Map<string, number>();
      let reported = 0;
      ro.decoded.routes.forEach((route, index) => {
        const key = `${networkOfRoute(route)}/${route.width}`;
        const earlier = first.get(key);
        if (earlier === undefined) {
          first.set(key, index);
          return;
        }
        if (reported++ >= MAX_ROUTE_FINDINGS) return;
        const prev = ro.decoded.routes[earlier];
        const prefix = `${formatIPv4(networkOfRoute(route))}/${route.width}`;
        const same = prev.gateway === route.gateway;
        const edits = same ? removeRoute(ro, index) : undefined;
        report({
          file: ro.file.path,
          span: route.span,
          message: same
            ? `Option ${ro.code} repeats route ${earlier + 1} (${routeText(prev)}) as route ${index + 1}: the duplicate only takes bytes of a value limited to 255. Remove it.`
            : `Option ${ro.code} route ${index + 1} (${routeText(route)}) is shadowed by route ${earlier + 1} (${routeText(prev)}): both give ${prefix}, and a client keeps only one of them — which one depends on the client. Keep the route with the right router.`,
          fixes: edits ? [{ title: `Remove the repeated route ${prefix}`, preferred: true, edits }] : undefined,
        });
      });
    }
  },
};
