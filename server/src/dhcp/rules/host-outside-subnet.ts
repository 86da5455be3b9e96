/**
 * A reserved address is only handed out on its own network. Kea refuses a reservation outside its
 * subnet4 ("specified reservation … is not within the IPv4 subnet"); a dhcpd `fixed-address` or a
 * Kea global reservation in no declared subnet never matches a client (dhcpd.conf(5): "that client
 * will not match the host declaration"); an IOS host pool in no pool's network inherits nothing.
 *
 *     subnet 192.168.0.0 netmask 255.255.255.0 { }
 *     host printer { hardware ethernet 00:11:22:33:44:55; fixed-address 10.0.0.5; }   # flagged
 */
import { broadcastOf, formatIPv4, formatPrefix, networkOf } from '../ipv4';
import type { DhcpScope } from '../model';
import type { DhcpRule } from '../rule';
import { addressedHosts, inAny, meets, networkSpaces, networksFor, scopeIndex, scopeLabel } from './addressing';

export const hostOutsideSubnet: DhcpRule = {
  meta: {
    id: 'dhcp/host-outside-subnet',
    language: 'dhcp',
    description: 'A static host or reservation whose address is in no subnet (Kea: not in the subnet it is reserved in).',
    severity: 'warning',
    fixable: false,
    citation: 'dhcpd.conf(5) fixed-address; Kea ARM "Host Reservations in DHCPv4"; Cisco IOS DHCP Server: manual bindings',
  },
  check(ctx, report) {
    const { file } = ctx;
    const index = scopeIndex(ctx);
    const spaces = networkSpaces(index.scopes);
    // A file with no subnet anywhere is a fragment (hosts kept apart): nothing to check against.
    if (!spaces.size) return;
    // A dnsmasq range without a netmask serves the interface's network, which the file does not say.
    if (file.dialect === 'dnsmasq' && index.scopes.some((s) => s.ranges.length && !s.networks.length)) return;
    for (const { scope, host, address } of addressedHosts(file)) {
      const a = address.value;
      const name = host.name ? `"${host.name.value}" ` : '';
      const who = host.name ? `host "${host.name.value}"` : 'a static host';
      // A Kea reservation belongs to its subnet4; an IOS `address` reservation to its pool's network.
      const home = file.dialect === 'kea' ? networksFor(scope, index) : file.dialect === 'cisco-ios' && scope.networks.length ? scope : undefined;
      if (home) {
        if (inAny(home.networks, a)) continue;
        const nets = home.networks.map((n) => formatPrefix(n.value)).join(', ');
        const spans = home.networks.map((n) => `${formatIPv4(networkOf(n.value))}–${formatIPv4(broadcastOf(n.value))}`).join(', ');
        if (file.dialect === 'cisco-ios') {
          report({ file: file.path, span: address.span, message: `The reservation for ${formatIPv4(a)} is outside the network of ${scopeLabel(home)} (${nets}): the pool never leases it.` });
          continue;
        }
        report({ file: file.path, span: address.span, severity: 'error', message: `The reservation ${name}for ${formatIPv4(a)} is not within ${scopeLabel(home)} (${spans}): kea-dhcp4 refuses to load it ("specified reservation '${formatIPv4(a)}' is not within the IPv4 subnet '${nets}'").` });
        continue;
      }
      const vrf = scopeVrf(scope);
      if (meets(spaces.get(vrf) ?? [], a, a)) continue;
      const where = vrf ? ` in VRF ${vrf}` : '';
      if (file.dialect === 'cisco-ios') {
        report({ file: file.path, span: address.span, severity: 'info', message: `The host ${formatIPv4(a)} lies in no pool's network${where}: its host pool inherits no default-router, DNS servers or lease from a network pool, so it needs its own.` });
      } else if (file.dialect === 'mikrotik') {
        report({ file: file.path, span: address.span, message: `The address ${formatIPv4(a)} of a static lease is in no /ip dhcp-server network: RouterOS has no gateway, DNS servers or netmask to send with it.` });
      } else {
        report({ file: file.path, span: address.span, message: `The address ${formatIPv4(a)} of ${who} is in no declared subnet${where}: no client can be given it, since a server hands out an address only on the network it belongs to.` });
      }
    }
  },
};

function scopeVrf(scope: DhcpScope): string {
  return scope.vrf?.value ?? '';
}
