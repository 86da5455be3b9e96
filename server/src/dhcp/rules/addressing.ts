import { LineIndex, type Span } from '../../core/text';
import { broadcastOf, contains, formatIPv4, formatPrefix, networkOf, parseIPv4, type Prefix } from '../ipv4';
import type { AddressRange, At, DhcpDialect, DhcpFile, DhcpInclude, DhcpOption, DhcpScope, StaticHost } from '../model';
import { parentPools } from '../inheritance';
import type { DhcpContext } from '../rule';

/** What the address rules share about one analysis, computed once per context. */
export interface ScopeIndex {
  /** Every scope of every file (the linted file first), in document order. */
  scopes: DhcpScope[];
  /** Cisco pools: the pool each one inherits from, by network nesting within a VRF (see inheritance.ts). */
  ciscoParent: Map<DhcpScope, DhcpScope>;
}

const cache = new WeakMap<DhcpContext, ScopeIndex>();

export function scopeIndex(ctx: DhcpContext): ScopeIndex {
  let index = cache.get(ctx);
  if (!index) {
    const scopes = ctx.files.flatMap((f) => f.scopes);
    // IOS pools nest by network (inheritance.ts); ISC, Kea and dnsmasq by text (`scope.parent`).
    index = { scopes, ciscoParent: ctx.file.dialect === 'cisco-ios' ? parentPools(ctx.file) : new Map() };
    cache.set(ctx, index);
  }
  return index;
}

/** The scopes a scope takes settings from, nearest first: text parents, or for Cisco the enclosing pools. */
export function enclosing(scope: DhcpScope, index: ScopeIndex): DhcpScope[] {
  const out: DhcpScope[] = [];
  const seen = new Set([scope]);
  for (let s = index.ciscoParent.get(scope) ?? scope.parent; s && !seen.has(s); s = index.ciscoParent.get(s) ?? s.parent) {
    seen.add(s);
    out.push(s);
  }
  return out;
}

/** The networks a scope's addresses belong to: its own, else the nearest enclosing scope's that has some. */
export function networksFor(scope: DhcpScope, index: ScopeIndex): DhcpScope | undefined {
  if (scope.networks.length) return scope;
  return enclosing(scope, index).find((s) => s.networks.length > 0);
}

/** The scopes with networks below a scope without any (an ISC shared-network's subnets). */
export function networkDescendants(scope: DhcpScope): DhcpScope[] {
  const out: DhcpScope[] = [];
  const stack = [...scope.children];
  while (stack.length) {
    const s = stack.pop() as DhcpScope;
    if (s.networks.length) out.push(s);
    else stack.push(...s.children);
  }
  return out;
}

/** Every address written in an option's value (`a, b`, `a b`), each with its own span when the value is exact. */
export function addressesOf(opt: DhcpOption): At<number>[] {
  const out: At<number>[] = [];
  for (const m of opt.value.matchAll(/[^\s,]+/g)) {
    const a = parseIPv4(m[0]);
    if (a === undefined) continue;
    const start = opt.valueSpan.start + (m.index ?? 0);
    out.push({ value: a, span: opt.exact ? { start, end: start + m[0].length } : opt.valueSpan });
  }
  return out;
}

/** A range's addresses lowest first, whichever order it was written in. */
export function bounds(r: AddressRange): { lo: number; hi: number } {
  return r.start.value <= r.end.value ? { lo: r.start.value, hi: r.end.value } : { lo: r.end.value, hi: r.start.value };
}

export function formatRange(r: AddressRange): string {
  return r.start.value === r.end.value ? formatIPv4(r.start.value) : `${formatIPv4(r.start.value)}–${formatIPv4(r.end.value)}`;
}

/** `192.168.0.0/24 (192.168.0.0–192.168.0.255)`: the prefix and the addresses it spans. */
export function describePrefix(p: Prefix): string {
  return `${formatPrefix(p)} (${formatIPv4(networkOf(p))}–${formatIPv4(broadcastOf(p))})`;
}

export function inAny(networks: readonly At<Prefix>[], address: number): boolean {
  return networks.some((n) => contains(n.value, address));
}

/**
 * The file's static hosts that have an address, each once (one host may be listed in more than one
 * scope), with the scope it is first listed in.
 */
export function addressedHosts(file: DhcpFile): { scope: DhcpScope; host: StaticHost; address: At<number> }[] {
  const seen = new Set<StaticHost>();
  const out: { scope: DhcpScope; host: StaticHost; address: At<number> }[] = [];
  for (const scope of file.scopes) {
    for (const host of scope.hosts) {
      if (seen.has(host) || !host.address) continue;
      seen.add(host);
      out.push({ scope, host, address: host.address });
    }
  }
  return out;
}

/** How a scope is named in messages: `pool "office"`, `subnet 192.168.0.0/24`, `shared-network "s"`. */
export function scopeLabel(s: DhcpScope): string {
  const net = s.networks.find((n) => !n.secondary) ?? s.networks[0];
  if (s.kind === 'subnet' && net) return `subnet ${formatPrefix(net.value)}`;
  if (s.kind === 'global') return 'the global scope';
  if (s.name) return `${s.kind} "${s.name.value}"`;
  return net ? `${s.kind} ${formatPrefix(net.value)}` : s.kind;
}

/** The file an include statement brought into the analysis, if it was found (includes.ts resolves the same way). */
export function includedFile(ctx: DhcpContext, from: DhcpFile, inc: DhcpInclude): DhcpFile | undefined {
  const p = inc.path.value;
  if (p.startsWith('/')) return ctx.files.find((f) => f.path === p);
  const beside = `${from.path.slice(0, from.path.lastIndexOf('/'))}/${p}`;
  return ctx.files.find((f) => f.path === beside) ?? ctx.files.find((f) => f !== from && f.path.endsWith(`/${p}`));
}

/** True when the parser already reported an error (or, with `any`, any problem) over this span: the rule then stays quiet. */
export function parserReported(file: DhcpFile, span: Span, any = false): boolean {
  return file.problems.some((p) => (any || p.severity === 'error') && p.span.start < Math.max(span.end, span.start + 1) && span.start < Math.max(p.span.end, p.span.start + 1));
}

/** The file a dialect's config usually has, for messages: `dhcpd`, `kea-dhcp4`, `dnsmasq`, `IOS`, `RouterOS`. */
export const SERVER: Record<DhcpDialect, string> = { dhcpd: 'dhcpd', kea: 'kea-dhcp4', dnsmasq: 'dnsmasq', 'cisco-ios': 'IOS', mikrotik: 'RouterOS' };

/** Where the first dotted-quad address inside a span is written, to replace it. */
export function addressTextIn(text: string, span: Span): Span | undefined {
  const m = /\d{1,3}\.\d{1,3}\.\d{1,3}\.\d{1,3}/.exec(text.slice(span.start, span.end));
  return m ? { start: span.start + m.index, end: span.start + m.index + m[0].length } : undefined;
}

/** The networks of scopes per VRF (IOS; '' elsewhere) as sorted, merged [start, end] intervals. */
export function networkSpaces(scopes: readonly DhcpScope[]): Map<string, [number, number][]> {
  const byVrf = new Map<string, [number, number][]>();
  for (const s of scopes) {
    for (const n of s.networks) {
      const vrf = s.vrf?.value ?? '';
      const list = byVrf.get(vrf) ?? [];
      list.push([networkOf(n.value), broadcastOf(n.value)]);
      byVrf.set(vrf, list);
    }
  }
  for (const [vrf, list] of byVrf) byVrf.set(vrf, merge(list));
  return byVrf;
}

/** Intervals sorted and merged where they meet, for `meets`. */
export function merge(list: readonly [number, number][]): [number, number][] {
  const sorted = [...list].sort((a, b) => a[0] - b[0]);
  const out: [number, number][] = [];
  for (const iv of sorted) {
    const last = out[out.length - 1];
    if (last && iv[0] <= last[1] + 1) last[1] = Math.max(last[1], iv[1]);
    else out.push([iv[0], iv[1]]);
  }
  return out;
}

/** True when [lo, hi] meets one of the sorted, disjoint intervals (binary search). */
export function meets(intervals: readonly [number, number][], lo: number, hi: number): boolean {
  let a = 0;
  let b = intervals.length;
  while (a < b) {
    const mid = (a + b) >> 1;
    if (intervals[mid][1] < lo) a = mid + 1;
    else b = mid;
  }
  return a < intervals.length && intervals[a][0] <= hi;
}

const lineIndexes = new WeakMap<DhcpFile, LineIndex>();

/** Where an offset of `target` is, as `from`'s messages name it: `line 7`, or `/path/other.conf:7`. */
export function placeOf(target: DhcpFile, offset: number, from: DhcpFile): string {
  let index = lineIndexes.get(target);
  if (!index) {
    index = new LineIndex(target.text);
    lineIndexes.set(target, index);
  }
  const line = index.positionAt(offset).line + 1;
  return target === from ? `line ${line}` : `${target.path}:${line}`;
}
