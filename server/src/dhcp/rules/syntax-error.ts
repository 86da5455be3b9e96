/**
 * Each dialect's own grammar (dhcpd.conf(5), the Kea Dhcp4 JSON schema, dnsmasq(8) options, IOS
 * `ip dhcp` commands): what the parser cannot read, or the server refuses, is reported here with
 * the parser's severity.
 *
 *     subnet 192.168.0.0 netmask 255.255.255.0 { range 192.168.0.10 }   # flagged: missing ";"
 *
 * An included file's problems are not repeated at the include: that file is parsed on its own,
 * without what its includer defines (ISC option definitions), so some would be false.
 */
import type { DhcpRule } from '../rule';

export const syntaxError: DhcpRule = {
  meta: {
    id: 'dhcp/syntax-error',
    language: 'dhcp',
    description: 'Text the DHCP server cannot read, or a statement it refuses to load.',
    severity: 'error',
    fixable: false,
    citation: 'dhcpd.conf(5); Kea ARM, DHCPv4 configuration; dnsmasq(8); Cisco IOS IP Addressing: DHCP Configuration Guide',
  },
  check(ctx, report) {
    const { file } = ctx;
    for (const p of file.problems) report({ file: file.path, span: p.span, message: p.message, severity: p.severity });
  },
};
