/**
 * dhcpd does not keep a host's `fixed-address` out of the dynamic ranges: it can lease that
 * address to another client, and the host then collides with it. Kea (in-pool reservations) and
 * dnsmasq (address_allocate skips dhcp-host addresses) never do; IOS is not verified. So only
 * dhcpd configs are checked.
 *
 *     subnet 192.168.0.0 netmask 255.255.255.0 { range 192.168.0.10 192.168.0.100; }
 *     host printer { hardware ethernet 00:11:22:33:44:55; fixed-address 192.168.0.50; }   # flagged
 */
import { formatIPv4 } from '../ipv4';
import type { AddressRange, DhcpFile } from '../model';
import type { DhcpRule } from '../rule';
import { addressedHosts, bounds, formatRange, meets, merge, placeOf } from './addressing';

export const hostInDynamicRange: DhcpRule = {
  meta: {
    id: 'dhcp/host-in-dynamic-range',
    language: 'dhcp',
    description: 'A dhcpd fixed-address inside a dynamic range, which dhcpd may also lease to another client.',
    severity: 'warning',
    fixable: false,
    citation: 'dhcpd.conf(5): the fixed-address declaration and the range statement',
  },
  check(ctx, report) {
    const { file } = ctx;
    if (file.dialect !== 'dhcpd') return;
    const sorted: { range: AddressRange; file: DhcpFile; lo: number; hi: number }[] = [];
    for (const f of ctx.files) {
      for (const s of f.scopes) {
        for (const range of s.ranges) {
          const { lo, hi } = bounds(range);
          sorted.push({ range, file: f, lo, hi });
        }
      }
    }
    if (!sorted.length) return;
    sorted.sort((a, b) => a.lo - b.lo);
    const dynamic = merge(sorted.map((r) => [r.lo, r.hi]));
    /** The range holding `a`: the last one starting at or before it, walking back past any that end early. */
    const holding = (a: number): (typeof sorted)[number] | undefined => {
      let lo = 0;
      let hi = sorted.length;
      while (lo < hi) {
        const mid = (lo + hi) >> 1;
        if (sorted[mid].lo <= a) lo = mid + 1;
        else hi = mid;
      }
      for (let i = lo - 1; i >= 0; i--) if (sorted[i].hi >= a) return sorted[i];
      return undefined;
    };
    for (const { host, address } of addressedHosts(file)) {
      const a = address.value;
      if (!meets(dynamic, a, a)) continue;
      const r = holding(a);
      if (!r) continue;
      const where = placeOf(r.file, r.range.span.start, file);
      const who = host.name ? `host "${host.name.value}"` : 'a host';
      report({ file: file.path, span: address.span, message: `The fixed address ${formatIPv4(a)} of ${who} is inside the dynamic range ${formatRange(r.range)} (${where}): dhcpd may lease it to another client too. Move it out of the range, or shrink the range.` });
    }
  },
};
