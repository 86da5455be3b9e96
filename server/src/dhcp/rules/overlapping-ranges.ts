/**
 * One address, one pool: dhcpd refuses ranges that share an address ("lease … is declared
 * twice"), Kea refuses overlapping pools in one subnet ("overlaps with an existing pool"); in other
 * cases (Kea pools of different subnets, dnsmasq ranges, IOS address ranges) two scopes offer the
 * same addresses with different settings. Checked across the file and the files it includes.
 *
 *     range 192.168.0.10 192.168.0.20;
 *     range 192.168.0.15 192.168.0.30;      # flagged: 192.168.0.15–192.168.0.20 is in both
 *
 * IOS pools whose networks nest are parent and child (the child inherits), not an overlap; only
 * explicit `address range`s are compared. Sorting by first address keeps this O(n log n).
 */
import type { Severity } from '../../core/finding';
import { formatIPv4 } from '../ipv4';
import type { AddressRange, DhcpFile, DhcpScope } from '../model';
import type { DhcpRule } from '../rule';
import { bounds, formatRange, networksFor, placeOf, scopeIndex, type ScopeIndex } from './addressing';

interface Entry {
  range: AddressRange;
  file: DhcpFile;
  order: number;
  lo: number;
  hi: number;
  /** The scope holding the range's network (a Kea subnet4): overlaps within one are refused. */
  home: DhcpScope | undefined;
}

interface Pair {
  earlier: Entry;
  later: Entry;
}

/** Pairs of overlapping ranges, at least one per range that overlaps another, in one sweep over the sorted ranges. */
function overlaps(entries: Entry[]): Pair[] {
  const sorted = [...entries].sort((a, b) => a.lo - b.lo || b.hi - a.hi);
  const out: Pair[] = [];
  let widest: Entry | undefined;
  for (const e of sorted) {
    if (widest && e.lo <= widest.hi) out.push(widest.order < e.order ? { earlier: widest, later: e } : { earlier: e, later: widest });
    if (!widest || e.hi > widest.hi) widest = e;
  }
  return out;
}

function entriesOf(files: readonly DhcpFile[], index: ScopeIndex): Entry[] {
  const out: Entry[] = [];
  let order = 0;
  for (const file of files) {
    for (const scope of file.scopes) {
      if (!scope.ranges.length) continue;
      const home = networksFor(scope, index);
      for (const range of scope.ranges) {
        const { lo, hi } = bounds(range);
        out.push({ range, file, order: order++, lo, hi, home });
      }
    }
  }
  return out;
}

const groupBy = <T>(items: T[], key: (t: T) => unknown): T[][] => {
  const m = new Map<unknown, T[]>();
  for (const t of items) {
    const k = key(t);
    const list = m.get(k);
    if (list) list.push(t);
    else m.set(k, [t]);
  }
  return [...m.values()];
};

export const overlappingRanges: DhcpRule = {
  meta: {
    id: 'dhcp/overlapping-ranges',
    language: 'dhcp',
    description: 'Dynamic ranges or pools that share addresses, in one file or across included files.',
    severity: 'warning',
    fixable: false,
    citation: 'dhcpd.conf(5) range statement; Kea ARM "Configuration of IPv4 Address Pools"; dnsmasq(8) --dhcp-range',
  },
  check(ctx, report) {
    const index = scopeIndex(ctx);
    const dialect = ctx.file.dialect;
    const all = entriesOf(ctx.files, index);
    if (all.length < 2) return;
    const found: { pair: Pair; severity: Severity; why: string }[] = [];
    if (dialect === 'dhcpd') {
      for (const pair of overlaps(all)) found.push({ pair, severity: 'error', why: `dhcpd refuses to load it ("lease ${formatIPv4(pair.later.lo > pair.earlier.lo ? pair.later.lo : pair.earlier.lo)} is declared twice")` });
    } else if (dialect === 'kea') {
      // Within one subnet Kea refuses the overlap; across subnets it loads both.
      for (const group of groupBy(all, (e) => e.home)) {
        for (const pair of overlaps(group)) found.push({ pair, severity: 'error', why: 'kea-dhcp4 refuses to load it ("overlaps with an existing pool in the subnet")' });
      }
      for (const pair of overlaps(all)) {
        if (pair.earlier.home !== pair.later.home) found.push({ pair, severity: 'warning', why: 'two subnets now offer the same addresses' });
      }
    } else {
      const vrf = (e: Entry): string => e.home?.vrf?.value ?? '';
      for (const group of groupBy(all, vrf)) {
        for (const pair of overlaps(group)) found.push({ pair, severity: 'warning', why: 'the same addresses are offered from two places, with whichever settings each has' });
      }
    }
    const where = (e: Entry, from: DhcpFile): string => placeOf(e.file, e.range.span.start, from);
    const flagged = new Set<AddressRange>();
    const out: { at: Entry; severity: Severity; message: string }[] = [];
    for (const { pair, severity, why } of found) {
      const { earlier, later } = pair;
      const shared = `${formatIPv4(Math.max(earlier.lo, later.lo))}–${formatIPv4(Math.min(earlier.hi, later.hi))}`;
      // At the later range; at both when they are in different files, so each file shows it.
      for (const [at, other] of earlier.file === later.file ? [[later, earlier]] : [[later, earlier], [earlier, later]]) {
        if (flagged.has(at.range)) continue;
        flagged.add(at.range);
        out.push({ at, severity, message: `The range ${formatRange(at.range)} overlaps ${formatRange(other.range)} (${where(other, at.file)}) at ${shared}: ${why}.` });
      }
    }
    out.sort((a, b) => a.at.order - b.at.order);
    for (const { at, severity, message } of out) report({ file: at.file.path, span: at.range.span, severity, message });
  },
};
