import type { Node } from 'jsonc-parser';
import type { Span } from '../../core/text';
import { KEA22_CHILDREN, KEA22_MAPS, LATER_KEA_KEYWORDS, KEA22_MAY_BE_EMPTY, KEA22_NON_EMPTY_LISTS, KEA22_REQUIRED, type KeaKind, type KeaMap } from './keywords.data';
import { propsOf, spanOf } from './json';

/**
 * How the Kea modules report: `versionDependent` when only Kea 2.2 (the version judged) is known to
 * refuse it, `acceptedSince` when the first version accepting it is known, `severity: 'warning'`
 * when the refusal is not certain (a definition may live in another file).
 */
export interface ReportExtra {
  versionDependent?: boolean;
  acceptedSince?: string;
  severity?: 'warning';
  /** See ParseProblem.keaRoute121. */
  keaRoute121?: { entry: Span };
}

export type KeaReport = (span: Span, message: string, extra?: ReportExtra) => void;

/** What shape checks read besides the tree. */
export interface ShapeContext {
  text: string;
  report: KeaReport;
  /** Numbers only Kea reads (see KeaJson.numbers). */
  numbers: ReadonlyMap<number, 'integer' | 'real'>;
}

/** The JSON kind of a value node, integers apart from reals as Kea's lexer tells them. */
function kindOf(node: Node, ctx: ShapeContext): KeaKind | 'null' {
  switch (node.type) {
    case 'object':
      return 'map';
    case 'array':
      return 'list';
    case 'number':
      return ctx.numbers.get(node.offset) ?? (/[.eE]/.test(ctx.text.slice(node.offset, node.offset + node.length)) ? 'real' : 'integer');
    case 'boolean':
      return 'boolean';
    case 'string':
      return 'string';
    default:
      return 'null';
  }
}

const ARTICLE: Record<string, string> = { string: 'a string', integer: 'an integer', real: 'a number with a decimal point', boolean: 'true or false', list: 'a list', map: 'a map ({…})', null: 'null' };

/** Kea's lexer turns integers into int64: larger ones stop it ("Failed to convert … to an integer"). */
const INT64 = 2n ** 63n;

/**
 * Checks one map of the configuration against kea-dhcp4 2.2's grammar: known keys, the kind of
 * each value, required keys, no duplicates, not empty. `handled` keys are descended into by the
 * caller (the parts the model is built from); every other known child map or list is checked
 * here, recursively. `where` names the map in messages (`a subnet4 entry`).
 */
export function checkShape(node: Node, map: KeaMap, where: string, ctx: ShapeContext, handled: ReadonlySet<string> = new Set()): void {
  const { report, text } = ctx;
  if (node.type !== 'object') {
    report(spanOf(node), `${where} must be a map ({…}), not ${ARTICLE[kindOf(node, ctx)]}`);
    return;
  }
  const known: Readonly<Record<string, KeaKind>> = KEA22_MAPS[map];
  const props = propsOf(node);
  if (!props.length && !KEA22_MAY_BE_EMPTY.has(map)) report(spanOf(node), `${where} must not be empty: kea-dhcp4 refuses "{}" here`);
  const seen = new Map<string, Node>();
  for (const { key, keyNode, value } of props) {
    const keySpan = spanOf(keyNode);
    if (seen.has(key)) report(keySpan, `"${key}" appears twice in ${where}: kea-dhcp4 refuses duplicate keys`);
    seen.set(key, keyNode);
    const want = known[key];
    if (want === undefined) {
      const since = LATER_KEA_KEYWORDS[key];
      if (since) report(keySpan, `kea-dhcp4 2.2 does not know "${key}" in ${where} ("got unexpected keyword"); Kea ${since} and later accept it: set tlsnet.dhcp.keaVersion to the Kea you deploy`, { versionDependent: true, acceptedSince: since });
      else report(keySpan, `kea-dhcp4 2.2 does not know "${key}" in ${where} ("got unexpected keyword")`, { versionDependent: true });
      continue;
    }
    if (!value) continue;
    const got = kindOf(value, ctx);
    if (want !== 'any' && got !== want) {
      report(spanOf(value), `"${key}" takes ${ARTICLE[want]}, not ${ARTICLE[got]}`);
      continue;
    }
    if (got === 'integer' && !ctx.numbers.has(value.offset)) {
      const raw = text.slice(value.offset, value.offset + value.length);
      if (/^-?\d+$/.test(raw) && (BigInt(raw) >= INT64 || BigInt(raw) < -INT64)) report(spanOf(value), `${raw} does not fit in 64 bits: kea-dhcp4 cannot read it`);
    }
    if (value.type === 'array' && !value.children?.length && KEA22_NON_EMPTY_LISTS.has(`${map}.${key}`)) {
      report(spanOf(value), `"${key}" must not be an empty list: kea-dhcp4 refuses "[]" here`);
    }
    if (!handled.has(key)) checkChild(value, map, key, ctx);
  }
  for (const key of KEA22_REQUIRED[map] ?? []) {
    if (!seen.has(key)) report({ start: node.offset, end: node.offset + 1 }, `${where} needs "${key}" (kea-dhcp4: "missing parameter '${key}'")`);
  }
}

/** Checks the value under `map.key` by what the grammar expects there (see KEA22_CHILDREN). */
export function checkChild(value: Node, map: KeaMap, key: string, ctx: ShapeContext): void {
  const { report } = ctx;
  const child = KEA22_CHILDREN[`${map}.${key}`];
  if (!child || child === 'free') return;
  if (child === 'strings') {
    for (const item of value.children ?? []) {
      if (item.type !== 'string') report(spanOf(item), `"${key}" lists strings, not ${ARTICLE[kindOf(item, ctx)]}`);
    }
    return;
  }
  const [how, name] = child.split(':') as ['map' | 'list', KeaMap];
  if (how === 'map') checkShape(value, name, `"${key}"`, ctx);
  else for (const item of value.children ?? []) checkShape(item, name, `a ${key} entry`, ctx);
}
