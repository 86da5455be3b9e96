/**
 * RFC 4632 §3.1: a network is named by its address with every host bit zero. dhcpd refuses
 * anything else ("bad subnet number/mask combination"); Kea and IOS mask it quietly, so the config
 * says one thing and the server does another.
 *
 *     subnet 192.168.0.1 netmask 255.255.255.0 { }   # flagged: the network address is 192.168.0.0
 */
import { formatIPv4, formatPrefix, lengthOfMask, networkOf, parseIPv4 } from '../ipv4';
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
        // A gapped mask (dhcpd loads one; dhcp/invalid-netmask reports it) has host bits where it has zeros.
        const mask = n.maskText === undefined ? undefined : parseIPv4(n.maskText);
        const gapped = mask !== undefined && lengthOfMask(mask) === undefined;
        const networkNumber = gapped ? (n.value.address & mask) >>> 0 : networkOf(n.value);
        if (networkNumber === n.value.address || parserReported(file, n.span)) continue;
        const written = formatIPv4(n.value.address);
        const network = formatIPv4(networkNumber);
        const as = gapped ? `${written} with netmask ${n.maskText}` : `${written}/${n.value.length}`;
        const served = gapped ? `${network} netmask ${n.maskText}` : formatPrefix(n.value);
        const at = addressTextIn(file.text, n.span);
        const refused = file.dialect === 'dhcpd';
        report({
          file: file.path,
          span: n.span,
          severity: refused ? 'error' : 'warning',
          message: refused
            ? `${as} has host bits set: the network address is ${network} (${served}). dhcpd refuses it ("bad subnet number/mask combination").`
            : `${as} has host bits set: the server uses the network ${served}; write ${network} so the config says what is served.`,
          fixes: at ? [{ title: `Use the network address ${network}`, preferred: true, edits: [{ file: file.path, span: at, newText: network }] }] : undefined,
        });
      }
    }
  },
};
