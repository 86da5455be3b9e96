/**
 * One network, one scope: Kea refuses a second subnet4 with the same prefix ("subnet with the
 * prefix of … already exists"); dhcpd loads both but warns ("subnet … overlaps subnet …") and a
 * client gets the settings of whichever it finds; two IOS pools for one network leave one unused.
 * Checked across the file and the files it includes.
 *
 *     subnet 192.168.0.0 netmask 255.255.255.0 { option routers 192.168.0.1; }
 *     subnet 192.168.0.0 netmask 255.255.255.0 { option routers 192.168.0.254; }   # flagged
 */
import { formatPrefix, networkOf, type Prefix } from '../ipv4';
import type { At, DhcpFile, DhcpScope } from '../model';
import type { DhcpRule } from '../rule';
import { placeOf, scopeLabel } from './addressing';

interface Declared {
  file: DhcpFile;
  scope: DhcpScope;
  network: At<Prefix>;
}

const CONSEQUENCE = {
  dhcpd: (p: string) => `dhcpd loads both but warns ("subnet ${p} overlaps subnet ${p}"), and a client gets the settings of whichever declaration it finds first`,
  kea: (p: string) => `kea-dhcp4 refuses to load it ("subnet with the prefix of '${p}' already exists")`,
  'cisco-ios': () => 'IOS serves a network from one pool, so the other pool\'s settings are never used',
  mikrotik: (p: string) => `a client in ${p} gets the gateway, DNS and options of one of the two /ip dhcp-server network entries only`,
};

export const duplicateSubnet: DhcpRule = {
  meta: {
    id: 'dhcp/duplicate-subnet',
    language: 'dhcp',
    description: 'The same network declared by two subnets or pools.',
    severity: 'warning',
    fixable: false,
    citation: 'dhcpd.conf(5) subnet declaration; Kea ARM "IPv4 Subnet Identifier" and subnet4; Cisco IOS DHCP Server: network',
  },
  check(ctx, report) {
    const dialect = ctx.file.dialect;
    // dnsmasq has no subnet declarations: several dhcp-ranges in one network are normal.
    if (dialect === 'dnsmasq') return;
    const first = new Map<string, Declared>();
    const where = (d: Declared, from: DhcpFile): string => placeOf(d.file, d.network.span.start, from);
    for (const file of ctx.files) {
      for (const scope of file.scopes) {
        for (const network of scope.networks) {
          const prefix = formatPrefix(network.value);
          const key = `${scope.vrf?.value ?? ''}|${networkOf(network.value)}/${network.value.length}`;
          const d: Declared = { file, scope, network };
          const prior = first.get(key);
          if (!prior) {
            first.set(key, d);
            continue;
          }
          if (prior.scope === scope) continue;
          const severity = dialect === 'kea' ? 'error' : 'warning';
          const why = CONSEQUENCE[dialect](prefix);
          report({ file: file.path, span: network.span, severity, message: `${prefix} is already declared by ${scopeLabel(prior.scope)} (${where(prior, file)}): ${why}.` });
          // The first declaration is in another file: show it there too.
          if (prior.file !== file) report({ file: prior.file.path, span: prior.network.span, severity, message: `${prefix} is declared again by ${scopeLabel(scope)} (${where(d, prior.file)}): ${why}.` });
        }
      }
    }
  },
};
