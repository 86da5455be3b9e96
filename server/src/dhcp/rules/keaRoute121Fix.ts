/**
 * The quick fix for Kea option 121 written as Kea 2.2 cannot read it (ParseProblem.keaRoute121):
 * the 2.6 name `classless-static-route`, or code 121 with route-list or CSV data. The option-data
 * entry becomes `"code": 121, "space": "dhcp4", "csv-format": false` with hex data, the spelling
 * every Kea version reads. Only what must change is edited, so the entry's other members, its
 * layout and its indentation stay as written.
 *
 *     { "name": "classless-static-route", "data": "10.0.0.0/8 - 192.168.0.1" }
 *     { "code": 121, "space": "dhcp4", "csv-format": false, "data": "080ac0a80001" }
 */
import type { Edit, Fix } from '../../core/finding';
import type { Span } from '../../core/text';
import { propsOf, readKeaJson } from '../kea/json';
import { keaHex } from '../kea/values';
import type { DhcpFile } from '../model';
import { formatRoutes } from '../route121';
import { parseRouteList } from '../routeText';

type Member = ReturnType<typeof propsOf>[number];

/** The entry's data as Kea hex: a Kea route list encoded, hex kept as written; undefined for anything else. */
function hexData(data: string): string | undefined {
  const list = parseRouteList(data);
  if (!('error' in list) && list.spelling === 'kea') return formatRoutes(list.routes, 'hex');
  return data !== '' && keaHex(data) !== undefined ? data : undefined;
}

/** What separates two members here: `, ` on one line, else a line break and the members' indentation. */
function separator(text: string, members: readonly Member[]): string {
  for (let i = 1; i < members.length; i++) {
    const start = members[i].prop.offset;
    const gap = text.slice(members[i - 1].prop.offset + members[i - 1].prop.length, start);
    if (!/[\n\r]/.test(gap)) continue;
    const lineStart = Math.max(text.lastIndexOf('\n', start), text.lastIndexOf('\r', start)) + 1;
    const indent = text.slice(lineStart, start);
    return `,${gap.includes('\r\n') ? '\r\n' : '\n'}${/^[ \t]*$/.test(indent) ? indent : ''}`;
  }
  return ', ';
}

export function keaRoute121Fix(file: DhcpFile, entry: Span): Fix[] | undefined {
  const text = file.text.slice(entry.start, entry.end);
  const json = readKeaJson(file.path, text);
  if (!json.root || json.root.type !== 'object' || json.errors.length) return undefined;
  const members = propsOf(json.root);
  const member = (key: string): Member | undefined => members.find((m) => m.key === key);
  const data = member('data');
  const hex = data?.value?.type === 'string' ? hexData(String(data.value.value)) : undefined;
  if (!data?.value || hex === undefined) return undefined;
  const at = (start: number, end: number, newText: string): Edit => ({ file: file.path, span: { start: entry.start + start, end: entry.start + end }, newText });
  const end = (m: Member): number => m.prop.offset + m.prop.length;
  const edits: Edit[] = [];
  const added = [member('code') ? '' : '"code": 121', member('space') ? '' : '"space": "dhcp4"', member('csv-format') ? '' : '"csv-format": false'].filter(Boolean);
  const csv = member('csv-format')?.value;
  if (csv && csv.value !== false) edits.push(at(csv.offset, csv.offset + csv.length, 'false'));
  const sep = separator(text, members);
  const name = member('name');
  const code = member('code');
  if (name && added.length) edits.push(at(name.prop.offset, end(name), added.join(sep)));
  else if (name) {
    // The code is there already: the name goes, with the separator after it (before it, when last).
    const i = members.indexOf(name);
    edits.push(i + 1 < members.length ? at(name.prop.offset, members[i + 1].prop.offset, '') : at(end(members[i - 1]), end(name), ''));
  } else if (code && added.length) edits.push(at(end(code), end(code), added.map((a) => `${sep}${a}`).join('')));
  if (hex !== data.value.value) edits.push(at(data.value.offset, data.value.offset + data.value.length, JSON.stringify(hex)));
  if (!edits.length) return undefined;
  return [{ title: 'Write option 121 as "code": 121 with hex data ("csv-format": false), which every Kea version reads', preferred: true, edits }];
}
