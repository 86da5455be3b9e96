/**
 * RFC 950 / RFC 4632: a subnet mask is a run of one bits followed by zero bits. dhcpd and dnsmasq
 * load a non-contiguous mask and hand it to clients, which cannot use it; IOS refuses the command.
 *
 *     subnet 192.0.168.0 netmask 255.0.255.0 { }   # flagged: the mask's one bits have a gap
 */
import { lengthOfMask, parseIPv4 } from '../ipv4';
import type { DhcpRule } from '../rule';
import { parserReported } from './addressing';

export const invalidNetmask: DhcpRule = {
  meta: {
    id: 'dhcp/invalid-netmask',
    language: 'dhcp',
    description: 'A netmask that is not a valid IPv4 mask (not four octets, or one bits that are not contiguous).',
    severity: 'warning',
    fixable: false,
    citation: 'RFC 950 §2.1 (subnet masks); RFC 4632 §3.1 (prefix lengths); RFC 2132 §3.3 (option 1)',
  },
  check(ctx, report) {
    const { file } = ctx;
    for (const scope of file.scopes) {
      for (const n of scope.networks) {
        // `/24` is a prefix length, which the parser has already read.
        if (n.maskText === undefined || n.maskText.startsWith('/') || parserReported(file, n.span)) continue;
        const mask = parseIPv4(n.maskText);
        if (mask !== undefined && lengthOfMask(mask) !== undefined) continue;
        report({
          file: file.path,
          span: n.span,
          // Every server refuses an unreadable mask; a gapped one only IOS refuses (dhcpd and dnsmasq send it).
          severity: mask === undefined || file.dialect === 'cisco-ios' ? 'error' : 'warning',
          message:
            mask === undefined
              ? `"${n.maskText}" is not an IPv4 netmask: write four octets 0–255, such as 255.255.255.0.`
              : `The netmask ${n.maskText} is not contiguous (its one bits have a gap): clients cannot use it. A mask is a run of ones then zeros, such as 255.255.255.0 (/24).`,
        });
      }
    }
  },
};
