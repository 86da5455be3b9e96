import type { Span } from '../../core/text';
import { isStrictIPv4 } from '../kea/values';
import { formatIPv4, lengthOfMask, parseIPv4 } from '../ipv4';
import type { DhcpFile, DhcpScope, Lease, StaticHost } from '../model';
import { emptyDhcpFile, emptyScope, readSafely } from '../file';
import { DNSMASQ_EMPTY_REFUSED, DNSMASQ_FLAGS, DNSMASQ_NOT_BUILT, DNSMASQ_OPTIONAL, DNSMASQ_VALUED } from './keys.data';
import { readLines, unhide, type DnsmasqLine } from './lines';
import { parseDhcpOption, type DnsmasqOption } from './options';
import { dnsmasqHex, fields, hostnameRefusal, ipv6Value, isAddress, leaseSeconds, type Field } from './values';

/**
 * Reads a dnsmasq configuration into the shared model. dnsmasq has no subnet blocks: each IPv4
 * `dhcp-range` becomes a `subnet` scope (child of the global one) holding its range, its lease
 * time and, when the line gives a netmask, its network (start address masked); without one
 * dnsmasq takes the netmask from the interface, so the scope has no network and rules that need
 * one skip it. A range's `set:TAG` is the scope's name; `dhcp-option` lines whose `tag:` names
 * that tag go in that scope, every other option in the global scope (keeping its tags).
 * `dhcp-host` reservations are global (dnsmasq matches them to any range). `conf-file`/`conf-dir`
 * are includes. IPv6 ranges and `option6:` lines are outside the model and skipped. What dnsmasq
 * 2.90 refuses (`dnsmasq --test`: unknown keys, bad ranges, options, hosts) is an `error`.
 * Never throws; linear in the text.
 */
export function parseDnsmasq(path: string, text: string): DhcpFile {
  const file = emptyDhcpFile('dnsmasq', path, text);
  return readSafely(file, 'dnsmasq', () => new DnsmasqReader(file).read());
}

/** Problems kept per file: a broken 10 MB file would otherwise report millions. */
const MAX_PROBLEMS = 1000;

class DnsmasqReader {
  private readonly options: { result: DnsmasqOption }[] = [];
  private readonly byTag = new Map<string, DhcpScope>();
  private readonly reserved = new Set<number>();

  constructor(private readonly file: DhcpFile) {}

  private error(span: Span, message: string): void {
    if (this.file.problems.length >= MAX_PROBLEMS) {
      if (this.file.problems.length === MAX_PROBLEMS) this.file.problems.push({ file: this.file.path, span, severity: 'warning', message: `more than ${MAX_PROBLEMS} problems: the rest are not shown` });
      return;
    }
    this.file.problems.push({ file: this.file.path, span, message, severity: 'error' });
  }

  read(): void {
    readLines(this.file.text, {
      line: (l) => this.line(l),
      comment: (c) => this.file.comments.push(c),
      error: (span, message) => this.error(span, message),
    });
    // Options last: a tag may name a range written further down.
    for (const { result } of this.options) {
      const option = result.option;
      if (!option) continue;
      // Without quotes the value is the text as written (spaces after commas kept), so spans inside it are exact.
      const written = this.file.text.slice(option.valueSpan.start, option.valueSpan.end);
      if (!written.includes('"')) option.value = written;
      option.exact = written === option.value;
      const scope = result.tags.map((t) => this.byTag.get(t)).find((s) => s) ?? this.file.global;
      scope.options.push(option);
    }
  }

  private line(l: DnsmasqLine): void {
    const key = l.key.value;
    const known = DNSMASQ_FLAGS.has(key) || DNSMASQ_VALUED.has(key) || DNSMASQ_OPTIONAL.has(key);
    if (!known) return this.error(l.key.span, `dnsmasq has no option "${unhide(key)}" ("bad option")`);
    if (DNSMASQ_FLAGS.has(key) && l.value) return this.error(l.span, `${key} takes no value ("extraneous parameter")`);
    if (DNSMASQ_VALUED.has(key) && !l.value) return this.error(l.span, `${key} needs a value: ${key}=… ("missing parameter")`);
    if (DNSMASQ_NOT_BUILT.has(key)) return this.error(l.key.span, `Debian's dnsmasq is built without ${key} ("recompile with HAVE_LUASCRIPT")`);
    const v = l.value;
    if (!v) return;
    if (!v.text && DNSMASQ_EMPTY_REFUSED.has(key)) return this.error(l.span, `${key}= needs a value`);
    switch (key) {
      case 'dhcp-range':
        return this.range(l, fields(v));
      case 'dhcp-option':
      case 'dhcp-option-force': {
        const result = parseDhcpOption(v, key === 'dhcp-option-force', l.span);
        if (result.problem) this.error(result.problem.span, result.problem.message);
        this.options.push({ result });
        return;
      }
      case 'dhcp-host':
        return this.host(l, fields(v));
      case 'conf-file':
      case 'conf-dir': {
        const f = fields(v)[0];
        if (f.text) this.file.includes.push({ file: this.file.path, path: { value: unhide(f.text), span: f.span }, span: l.span, ...(key === 'conf-dir' ? { directory: true } : {}) });
        return;
      }
      case 'dhcp-lease-max':
        if (!/^\d*$/.test(v.text)) this.error(fields(v)[0].span, `dhcp-lease-max takes a number of leases, not "${unhide(v.text)}"`);
        return;
      case 'domain': {
        const f = fields(v)[0];
        const value = unhide(f.text);
        if (value) this.file.global.options.push({ code: 15, name: 'domain', span: l.span, value, valueSpan: f.span, exact: this.file.text.slice(f.span.start, f.span.end) === value, format: 'ascii' });
        return;
      }
    }
  }

  /** `dhcp-range=[tag:T,…][set:S,]START,END|static|proxy[,NETMASK[,BROADCAST]][,LEASE]` (IPv6 forms skipped). */
  private range(l: DnsmasqLine, fs: Field[]): void {
    const bad = (span: Span, why: string): void => this.error(span, `${why} ("bad dhcp-range")`);
    let set: Field | undefined;
    let i = 0;
    // A field of hex digits, dots, colons and spaces starts the addresses; any other is a tag.
    for (; i < fs.length && !/^[ .:0-9a-fA-F]*$/.test(fs[i].text); i++) {
      const t = fs[i].text;
      if (t.startsWith('tag:') || t.startsWith('net:')) continue;
      if (set) return this.error(fs[i].span, 'a dhcp-range sets one tag at most ("only one tag allowed")');
      set = fs[i];
    }
    const a = fs.slice(i);
    if (a.length < 2) return bad(l.span, 'a range needs a start and an end (or static/proxy)');
    if (!isStrictIPv4(a[0].text)) {
      if (!isAddress(a[0].text)) return bad(a[0].span, `"${unhide(a[0].text)}" is not an address`);
      const why = ipv6RangeRefusal(a);
      if (why) this.error(why.span, why.message);
      return;
    }
    let start = parseIPv4(a[0].text) as number;
    let end = start;
    let startSpan = a[0].span;
    let endSpan = a[0].span;
    const mode = a[1].text === 'static' || a[1].text === 'proxy' ? a[1].text : undefined;
    if (!mode) {
      if (!isStrictIPv4(a[1].text)) return bad(a[1].span, `"${unhide(a[1].text)}" is not an IPv4 address, static or proxy`);
      end = parseIPv4(a[1].text) as number;
      endSpan = a[1].span;
      // dnsmasq swaps a range written backwards.
      if (start > end) [start, end, startSpan, endSpan] = [end, start, endSpan, startSpan];
    }
    let leasePos = 2;
    let mask: { value: number; field: Field } | undefined;
    if (a.length >= 3 && a[2].text.includes('.') && isStrictIPv4(a[2].text)) {
      mask = { value: parseIPv4(a[2].text) as number, field: a[2] };
      leasePos = 3;
      if (((start & mask.value) >>> 0) !== ((end & mask.value) >>> 0)) {
        return this.error(a[2].span, `${formatIPv4(start)} and ${formatIPv4(end)} are not on one network with netmask ${a[2].text} ("inconsistent DHCP range")`);
      }
      if (a.length >= 4 && a[3].text.includes('.') && isStrictIPv4(a[3].text)) leasePos = 4;
    }
    const leased = leaseAt(a, leasePos);
    if ('message' in leased) return this.error(leased.span, leased.message);
    const lease = leased.lease;
    const scope: DhcpScope = { ...emptyScope('subnet', this.file.path, l.span, l.key.span), parent: this.file.global };
    if (!mode) scope.ranges.push({ start: { value: start, span: startSpan }, end: { value: end, span: endSpan }, span: l.span });
    // A gapped mask (dnsmasq takes it) keeps its leading ones as the length, as the ISC reader does: rules judge maskText.
    if (mask) scope.networks.push({ value: { address: (start & mask.value) >>> 0, length: lengthOfMask(mask.value) ?? Math.clz32(~mask.value >>> 0) }, span: mask.field.span, maskText: mask.field.text });
    if (lease) scope.lease = lease;
    if (set) {
      const name = unhide(set.text.startsWith('set:') ? set.text.slice(4) : set.text);
      scope.name = { value: name, span: set.span };
      if (!this.byTag.has(name)) this.byTag.set(name, scope);
    }
    this.file.global.children.push(scope);
    this.file.scopes.push(scope);
  }

  /** `dhcp-host=[MAC…][,id:CLIENTID][,set:TAG][,tag:TAG][,ADDRESS][,[IPv6]][,NAME][,LEASE][,ignore]`. */
  private host(l: DnsmasqLine, fs: Field[]): void {
    const host: StaticHost = { span: l.span };
    for (const f of fs) {
      const t = f.text;
      if (t.includes(':')) {
        if (/^id:/i.test(t)) {
          const id = t.slice(3);
          if (id === '*' || id.startsWith('*')) continue;
          const bytes = id.includes(':') ? dnsmasqHex(id) : [...unhide(id)].map((c) => c.charCodeAt(0) & 255);
          if (!bytes) return this.error(f.span, `"${unhide(t)}" is not a client id: hex bytes separated by ":" ("bad hex constant")`);
          host.clientId ??= { value: hexText(bytes), span: f.span };
        } else if (/^(net|set|tag):/.test(t)) continue;
        else if (t.startsWith('[')) {
          const inner = t.replace(/^\[|\]$/g, '').split('/')[0];
          if (!isAddress(inner) || isStrictIPv4(inner)) return this.error(f.span, `"${unhide(t)}" is not an IPv6 address ("bad IPv6 address")`);
        } else {
          const bytes = dnsmasqHex(t.replace(/^[0-9a-fA-F]+-(?=.*:)/, ''));
          if (!bytes) return this.error(f.span, `"${unhide(t)}" is not a hardware address: hex bytes separated by ":" ("bad hex constant")`);
          host.hardware ??= { value: hexText(bytes), span: f.span };
        }
      } else if (t.includes('.') && isStrictIPv4(t)) {
        const a = parseIPv4(t) as number;
        if (this.reserved.has(a)) return this.error(f.span, `${t} is already given to another dhcp-host ("duplicate dhcp-host IP address")`);
        this.reserved.add(a);
        host.address ??= { value: a, span: f.span };
      } else {
        const base = t.length > 1 && /[smhdwSMHDW]$/.test(t) ? t.slice(0, -1) : t;
        if (/^[ \d]*$/.test(base) && /\d/.test(base)) continue;
        if (!t || t === 'infinite' || t === 'ignore' || /^[ \d]*$/.test(t)) continue;
        const why = hostnameRefusal(t);
        if (why) return this.error(f.span, `${why} ("bad DHCP host name")`);
        host.name ??= { value: unhide(t), span: f.span };
      }
    }
    this.file.global.hosts.push(host);
  }
}

/** The lease field at `pos`, which must be the last: `infinite`, `deprecated` or a time. */
function leaseAt(a: readonly Field[], pos: number): { lease?: Lease } | { span: Span; message: string } {
  if (pos >= a.length) return {};
  const f = a[pos];
  const seconds = f.text === 'infinite' ? 'infinite' : f.text === 'deprecated' ? undefined : leaseSeconds(f.text);
  if (seconds === undefined && f.text !== 'deprecated') return { span: f.span, message: `"${unhide(f.text)}" is not a lease time (a number with s, m, h, d or w; infinite) ("bad dhcp-range")` };
  if (pos + 1 < a.length) return { span: spanOf(a, pos + 1), message: 'the lease time must be the last field ("bad dhcp-range")' };
  return f.text === 'deprecated' ? {} : { lease: { seconds, raw: unhide(f.text), span: f.span } };
}

const RA_MODES = new Set(['static', 'ra-only', 'slaac', 'ra-names', 'ra-advrouter', 'ra-stateless', 'off-link']);

/** An IPv6 dhcp-range (outside the model): only what makes dnsmasq refuse it. */
function ipv6RangeRefusal(a: readonly Field[]): { span: Span; message: string } | undefined {
  let pos = 1;
  let ra = false;
  let end: Field | undefined;
  for (; pos < a.length; pos++) {
    const t = a[pos].text;
    if (RA_MODES.has(t)) ra ||= t !== 'static' && t !== 'off-link';
    else if (pos === 1 && isAddress(t) && !isStrictIPv4(t)) end = a[pos];
    else if (t.startsWith('constructor:')) ra = true;
    else break;
  }
  let prefix = 64;
  if (pos < a.length && /^\d+$/.test(a[pos].text) && Number(a[pos].text) <= 128) prefix = Number(a[pos++].text);
  if (prefix !== 64 && ra) return { span: a[pos - 1].span, message: 'router advertisement and constructor ranges need prefix length 64' };
  if (prefix < 64) return { span: a[pos - 1].span, message: 'a DHCPv6 range needs a prefix length of 64 at least' };
  if (end && ipv6Value(a[0].text) >> BigInt(128 - prefix) !== ipv6Value(end.text) >> BigInt(128 - prefix)) return { span: end.span, message: `the range does not fit one /${prefix} ("inconsistent DHCPv6 range")` };
  const leased = leaseAt(a, pos);
  return 'message' in leased ? leased : undefined;
}

const spanOf = (fs: readonly Field[], i: number): Span => ({ start: fs[i].span.start, end: fs[fs.length - 1].span.end });

/** Lowercase hex bytes with colons; dnsmasq's `*` wildcards stay `*`. */
const hexText = (bytes: readonly number[]): string => bytes.map((b) => (b < 0 ? '*' : b.toString(16).padStart(2, '0'))).join(':');
