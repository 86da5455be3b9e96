/**
 * dhcpd.conf(5) `range`: "all IP addresses in the range should be in the subnet in which the range
 * statement is declared" — dhcpd refuses one that is not ("bad range, address … not in subnet"), as
 * Kea refuses a pool outside its subnet4. A range written high address first, which dhcpd swaps,
 * is flagged too (the parsers report the reversed ranges Kea and IOS refuse).
 *
 *     subnet 192.168.0.0 netmask 255.255.255.0 { range 192.168.1.10 192.168.1.20; }   # flagged
 */
import type { Fix } from '../../core/finding';
import { broadcastOf, contains, formatIPv4, formatPrefix, networkOf, type Prefix } from '../ipv4';
import type { AddressRange, At, DhcpScope } from '../model';
import type { DhcpRule } from '../rule';
import { enclosing, formatRange, networkDescendants, networksFor, parserReported, scopeIndex, scopeLabel, SERVER, type ScopeIndex } from './addressing';

/** The networks a range must fall in, and how to name them. */
function homeOf(scope: DhcpScope, index: ScopeIndex): { networks: At<Prefix>[]; label: string } | undefined {
  const own = networksFor(scope, index);
  if (own) return { networks: own.networks, label: scopeLabel(own) };
  // An ISC pool directly in a shared-network takes its addresses from any one of its subnets.
  const shared = enclosing(scope, index).find((s) => s.kind === 'shared-network');
  const subnets = shared ? networkDescendants(shared) : [];
  return subnets.length ? { networks: subnets.flatMap((s) => s.networks), label: `the subnets of ${scopeLabel(shared as DhcpScope)}` } : undefined;
}

function swapFix(text: string, file: string, r: AddressRange): Fix[] | undefined {
  const a = text.slice(r.start.span.start, r.start.span.end);
  const b = text.slice(r.end.span.start, r.end.span.end);
  // Only when both addresses are written exactly where the spans say.
  if (a !== formatIPv4(r.start.value) || b !== formatIPv4(r.end.value) || r.start.span.end > r.end.span.start) return undefined;
  return [{ title: `Write the range as ${b} to ${a}`, edits: [{ file, span: r.start.span, newText: b }, { file, span: r.end.span, newText: a }] }];
}

export const rangeOutsideSubnet: DhcpRule = {
  meta: {
    id: 'dhcp/range-outside-subnet',
    language: 'dhcp',
    description: 'A dynamic range or pool not inside its subnet\'s network, or written with its high address first.',
    severity: 'error',
    fixable: true,
    citation: 'dhcpd.conf(5) range statement; Kea ARM "Configuration of IPv4 Address Pools"; dnsmasq(8) --dhcp-range',
  },
  check(ctx, report) {
    const { file } = ctx;
    const index = scopeIndex(ctx);
    const server = SERVER[file.dialect];
    for (const scope of file.scopes) {
      const home = scope.ranges.length ? homeOf(scope, index) : undefined;
      for (const r of scope.ranges) {
        // Servers that refuse a reversed range have their parser report it; the rest swap it.
        if (r.start.value > r.end.value && !parserReported(file, r.span, true)) {
          report({
            file: file.path,
            span: r.span,
            severity: 'warning',
            message: `The range ${formatRange(r)} starts above its end: ${server} swaps the two, but write the low address first.`,
            fixes: swapFix(file.text, file.path, r),
          });
        }
        if (!home || parserReported(file, r.span)) continue;
        if (home.networks.some((x) => contains(x.value, r.start.value) && contains(x.value, r.end.value))) continue;
        const outside = [...new Set([r.start.value, r.end.value].filter((a) => !home.networks.some((x) => contains(x.value, a))))];
        const span = (p: Prefix): string => `${formatIPv4(networkOf(p))}–${formatIPv4(broadcastOf(p))}`;
        const nets = home.networks.length === 1 ? span(home.networks[0].value) : home.networks.map((x) => formatPrefix(x.value)).join(', ');
        const reason =
          outside.length === 2 || (outside.length === 1 && r.start.value === r.end.value)
            ? `is outside ${home.label} (${nets})`
            : outside.length === 1
              ? `is not inside ${home.label} (${nets}): ${formatIPv4(outside[0])} is outside it`
              : `spans two networks of ${home.label} (${nets}); a range must lie in one`;
        // IOS has no oracle here; it leases only from the pool's network, so the rest is dead.
        // RouterOS pools are not tied to networks: it leases them all, each with the settings of the network holding it.
        const refused = file.dialect !== 'cisco-ios' && file.dialect !== 'mikrotik';
        const consequence = refused
          ? `${server} refuses to load it.`
          : file.dialect === 'mikrotik'
            ? `RouterOS leases every address of the pool, but those outside ${home.label} do not get its gateway, DNS or netmask.`
            : 'Addresses outside the pool\'s network are never leased.';
        report({ file: file.path, span: r.span, severity: refused ? 'error' : 'warning', message: `The range ${formatRange(r)} ${reason}. ${consequence}` });
      }
    }
  },
};
