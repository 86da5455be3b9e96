/**
 * Microsoft's DHCP client before Windows Vista reads classless static routes from its private
 * option 249 (the RFC 3442 format under another code), not from 121. With
 * `tlsnet.dhcp.windowsClients` on, every 121 wants a 249 twin in the same scope.
 *
 *     ip dhcp pool office
 *      option 121 hex 2001.0101.01c0.a800.0100.c0a8.0001     # flagged: no option 249
 */
import type { Edit } from '../../core/finding';
import { toHex } from '../hexText';
import type { DhcpContext, DhcpRule } from '../rule';
import { routeOptions, sameClients, type RouteOption } from './routeOptions';

const ISC_249 = 'ms-classless-static-routes';

const eolOf = (text: string): string => (text.includes('\r\n') ? '\r\n' : '\n');

/** Where a dhcpd definition goes when there is none to sit beside: before the first line that is not blank or a comment. */
function definitionInsertAt(text: string): number {
  const re = /^[ \t]*(#.*)?(\r?\n|$)/y;
  let at = 0;
  while (at < text.length) {
    re.lastIndex = at;
    const m = re.exec(text);
    if (!m || !m[0].length) break;
    at += m[0].length;
  }
  return at;
}

/** Start of the line holding `offset`, its indentation, and the end of the line holding `end`. */
function lineAround(text: string, offset: number, end: number): { indent: string; lineEnd: number; startsLine: boolean } {
  const lineStart = text.lastIndexOf('\n', offset - 1) + 1;
  const before = text.slice(lineStart, offset);
  const nl = text.indexOf('\n', end);
  const lineEnd = nl < 0 ? text.length : text[nl - 1] === '\r' ? nl - 1 : nl;
  return { indent: /^[ \t]*/.exec(before)?.[0] ?? '', lineEnd, startsLine: /^[ \t]*$/.test(before) };
}

/** The 121 statement rewritten for 249 (the code or name before the value replaced), on a new line after it. */
function twinStatement(ro: RouteOption, name249: string): Edit | undefined {
  const { file, option } = ro;
  const head = file.text.slice(option.span.start, option.valueSpan.start);
  const rest = file.text.slice(option.valueSpan.start, option.span.end);
  let twinHead: string;
  if (file.dialect === 'dhcpd' && option.name && head.includes(option.name)) twinHead = head.replace(option.name, name249);
  else if (/\boption:classless-static-route\b/.test(head)) twinHead = head.replace('option:classless-static-route', '249');
  else if (/\b121\b/.test(head)) twinHead = head.replace(/\b121\b/, '249');
  else return undefined;
  const { indent, lineEnd } = lineAround(file.text, option.span.start, option.span.end);
  return { file: file.path, span: { start: lineEnd, end: lineEnd }, newText: `${eolOf(file.text)}${indent}${twinHead}${rest}` };
}

/** dhcpd: the 249 definition (the 121 one's type) after the 121 definition or atop the file, unless one exists; its name. */
function iscDefinition(ctx: DhcpContext, ro: RouteOption): { name: string; edit?: Edit } | undefined {
  const defs = ctx.files.flatMap((f) => f.definitions);
  const existing = defs.find((d) => d.code.value === 249);
  if (existing) return { name: existing.name.value };
  const def121 = defs.find((d) => d.code.value === 121 && d.file === ro.file.path) ?? defs.find((d) => d.code.value === 121);
  if (!def121) return undefined;
  const eol = eolOf(ro.file.text);
  const line = `option ${ISC_249} code 249 = ${def121.type};`;
  if (def121.file !== ro.file.path) {
    const at = definitionInsertAt(ro.file.text);
    return { name: ISC_249, edit: { file: ro.file.path, span: { start: at, end: at }, newText: `${line}${eol}` } };
  }
  const { indent, lineEnd } = lineAround(ro.file.text, def121.span.start, def121.span.end);
  return { name: ISC_249, edit: { file: ro.file.path, span: { start: lineEnd, end: lineEnd }, newText: `${eol}${indent}${line}` } };
}

/** Kea: a `"code": 249` hex entry after the 121 entry (Kea has no definition for 249). */
function keaTwin(ro: RouteOption): Edit | undefined {
  const { file, option, decoded } = ro;
  if (!decoded.bytes || decoded.problems.length) return undefined;
  const entry = `{ "code": 249, "csv-format": false, "data": "${toHex(decoded.bytes)}" }`;
  const { indent, startsLine } = lineAround(file.text, option.span.start, option.span.end);
  return { file: file.path, span: { start: option.span.end, end: option.span.end }, newText: startsLine ? `,${eolOf(file.text)}${indent}${entry}` : `, ${entry}` };
}

function fixEdits(ctx: DhcpContext, ro: RouteOption): Edit[] | undefined {
  switch (ro.file.dialect) {
    case 'kea': {
      const e = keaTwin(ro);
      return e && [e];
    }
    case 'dhcpd': {
      const def = iscDefinition(ctx, ro);
      const twin = def && twinStatement(ro, def.name);
      return twin && (def.edit ? [def.edit, twin] : [twin]);
    }
    case 'mikrotik':
      // A twin needs its own option name and a place in each network's dhcp-option list: not guessed.
      return undefined;
    default: {
      const twin = twinStatement(ro, '');
      return twin && [twin];
    }
  }
}

export const missingOption249: DhcpRule = {
  meta: {
    id: 'dhcp/missing-option-249',
    language: 'dhcp',
    description: 'Option 121 without the option 249 twin that Windows clients before Vista read (only with tlsnet.dhcp.windowsClients).',
    severity: 'warning',
    fixable: true,
    citation: 'Microsoft DHCP client options: 249 Classless Static Routes; RFC 3442',
  },
  check(ctx, report) {
    if (!ctx.settings.dhcp.windowsClients) return;
    for (const ro of routeOptions(ctx)) {
      if (ro.code !== 121 || ro.scope.options.some((o) => o.code === 249 && sameClients(ro.option, o))) continue;
      const edits = fixEdits(ctx, ro);
      report({
        file: ro.file.path,
        span: ro.option.span,
        message: 'Option 121 has no option 249 twin: Windows clients before Vista read classless static routes only from option 249 (same format) and get none of these routes. Send the same value as option 249.',
        fixes: edits ? [{ title: 'Add option 249 with the same routes', preferred: true, edits }] : undefined,
      });
    }
  },
};
