import { findNodeAtOffset, type Node } from 'jsonc-parser';
import type { Span } from '../../core/text';
import { formatIPv4, parseIPv4 } from '../ipv4';
import type { DhcpFile, DhcpScope, Lease, StaticHost } from '../model';
import { emptyDhcpFile, emptyScope, readSafely } from '../file';
import { hexWithColons, IDENTIFIERS, keaIdentifier, keaPool, keaSubnet } from './addresses';
import { prop, propsOf, readKeaJson, spanOf, stringAt } from './json';
import { KEA22_MAPS } from './keywords.data';
import { KeaDefinitions, optionOf, type OptionContext } from './options';
import { checkShape, type ReportExtra, type ShapeContext } from './shape';
import { isStrictIPv4 } from './values';

/**
 * Reads a Kea DHCPv4 configuration (kea-dhcp4's JSON, `Dhcp4` object) into the shared model:
 * the global scope holds `Dhcp4`'s own option-data, valid-lifetime and global reservations;
 * each `subnet4` entry is a `subnet` scope (its `id` as name, its pools as ranges, its
 * reservations as hosts); pools and reservations with option-data get a `pool` or `host` child
 * scope for those options; `shared-networks` and `client-classes` entries are `shared-network`
 * and `class` scopes. What kea-dhcp4 2.2 refuses and can be seen without the network (grammar,
 * option data, pool and subnet syntax, identifiers, duplicate ids) becomes an `error` problem;
 * address geometry (pools or reservations outside their subnet, overlaps) is left to the rules.
 * A file without `Dhcp4` is read as an include fragment; there, in a file that includes others
 * and in one parsed as `included`, an option name without definition is only a warning (the
 * definition may be in another file). Each include records the scope it sits in (`within`), which
 * includes.ts passes back when it reads the included file. Never throws; linear in the text.
 */
export function parseKea(path: string, text: string, options: { included?: boolean; within?: DhcpScope } = {}): DhcpFile {
  const file = emptyDhcpFile('kea', path, text);
  const global = file.global;
  // Kea reads an included file in place of its `<?include?>`: its top level is that scope's inside.
  if (options.within) global.parent = options.within;
  return readSafely(file, 'Kea', () => new KeaReader(file, options.included === true).read());
}


const DHCP4_HANDLED = new Set(['option-data', 'option-def', 'subnet4', 'shared-networks', 'reservations', 'client-classes']);
const SUBNET_HANDLED = new Set(['option-data', 'pools', 'reservations']);
const SHARED_HANDLED = new Set(['option-data', 'subnet4']);
const CLASS_HANDLED = new Set(['option-data', 'option-def']);
const OPTIONS_ONLY = new Set(['option-data']);

/** Problems kept per file: a broken 10 MB file would otherwise report millions. */
const MAX_PROBLEMS = 1000;

/** The version the parser judges as (see ParseProblem.versionDependent). */
const JUDGED = '2.2';

class KeaReader {
  private readonly text: string;
  private readonly defs: KeaDefinitions;
  private readonly options: OptionContext;
  private shape: ShapeContext;
  private readonly subnetIds = new Map<number, Node>();
  /** The scope each scope-making JSON object became, to place includes. */
  private readonly scopeOf = new Map<Node, DhcpScope>();
  private readonly names = { shared: new Set<string>(), classes: new Set<string>() };
  /** Dhcp4 `ip-reservations-unique`: false lets two reservations share an address. */
  private uniqueAddresses = true;

  constructor(
    private readonly file: DhcpFile,
    private readonly included: boolean,
  ) {
    this.text = file.text;
    this.defs = new KeaDefinitions(file.path, file.text, this.report);
    this.options = { defs: this.defs, text: file.text, report: this.report, lenient: false };
    this.shape = { text: file.text, report: this.report, numbers: new Map() };
  }

  private readonly report = (span: Span, message: string, extra?: ReportExtra): void => {
    if (this.file.problems.length >= MAX_PROBLEMS) {
      if (this.file.problems.length === MAX_PROBLEMS) this.file.problems.push({ file: this.file.path, span, severity: 'warning', message: `more than ${MAX_PROBLEMS} problems: the rest are not shown` });
      return;
    }
    const versioned = extra?.versionDependent || extra?.acceptedSince;
    this.file.problems.push({
      file: this.file.path,
      span,
      message,
      severity: extra?.severity ?? 'error',
      ...(versioned ? { versionDependent: { version: JUDGED, ...(extra?.acceptedSince ? { acceptedSince: extra.acceptedSince } : {}) } } : {}),
      ...(extra?.keaRoute121 ? { keaRoute121: extra.keaRoute121 } : {}),
    });
  };

  read(): void {
    const json = readKeaJson(this.file.path, this.text);
    this.file.comments = json.comments;
    this.file.includes = json.includes;
    for (const e of json.errors) this.report(e.span, e.message);
    this.shape = { ...this.shape, numbers: json.numbers };
    // Definitions (and the rest) may come from included text, or from the includer of a fragment.
    this.options.lenient = this.included || !json.whole || json.includes.length > 0;
    if (!json.root) return;
    if (json.whole) this.top(json.root);
    else this.fragment(json.root);
    this.file.definitions = this.defs.definitions;
    for (const inc of this.file.includes) inc.within = this.scopeAt(json.root, inc.span.start);
  }

  /** The innermost scope whose JSON holds an offset (the file's global scope outside every one). */
  private scopeAt(root: Node, offset: number): DhcpScope {
    for (let n = findNodeAtOffset(root, offset); n; n = n.parent) {
      const scope = this.scopeOf.get(n);
      if (scope) return scope;
    }
    return this.file.global;
  }

  private top(root: Node): void {
    let dhcp4: Node | undefined;
    for (const { key, keyNode, value } of propsOf(root)) {
      if (key !== 'Dhcp4') {
        this.report(spanOf(keyNode), `kea-dhcp4 2.2 reads only "Dhcp4" at the top level, not "${key}"`, { versionDependent: true });
      } else if (dhcp4) this.report(spanOf(keyNode), '"Dhcp4" appears twice: kea-dhcp4 refuses the second');
      else if (value) {
        dhcp4 = value;
        this.file.global.headerSpan = spanOf(keyNode);
        this.scopeOf.set(value, this.file.global);
      }
    }
    if (dhcp4) this.dhcp4(dhcp4);
  }

  /** An include's text: list entries or map members, each read by what it looks like. */
  private fragment(root: Node): void {
    const items = root.type === 'array' ? (root.children ?? []) : [root];
    for (const item of items) {
      if (item.type !== 'object') continue;
      const has = (k: string): boolean => prop(item, k) !== undefined;
      if (has('subnet')) this.subnet(item, this.file.global);
      else if (has('pool')) this.pool(item, this.file.global);
      else if (IDENTIFIERS.some(has)) this.reservation(item, this.file.global);
      else if (has('data') || has('code') || (has('name') && propsOf(item).every((p) => p.key in KEA22_MAPS['option-data']))) this.option(item, this.file.global);
      else if (propsOf(item).some((p) => p.key in KEA22_MAPS.Dhcp4)) this.dhcp4(item);
    }
  }

  private dhcp4(node: Node): void {
    checkShape(node, 'Dhcp4', '"Dhcp4"', this.shape, DHCP4_HANDLED);
    if (node.type !== 'object') return;
    if (prop(node, 'ip-reservations-unique')?.value === false) this.uniqueAddresses = false;
    // Kea reads every definition before any option-data, wherever they are written.
    for (const d of listOf(prop(node, 'option-def'))) this.defs.add(d);
    for (const c of listOf(prop(node, 'client-classes'))) for (const d of listOf(prop(c, 'option-def'))) this.defs.add(d);
    const global = this.file.global;
    for (const { key, value } of propsOf(node)) {
      if (!value) continue;
      if (key === 'option-data') for (const o of listOf(value)) this.option(o, global);
      else if (key === 'option-def') for (const d of listOf(value)) checkShape(d, 'option-def', 'an option-def entry', this.shape);
      else if (key === 'subnet4') for (const s of listOf(value)) this.subnet(s, global);
      else if (key === 'shared-networks') for (const s of listOf(value)) this.sharedNetwork(s);
      else if (key === 'reservations') this.reservations(value, global);
      else if (key === 'client-classes') for (const c of listOf(value)) this.clientClass(c);
      else if (key === 'valid-lifetime') global.lease = leaseOf(value, this.text);
    }
  }

  private scope(kind: DhcpScope['kind'], node: Node, parent: DhcpScope): DhcpScope {
    const scope = emptyScope(kind, this.file.path, spanOf(node));
    scope.parent = parent;
    parent.children.push(scope);
    this.file.scopes.push(scope);
    this.scopeOf.set(node, scope);
    return scope;
  }

  private option(node: Node, scope: DhcpScope, tags?: string[]): void {
    checkShape(node, 'option-data', 'an option-data entry', this.shape);
    const option = optionOf(node, this.options, scope === this.file.global, tags);
    if (option) scope.options.push(option);
  }

  private subnet(node: Node, parent: DhcpScope): void {
    checkShape(node, 'subnet4', 'a subnet4 entry', this.shape, SUBNET_HANDLED);
    if (node.type !== 'object') return;
    const scope = this.scope('subnet', node, parent);
    const subnetNode = prop(node, 'subnet');
    if (subnetNode?.type === 'string') {
      const s = stringAt(subnetNode, this.text);
      scope.headerSpan = spanOf(subnetNode.parent ?? subnetNode);
      const r = keaSubnet(s.value);
      if (!r.ok) this.report(s.span, r.message);
      else scope.networks.push({ value: r.value, span: s.span, maskText: s.value.slice(s.value.indexOf('/')) });
    }
    const idNode = prop(node, 'id');
    if (idNode?.type === 'number') {
      const id = Number(idNode.value);
      scope.name = { value: String(idNode.value), span: spanOf(idNode) };
      if (!Number.isInteger(id) || id < 0 || id > 4294967294) this.report(spanOf(idNode), `subnet id ${id} is outside 0–4294967294`);
      else if (id !== 0 && this.subnetIds.has(id)) this.report(spanOf(idNode), `subnet id ${id} is already used by another subnet4 entry: kea-dhcp4 refuses duplicate ids`);
      else if (id !== 0) this.subnetIds.set(id, idNode);
    }
    for (const { key, value } of propsOf(node)) {
      if (!value) continue;
      if (key === 'option-data') for (const o of listOf(value)) this.option(o, scope);
      else if (key === 'pools') for (const p of listOf(value)) this.pool(p, scope);
      else if (key === 'reservations') this.reservations(value, scope);
      else if (key === 'valid-lifetime') scope.lease = leaseOf(value, this.text);
    }
  }

  private pool(node: Node, subnet: DhcpScope): void {
    checkShape(node, 'pools', 'a pools entry', this.shape, OPTIONS_ONLY);
    const poolNode = prop(node, 'pool');
    if (poolNode?.type === 'string') {
      const s = stringAt(poolNode, this.text);
      const r = keaPool(s.value);
      if (!r.ok) this.report(s.span, r.message);
      else {
        const at = (rel: Span): Span => (s.exact ? { start: s.span.start + rel.start, end: s.span.start + rel.end } : s.span);
        subnet.ranges.push({ start: { value: r.value.start, span: at(r.value.startAt) }, end: { value: r.value.end, span: at(r.value.endAt) }, span: spanOf(node) });
      }
    }
    const options = listOf(prop(node, 'option-data'));
    if (!options.length) return;
    const scope = this.scope('pool', node, subnet);
    if (poolNode) scope.headerSpan = spanOf(poolNode.parent ?? poolNode);
    for (const o of options) this.option(o, scope);
  }

  private reservations(list: Node, scope: DhcpScope): void {
    const ids = new Set<string>();
    const addresses = new Set<number>();
    for (const r of listOf(list)) this.reservation(r, scope, ids, addresses);
  }

  private reservation(node: Node, scope: DhcpScope, ids = new Set<string>(), addresses = new Set<number>()): void {
    checkShape(node, 'reservations', 'a reservation', this.shape, OPTIONS_ONLY);
    if (node.type !== 'object') return;
    const host: StaticHost = { span: spanOf(node) };
    const given = IDENTIFIERS.filter((k) => prop(node, k) !== undefined);
    if (!given.length) this.report(spanOf(node), `a reservation needs one identifier: ${IDENTIFIERS.join(', ')}`);
    if (given.length > 1) this.report(spanOf(node), `a reservation takes one identifier; ${given.map((g) => `"${g}"`).join(' and ')} are mutually exclusive`);
    for (const kind of given) {
      const idNode = prop(node, kind) as Node;
      if (idNode.type !== 'string') continue;
      const s = stringAt(idNode, this.text);
      const bytes = keaIdentifier(kind, s.value);
      if (!bytes) {
        this.report(s.span, s.value ? `"${s.value}" is not a ${kind} Kea can read (hex bytes${kind === 'hw-address' ? '' : ", or 'text' in single quotes"})` : `an empty ${kind}`);
        continue;
      }
      const id = `${kind}=${hexWithColons(bytes)}`;
      if (ids.has(id)) this.report(s.span, `another reservation here already has this ${kind}: kea-dhcp4 refuses the second`);
      ids.add(id);
      if (kind === 'hw-address') host.hardware = { value: hexWithColons(bytes), span: s.span };
      if (kind === 'client-id') host.clientId = { value: hexWithColons(bytes), span: s.span };
    }
    const addrNode = prop(node, 'ip-address');
    if (addrNode?.type === 'string') {
      const s = stringAt(addrNode, this.text);
      const a = parseIPv4(s.value);
      if (a === undefined || !isStrictIPv4(s.value)) this.report(s.span, `"${s.value}" is not an IPv4 address`);
      else if (a === 0) this.report(s.span, 'a reservation cannot be for 0.0.0.0');
      else {
        host.address = { value: a, span: s.span };
        if (this.uniqueAddresses && addresses.has(a)) this.report(s.span, `${formatIPv4(a)} is already reserved for another host here: kea-dhcp4 refuses the second (unless "ip-reservations-unique" is false)`);
        addresses.add(a);
      }
    }
    const nameNode = prop(node, 'hostname');
    if (nameNode?.type === 'string') {
      const s = stringAt(nameNode, this.text);
      host.name = { value: s.value, span: s.span };
    }
    scope.hosts.push(host);
    const options = listOf(prop(node, 'option-data'));
    if (!options.length) return;
    const own = this.scope('host', node, scope);
    if (host.name) own.name = host.name;
    for (const o of options) this.option(o, own);
  }

  private sharedNetwork(node: Node): void {
    checkShape(node, 'shared-networks', 'a shared-networks entry', this.shape, SHARED_HANDLED);
    if (node.type !== 'object') return;
    const scope = this.scope('shared-network', node, this.file.global);
    this.name(scope, node, this.names.shared, 'shared network');
    for (const { key, value } of propsOf(node)) {
      if (!value) continue;
      if (key === 'option-data') for (const o of listOf(value)) this.option(o, scope);
      else if (key === 'subnet4') for (const s of listOf(value)) this.subnet(s, scope);
      else if (key === 'valid-lifetime') scope.lease = leaseOf(value, this.text);
    }
  }

  private clientClass(node: Node): void {
    checkShape(node, 'client-classes', 'a client-classes entry', this.shape, CLASS_HANDLED);
    if (node.type !== 'object') return;
    const scope = this.scope('class', node, this.file.global);
    this.name(scope, node, this.names.classes, 'client class');
    const tags = scope.name ? [scope.name.value] : undefined;
    for (const { key, value } of propsOf(node)) {
      if (!value) continue;
      if (key === 'option-data') for (const o of listOf(value)) this.option(o, scope, tags);
      else if (key === 'option-def') for (const d of listOf(value)) checkShape(d, 'option-def', 'an option-def entry', this.shape);
      else if (key === 'valid-lifetime') scope.lease = leaseOf(value, this.text);
    }
  }

  /** A shared network's or class's `name`: the scope's name, unique among its kind. */
  private name(scope: DhcpScope, node: Node, seen: Set<string>, what: string): void {
    const nameNode = prop(node, 'name');
    if (nameNode?.type !== 'string') return;
    const s = stringAt(nameNode, this.text);
    scope.name = { value: s.value, span: s.span };
    scope.headerSpan = spanOf(nameNode.parent ?? nameNode);
    if (seen.has(s.value)) this.report(s.span, `a ${what} named "${s.value}" already exists: kea-dhcp4 refuses the second`);
    seen.add(s.value);
  }
}

const listOf = (node: Node | undefined): Node[] => (node?.type === 'array' ? (node.children ?? []) : []);

function leaseOf(node: Node, text: string): Lease | undefined {
  if (node.type !== 'number') return undefined;
  const raw = text.slice(node.offset, node.offset + node.length);
  const n = Number(node.value);
  return { seconds: Number.isInteger(n) && n >= 0 ? n : undefined, raw, span: spanOf(node) };
}
