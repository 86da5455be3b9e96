import type { Span } from '../../core/text';
import { networkOf, parseIPv4 } from '../ipv4';
import type { AddressRange, DhcpFile, DhcpOption, DhcpScope, OptionFormat, ParseProblem, StaticHost } from '../model';
import { emptyScope } from '../file';
import type { Arg, Command, Word } from './lexer';
import { clientId, items, macAddress, optionValue, poolRange, routerOsSeconds, within } from './values';

/**
 * RouterOS DHCP entries → the shared model:
 * - each `/ip dhcp-server network` is a `subnet` scope: `address` its network, `gateway` option 3,
 *   `dns-server` 6, `domain` 15, `ntp-server` 42, `wins-server` 44, and the options its
 *   `dhcp-option` and `dhcp-option-set` name (the `/ip dhcp-server option` entries, one shared
 *   `DhcpOption` each, spanning the option's `add` command and its `value`);
 * - `/ip pool` ranges go to the network holding their start (else their end), else the global
 *   scope. Only pools a server uses (`address-pool`, `next-pool`) are DHCP ranges: others serve
 *   PPP or hotspot. A file with no server (a pasted fragment) has all its pools read;
 * - each `/ip dhcp-server` is a `shared-network` scope (a server serves one interface, maybe
 *   several networks): its `lease-time` and option set, with the networks its pool's ranges fall
 *   in as children;
 * - `/ip dhcp-server lease` entries are hosts of the network holding their address;
 * - an option no network or server uses is sent to nobody; it gets a `class` scope of its own,
 *   so its value is still checked and hovered.
 * Names RouterOS would not find (an option, option set or pool never added) are errors: it
 * refuses the command.
 */

export interface Entry {
  command: Command;
  /** The `add` word, where a problem about a missing property goes. */
  verb: Span;
  /** Properties by key, `set` commands applied in order. */
  props: Map<string, Arg>;
}

export type Report = (span: Span, message: string, severity?: ParseProblem['severity']) => void;

/** Network properties that are DHCP options, with how their value is read. */
const NETWORK_OPTIONS: ReadonlyArray<readonly [string, number, OptionFormat]> = [
  ['gateway', 3, 'ip'],
  ['dns-server', 6, 'ip'],
  ['domain', 15, 'ascii'],
  ['ntp-server', 42, 'ip'],
  ['wins-server', 44, 'ip'],
];

const isDotted = (s: string): boolean => /^\d{1,3}(\.\d{1,3}){3}$/.test(s) && parseIPv4(s) !== undefined;
const textOf = (e: Entry, key: string): string | undefined => e.props.get(key)?.value.text;

export function buildModel(file: DhcpFile, entries: (menu: string) => Entry[], report: Report): void {
  const global = file.global;
  const scopes: DhcpScope[] = [];
  const scope = (kind: DhcpScope['kind'], span: Span, headerSpan: Span): DhcpScope => {
    const s: DhcpScope = { ...emptyScope(kind, file.path, span, headerSpan), parent: global };
    scopes.push(s);
    return s;
  };

  const options = readOptions(entries('ip dhcp-server option'), report);
  /** The options a comma list names, each once; names RouterOS lacks reported. */
  const named = (w: Word, out: DhcpOption[]): void => {
    const have = new Set(out);
    for (const item of items(w)) {
      if (!item.text) continue;
      const option = options.get(item.text)?.option;
      if (!option) report(item.span, `no /ip dhcp-server option is named "${item.text}": RouterOS refuses a name it does not have`);
      else if (!have.has(option)) {
        have.add(option);
        out.push(option);
      }
    }
  };
  const sets = new Map<string, DhcpOption[]>();
  for (const e of entries('ip dhcp-server option sets')) {
    const list: DhcpOption[] = [];
    const opts = e.props.get('options');
    if (opts && !opts.expression) named(opts.value, list);
    const name = textOf(e, 'name');
    if (name) sets.set(name, list);
  }
  const withSet = (e: Entry, out: DhcpOption[]): void => {
    const set = e.props.get('dhcp-option-set');
    if (!set || set.expression || !set.value.text) return;
    const list = sets.get(set.value.text);
    const have = new Set(out);
    if (!list) report(set.value.span, `no /ip dhcp-server option sets entry is named "${set.value.text}": RouterOS refuses a name it does not have`);
    else for (const o of list) if (!have.has(o)) out.push(o);
  };

  const pools = readPools(entries('ip pool'), report);
  const networks: DhcpScope[] = [];
  for (const e of entries('ip dhcp-server network')) {
    const address = e.props.get('address');
    const s = scope('subnet', e.command.span, address?.span ?? e.verb);
    networks.push(s);
    if (!address) report(e.verb, 'a DHCP network needs address=NETWORK/LENGTH');
    else if (!address.expression) {
      const m = /^(\d{1,3}(?:\.\d{1,3}){3})(?:\/(\d{1,2}))?$/.exec(address.value.text);
      const a = m && isDotted(m[1]) ? parseIPv4(m[1]) : undefined;
      if (!m || a === undefined || Number(m[2] ?? 32) > 32) report(address.value.span, `"${address.value.text}" is not a network: write address=10.0.0.0/24`);
      else s.networks.push({ value: { address: a, length: Number(m[2] ?? 32) }, span: address.value.span, ...(m[2] !== undefined ? { maskText: `/${m[2]}` } : {}) });
    }
    for (const [key, code, format] of NETWORK_OPTIONS) {
      const a = e.props.get(key);
      if (!a || a.expression || !a.value.text) continue;
      if (format === 'ip') for (const item of items(a.value)) if (!isDotted(item.text)) report(item.span, `"${item.text}" is not an IPv4 address (${key})`);
      s.options.push({ code, name: key, span: a.span, value: a.value.text, valueSpan: a.value.span, exact: a.value.exact, format });
    }
    const ref = e.props.get('dhcp-option');
    if (ref && !ref.expression) named(ref.value, s.options);
    withSet(e, s.options);
  }
  const homeOf = networkIndex(networks);

  const servers = entries('ip dhcp-server');
  /** Pool names a server hands out from, following `next-pool`. */
  const served = (first: string): string[] => {
    const seen = new Set<string>();
    for (let p: string | undefined = first; p && pools.has(p) && !seen.has(p); p = pools.get(p)?.next) seen.add(p);
    return [...seen];
  };
  const used = servers.length ? new Set(servers.flatMap((e) => served(textOf(e, 'address-pool') ?? ''))) : new Set(pools.keys());
  const homes = new Map<string, DhcpScope[]>();
  for (const [name, pool] of pools) {
    if (!used.has(name)) continue;
    const list = new Set<DhcpScope>();
    for (const r of pool.ranges) {
      const home = homeOf(r.start.value) ?? homeOf(r.end.value);
      (home ?? global).ranges.push(r);
      if (home) list.add(home);
    }
    homes.set(name, [...list]);
  }

  for (const e of servers) {
    const name = e.props.get('name');
    const s = scope('shared-network', e.command.span, name?.value.span ?? e.verb);
    if (name?.value.text) s.name = { value: name.value.text, span: name.value.span };
    const lease = e.props.get('lease-time');
    if (lease && !lease.expression) s.lease = { seconds: routerOsSeconds(lease.value.text), raw: lease.value.text, span: lease.value.span };
    withSet(e, s.options);
    const pool = e.props.get('address-pool');
    const poolName = pool?.value.text;
    if (pool && poolName && !pool.expression && poolName !== 'static-only' && !pools.has(poolName)) report(pool.value.span, `no /ip pool is named "${poolName}": RouterOS refuses a name it does not have`);
    for (const p of served(poolName ?? '')) {
      for (const n of homes.get(p) ?? []) {
        if (n.parent !== global) continue;
        n.parent = s;
        s.children.push(n);
      }
    }
  }

  for (const e of entries('ip dhcp-server lease')) {
    const host: StaticHost = { span: e.command.span };
    const address = e.props.get('address');
    if (address && !address.expression && address.value.text) {
      if (isDotted(address.value.text)) host.address = { value: parseIPv4(address.value.text) as number, span: address.value.span };
      else report(address.value.span, `"${address.value.text}" is not an IPv4 address (address)`);
    }
    const mac = e.props.get('mac-address');
    if (mac && !mac.expression && mac.value.text) {
      const value = macAddress(mac.value.text);
      if (value) host.hardware = { value, span: mac.value.span };
      else report(mac.value.span, `"${mac.value.text}" is not a MAC address: six hex bytes, 00:0C:29:02:3F:0C`);
    }
    const id = e.props.get('client-id');
    const idValue = id && !id.expression ? clientId(id.value.text) : undefined;
    if (id && idValue) host.clientId = { value: idValue, span: id.value.span };
    // A lease's own options go to that client only: checked for names, not modelled as a scope.
    const ref = e.props.get('dhcp-option');
    if (ref && !ref.expression) named(ref.value, []);
    withSet(e, []);
    ((host.address && homeOf(host.address.value)) || global).hosts.push(host);
  }

  const placed = new Set(scopes.flatMap((s) => s.options));
  for (const [name, { option, nameSpan }] of options) {
    if (placed.has(option)) continue;
    const s = scope('class', option.span, nameSpan);
    s.name = { value: name, span: nameSpan };
    s.options.push(option);
  }
  scopes.sort((a, b) => a.span.start - b.span.start);
  for (const s of scopes) if (s.parent === global) global.children.push(s);
  file.scopes.push(...scopes);
}

/**
 * The first network (in document order) holding an address: networks keyed by prefix, one map per
 * prefix length, so each look-up costs at most 33 probes however many networks there are.
 */
function networkIndex(networks: readonly DhcpScope[]): (address: number) => DhcpScope | undefined {
  const byLength = new Map<number, Map<number, { scope: DhcpScope; order: number }>>();
  networks.forEach((scope, order) => {
    for (const n of scope.networks) {
      const map = byLength.get(n.value.length) ?? new Map<number, { scope: DhcpScope; order: number }>();
      const key = networkOf(n.value);
      if (!map.has(key)) map.set(key, { scope, order });
      byLength.set(n.value.length, map);
    }
  });
  return (address) => {
    let best: { scope: DhcpScope; order: number } | undefined;
    for (const [length, map] of byLength) {
      const hit = map.get(networkOf({ address, length }));
      if (hit && (!best || hit.order < best.order)) best = hit;
    }
    return best?.scope;
  };
}

interface Defined {
  option: DhcpOption;
  /** Where its name is written: the header of its scope when no network uses it. */
  nameSpan: Span;
}

/** `/ip dhcp-server option add name=N code=C value=V`, by name; a second entry with a taken name is refused. */
function readOptions(list: Entry[], report: Report): Map<string, Defined> {
  const out = new Map<string, Defined>();
  for (const e of list) {
    const name = e.props.get('name');
    if (!name?.value.text) {
      report(e.verb, 'a DHCP option needs a name (name=…)');
      continue;
    }
    const code = e.props.get('code');
    let n: number | undefined;
    if (!code) report(e.verb, `the option "${name.value.text}" needs a code (code=1…254)`);
    else if (!/^\d{1,3}$/.test(code.value.text) || Number(code.value.text) < 1 || Number(code.value.text) > 254) report(code.value.span, `"${code.value.text}" is not an option code: RouterOS takes 1 to 254`);
    else n = Number(code.value.text);
    const value = e.props.get('value');
    const v = value && !value.expression ? optionValue(value.value.text) : { format: 'text' as const, value: value?.value.text ?? '', offset: 0 };
    if ('problem' in v && v.problem && value) report(within(value.value, v.problem.start, v.problem.end), v.problem.message);
    const valueSpan = value ? within(value.value, v.offset, v.offset + v.value.length) : { start: e.command.span.end, end: e.command.span.end };
    const option: DhcpOption = { code: n, name: name.value.text, span: e.command.span, value: v.value, valueSpan, exact: value ? value.value.exact : true, format: v.format };
    if (/^yes$/i.test(e.props.get('force')?.value.text ?? '')) option.force = true;
    if (out.has(name.value.text)) {
      report(name.value.span, `another /ip dhcp-server option is already named "${name.value.text}": RouterOS refuses a second one`);
      continue;
    }
    out.set(name.value.text, { option, nameSpan: name.value.span });
  }
  return out;
}

interface Pool {
  ranges: AddressRange[];
  next?: string;
}

/** `/ip pool add name=P ranges=A-B,C,D/LEN [next-pool=Q]`, by name. */
function readPools(list: Entry[], report: Report): Map<string, Pool> {
  const out = new Map<string, Pool>();
  for (const e of list) {
    const name = textOf(e, 'name');
    const ranges = e.props.get('ranges');
    const pool: Pool = { ranges: [], next: textOf(e, 'next-pool') };
    if (ranges && !ranges.expression) {
      for (const item of items(ranges.value)) {
        const r = poolRange(item.text);
        if (typeof r === 'string') {
          report(item.span, `${r} (ranges)`);
          continue;
        }
        const at = (from: number, to: number): Span => within(ranges.value, item.from + from, item.from + to);
        const startSpan = at(0, r.startLength);
        const endSpan = r.endOffset ? at(r.endOffset, item.text.length) : startSpan;
        if (r.start > r.end) report(item.span, `the range ${item.text} starts above its end: write the low address first`, 'warning');
        pool.ranges.push({ start: { value: r.start, span: startSpan }, end: { value: r.end, span: endSpan }, span: item.span });
      }
    }
    if (name && !out.has(name)) out.set(name, pool);
  }
  return out;
}
