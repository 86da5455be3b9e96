/**
 * Option 121/249 spelled so the server refuses the file: dhcpd has no built-in name for either
 * (dhcp-options(5): define it with `option NAME code 121 = …;`), and Kea before 2.6 knows no
 * `classless-static-route` definition and reads code 121 data only as hex.
 *
 *     option rfc3442-classless-static-routes 32,1,1,1,1,192,168,0,1;   # flagged without its definition
 *     { "name": "classless-static-route", "data": "1.1.1.1/32 - 192.168.0.1" }   # flagged on Kea 2.2
 */
import { findNodeAtLocation, parseTree, type Node } from 'jsonc-parser';
import type { Edit, Fix } from '../../core/finding';
import type { Span } from '../../core/text';
import { toHex } from '../hexText';
import { routesOfOption } from '../optionRoutes';
import type { DhcpFile, DhcpOption } from '../model';
import type { DhcpContext, DhcpRule } from '../rule';
import { parserReported } from './addressing';
import { routeOptions, type RouteOption } from './routeOptions';
import { KEA_ROUTES_SINCE, keaKnowsRoutes, keaReadsHex } from './routeServers';

const KEA_NAME = 'classless-static-route';

/** dhcpd names people give 121/249 in `option NAME code N = …` (none is built in). */
const ISC_ROUTE_NAME = /classless|rfc3442/i;

const keaDefined = (ctx: DhcpContext, o: DhcpOption): boolean =>
  ctx.files.some((f) => f.definitions.some((d) => d.name.value === o.name || (o.code !== undefined && d.code.value === o.code)));

/** The entry's JSON properties, from the option's text. */
function entryOf(file: DhcpFile, option: DhcpOption): { root: Node; base: number } | undefined {
  const text = file.text.slice(option.span.start, option.span.end);
  const root = text.startsWith('{') ? parseTree(text) : undefined;
  return root?.type === 'object' ? { root, base: option.span.start } : undefined;
}

/** Kea entries for option 121/249: by code, or by the 2.6+ name, which Kea 2.2 does not resolve to a code. */
export function keaRouteOptions(ctx: DhcpContext): RouteOption[] {
  const byCode = routeOptions(ctx);
  const byName: RouteOption[] = [];
  for (const file of ctx.files) {
    for (const scope of file.scopes) {
      for (const option of scope.options) {
        if (option.code === undefined && option.name === KEA_NAME) byName.push({ file, scope, option, code: 121, decoded: routesOfOption(option) });
      }
    }
  }
  return [...byCode.filter((r) => r.file.dialect === 'kea'), ...byName];
}

/** Why kea-dhcp4 refuses this 121/249 entry, or undefined when it loads it. */
export function keaRefusal(ro: RouteOption, ctx: DhcpContext): string | undefined {
  const { file, option, code } = ro;
  const entry = entryOf(file, option);
  const prop = (k: string): Node | undefined => (entry ? findNodeAtLocation(entry.root, [k]) : undefined);
  const { keaVersion } = ctx.settings.dhcp;
  const knows = code === 121 && keaKnowsRoutes(keaVersion);
  const version = keaVersion ? `Kea ${keaVersion}` : `Kea before ${KEA_ROUTES_SINCE} (tlsnet.dhcp.keaVersion is unset)`;
  const byName = option.name === KEA_NAME && !prop('code');
  if (byName && !knows && !keaDefined(ctx, option)) return `${version} has no definition for "${KEA_NAME}": kea-dhcp4 refuses the file ("definition for the option 'dhcp4.${KEA_NAME}' does not exist")`;
  const csvFalse = prop('csv-format')?.value === false;
  if ((csvFalse || !knows) && !keaReadsHex(option.value)) {
    const shown = option.value.length > 40 ? `${option.value.slice(0, 40)}…` : option.value;
    return `${version} reads option ${code} data as hex${option.format === 'routes' ? ', not as a route list' : ''}: kea-dhcp4 refuses "${shown}" ("option data is not a valid string of hexadecimal digits")`;
  }
  return undefined;
}

/** Rewrites the entry as `"code": N, "csv-format": false, "data": "<hex>"`, keeping its other keys and layout. */
function keaFix(ro: RouteOption): Fix | undefined {
  const { file, option, code, decoded } = ro;
  const entry = entryOf(file, option);
  if (!entry || !decoded.bytes || decoded.problems.length) return undefined;
  const prop = (k: string): Node | undefined => findNodeAtLocation(entry.root, [k])?.parent;
  const at = (n: Node): Span => ({ start: entry.base + n.offset, end: entry.base + n.offset + n.length });
  const data = prop('data')?.children?.[1];
  const csv = prop('csv-format')?.children?.[1];
  const codeProp = prop('code');
  const name = prop('name');
  if (!data || (!codeProp && !name)) return undefined;
  const edits: Edit[] = [{ file: file.path, span: at(data), newText: JSON.stringify(toHex(decoded.bytes)) }];
  if (csv) edits.push({ file: file.path, span: at(csv), newText: 'false' });
  const csvText = csv ? '' : ', "csv-format": false';
  // With a code the name may stay (Kea then uses the code); without one the name becomes the code.
  if (codeProp) {
    if (csvText) edits.push({ file: file.path, span: { start: at(codeProp).end, end: at(codeProp).end }, newText: csvText });
  } else if (name) edits.push({ file: file.path, span: at(name), newText: `"code": ${code}${csvText}` });
  return { title: `Write option ${code} as "code": ${code} with hex data (every Kea version)`, preferred: true, edits };
}

/** Where a dhcpd definition goes: before the first line that is not blank or a comment. */
export function definitionInsertAt(file: DhcpFile): number {
  const re = /^[ \t]*(#.*)?(\r?\n|$)/y;
  let at = 0;
  while (at < file.text.length) {
    re.lastIndex = at;
    const m = re.exec(file.text);
    if (!m || !m[0].length) break;
    at += m[0].length;
  }
  return at;
}

function checkIsc(ctx: DhcpContext, report: Parameters<DhcpRule['check']>[1]): void {
  const defined = new Set(ctx.files.flatMap((f) => f.definitions.map((d) => d.name.value)));
  for (const file of ctx.files) {
    for (const scope of file.scopes) {
      for (const option of scope.options) {
        const name = option.name;
        if (option.code !== undefined || !name || !ISC_ROUTE_NAME.test(name) || defined.has(name)) continue;
        const code = /^ms-/i.test(name) ? 249 : 121;
        const type = option.format === 'decimal' ? 'array of unsigned integer 8' : 'string';
        const eol = file.text.includes('\r\n') ? '\r\n' : '\n';
        const definition = `option ${name} code ${code} = ${type};`;
        const at = definitionInsertAt(file);
        report({
          file: file.path,
          span: { start: option.span.start, end: option.valueSpan.start > option.span.start ? option.valueSpan.start : option.span.end },
          message: `dhcpd has no option named "${name}": without "${definition}" before it, dhcpd -t fails ("unknown option dhcp.${name}") and the server does not start.`,
          fixes: [{ title: `Define ${name} as option ${code}`, preferred: true, edits: [{ file: file.path, span: { start: at, end: at }, newText: definition + eol }] }],
        });
      }
    }
  }
}

export const route121UnsupportedSpelling: DhcpRule = {
  meta: {
    id: 'dhcp/route121-unsupported-spelling',
    language: 'dhcp',
    description: 'Option 121/249 written in a way the server refuses: an undefined dhcpd option name, or a Kea spelling that Kea before 2.6 cannot read.',
    severity: 'error',
    fixable: true,
    citation: 'dhcp-options(5), Defining new options; Kea ARM, Standard and Custom DHCPv4 Options; RFC 3442',
  },
  check(ctx, report) {
    if (ctx.file.dialect === 'dhcpd') checkIsc(ctx, report);
    if (ctx.file.dialect !== 'kea') return;
    for (const ro of keaRouteOptions(ctx)) {
      const why = keaRefusal(ro, ctx);
      if (!why || parserReported(ro.file, ro.option.span)) continue;
      const fix = keaFix(ro);
      report({ file: ro.file.path, span: ro.option.span, message: `${why}. Write it as "code": ${ro.code} with "csv-format": false and hex data.`, fixes: fix ? [fix] : undefined });
    }
  },
};
