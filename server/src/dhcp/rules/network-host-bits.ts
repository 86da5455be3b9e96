/**
 * RFC 4632 §3.1: a network is named by its address with every host bit zero. dhcpd refuses
 * anything else ("bad subnet number/mask combination"); Kea and IOS mask it quietly, so the config
 * says one thing and the server does another.
 *
 *     subnet 192.168.0.1 netmask 255.255.255.0 { }   # flagged: the network address is 192.168.0.0
 */
import { formatIPv4, formatPrefix, hostBitsSet, networkOf } from '../ipv4';
import type { DhcpRule } from '../rule';
import { addressTextIn, parserReported } from './addressing';

export const networkHostBits: DhcpRule = {
  meta: {
    id: 'dhcp/network-host-bits',
    language: 'dhcp',
    description: 'A subnet or pool network written with host bits set (192.168.0.1/24 instead of 192.168.0.0/24).',
    severity: 'warning',
    fixable: true,
    citation: 'RFC 4632 §3.1 (prefix notation); dhcpd.conf(5) subnet declaration',
  },
  check(ctx, report) {
    const { file } = ctx;
    // dnsmasq names no network: a dhcp-range's first address is not one.
    if (file.dialect === 'dnsmasq') return;
    for (const scope of file.scopes) {
      for (const n of scope.networks) {
        if (!hostBitsSet(n.value) || parserReported(file, n.span)) continue;
        const written = formatIPv4(n.value.address);
        const network = formatIPv4(networkOf(n.value));
        const at = addressTextIn(file.text, n.span);
        const refused = file.dialect === 'dhcpd';
        report({
          file: file.path,
          span: n.span,
          severity: refused ? 'error' : 'warning',
          message: refused
            ? `${written}/${n.value.length} has host bits set: the network address is ${network} (${formatPrefix(n.value)}). dhcpd refuses it ("bad subnet number/mask combination").`
            : `${written}/${n.value.length} has host bits set: the server uses the network ${formatPrefix(n.value)}; write ${network} so the config says what is served.`,
          fixes: at ? [{ title: `Use the network address ${network}`, preferred: true, edits: [{ file: file.path, span: at, newText: network }] }] : undefined,
        });
      }
    }
  },
};
