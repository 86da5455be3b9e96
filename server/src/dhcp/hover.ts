/**
 * Hovers for the DHCP dialects: route tables on option 121/249/33 values, decoded option 82,
 * and on a network (Cisco `network`, ISC `subnet`, Kea `subnet`, a dnsmasq or ISC range) the
 * addresses it spans and the settings it inherits, and from where. Pure: a parsed file in,
 * markdown out.
 */
import type { Settings } from '../core/settings';
import type { Span } from '../core/text';
import { broadcastOf, formatIPv4, maskOf, networkOf, usableHosts, type Prefix } from './ipv4';
import { ancestors, effectiveLease, effectiveOptions, parentPools } from './inheritance';
import { optionAt, optionLabel, scopeLabel, within } from './locate';
import type { AddressRange, DhcpFile, DhcpScope } from './model';
import { option82Hover, routesHover, staticRoutesHover } from './hoverValues';

export interface DhcpHover {
  markdown: string;
  span: Span;
}

const code = (s: string): string => `\`${s.replace(/`/g, "'")}\``;
/** Inherited settings listed before "… and N more". */
const MAX_INHERITED = 16;

export function dhcpHover(file: DhcpFile, offset: number, settings: Settings): DhcpHover | undefined {
  for (const cls of file.classes) {
    const relay = cls.relayInformation.find((r) => within(r.span, offset));
    if (relay) return { markdown: option82Hover(relay.value), span: relay.span };
  }
  const at = optionAt(file, offset);
  if (at) {
    const { option, scope } = at;
    if (option.code === 121 || option.code === 249) return { markdown: routesHover(file, option, scope, settings), span: option.valueSpan };
    if (option.code === 33) return { markdown: staticRoutesHover(option), span: option.valueSpan };
    if (option.code === 82 && option.format === 'hex') return { markdown: option82Hover(option.value), span: option.valueSpan };
    return undefined;
  }
  for (const scope of file.scopes) {
    if (!within(scope.span, offset)) continue;
    const network = scope.networks.find((n) => within(n.span, offset)) ?? (within(scope.headerSpan, offset) ? scope.networks[0] : undefined);
    if (network) return { markdown: networkHover(file, scope, network.value, network.secondary === true), span: network.span };
    const range = scope.ranges.find((r) => within(r.span, offset));
    if (range) return { markdown: rangeHover(file, scope, range), span: range.span };
  }
  return undefined;
}

function networkFacts(p: Prefix): string[] {
  const network = networkOf(p);
  const broadcast = broadcastOf(p);
  const hosts = usableHosts(p);
  // /31 and /32 have no network or broadcast address to set aside (RFC 3021).
  const first = p.length >= 31 ? network : network + 1;
  const last = p.length >= 31 ? broadcast : broadcast - 1;
  return [
    '| | |',
    '| --- | --- |',
    `| Network | ${code(formatIPv4(network))} |`,
    `| Mask | ${code(formatIPv4(maskOf(p.length)))} (/${p.length}) |`,
    `| Broadcast | ${code(formatIPv4(broadcast))} |`,
    `| Usable | ${code(formatIPv4(first >>> 0))} – ${code(formatIPv4(last >>> 0))} (${hosts.toLocaleString('en-US')} host${hosts === 1 ? '' : 's'}) |`,
  ];
}

const rangeSize = (r: AddressRange): number => Math.max(0, r.end.value - r.start.value + 1);
const rangeText = (r: AddressRange): string => `${code(formatIPv4(r.start.value))} – ${code(formatIPv4(r.end.value))} (${rangeSize(r).toLocaleString('en-US')} address${rangeSize(r) === 1 ? '' : 'es'})`;

function networkHover(file: DhcpFile, scope: DhcpScope, p: Prefix, secondary: boolean): string {
  const out = [`**${formatIPv4(networkOf(p))}/${p.length}**${secondary ? ' (secondary)' : ''} · ${scopeLabel(scope)}`];
  if (networkOf(p) !== p.address >>> 0) out.push('', `Host bits are set: ${code(`${formatIPv4(p.address)}/${p.length}`)} is the network ${code(`${formatIPv4(networkOf(p))}/${p.length}`)}.`);
  out.push('', ...networkFacts(p));
  const ranges = scope.ranges.slice(0, 4).map(rangeText);
  if (ranges.length) out.push(`| Range${scope.ranges.length > 1 ? 's' : ''} | ${ranges.join(', ')}${scope.ranges.length > 4 ? ` and ${scope.ranges.length - 4} more` : ''} |`);
  out.push(...inheritance(file, scope));
  return out.join('\n');
}

function rangeHover(file: DhcpFile, scope: DhcpScope, range: AddressRange): string {
  const out = [`**Range ${formatIPv4(range.start.value)} – ${formatIPv4(range.end.value)}** · ${rangeSize(range).toLocaleString('en-US')} address${rangeSize(range) === 1 ? '' : 'es'} · ${scopeLabel(scope)}`];
  const holder = [scope, ...ancestors(scope, parentPools(file))].find((s) => s.networks.length);
  const network = holder?.networks.find((n) => networkOf(n.value) === (range.start.value & maskOf(n.value.length)) >>> 0) ?? holder?.networks[0];
  if (network) out.push('', ...networkFacts(network.value));
  if (range.end.value < range.start.value) out.push('', '**Empty**: the range ends before it starts.');
  out.push(...inheritance(file, scope));
  return out.join('\n');
}

const short = (s: string): string => (s.length > 60 ? `${s.slice(0, 57)}…` : s);

/** What a scope takes from the scopes around it (Cisco: the pools whose networks hold it), and what it sets over them. */
function inheritance(file: DhcpFile, scope: DhcpScope): string[] {
  const parents = parentPools(file);
  const up = ancestors(scope, parents);
  const inherited = effectiveOptions(scope, parents)
    .filter((e) => e.from !== scope)
    .map((e) => `${optionLabel(e.option)} ${code(short(e.option.value))} — from ${scopeLabel(e.from)}`);
  const lease = effectiveLease(file.dialect, scope, parents);
  if (lease && lease.from !== scope) inherited.push(`lease ${code(lease.lease.raw)} — from ${scopeLabel(lease.from)}`);
  const overridden: string[] = [];
  for (const o of scope.options) {
    const over = up.find((s) => s.options.some((p) => (o.code !== undefined ? p.code === o.code : p.name === o.name)));
    if (over) overridden.push(`${optionLabel(o)} of ${scopeLabel(over)}`);
  }
  const out: string[] = [];
  if (inherited.length) {
    out.push('', '**Inherits**', '');
    out.push(...inherited.slice(0, MAX_INHERITED).map((l) => `- ${l}`));
    if (inherited.length > MAX_INHERITED) out.push(`- … and ${inherited.length - MAX_INHERITED} more`);
  }
  if (overridden.length) out.push('', `**Overrides** ${overridden.slice(0, MAX_INHERITED).join('; ')}`);
  // IOS pools inherit options but not leases ("Address leases are not inherited").
  const parentLease = file.dialect === 'cisco-ios' && !scope.lease ? up.find((s) => s.lease) : undefined;
  if (parentLease) out.push('', `The lease of ${scopeLabel(parentLease)} is not inherited: IOS gives this pool its default of one day.`);
  return out;
}
