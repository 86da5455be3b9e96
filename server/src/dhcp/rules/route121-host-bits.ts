/**
 * RFC 3442 "DHCP Client Behavior": the client MUST zero the destination bits the mask does not
 * cover, so a route written with host bits set is installed as a different route than it reads.
 *
 *     option 121 hex 1702.0203.c0a8.0002      # flagged: 2.2.3.0/23, the network is 2.2.2.0/23
 */
import { formatIPv4 } from '../ipv4';
import type { DhcpRule } from '../rule';
import { replaceDestination } from './routeEdits';
import { MAX_ROUTE_FINDINGS, networkOfRoute, routeOptions, routeText } from './routeOptions';

export const route121HostBits: DhcpRule = {
  meta: {
    id: 'dhcp/route121-host-bits',
    language: 'dhcp',
    description: 'A classless static route (option 121/249) whose destination has bits set beyond its prefix length.',
    severity: 'warning',
    fixable: true,
    citation: 'RFC 3442, DHCP Client Behavior (the client zeroes destination bits beyond the mask)',
  },
  check(ctx, report) {
    for (const ro of routeOptions(ctx)) {
      let reported = 0;
      ro.decoded.routes.forEach((route, index) => {
        const network = networkOfRoute(route);
        if (network === route.destination || reported++ >= MAX_ROUTE_FINDINGS) return;
        const fixed = `${formatIPv4(network)}/${route.width}`;
        const edits = replaceDestination(ro, index, network);
        report({
          file: ro.file.path,
          span: route.span,
          message: `Option ${ro.code} route ${routeText(route)} has host bits set beyond /${route.width}: clients install ${fixed} instead (RFC 3442). Write ${fixed}, or a longer prefix if a smaller network or a host was meant.`,
          fixes: edits ? [{ title: `Clear the host bits: ${fixed}`, preferred: true, edits }] : undefined,
        });
      });
    }
  },
};
