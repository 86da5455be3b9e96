import { maskOf, networkOf } from './ipv4';
import type { DhcpDialect, DhcpFile, DhcpOption, DhcpScope, Lease } from './model';

/**
 * Which scope a scope takes its settings from.
 *
 * Cisco IOS has no textual nesting: its DHCP database is a tree built from the pools' networks
 * (Cisco IOS IP Configuration Guide, "Configuring DHCP": the root is the natural network,
 * branches are subnetwork pools, leaves are manual bindings). A pool whose primary `network` lies
 * strictly inside another pool's network is that pool's child; a manual binding (`host A`) is the
 * child of the pool whose network holds A. The most specific enclosing pool wins, and only pools
 * of the same VRF (`vrf NAME`, or none) nest. A child inherits what it does not set itself:
 * `default-router` (3), `dns-server` (6), `domain-name` (15), `netbios-name-server` (44),
 * `netbios-node-type` (46) and every `option N`. Leases are NOT inherited ("Address leases are not
 * inherited": a pool without `lease` gives IOS's one-day default), nor are `secondary` networks
 * (only the primary network places a pool in the tree) or `override default-router`.
 *
 * ISC, Kea and dnsmasq nest in the text (`scope.parent`), so for them the map mirrors
 * `scope.parent`. Global scopes never appear as keys or values: every chain ends at the global
 * scope through `scope.parent`.
 */
export function parentPools(file: DhcpFile): Map<DhcpScope, DhcpScope> {
  const parents = new Map<DhcpScope, DhcpScope>();
  if (file.dialect !== 'cisco-ios') {
    for (const s of file.scopes) if (s.parent && s.parent.kind !== 'global') parents.set(s, s.parent);
    return parents;
  }
  // Per VRF: prefix length → network number → the first pool with that network. Lookups then cost
  // one probe per distinct prefix length, whatever the number of pools.
  const byVrf = new Map<string, Map<number, Map<number, DhcpScope>>>();
  for (const s of file.scopes) {
    const net = primaryNetwork(s);
    if (!net || s.kind === 'host') continue;
    const vrf = s.vrf?.value ?? '';
    const lengths = byVrf.get(vrf) ?? new Map<number, Map<number, DhcpScope>>();
    byVrf.set(vrf, lengths);
    const pools = lengths.get(net.length) ?? new Map<number, DhcpScope>();
    lengths.set(net.length, pools);
    const n = networkOf(net);
    if (!pools.has(n)) pools.set(n, s);
  }
  const sortedLengths = new Map([...byVrf].map(([vrf, lengths]) => [vrf, [...lengths.keys()].sort((a, b) => b - a)]));
  for (const s of file.scopes) {
    const key = s.kind === 'host' ? hostKey(s) : primaryNetwork(s);
    if (!key) continue;
    const vrf = s.vrf?.value ?? '';
    const lengths = byVrf.get(vrf);
    for (const len of sortedLengths.get(vrf) ?? []) {
      if (len >= key.length) continue;
      const p = lengths?.get(len)?.get((key.address & maskOf(len)) >>> 0);
      if (p && p !== s) {
        parents.set(s, p);
        break;
      }
    }
  }
  return parents;
}

/** The network that places a Cisco pool in the tree: its first `network` without `secondary`. */
function primaryNetwork(s: DhcpScope): { address: number; length: number } | undefined {
  return s.networks.find((n) => !n.secondary)?.value;
}

function hostKey(s: DhcpScope): { address: number; length: number } | undefined {
  const a = s.hosts[0]?.address?.value;
  return a === undefined ? undefined : { address: a, length: 32 };
}

/** An option in effect in a scope and the scope that sets it. */
export interface EffectiveOption {
  option: DhcpOption;
  from: DhcpScope;
}

/** The scope's ancestors, nearest first, ending with the global scope; cycles are cut. */
export function ancestors(scope: DhcpScope, parents: ReadonlyMap<DhcpScope, DhcpScope>): DhcpScope[] {
  const out: DhcpScope[] = [];
  const seen = new Set([scope]);
  for (let s = parents.get(scope) ?? scope.parent; s && !seen.has(s); s = parents.get(s) ?? s.parent) {
    seen.add(s);
    out.push(s);
  }
  return out;
}

/**
 * The options in effect in `scope`: its own (all of them, in order), then for each option code it
 * does not set, the nearest ancestor's, ending with the global scope's. Options are matched by
 * code (by name when the code is unknown) and by tags: a tagged option does not hide an untagged
 * one. `parents` comes from `parentPools` (an empty map follows `scope.parent` only).
 */
export function effectiveOptions(scope: DhcpScope, parents: ReadonlyMap<DhcpScope, DhcpScope> = new Map()): EffectiveOption[] {
  const out: EffectiveOption[] = [];
  const seen = new Set<string>();
  for (const s of [scope, ...ancestors(scope, parents)]) {
    const here: string[] = [];
    for (const option of s.options) {
      const key = optionKey(option);
      if (key !== undefined && seen.has(key)) continue;
      if (key !== undefined) here.push(key);
      out.push({ option, from: s });
    }
    for (const k of here) seen.add(k);
  }
  return out;
}

function optionKey(o: DhcpOption): string | undefined {
  const id = o.code !== undefined ? `#${o.code}` : o.name !== undefined ? `n:${o.name}` : undefined;
  return id === undefined ? undefined : `${id}|${o.tags?.join(',') ?? ''}`;
}

/**
 * The lease in effect and the scope that sets it. Cisco IOS does not inherit leases (see
 * `parentPools`): only the pool's own `lease` counts. ISC and Kea inherit from enclosing scopes.
 */
export function effectiveLease(dialect: DhcpDialect, scope: DhcpScope, parents: ReadonlyMap<DhcpScope, DhcpScope> = new Map()): { lease: Lease; from: DhcpScope } | undefined {
  const chain = dialect === 'cisco-ios' ? [scope] : [scope, ...ancestors(scope, parents)];
  const from = chain.find((s) => s.lease);
  return from?.lease ? { lease: from.lease, from } : undefined;
}
