import type { Node } from 'jsonc-parser';
import type { Span } from '../../core/text';
import type { DhcpOption, OptionDefinition, OptionFormat } from '../model';
import { parseRouteList } from '../routeText';
import { prop, spanOf, stringAt } from './json';
import { keaOptionByCode, keaOptionByName, type KeaFieldType, type KeaOptionDef } from './options.data';
import type { KeaReport, ReportExtra } from './shape';
import { bytesRefusal, csvRefusal, keaHex, type DefLike } from './values';

/**
 * Kea `option-def` and `option-data` entries (Kea ARM, "Standard DHCPv4 Options" and "Custom
 * DHCPv4 Options"), checked the way kea-dhcp4 2.2 checks them.
 */

const FIELD_TYPES = new Set(['binary', 'boolean', 'empty', 'fqdn', 'int8', 'int16', 'int32', 'ipv4-address', 'ipv6-address', 'ipv6-prefix', 'psid', 'record', 'string', 'tuple', 'uint8', 'uint16', 'uint32']);

/** A definition as option-data reads it: the field types this module validates, or none (`psid`, `tuple`, …). */
interface Def {
  name: string;
  code: number;
  space: string;
  check?: DefLike;
}

/** Field types whose values this module checks (others, `ipv6-prefix` and `tuple`, go unchecked). */
const KEA22_FIELDS = new Set<string>(['binary', 'boolean', 'empty', 'fqdn', 'int8', 'int16', 'int32', 'ipv4-address', 'ipv6-address', 'psid', 'record', 'string', 'uint8', 'uint16', 'uint32']);

export class KeaDefinitions {
  private readonly byName = new Map<string, Def>();
  private readonly byCode = new Map<string, Def>();
  readonly definitions: OptionDefinition[] = [];

  constructor(private readonly path: string, private readonly text: string, private readonly report: KeaReport) {}

  /** One `option-def` entry: recorded, and checked as kea-dhcp4 checks it. */
  add(node: Node): void {
    if (node.type !== 'object') return;
    const nameNode = prop(node, 'name');
    const codeNode = prop(node, 'code');
    const typeNode = prop(node, 'type');
    const spaceNode = prop(node, 'space');
    if (nameNode?.type !== 'string' || codeNode?.type !== 'number' || typeNode?.type !== 'string') return;
    const name = stringAt(nameNode, this.text);
    const code = Number(codeNode.value);
    const type = String(typeNode.value);
    const space = spaceNode?.type === 'string' ? String(spaceNode.value) : 'dhcp4';
    const array = prop(node, 'array')?.value === true;
    const recordNode = prop(node, 'record-types');
    const record = recordNode?.type === 'string' ? String(recordNode.value).split(',').map((t) => t.trim()).filter(Boolean) : [];
    this.definitions.push({ file: this.path, name: { value: name.value, span: name.span }, code: { value: code, span: spanOf(codeNode) }, type: record.length ? `record (${record.join(', ')})` : type, ...(array ? { array } : {}), span: spanOf(node) });
    const why = this.refusal(name.value, code, type, array, record, space);
    if (why) {
      this.report(spanOf(node), why);
      return;
    }
    const fields = type === 'record' ? record : [type];
    const check = fields.every((f) => KEA22_FIELDS.has(f)) ? { type: type as KeaFieldType, array, ...(type === 'record' ? { record: record as KeaFieldType[] } : {}) } : undefined;
    const def: Def = { name: name.value, code, space, ...(check ? { check } : {}) };
    this.byName.set(`${space}.${name.value}`, def);
    this.byCode.set(`${space}.${code}`, def);
  }

  private refusal(name: string, code: number, type: string, array: boolean, record: string[], space: string): string | undefined {
    if (!/^[A-Za-z0-9_-]+$/.test(name)) return `"${name}" is not a valid option name (letters, digits, "-" and "_" only)`;
    if (code > 255 || code < 0) return `option code ${code} is out of range (1–254)`;
    if (code === 0 || code === 255) return `option code ${code} is reserved for ${code ? 'END' : 'PAD'}`;
    if (!FIELD_TYPES.has(type)) return `"${type}" is not an option type Kea knows (${[...FIELD_TYPES].join(', ')})`;
    if (type === 'record' && record.length < 2) return 'a record option needs "record-types" with two fields at least';
    if (type !== 'record' && record.length) return `"record-types" needs "type": "record", not "${type}"`;
    if (record.some((t) => !FIELD_TYPES.has(t) || t === 'record' || t === 'empty')) return `"record-types" has a type Kea does not know: ${record.join(', ')}`;
    if (array && (type === 'string' || type === 'empty')) return `an array of ${type} is not a valid option definition`;
    const standard = space === 'dhcp4' ? (keaOptionByCode(code) ?? keaOptionByName(name)) : undefined;
    if (standard && !standard.since && !standard.overridable) {
      return `"${name}" (code ${code}) would redefine a standard option: kea-dhcp4 refuses to override the dhcp4 space`;
    }
    if (this.byName.has(`${space}.${name}`)) return `an option named "${name}" is already defined in space ${space}`;
    if (this.byCode.has(`${space}.${code}`)) return `option code ${code} is already defined in space ${space}`;
    return undefined;
  }

  find(space: string, name: string | undefined, code: number | undefined): Def | undefined {
    if (name !== undefined) return this.byName.get(`${space}.${name}`);
    return code === undefined ? undefined : this.byCode.get(`${space}.${code}`);
  }

  /** True when some definition names this space (options of other spaces go unchecked). */
  knowsSpace(space: string): boolean {
    for (const d of this.byName.values()) if (d.space === space) return true;
    return false;
  }
}

const STANDARD = (o: KeaOptionDef): Def => ({ name: o.name, code: o.code, space: 'dhcp4', check: o });

function formatOf(code: number | undefined, hex: boolean, check: DefLike | undefined, name: string | undefined): OptionFormat {
  if (hex) return 'hex';
  // Without a definition Kea 2.6+ reads 121 (by code or name) as a route list; a user's option-def decides otherwise.
  if (!check) return name === 'classless-static-route' || code === 121 || code === 249 ? 'routes' : 'text';
  if (check.type === 'binary') return 'hex';
  if (check.type === 'ipv4-address') return 'ip';
  if (check.type === 'uint8' && check.array) return 'decimal';
  if (check.type === 'string' || check.type === 'fqdn') return 'ascii';
  return 'text';
}

/** Where the model's option comes from, and how strictly to judge unknown names (fragments and files with includes may define them elsewhere). */
export interface OptionContext {
  defs: KeaDefinitions;
  text: string;
  report: KeaReport;
  /** Definitions may live in another file: an unknown name is then not certain to be refused. */
  lenient: boolean;
}

/**
 * One `option-data` entry as the model's option, after checking it as kea-dhcp4 does. `global`:
 * the entry is in Dhcp4's own option-data, where Kea 2.2 refuses a code without definition;
 * everywhere else it reads such an option's data as hex, csv-format or not.
 */
export function optionOf(node: Node, ctx: OptionContext, global: boolean, tags?: string[]): DhcpOption | undefined {
  if (node.type !== 'object') return undefined;
  const { text, report, defs } = ctx;
  const nameNode = prop(node, 'name');
  const codeNode = prop(node, 'code');
  const dataNode = prop(node, 'data');
  const spaceNode = prop(node, 'space');
  const name = nameNode?.type === 'string' ? String(nameNode.value) : undefined;
  const writtenCode = codeNode?.type === 'number' ? Number(codeNode.value) : undefined;
  const space = spaceNode?.type === 'string' ? String(spaceNode.value) : 'dhcp4';
  const hex = prop(node, 'csv-format')?.value === false;
  const entry = spanOf(node);
  const data = dataNode?.type === 'string' ? stringAt(dataNode, text) : { value: '', span: { start: entry.start, end: entry.start }, exact: true };
  const where = dataNode ?? nameNode ?? codeNode ?? node;
  if (name === undefined && writtenCode === undefined) report(entry, 'an option-data entry needs "name" or "code"');
  if (writtenCode !== undefined && (writtenCode > 255 || writtenCode < 0)) report(spanOf(codeNode as Node), `option code ${writtenCode} is out of range (1–254)`);

  const standard = space === 'dhcp4' ? (name !== undefined ? keaOptionByName(name) : writtenCode !== undefined ? keaOptionByCode(writtenCode) : undefined) : undefined;
  const custom = defs.find(space, name, name === undefined ? writtenCode : undefined);
  const def: Def | undefined = custom ?? (standard && !standard.since ? STANDARD(standard) : undefined);
  const code = space !== 'dhcp4' ? undefined : (writtenCode ?? custom?.code ?? standard?.code);
  // Outside the global scope Kea 2.2 reads a code it has no definition for as hex data.
  const asHex = hex || (!global && !def && name === undefined && writtenCode !== undefined && space === 'dhcp4');
  const looksHex = asHex && keaHex(data.value) !== undefined;
  const option: DhcpOption = { code, span: entry, value: data.value, valueSpan: data.span, exact: data.exact, format: formatOf(code, hex || looksHex, def?.check, name), ...(name !== undefined ? { name } : {}) };
  if (prop(node, 'always-send')?.value === true) option.force = true;
  if (tags?.length) option.tags = tags;

  // Name and code both given: the name must be the code's definition.
  const standardOfCode = space === 'dhcp4' && writtenCode !== undefined ? keaOptionByCode(writtenCode) : undefined;
  const byCode = standardOfCode && !standardOfCode.since ? standardOfCode : writtenCode !== undefined ? defs.find(space, undefined, writtenCode) : undefined;
  if (name !== undefined && writtenCode !== undefined && byCode && byCode.name !== name) {
    report(spanOf(nameNode as Node), `"${name}" is not the name of option ${writtenCode} ("${byCode.name}"): kea-dhcp4 refuses the mismatch`);
    return option;
  }
  const known = space === 'dhcp4' || defs.knowsSpace(space);
  const later = newerVerdict(code, hex, data.value, entry);
  if (asHex) {
    const bytes = keaHex(data.value);
    const newer = !hex && writtenCode !== undefined ? keaOptionByCode(writtenCode) : undefined;
    const why = `"${data.value}" is not hex as Kea reads it (plain digits, optionally 0x, or bytes separated by single ":" or " ")`;
    if (!bytes && newer?.since) report(data.span, `${why}: Kea 2.2 has no definition for option ${writtenCode} and reads its data as hex. Kea ${newer.since} and later read "${newer.name}" as a route list${later.accepted ? '' : ', which this is not'}`, later.extra(newer));
    else if (!bytes) report(data.span, hex ? why : `${why}: Kea 2.2 has no definition for option ${writtenCode} and reads its data as hex`);
    else if (def?.check) {
      const why = bytesRefusal(def.check, bytes);
      if (why) report(data.span, `${why} (option ${def.name})`);
    }
    // Without a code, Kea must find the name's definition even for hex data.
    if (name !== undefined && writtenCode === undefined && !def && known) undefinedName(name, space, standard, ctx, where, false, later);
    return option;
  }
  if (!def) {
    if (known) undefinedName(name ?? String(writtenCode), space, standard, ctx, where, name === undefined, later);
    return option;
  }
  if (def.check) {
    const why = csvRefusal(def.check, data.value);
    if (why) report(data.span, `${why} (option ${def.name})`);
  }
  return option;
}

/**
 * How a Kea that defines the option (2.6+ for 121) reads this entry: `accepted` when its data fits
 * that definition (a route list, or hex with "csv-format": false), and the report extras: the
 * version that accepts it and, when the data is routes or hex, the quick-fix marker.
 */
function newerVerdict(code: number | undefined, hex: boolean, data: string, entry: Span): { accepted: boolean; extra: (newer: KeaOptionDef) => ReportExtra } {
  if (code !== 121) return { accepted: true, extra: (newer) => ({ acceptedSince: newer.since }) };
  const list = parseRouteList(data);
  const routes = !('error' in list) && list.spelling === 'kea';
  const bytes = data !== '' && keaHex(data) !== undefined;
  const accepted = hex ? bytes : routes;
  const marker = routes || bytes ? { keaRoute121: { entry } } : {};
  return { accepted, extra: (newer) => ({ ...(accepted ? { acceptedSince: newer.since } : {}), ...marker }) };
}

/** Kea has no definition for this option: an error, or one only for versions before the definition appeared. */
function undefinedName(label: string, space: string, newer: KeaOptionDef | undefined, ctx: OptionContext, where: Node, byCode: boolean, later: ReturnType<typeof newerVerdict>): void {
  const what = byCode ? `Kea 2.2 has no definition for option ${label}, and in the global option-data it reads such an option only with "csv-format": false` : `Kea 2.2 has no option "${label}" in space ${space}`;
  const fix = byCode ? 'write "csv-format": false with hex data, or add an option-def' : 'add an option-def, or use "code" with "csv-format": false and hex data';
  const message = `${what}: kea-dhcp4 refuses the file ("definition for the option … does not exist"); ${fix}`;
  if (newer?.since) {
    const how = later.accepted ? '' : `, and read its data as ${newer.code === 121 ? 'a route list ("DEST/LEN - ROUTER, …")' : 'that definition says'}, which this is not`;
    ctx.report(spanOf(where), `${message}. Kea ${newer.since} and later define "${newer.name}" (code ${newer.code})${how}`, later.extra(newer));
  } else ctx.report(spanOf(where), message, ctx.lenient ? { severity: 'warning' } : undefined);
}
