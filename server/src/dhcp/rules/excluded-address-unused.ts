/**
 * Cisco IOS `ip dhcp excluded-address LOW [HIGH]` keeps addresses of a pool's network from being
 * leased. One that lies in no pool's network (in its VRF) excludes nothing — usually a typo, or a
 * pool renumbered without its exclusions, which then leases the addresses meant to be kept out.
 *
 *     ip dhcp excluded-address 192.168.10.1 192.168.10.10   # flagged: the pool is 192.168.0.0/24
 *     ip dhcp pool office
 *      network 192.168.0.0 255.255.255.0
 */
import { LineIndex } from '../../core/text';
import { formatIPv4, formatPrefix } from '../ipv4';
import { meets, networkSpaces } from './addressing';
import type { DhcpRule } from '../rule';

export const excludedAddressUnused: DhcpRule = {
  meta: {
    id: 'dhcp/excluded-address-unused',
    language: 'dhcp',
    description: 'A Cisco `ip dhcp excluded-address` that lies in no pool\'s network, so it excludes nothing.',
    severity: 'warning',
    fixable: true,
    citation: 'Cisco IOS IP Addressing: DHCP Configuration Guide, "Excluding IP Addresses" (ip dhcp excluded-address)',
  },
  check(ctx, report) {
    const { file } = ctx;
    if (!file.exclusions.length) return;
    const spaces = networkSpaces(ctx.files.flatMap((f) => f.scopes));
    const index = new LineIndex(file.text);
    const shown = new Map<string, string[]>();
    const examples = (vrf: string): string[] => {
      const known = shown.get(vrf);
      if (known) return known;
      const list: string[] = [];
      for (const s of ctx.files.flatMap((f) => f.scopes)) {
        if ((s.vrf?.value ?? '') === vrf) for (const n of s.networks) if (list.length < 3) list.push(formatPrefix(n.value));
      }
      shown.set(vrf, list);
      return list;
    };
    for (const e of file.exclusions) {
      const lo = e.start.value;
      const hi = e.end.value;
      const what = lo === hi ? formatIPv4(lo) : `${formatIPv4(lo)}–${formatIPv4(hi)}`;
      // A reversed range is the parser's to report (dhcp/syntax-error).
      if (lo > hi) continue;
      const intervals = spaces.get(e.vrf ?? '') ?? [];
      if (meets(intervals, lo, hi)) continue;
      const table = e.vrf ? `VRF ${e.vrf}` : 'the global routing table';
      const pools = examples(e.vrf ?? '');
      const line = index.positionAt(e.span.start).line;
      const next = line + 1 < index.lineCount ? index.lineStart(line + 1) : file.text.length;
      report({
        file: file.path,
        span: e.span,
        message: `The excluded address${lo === hi ? '' : 'es'} ${what} lie${lo === hi ? 's' : ''} in no pool's network in ${table}, so nothing is excluded${pools.length ? ` (pool networks: ${pools.join(', ')}${intervals.length > 3 ? ', …' : ''})` : ' (no pool there has a network)'}.`,
        fixes: [{ title: 'Remove this excluded-address line', edits: [{ file: file.path, span: { start: index.lineStart(line), end: next }, newText: '' }] }],
      });
    }
  },
};
