/**
 * RFC 2132 §3.5: the router option lists routers "on the client's subnet". A default gateway
 * outside the scope's network, or equal to its network or broadcast address, is unreachable: the
 * client gets an address and no way off its link. Servers load such configs without complaint.
 *
 *     ip dhcp pool office
 *      network 192.168.0.0 255.255.255.0
 *      default-router 192.168.1.1             # flagged: outside 192.168.0.0/24
 *
 * Settings are inherited (ISC and Kea by nesting, IOS pools by network nesting), so a scope that
 * sets no router of its own is checked against the one it inherits.
 */
import { broadcastOf, contains, formatIPv4, formatPrefix, networkOf, type Prefix } from '../ipv4';
import type { Span } from '../../core/text';
import type { At, DhcpOption, DhcpScope } from '../model';
import type { DhcpRule } from '../rule';
import { addressesOf, describePrefix, enclosing, networksFor, scopeIndex, scopeLabel } from './addressing';

const ROUTER = 3;

/** Why `address` cannot be this network's gateway, or undefined when it can. */
function unusable(networks: readonly At<Prefix>[], address: number): string | undefined {
  const n = networks.find((x) => contains(x.value, address));
  if (!n) return `outside ${networks.length === 1 ? describePrefix(networks[0].value) : networks.map((x) => formatPrefix(x.value)).join(', ')}`;
  if (n.value.length > 30) return undefined;
  if (address === networkOf(n.value)) return `the network address of ${formatPrefix(n.value)}`;
  if (address === broadcastOf(n.value)) return `the broadcast address of ${formatPrefix(n.value)}`;
  return undefined;
}

const routerOf = (s: DhcpScope): DhcpOption | undefined => s.options.find((o) => o.code === ROUTER);
const nameOf = (o: DhcpOption): string => o.name?.replace(/^option:/, '') ?? 'option 3';

export const gatewayOutsideSubnet: DhcpRule = {
  meta: {
    id: 'dhcp/gateway-outside-subnet',
    language: 'dhcp',
    description: 'A default router (option 3, default-router, routers) outside the scope\'s network, or equal to its network or broadcast address.',
    severity: 'warning',
    fixable: false,
    citation: 'RFC 2132 §3.5 (Router Option); RFC 1122 §3.3.1.1 (gateways on the connected network)',
  },
  check(ctx, report) {
    const { file } = ctx;
    const index = scopeIndex(ctx);
    const found: { span: Span; message: string }[] = [];
    // A global router is reported once, at the address, with every scope it is wrong for.
    const globalMisses = new Map<number, { at: At<number>; name: string; scopes: string[]; why: string }>();
    for (const scope of file.scopes) {
      // IOS `override default-router` under a secondary network: routers for that subnet alone.
      for (const n of scope.networks) {
        if (!n.overrideRouters) continue;
        for (const a of addressesOf(n.overrideRouters)) {
          const why = unusable([n], a.value);
          if (why) found.push({ span: a.span, message: `override default-router ${formatIPv4(a.value)} is ${why}, the secondary network it serves: clients cannot reach it.` });
        }
      }
      const own = routerOf(scope);
      const target = own ? networksFor(scope, index) : scope.networks.length ? scope : undefined;
      // No router here: the one in effect comes from an enclosing scope (or pool, for IOS).
      const from = own ? scope : target && enclosing(scope, index).find((s) => routerOf(s));
      const routers = from && routerOf(from);
      if (!target || !from || !routers) continue;
      const served = target === scope ? scope.networks.filter((n) => !n.overrideRouters) : target.networks;
      if (!served.length) continue;
      const checked = addressesOf(routers).map((a) => ({ a, why: unusable(served, a.value) }));
      const bad = checked.filter((x) => x.why);
      if (own) {
        const of = `the network${served.length > 1 ? 's' : ''} of ${scopeLabel(target)}`;
        for (const { a, why } of bad) found.push({ span: a.span, message: `${nameOf(own)} ${formatIPv4(a.value)} is ${why}, ${of}: clients cannot reach it.` });
      } else if (bad.length && from.kind === 'global' && from.file === file.path) {
        for (const { a, why } of bad) {
          const miss = globalMisses.get(a.span.start) ?? { at: a, name: nameOf(routers), scopes: [], why: why as string };
          miss.scopes.push(scopeLabel(scope));
          globalMisses.set(a.span.start, miss);
        }
      } else if (bad.length) {
        const where = from.file === file.path ? scopeLabel(from) : `${scopeLabel(from)} in ${from.file}`;
        found.push({
          span: scope.headerSpan,
          message: `${scopeLabel(scope)} sets no ${nameOf(routers)} and inherits ${bad.map((x) => `${formatIPv4(x.a.value)} (${x.why})`).join(', ')} from ${where}: its clients cannot reach that gateway. Set a router inside this scope's network.`,
        });
      }
      // Every router is on one of the pool's networks; a secondary one holding none of them is still cut off.
      if (target !== scope || bad.length || served.length < 2 || !checked.length) continue;
      for (const n of served) {
        if (checked.some((x) => contains(n.value, x.a.value))) continue;
        found.push({ span: n.span, message: `The network ${formatPrefix(n.value)} of ${scopeLabel(target)} has no \`override default-router\`, so its clients get ${nameOf(routers)} ${checked.map((x) => formatIPv4(x.a.value)).join(', ')}, which is outside it. Add an \`override default-router\` inside ${formatPrefix(n.value)}.` });
      }
    }
    for (const { at: a, name, scopes, why } of globalMisses.values()) {
      const which = scopes.length === 1 ? `${scopes[0]}, which sets no ${name} of its own` : `${scopes.length} scopes that set no ${name} of their own (${scopes.slice(0, 3).join(', ')}${scopes.length > 3 ? ', …' : ''})`;
      const reason = scopes.length === 1 ? why : 'outside their networks';
      found.push({ span: a.span, message: `${name} ${formatIPv4(a.value)}, set globally, is ${reason}: it applies to ${which}, whose clients cannot reach it.` });
    }
    found.sort((x, y) => x.span.start - y.span.start);
    for (const f of found) report({ file: file.path, ...f });
  },
};
