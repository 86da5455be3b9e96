/**
 * The quick fix for a Kea option 121/249 entry that kea-dhcp4 before 2.6 refuses (the
 * `classless-static-route` name without a definition, a route list or hex Kea cannot read): the
 * spelling every Kea version accepts, `"code": N, "csv-format": false` and plain hex. The Kea
 * parser reports those refusals (dhcp/syntax-error); a rule that owns them attaches this fix.
 */
import { findNodeAtLocation, parseTree, type Node } from 'jsonc-parser';
import type { Edit, Fix } from '../../core/finding';
import type { Span } from '../../core/text';
import { toHex } from '../hexText';
import type { DhcpFile, DhcpOption } from '../model';
import { decodeRoutes, parseRouteText } from '../route121';

/** The entry's JSON properties, from the option's text. */
function entryOf(file: DhcpFile, option: DhcpOption): { root: Node; base: number } | undefined {
  const text = file.text.slice(option.span.start, option.span.end);
  const root = text.startsWith('{') ? parseTree(text) : undefined;
  return root?.type === 'object' ? { root, base: option.span.start } : undefined;
}

/** Rewrites the entry as `"code": N, "csv-format": false, "data": "<hex>"`, keeping its other keys and layout. */
export function keaRouteFix(file: DhcpFile, option: DhcpOption): Fix | undefined {
  const code = option.code;
  if (file.dialect !== 'kea' || (code !== 121 && code !== 249)) return undefined;
  // Read the data in whatever spelling it has: the entry may claim hex and hold a route list.
  const parsed = parseRouteText(option.value.trim());
  const entry = entryOf(file, option);
  if (!entry || 'error' in parsed || !parsed.bytes.length || (!parsed.routes && decodeRoutes(parsed.bytes).error)) return undefined;
  const prop = (k: string): Node | undefined => findNodeAtLocation(entry.root, [k])?.parent;
  const at = (n: Node): Span => ({ start: entry.base + n.offset, end: entry.base + n.offset + n.length });
  const data = prop('data')?.children?.[1];
  const csv = prop('csv-format')?.children?.[1];
  const codeProp = prop('code');
  const name = prop('name');
  if (!data || (!codeProp && !name)) return undefined;
  const edits: Edit[] = [{ file: file.path, span: at(data), newText: JSON.stringify(toHex(parsed.bytes)) }];
  if (csv) edits.push({ file: file.path, span: at(csv), newText: 'false' });
  const csvText = csv ? '' : ', "csv-format": false';
  // With a code the name may stay (Kea then uses the code); without one the name becomes the code.
  if (codeProp) {
    if (csvText) edits.push({ file: file.path, span: { start: at(codeProp).end, end: at(codeProp).end }, newText: csvText });
  } else if (name) edits.push({ file: file.path, span: at(name), newText: `"code": ${code}${csvText}` });
  return { title: `Write option ${code} as "code": ${code} with hex data (every Kea version)`, preferred: true, edits };
}

