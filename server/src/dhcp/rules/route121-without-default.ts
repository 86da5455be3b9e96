/**
 * RFC 3442 "DHCP Client Behavior": "If the DHCP server returns both a Classless Static Routes
 * option and a Router option, the DHCP client MUST ignore the Router option." A 121 value without
 * 0.0.0.0/0 therefore takes the default gateway away from every client that honours it.
 *
 *     ip dhcp pool office
 *      default-router 192.168.0.1
 *      option 121 hex 2001.0101.01c0.a800.01    # flagged: no 0.0.0.0/0 route, clients lose 192.168.0.1
 */
import { parseHexText } from '../hexText';
import { formatIPv4 } from '../ipv4';
import type { DhcpFile, DhcpOption, DhcpScope } from '../model';
import type { DhcpRule } from '../rule';
import { addressesOf, enclosing, scopeIndex, scopeLabel, type ScopeIndex } from './addressing';
import { appendRoutes } from './routeEdits';
import { effectiveOption, lineOf, routeOptions, routesText, sameClients, type RouteOption } from './routeOptions';

/** The first router an option 3 names (`ip` lists or hex bytes), or undefined when it names none. */
function firstRouter(option: DhcpOption): number | undefined {
  if (option.format === 'hex') {
    const r = parseHexText(option.value);
    return 'error' in r || r.bytes.length < 4 ? undefined : ((r.bytes[0] << 24) | (r.bytes[1] << 16) | (r.bytes[2] << 8) | r.bytes[3]) >>> 0;
  }
  return addressesOf(option)[0]?.value;
}

/**
 * Where option 3 comes from for the clients of this 121: the scope or above; else the scopes below
 * that inherit this 121 and set their own (an ISC shared-network's subnets), all of them.
 */
function routerOptions(ro: RouteOption, index: ScopeIndex): Array<{ scope: DhcpScope; option: DhcpOption }> {
  const up = effectiveOption(ro.scope, 3, ro.option, index);
  if (up) return [up];
  const below: Array<{ scope: DhcpScope; option: DhcpOption }> = [];
  for (const s of index.scopes) {
    const option = s.options.find((o) => o.code === 3 && sameClients(ro.option, o));
    if (!option) continue;
    const chain = [s, ...enclosing(s, index)];
    const at = chain.indexOf(ro.scope);
    // Below this 121 with no scope in between setting its own 121.
    if (at > 0 && !chain.slice(0, at).some((c) => c.options.some((o) => o.code === 121))) below.push({ scope: s, option });
  }
  return below;
}

const fileOf = (files: readonly DhcpFile[], scope: DhcpScope): DhcpFile | undefined => files.find((f) => f.path === scope.file);

export const route121WithoutDefault: DhcpRule = {
  meta: {
    id: 'dhcp/route121-without-default',
    language: 'dhcp',
    description: 'Option 121 sent with a default router (option 3) but without a 0.0.0.0/0 route: RFC 3442 clients ignore option 3 and lose their default gateway.',
    severity: 'warning',
    fixable: true,
    citation: 'RFC 3442, DHCP Client Behavior (MUST ignore the Router option) and DHCP Server Administrator Responsibilities',
  },
  check(ctx, report) {
    const index = scopeIndex(ctx);
    for (const ro of routeOptions(ctx)) {
      const { decoded, code } = ro;
      if (code !== 121 || decoded.problems.length || !decoded.routes.length || decoded.routes.some((r) => r.width === 0)) continue;
      const sources = routerOptions(ro, index);
      const found = sources[0];
      let router: number | undefined;
      let source: string;
      let advice = '';
      if (found) {
        router = firstRouter(found.option);
        // An empty option 3 (dnsmasq `dhcp-option=3`) sends no router at all.
        if (router === undefined && !found.option.value.trim()) continue;
        const file = fileOf(ctx.files, found.scope);
        const line = file ? ` (line ${lineOf(file, found.option.span.start)}${file.path === ro.file.path ? '' : ` of ${file.path}`})` : '';
        const label = found.scope === ro.scope ? 'the same scope' : scopeLabel(found.scope);
        source = `${label} sends default router ${router === undefined ? `"${found.option.value}"` : formatIPv4(router)}${line}`;
        const routers = [...new Set(sources.map((x) => firstRouter(x.option)))];
        if (routers.length > 1) {
          // One value serves several subnets with different gateways: no single route fits them all.
          router = undefined;
          source = `the ${sources.length} scopes below that inherit it send default routers ${routers.map((r) => (r === undefined ? '?' : formatIPv4(r))).join(', ')}`;
          advice = ' One option 121 cannot carry each one\'s default route: set option 121 in each of them, with 0.0.0.0/0 via its router.';
        }
      } else if (ro.file.dialect === 'dnsmasq') {
        source = 'dnsmasq sends its own address as the default router (no dhcp-option=3 is set)';
      } else continue;
      const edits = router === undefined ? undefined : appendRoutes(ro, [{ destination: 0, width: 0, gateway: router }]);
      const via = router === undefined ? 'the default router' : formatIPv4(router);
      advice ||= ` Add 0.0.0.0/0 via ${via} to option 121.`;
      report({
        file: ro.file.path,
        span: ro.option.valueSpan,
        message: `Option 121 (${routesText(decoded.routes)}) has no default route 0.0.0.0/0, but ${source}. Clients that receive option 121 MUST ignore the router option (RFC 3442), so they get no default gateway.${advice}`,
        fixes: edits ? [{ title: `Add the default route 0.0.0.0/0 via ${via} to option 121`, preferred: true, edits }] : undefined,
      });
    }
  },
};
