/**
 * Hover text for option values: option 121/249 route tables, option 33 static routes and option
 * 82 relay agent information, each with a structural error shown at its byte.
 */
import type { Settings } from '../core/settings';
import type { Span } from '../core/text';
import { toHex } from './hexText';
import { formatIPv4, maskOf } from './ipv4';
import { defaultRouterOf } from './locate';
import type { DhcpFile, DhcpOption, DhcpScope } from './model';
import { decodeOption82 } from './option82';
import { optionInfo } from './options.data';
import { routesOfOption } from './optionRoutes';
import { decodeRoutes, type Route } from './route121';
import { staticRoutesOf } from './staticRoutes';

/** Bytes shown around a marked byte. */
const WINDOW = 12;
/** Rows shown in a table before "… and N more". */
const MAX_ROWS = 64;

const code = (s: string): string => `\`${s.replace(/`/g, "'")}\``;

/** `10.0.0.0/8`, the destination as carried. */
export const destinationText = (r: Route): string => `${formatIPv4(r.destination)}/${r.width}`;

/**
 * A hex dump of the bytes near `offset` with carets under bytes `offset .. offset+length-1`, in a
 * text block: the exact byte a structural error is at.
 */
export function markedBytes(bytes: Uint8Array, offset: number, length: number): string {
  const from = Math.max(0, offset - WINDOW);
  const to = Math.min(bytes.length, Math.max(offset + Math.max(length, 1), offset + 1) + WINDOW);
  const shown = Array.from(bytes.subarray(from, to), (b) => toHex(Uint8Array.of(b)));
  const lead = from > 0 ? '… ' : '';
  let marks = ' '.repeat(lead.length);
  for (let i = from; i < to; i++) marks += i >= offset && i < offset + Math.max(length, 1) ? '^^ ' : '   ';
  // An error past the last byte (a value that ends too early) points just after it.
  if (offset >= bytes.length) marks += '^';
  return ['```text', `${lead}${shown.join(' ')}${to < bytes.length ? ' …' : ''}`, marks.trimEnd(), '```'].join('\n');
}

/** The text near `at` (offsets into `text`) with carets under it: for values whose characters are not bytes. */
function markedText(text: string, at: Span): string {
  const from = Math.max(0, at.start - 30);
  const to = Math.min(text.length, Math.max(at.end, at.start + 1) + 30);
  const lead = from > 0 ? '… ' : '';
  const line = `${lead}${text.slice(from, to).replace(/[\r\n\t]/g, ' ')}${to < text.length ? ' …' : ''}`;
  return ['```text', line, `${' '.repeat(lead.length + at.start - from)}${'^'.repeat(Math.max(1, Math.min(at.end, to) - at.start))}`, '```'].join('\n');
}

const withoutBytePrefix = (m: string): string => m.replace(/^byte \d+: /, '');

function routeTable(routes: readonly Route[], extra?: (r: Route) => string): string[] {
  const rows = ['| Destination | Router |' + (extra ? ' Note |' : ''), '| --- | --- |' + (extra ? ' --- |' : '')];
  for (const r of routes.slice(0, MAX_ROWS)) {
    const dest = r.width === 0 ? `${code(destinationText(r))} (default route)` : code(destinationText(r));
    rows.push(`| ${dest} | ${code(formatIPv4(r.gateway))} |${extra ? ` ${extra(r)} |` : ''}`);
  }
  if (routes.length > MAX_ROWS) rows.push(`| … and ${routes.length - MAX_ROWS} more | |${extra ? ' |' : ''}`);
  return rows;
}

const hostBits = (r: Route): boolean => (r.destination & ~maskOf(r.width)) >>> 0 !== 0;

/** Option 121 or 249 at `option`: its routes, its bytes, and what is wrong with them. */
export function routesHover(file: DhcpFile, option: DhcpOption, scope: DhcpScope, settings: Settings): string {
  const info = optionInfo(option.code ?? 121);
  const decoded = routesOfOption(option);
  const { routes, problems, bytes } = decoded;
  const out: string[] = [];
  const size = bytes ? `, ${bytes.length} bytes` : '';
  out.push(`**Option ${option.code}** — ${info?.title ?? 'classless static routes'} · ${routes.length} route${routes.length === 1 ? '' : 's'}${size}`);
  if (routes.length) {
    const noted = routes.some(hostBits);
    out.push('', ...routeTable(routes, noted ? (r) => (hostBits(r) ? `host bits set beyond /${r.width}: the network is ${formatIPv4((r.destination & maskOf(r.width)) >>> 0)}/${r.width}` : '') : undefined));
  }
  if (bytes && option.format !== 'hex' && bytes.length) out.push('', `Hex: ${code(toHex(bytes))}`);
  for (const p of problems) {
    out.push('', p.byteOffset !== undefined ? `**Malformed at byte ${p.byteOffset}**: ${withoutBytePrefix(p.message)}` : `**Malformed**: ${p.message}`);
    if (bytes && bytes.length && p.byteOffset !== undefined) out.push(markedBytes(bytes, p.byteOffset, errorLength(bytes, p.byteOffset)));
    else if (option.exact) out.push(markedText(option.value, { start: p.span.start - option.valueSpan.start, end: p.span.end - option.valueSpan.start }));
  }
  if (bytes && bytes.length > 255) out.push('', `**Too long**: ${bytes.length} bytes; one option instance holds at most 255 (RFC 3396 splitting is not something every client does).`);
  const router = defaultRouterOf(file, scope);
  if (option.code === 121 && !problems.length && router !== undefined && !routes.some((r) => r.width === 0)) {
    out.push('', `**No default route**: clients that accept option 121 ignore the default router (option 3, ${code(formatIPv4(router))}) — RFC 3442. Add ${code(`0.0.0.0/0 via ${formatIPv4(router)}`)} to the routes.`);
  }
  if (option.code === 121 && settings.dhcp.windowsClients && !scope.options.some((o) => o.code === 249)) {
    out.push('', 'Windows clients read option 249: set it with the same routes.');
  }
  return out.join('\n');
}

/** How many bytes a structural error covers: the bad width byte, or a truncated route to the end. */
function errorLength(bytes: Uint8Array, offset: number): number {
  const e = decodeRoutes(bytes).error;
  return e && e.offset === offset ? e.length : 1;
}

/** Option 33: destination/router pairs and what each means as a classless route. */
export function staticRoutesHover(option: DhcpOption): string {
  const { routes, problem } = staticRoutesOf(option);
  const out = [`**Option 33** — Static routes (classful, RFC 2132) · ${routes.length} route${routes.length === 1 ? '' : 's'}`];
  if (routes.length) {
    out.push('', '| Destination | Router | As a classless route |', '| --- | --- | --- |');
    for (const r of routes.slice(0, MAX_ROWS)) {
      const meaning = r.width === 0 ? 'default route (0.0.0.0 is not allowed in option 33)' : r.width === 32 ? 'host route' : `class network /${r.width}`;
      out.push(`| ${code(formatIPv4(r.destination))} | ${code(formatIPv4(r.gateway))} | ${code(destinationText(r))} ${meaning} |`);
    }
  }
  if (problem) out.push('', `**Malformed**: ${problem}`);
  out.push('', 'Option 33 has no masks; RFC 3442 option 121 replaces it (the "Convert option 33 to option 121" refactoring writes it).');
  return out.join('\n');
}

/** Option 82 hex (a Cisco `relay-information hex` value, or option 82 set in hex): its sub-options. */
export function option82Hover(text: string): string {
  const decoded = decodeOption82(text);
  const { subOptions, bytes, error, wildcard } = decoded;
  const out = [`**Option 82** — Relay agent information · ${subOptions.length} sub-option${subOptions.length === 1 ? '' : 's'}${bytes ? `, ${bytes.length} bytes` : ''}`];
  if (subOptions.length) {
    out.push('', '| Sub-option | Value |', '| --- | --- |');
    for (const s of subOptions.slice(0, MAX_ROWS)) out.push(`| ${s.code} ${s.name} | ${s.summary.replace(/\|/g, '\\|')} |`);
  }
  if (wildcard) out.push('', '`*`: matches relay information that starts with these bytes.');
  if (error) {
    out.push('', `**Malformed at byte ${error.offset}**: ${withoutBytePrefix(error.message)}`);
    if (bytes && bytes.length) out.push(markedBytes(bytes, error.offset, bytes.length - error.offset));
    else out.push(markedText(text, error.span));
  }
  return out.join('\n');
}
