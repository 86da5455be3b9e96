/**
 * RFC 3442 "Classless Route Option Format": each route names the router that reaches the
 * destination, which a client can only use when it is on the client's own subnet (RFC 2132 §3.5);
 * router 0.0.0.0 means on-link ("Local Subnet Routes").
 *
 *     ip dhcp pool office
 *      network 192.168.0.0 255.255.255.0
 *      option 121 hex 080a.ac10.0001       # flagged: 10.0.0.0/8 via 172.16.0.1 is off 192.168.0.0/24
 */
import { formatPrefix, type Prefix } from '../ipv4';
import type { At, DhcpScope } from '../model';
import type { DhcpRule } from '../rule';
import { enclosing, inAny, networkDescendants, networksFor, scopeIndex, scopeLabel, type ScopeIndex } from './addressing';
import { MAX_ROUTE_FINDINGS, routeOptions, routeText, type RouteOption } from './routeOptions';

/** Scopes with networks below `ro.scope` that receive this very option (none of them, or a scope between, sets its own). */
function receivers(ro: RouteOption, index: ScopeIndex): DhcpScope[] {
  const setsOwn = (s: DhcpScope): boolean => s.options.some((o) => o.code === ro.code && o !== ro.option);
  return networkDescendants(ro.scope).filter((d) => {
    for (const s of [d, ...enclosing(d, index)]) {
      if (s === ro.scope) return true;
      if (setsOwn(s)) return false;
    }
    return false;
  });
}

const listNetworks = (nets: readonly At<Prefix>[]): string => {
  const shown = nets.slice(0, 3).map((n) => formatPrefix(n.value)).join(', ');
  return nets.length > 3 ? `${shown} and ${nets.length - 3} more` : shown;
};

export const route121RouterOffSubnet: DhcpRule = {
  meta: {
    id: 'dhcp/route121-router-off-subnet',
    language: 'dhcp',
    description: 'A classless static route (option 121/249) whose router is not on the network of the scope that sends it.',
    severity: 'warning',
    fixable: false,
    citation: 'RFC 3442, Classless Route Option Format and Local Subnet Routes; RFC 2132 §3.5',
  },
  check(ctx, report) {
    const index = scopeIndex(ctx);
    for (const ro of routeOptions(ctx)) {
      const own = networksFor(ro.scope, index);
      const scopes = own ? [own] : receivers(ro, index);
      const networks = scopes.flatMap((s) => s.networks);
      if (!networks.length) continue;
      const where = own ? `${listNetworks(networks)}, the network of ${scopeLabel(own)}` : `${listNetworks(networks)}, the networks that receive this option`;
      let reported = 0;
      for (const route of ro.decoded.routes) {
        if (route.gateway === 0 || inAny(networks, route.gateway)) continue;
        if (reported++ >= MAX_ROUTE_FINDINGS) break;
        report({
          file: ro.file.path,
          span: route.span,
          message: `Option ${ro.code} route ${routeText(route)}: the router is not on ${where}. A client reaches only routers on its own subnet and does not install this route; use the router's address on this subnet (0.0.0.0 for an on-link destination).`,
        });
      }
    }
  },
};
