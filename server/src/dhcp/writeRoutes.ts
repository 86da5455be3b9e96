/**
 * Writes a route list into a scope as the dialect spells option 121/249: Cisco `option 121 hex`
 * on a pool line, dhcpd `option rfc3442-classless-static-routes 32,1,1,1,1,…;` (with the option's
 * definition when the file lacks it), a Kea option-data entry, a dnsmasq `dhcp-option=121,…`
 * line, a RouterOS `/ip dhcp-server option` entry. Either replaces an option statement (an existing 121, or the option 33 being converted)
 * or adds a statement after a line. Returns edits; pure.
 */
import { findNodeAtOffset, getNodePath, modify, parseTree, type FormattingOptions, type JSONPath, type Node } from 'jsonc-parser';
import type { Edit } from '../core/finding';
import { LineIndex } from '../core/text';
import { toHex } from './hexText';
import type { DhcpFile, DhcpOption, DhcpScope } from './model';
import { encodeRoutes, formatRoutes, iscOptionDefinition, type Route } from './route121';

export interface RouteTarget {
  file: DhcpFile;
  scope: DhcpScope;
  /** Where the user is: a new statement goes on the line after this offset's line. */
  offset: number;
  /** The statement the routes replace, keeping its place (and dnsmasq tags). */
  replace?: DhcpOption;
  /** dnsmasq: an option whose key and tags a new line copies (the option 33 being converted). */
  like?: DhcpOption;
  code?: 121 | 249;
  keaVersion?: string;
}

export function writeRoutes(t: RouteTarget, routes: readonly Route[]): Edit[] {
  switch (t.file.dialect) {
    case 'cisco-ios':
      return statement(t, formatRoutes(routes, 'cisco', { code: t.code }));
    case 'dhcpd':
      return writeIsc(t, routes);
    case 'kea':
      return writeKea(t, routes);
    case 'dnsmasq':
      return writeDnsmasq(t, routes);
    case 'mikrotik':
      return writeMikrotik(t, routes);
  }
}

const edit = (t: RouteTarget, start: number, end: number, newText: string): Edit => ({ file: t.file.path, span: { start, end }, newText });

/** The line break the file uses. */
const eolOf = (text: string): string => (/\r\n/.test(text) ? '\r\n' : '\n');

/** Leading blanks of the line holding `offset`. */
function indentAt(text: string, offset: number): string {
  const index = new LineIndex(text);
  const start = index.lineStart(index.positionAt(offset).line);
  return /^[ \t]*/.exec(text.slice(start, start + 200))?.[0] ?? '';
}

/** One indentation step of the file: its first indented line's blanks, else `fallback`. */
function indentUnit(text: string, fallback: string): string {
  const m = /^([ \t]+)\S/m.exec(text.slice(0, 64 * 1024));
  return m ? m[1] : fallback;
}

/** How statements inside `scope` are indented: like its first statement, else one step in from its header. */
function bodyIndent(t: RouteTarget, fallback: string): string {
  const { scope, file } = t;
  const inner = scope.options[0]?.span ?? scope.networks[0]?.span ?? scope.ranges[0]?.span;
  if (inner) return indentAt(file.text, inner.start);
  if (scope.kind === 'global') return '';
  return indentAt(file.text, scope.headerSpan.start) + indentUnit(file.text, fallback);
}

/** A line-based statement: replaces `t.replace`, else goes on a new line after the cursor's line. */
function statement(t: RouteTarget, text: string, fallbackIndent = ' '): Edit[] {
  if (t.replace) return [edit(t, t.replace.span.start, t.replace.span.end, text)];
  const index = new LineIndex(t.file.text);
  const end = index.lineEnd(index.positionAt(t.offset).line);
  return [edit(t, end, end, `${eolOf(t.file.text)}${bodyIndent(t, fallbackIndent)}${text}`)];
}

const ISC_NAMES = { 121: 'rfc3442-classless-static-routes', 249: 'ms-classless-static-routes' } as const;

/**
 * dhcpd knows option 121 only through a definition; the value's spelling follows its type: the
 * usual `array of unsigned integer 8` takes decimals, a `string` definition takes colon hex.
 */
function writeIsc(t: RouteTarget, routes: readonly Route[]): Edit[] {
  const code = t.code ?? 121;
  const def = t.file.definitions.find((d) => d.code.value === code);
  const name = def?.name.value ?? ISC_NAMES[code];
  const value = def && !/integer\s+8/.test(def.type) && /string/.test(def.type) ? Array.from(encodeRoutes(routes), (b) => toHex(Uint8Array.of(b))).join(':') : routes.map((r) => Array.from(encodeRoutes([r])).join(',')).join(', ');
  const text = `option ${name} ${value}`;
  const replacing = t.replace;
  const withSemicolon = replacing && t.file.text[replacing.span.end - 1] !== ';' ? text : `${text};`;
  const edits = statement(t, withSemicolon, '  ');
  if (!def) {
    // The definition must come before any use: at the top level, before the first block (or before this statement).
    const index = new LineIndex(t.file.text);
    const firstBlock = t.file.scopes.find((s) => s !== t.file.global && (!s.parent || s.parent === t.file.global));
    const before = Math.min(firstBlock ? firstBlock.headerSpan.start : Infinity, replacing ? replacing.span.start : edits[0].span.start);
    const at = index.lineStart(index.positionAt(before).line);
    const definition = `${iscOptionDefinition(code)}${eolOf(t.file.text)}`;
    // Two insertions at one offset would land in either order: make them one.
    if (!replacing && edits[0].span.start === at) edits[0] = { ...edits[0], newText: definition + edits[0].newText };
    else edits.unshift(edit(t, at, at, definition));
  }
  return edits;
}

function writeDnsmasq(t: RouteTarget, routes: readonly Route[]): Edit[] {
  const line = formatRoutes(routes, 'dnsmasq', { code: t.code });
  const list = line.slice(line.indexOf(',') + 1);
  const replacing = t.replace;
  if (!replacing) {
    const like = t.like;
    const head = like && headOf(t, like);
    return statement(t, like && head ? `${t.file.text.slice(like.span.start, like.span.start + head.index)}${t.code ?? 121},${list}` : line, '');
  }
  // Keep the key (`dhcp-option-force`) and the tags: rewrite the option number/name and the value.
  const m = headOf(t, replacing);
  if (!m) return [edit(t, replacing.span.start, replacing.span.end, line)];
  return [edit(t, replacing.span.start + m.index, replacing.valueSpan.end, `${t.code ?? 121},${list}`)];
}

/** Where the option number or `option:NAME` is in a dnsmasq line, before the value. */
function headOf(t: RouteTarget, o: DhcpOption): RegExpExecArray | undefined {
  if (!o.exact) return undefined;
  return /(?:option6?:[\w-]+|\d+)\s*,?\s*$/.exec(t.file.text.slice(o.span.start, o.valueSpan.start)) ?? undefined;
}

/**
 * RouterOS: a value lives in an `/ip dhcp-server option` entry that networks name in their
 * `dhcp-option` list. A replaced option keeps its entry (its `code` rewritten when option 33
 * becomes 121); a new one is a one-line `/ip dhcp-server option add …` before the network at the
 * cursor (RouterOS refuses a name before its option is added), which then names it.
 */
function writeMikrotik(t: RouteTarget, routes: readonly Route[]): Edit[] {
  const text = t.file.text;
  const code = t.code ?? 121;
  const value = formatRoutes(routes, 'mikrotik', { code });
  const r = t.replace;
  if (r) {
    const command = text.slice(r.span.start, r.span.end);
    // The whole `value=` word (quotes, `\` continuations and all), unless the hex is exact where it is.
    const word = /(?<=\svalue=(?:\\\r?\n[ \t]*)*)("(?:[^"\\\r\n]|\\\r?\n[ \t]*|\\.)*"|(?:[^\s"\\]|\\\r?\n[ \t]*|\\.)*)/.exec(command);
    const at = r.exact && r.format === 'hex' ? r.valueSpan : word ? { start: r.span.start + word.index, end: r.span.start + word.index + word[0].length } : undefined;
    const edits = at ? [edit(t, at.start, at.end, value)] : [];
    const codeAt = r.code !== code ? /(?<=\scode=)\d+/.exec(command) : null;
    if (edits.length && codeAt) edits.push(edit(t, r.span.start + codeAt.index, r.span.start + codeAt.index + codeAt[0].length, String(code)));
    return edits;
  }
  const taken = new Set(t.file.scopes.flatMap((s) => s.options.map((o) => o.name)));
  const base = code === 121 ? 'classless-static-route' : 'ms-classless-static-route';
  let name = base;
  for (let n = 2; taken.has(name); n++) name = `${base}-${n}`;
  const eol = eolOf(text);
  const line = `/ip dhcp-server option add code=${code} name=${name} value=${value}`;
  const network = t.scope.kind === 'subnet' ? t.scope : undefined;
  if (!network) {
    // After the command at the cursor, past the lines it continues onto with a trailing `\`.
    const index = new LineIndex(text);
    let row = index.positionAt(t.offset).line;
    while (text[index.lineEnd(row) - 1] === '\\' && row + 1 < index.lineCount) row++;
    const end = index.lineEnd(row);
    return [edit(t, end, end, `${eol}${line}`)];
  }
  const index = new LineIndex(text);
  const lineStart = index.lineStart(index.positionAt(network.span.start).line);
  const command = text.slice(network.span.start, network.span.end);
  const list = /(?<=\sdhcp-option=)("(?:[^"\\\r\n]|\\.)*"|[^\s"]*)/.exec(command);
  let reference: Edit;
  if (!list) reference = edit(t, network.span.end, network.span.end, ` dhcp-option=${name}`);
  else {
    const quoted = list[0].startsWith('"');
    const end = network.span.start + list.index + list[0].length - (quoted ? 1 : 0);
    reference = edit(t, end, end, list[0].replace(/"/g, '') ? `,${name}` : name);
  }
  return [edit(t, lineStart, lineStart, `${line}${eol}`), reference];
}

/**
 * Kea: an option-data entry, written on one line like the entries Kea's own examples use. The JSON
 * is located with jsonc-parser; a new `option-data` list is added through its `modify`.
 */
function writeKea(t: RouteTarget, routes: readonly Route[]): Edit[] {
  const text = t.file.text;
  const root = parseTree(text);
  if (!root) return [];
  const entry = formatRoutes(routes, 'kea', { code: t.code, keaVersion: t.keaVersion });
  if (t.replace) {
    const node = objectAt(root, t.replace.span.start);
    if (node && node.parent?.type === 'array') return [edit(t, node.offset, node.offset + node.length, entry)];
  }
  const holder = t.scope.kind === 'global' ? dhcp4(root) : objectAt(root, t.scope.span.start);
  if (!holder) return [];
  const list = holder.children?.find((p) => p.children?.[0]?.value === 'option-data')?.children?.[1];
  const last = list?.type === 'array' ? list.children?.[list.children.length - 1] : undefined;
  if (last) {
    const end = last.offset + last.length;
    // On its own line, the entry gets the last one's indentation; otherwise it follows on that line.
    const lineStart = Math.max(text.lastIndexOf('\n', last.offset) + 1, 0);
    const ownLine = !/\S/.test(text.slice(lineStart, last.offset));
    return [edit(t, end, end, ownLine ? `,${eolOf(text)}${text.slice(lineStart, last.offset)}${entry}` : `, ${entry}`)];
  }
  const value = JSON.parse(entry) as unknown;
  const path: JSONPath = list?.type === 'array' ? [...getNodePath(holder), 'option-data', 0] : [...getNodePath(holder), 'option-data'];
  return toEdits(t, modify(text, path, list?.type === 'array' ? value : [value], { formattingOptions: jsonFormatting(text), isArrayInsertion: list?.type === 'array' }));
}

const toEdits = (t: RouteTarget, edits: ReturnType<typeof modify>): Edit[] => edits.map((e) => edit(t, e.offset, e.offset + e.length, e.content));

/** The innermost object holding `offset` (a scope's or an option-data entry's). */
function objectAt(root: Node, offset: number): Node | undefined {
  for (let n = findNodeAtOffset(root, offset, true); n; n = n.parent) if (n.type === 'object') return n;
  return undefined;
}

function dhcp4(root: Node): Node | undefined {
  const prop = root.children?.find((p) => p.children?.[0]?.value === 'Dhcp4');
  return prop?.children?.[1]?.type === 'object' ? prop.children[1] : undefined;
}

/** The file's own indentation, so inserted JSON looks like the rest. */
function jsonFormatting(text: string): FormattingOptions {
  const m = /^([ \t]+)["{[]/m.exec(text.slice(0, 64 * 1024));
  const unit = m?.[1] ?? '  ';
  const insertSpaces = !unit.startsWith('\t');
  return { insertSpaces, tabSize: insertSpaces ? Math.min(unit.length, 8) || 2 : 4, eol: eolOf(text) };
}
