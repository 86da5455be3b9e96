import type { Span } from '../../core/text';
import { isStrictIPv4 } from '../kea/values';
import type { DhcpOption, OptionFormat } from '../model';
import { unhide, type Value } from './lines';
import { dnsmasqOptionByCode, dnsmasqOptionByName } from './options.data';
import { fields, spanFrom, textFrom, utf8Length } from './values';

/**
 * `dhcp-option` / `dhcp-option-force` as dnsmasq 2.90 reads them (option.c parse_dhcp_opt):
 * `[tag:X,…][encap:N,|vi-encap:N,|vendor:CLASS,][option:NAME|CODE][,VALUE…]`. The value is
 * characterised by its characters: colon-separated hex, a decimal, IPv4 addresses (with `/LEN`
 * they become RFC 3442 width and significant octets: how option 121 is written), or a string.
 */

/** Codes dnsmasq reads as a time (`1h`) whatever the value looks like (OT_TIME). */
const TIME = new Set([51, 58, 59]);
/** Codes whose value dnsmasq always takes as a string (OT_NAME). */
const NAME = new Set([12, 15, 17, 18, 40, 64, 66, 67, 100, 101]);
/** Codes whose string value is a list of domain names (RFC 3397 search list, RFC 3361 SIP servers). */
const DOMAINS = new Set([119, 120]);

export interface DnsmasqOption {
  /** The model's option; undefined for DHCPv6 (`option6:`) lines, which the model leaves out. */
  option?: DhcpOption;
  /** `tag:`/`net:` names (and bare tags) the line is limited to. */
  tags: string[];
  problem?: { span: Span; message: string };
}

export function parseDhcpOption(v: Value, force: boolean, span: Span): DnsmasqOption {
  const fs = fields(v);
  const tags: string[] = [];
  let vendor = false;
  let encap = false;
  let vi = false;
  let code: number | undefined;
  let name: string | undefined;
  let ok = false;
  let i = 0;
  const fail = (at: Span, message: string): DnsmasqOption => ({ tags, problem: { span: at, message } });
  for (; i < fs.length; i++) {
    const t = fs[i].text;
    if (/^\d*$/.test(t)) {
      code = t ? Number(t) : 0;
      ok = true;
      break;
    }
    if (t.startsWith('option:')) {
      const o = dnsmasqOptionByName(t.slice(7));
      name = t;
      if (!o) return fail(fs[i].span, `dnsmasq has no DHCP option named "${unhide(t.slice(7))}" (see dnsmasq --help dhcp): "bad dhcp-option"`);
      if (o.internal) return fail(fs[i].span, `dnsmasq sets option ${o.code} (${o.name}) itself and refuses it by name: "bad dhcp-option" (the number ${o.code} is accepted)`);
      code = o.code;
      ok = true;
      break;
    }
    // DHCPv6 options are outside the model (and their names outside our tables).
    if (t.startsWith('option6:')) return { tags };
    if (t.startsWith('vendor:')) {
      if (encap) return fail(fs[i].span, 'vendor: cannot follow encap: ("inappropriate vendor:")');
      vendor = true;
    } else if (t.startsWith('encap:')) {
      if (vendor) return fail(fs[i].span, 'encap: cannot follow vendor: ("inappropriate encap:")');
      encap = true;
    } else if (t.startsWith('vi-encap:')) vi = true;
    else tags.push(unhide(/^(tag|net|set):/.test(t) ? t.slice(4) : t));
  }
  if (!ok) return fail(span, 'no option code: write a number or option:NAME after the tags ("bad dhcp-option")');
  const sub = vendor || encap || vi;
  const valueFields = fs.slice(i + 1);
  const valueSpan = valueFields.length ? spanFrom(fs, i + 1) : { start: fs[i].span.end, end: fs[i].span.end };
  const raw = valueFields.length ? valueFields.map((f) => f.text).join(',') : undefined;
  const value = valueFields.length ? textFrom(fs, i + 1) : '';
  const option: DhcpOption = {
    // Vendor and encapsulated sub-options are not DHCP options of their own.
    code: sub ? undefined : code,
    ...(name ? { name: unhide(name) } : {}),
    span,
    value,
    valueSpan,
    exact: false,
    format: 'text',
    ...(force ? { force: true } : {}),
    ...(tags.length ? { tags } : {}),
  };
  const judged = raw === undefined ? { format: 'text' as OptionFormat, length: 0 } : judge(raw, sub ? undefined : code);
  option.format = judged.format;
  const max = vi ? 250 : vendor || encap ? 253 : 255;
  if (judged.message) return { option, tags, problem: { span: valueSpan, message: judged.message } };
  if (judged.length > max) return { option, tags, problem: { span: valueSpan, message: `the value is ${judged.length} bytes; dnsmasq takes ${max} at most ("dhcp-option too long")` } };
  return { option, tags };
}

/** The value's format and encoded length, or why dnsmasq refuses it. */
function judge(raw: string, code: number | undefined): { format: OptionFormat; length: number; message?: string } {
  const info = code === undefined ? undefined : dnsmasqOptionByCode(code);
  let isAddr = true;
  let isHex = true;
  let isDec = true;
  let foundDig = false;
  let digs = 1;
  let dots = 0;
  for (let k = 0; k < raw.length; k++) {
    const c = raw[k];
    if (c === ',') isDec = isHex = false;
    else if (c === ':') {
      digs++;
      isDec = isAddr = false;
    } else if (c === '/') {
      isDec = isHex = false;
      if (k === 0) isAddr = false;
    } else if (c === '.') {
      isDec = isHex = false;
      dots++;
    } else if (c === '-') isHex = isAddr = false;
    else if (c === ' ') isDec = isHex = false;
    else if (c >= '0' && c <= '9') foundDig = true;
    else {
      isAddr = false;
      if (!(k === raw.length - 1 && isDec && /[bsi]/.test(c))) isDec = false;
      if (!/[A-Fa-f]/.test(c)) isHex = false;
    }
  }
  if (!foundDig) isDec = isAddr = false;
  if (info?.addresses) {
    if (!isAddr || !dots) return { format: 'ip', length: 0, message: `option ${code} takes IPv4 addresses, not "${unhide(raw)}" ("bad IP address")` };
  } else if (code !== undefined && (NAME.has(code) || code === 119)) isAddr = isDec = isHex = false;
  if (code !== undefined && foundDig && TIME.has(code)) return { format: 'text', length: 4 };
  if (isHex && digs > 1) return { format: 'hex', length: digs };
  if (isDec) return { format: 'text', length: 4 };
  if (isAddr) {
    let length = code === 120 ? 1 : 0;
    let prefixes = false;
    for (const item of raw.split(',')) {
      const slash = item.indexOf('/');
      const addr = slash < 0 ? item : item.slice(0, slash);
      if (!isStrictIPv4(addr)) return { format: 'ip', length, message: `"${addr}" is not an IPv4 address ("bad IPv4 address")` };
      if (slash < 0) length += 4;
      else {
        const width = parseInt(item.slice(slash + 1), 10) || 0;
        prefixes = true;
        length += 1 + Math.min(4, Math.ceil(width / 8));
      }
    }
    return { format: prefixes || code === 121 || code === 249 ? 'routes' : 'ip', length };
  }
  const text = unhide(raw);
  if (code !== undefined && DOMAINS.has(code)) {
    const bad = text.split(',').find((d) => d !== '.' && d.split('.').some((l) => l.length > 63));
    if (bad !== undefined) return { format: 'ascii', length: 0, message: `"${bad}" is not a domain name (labels of 63 characters at most): "bad domain in dhcp-option"` };
    return { format: 'ascii', length: 0 };
  }
  return { format: 'ascii', length: utf8Length(text) };
}
