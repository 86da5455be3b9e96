import type { Span } from '../../core/text';
import { parseIPv4 } from '../ipv4';
import type { At, DhcpOption, DhcpScope, ParseProblem, StaticHost } from '../model';
import { ADDRESS_LIST_COMMANDS, OPTION_TYPES, POOL_CLASS_COMMANDS, POOL_ONLY_COMMANDS } from './commands.data';
import { type Line, type Word, join, spanOf, trimmed, words } from './lines';
import { LEASE_FIELDS, asciiHex, isHexText, looksLikeMask, normalizeHex, readPrefix } from './values';

type Network = DhcpScope['networks'][number];

/** Where a pool's problems go: the parser's list. */
export type Report = (span: Span, message: string, severity: ParseProblem['severity']) => void;

/** Most words any pool sub-command reads (`default-router` with one too many addresses is 10). */
const MAX_WORDS = 12;
/** `option N ip` addresses checked; a longer list is read but not validated word by word. */
const MAX_IP_WORDS = 64;

/**
 * Builds one `ip dhcp pool` scope from its sub-commands, following IOS's modes: `class NAME`
 * opens dhcp-pool-class mode (`address range`), `network ... secondary` opens the secondary
 * subnet mode (`override default-router`); a command the sub-mode does not know returns to the
 * pool, as the IOS CLI does.
 */
export class PoolBuilder {
  private sub: { kind: 'class' } | { kind: 'secondary'; network: Network } | undefined;
  private primary: Network | undefined;
  private binding: { address?: At<number>; line?: Span; clientId?: At<string>; hardware?: At<string>; name?: At<string>; first?: Span } = {};

  constructor(
    readonly scope: DhcpScope,
    readonly indent: number,
    private readonly text: string,
    private readonly report: Report,
  ) {}

  /** Whether an unindented line starting with `command` still belongs to this pool. */
  accepts(command: string): boolean {
    return POOL_ONLY_COMMANDS.has(command) || command === 'exit' || (this.sub?.kind === 'class' && POOL_CLASS_COMMANDS.has(command));
  }

  /** Reads one sub-command line; returns false when it closes the pool (`exit`). */
  line(line: Line): boolean {
    const args = words(this.text, line.first, line.end, MAX_WORDS);
    const command = args[0].text.toLowerCase();
    const stmt = trimmed(this.text, line.first, line.end);
    this.scope.span.end = Math.max(this.scope.span.end, stmt.end);
    if (command === 'exit') {
      if (!this.sub) return false;
      this.sub = undefined;
      return true;
    }
    if (command === 'no' || command === 'default') return true;
    const sub = this.sub;
    if (sub?.kind === 'class' && POOL_CLASS_COMMANDS.has(command) && !(command === 'address' && args[1]?.text.toLowerCase() !== 'range')) {
      this.classCommand(command, args, stmt);
      return true;
    }
    if (sub?.kind === 'secondary' && command === 'override') {
      this.override(args, stmt, sub.network);
      return true;
    }
    this.sub = undefined;
    this.command(command, args, stmt, line);
    return true;
  }

  /** Turns the manual binding (`host` + `client-identifier`/`hardware-address`) into the scope's host. */
  finish(): void {
    const b = this.binding;
    if (!b.address && (this.scope.networks.length || (!b.clientId && !b.hardware))) return;
    const host: StaticHost = { span: b.line ?? b.first ?? this.scope.headerSpan, name: b.name ?? this.scope.name };
    if (b.address) host.address = b.address;
    if (b.clientId) host.clientId = b.clientId;
    if (b.hardware) host.hardware = b.hardware;
    this.scope.kind = 'host';
    this.scope.hosts.unshift(host);
  }

  private command(command: string, args: Word[], stmt: Span, line: Line): void {
    const list = ADDRESS_LIST_COMMANDS.get(command);
    if (list) {
      const option = this.addressList(args, 1, stmt, list.max, command);
      if (option) this.scope.options.push({ ...option, code: list.code, name: args[0].text });
      return;
    }
    switch (command) {
      case 'network':
        return this.network(args);
      case 'host':
        return this.host(args, stmt);
      case 'client-identifier':
      case 'hardware-address':
        return this.identifier(command, args, stmt);
      case 'client-name':
        if (this.need(args, 1, 'a client name')) this.binding.name = { value: args[1].text, span: spanOf(args[1]) };
        return;
      case 'domain-name':
        if (this.need(args, 1, 'a domain name') && this.noMore(args, 2)) {
          this.scope.options.push({ code: 15, name: args[0].text, span: stmt, value: args[1].text, valueSpan: spanOf(args[1]), exact: true, format: 'ascii' });
        }
        return;
      case 'netbios-node-type':
        if (this.need(args, 1, 'a node type (b-node, p-node, m-node, h-node or hex)')) {
          this.scope.options.push({ code: 46, name: args[0].text, span: stmt, value: args[1].text, valueSpan: spanOf(args[1]), exact: true, format: 'text' });
        }
        return;
      case 'lease':
        return this.lease(args, stmt, line);
      case 'option':
        return this.option(args, stmt, line);
      case 'import':
        if (args[1]?.text.toLowerCase() === 'all') this.scope.importAll ??= stmt;
        else this.report(args[1] ? spanOf(args[1]) : spanOf(args[0]), '`import` takes `all` (import all: options learned by the DHCP client on another interface)', 'error');
        return;
      case 'vrf':
        if (this.need(args, 1, 'a VRF name')) this.scope.vrf = { value: args[1].text, span: spanOf(args[1]) };
        return;
      case 'class':
        if (this.need(args, 1, 'a class name')) this.sub = { kind: 'class' };
        return;
      case 'address':
        return this.reservation(args, stmt);
      case 'override':
        if (args[1]?.text.toLowerCase() === 'default-router') {
          this.report(stmt, '`override default-router` belongs under a `network ... secondary` line: it sets the routers of that secondary subnet', 'warning');
        }
        return;
      default:
        return; // next-server, bootfile, relay, update, utilization, origin, reserved-only... valid IOS the model does not need.
    }
  }

  private need(args: Word[], index: number, what: string): boolean {
    if (args[index]) return true;
    this.report(spanOf(args[0]), `\`${args[0].text}\` needs ${what}`, 'error');
    return false;
  }

  private noMore(args: Word[], count: number): boolean {
    if (args.length <= count) return true;
    this.report(spanOf(args[count]), `unexpected "${args[count].text}" after \`${args[0].text}\``, 'error');
    return false;
  }

  private network(args: Word[]): void {
    if (!this.need(args, 1, 'an address and a mask or /length')) return;
    const addr = args[1];
    const maskWord = !addr.text.includes('/') && args[2] && looksLikeMask(args[2].text) ? args[2] : undefined;
    const read = readPrefix(addr.text, maskWord?.text);
    if (!read.ok) return this.report(spanOf(read.bad === 'mask' && maskWord ? maskWord : addr), read.message, 'error');
    let next = maskWord ? 3 : 2;
    const secondary = args[next]?.text.toLowerCase() === 'secondary';
    if (secondary) next++;
    if (!this.noMore(args, next)) return;
    const entry: Network = { value: { address: read.address, length: read.length }, span: join(spanOf(addr), spanOf(maskWord ?? addr)) };
    if (secondary) entry.secondary = true;
    if (read.maskText !== undefined) entry.maskText = read.maskText;
    if (this.binding.address) return this.report(entry.span, 'this pool is a manual binding (`host`): IOS refuses a `network` in it', 'error');
    if (secondary) {
      if (!this.primary) this.report(entry.span, 'a secondary network before the primary one: give the pool a `network` without `secondary` first', 'warning');
      this.sub = { kind: 'secondary', network: entry };
    } else if (this.primary) {
      this.report(entry.span, 'a second primary `network` in this pool: IOS keeps one primary network per pool (add `secondary` to serve both)', 'warning');
    } else {
      this.primary = entry;
    }
    this.scope.networks.push(entry);
  }

  private host(args: Word[], stmt: Span): void {
    if (!this.need(args, 1, 'an address')) return;
    const addr = args[1];
    const maskWord = !addr.text.includes('/') && args[2] && looksLikeMask(args[2].text) ? args[2] : undefined;
    const read = readPrefix(addr.text, maskWord?.text);
    if (!read.ok) return this.report(spanOf(read.bad === 'mask' && maskWord ? maskWord : addr), read.message, 'error');
    // A binding keeps no network for dhcp/invalid-netmask to judge: IOS refuses the mask, say so here.
    if (read.gapped && maskWord) return this.report(spanOf(maskWord), `netmask ${maskWord.text} is not contiguous (its one bits must come first)`, 'error');
    if (!this.noMore(args, maskWord ? 3 : 2)) return;
    if (this.scope.networks.length) return this.report(stmt, 'this pool has a `network`: IOS refuses `host` (a manual binding needs a pool of its own)', 'error');
    const slash = addr.text.indexOf('/');
    this.binding.address = { value: read.address, span: { start: addr.start, end: slash >= 0 ? addr.start + slash : addr.end } };
    this.binding.line = stmt;
  }

  private identifier(command: 'client-identifier' | 'hardware-address', args: Word[], stmt: Span): void {
    if (!this.need(args, 1, command === 'client-identifier' ? 'a hex client identifier (01 then the MAC for Ethernet)' : 'a MAC address')) return;
    const hex = normalizeHex(args[1].text);
    if (hex === undefined) return this.report(spanOf(args[1]), `"${args[1].text}" is not whole bytes of hex (like 0100.0c12.3456.78)`, 'error');
    const at = { value: hex, span: spanOf(args[1]) };
    if (command === 'client-identifier') this.binding.clientId = at;
    else this.binding.hardware = at;
    this.binding.first ??= stmt;
  }

  /** `address A client-id ID [ascii]` / `address A hardware-address MAC [type]`: a reservation inside a network pool. */
  private reservation(args: Word[], stmt: Span): void {
    if (!this.need(args, 1, 'an address')) return;
    if (args[1].text.toLowerCase() === 'range') return this.report(stmt, '`address range` belongs in a `class NAME` sub-mode of the pool', 'error');
    const address = parseIPv4(args[1].text);
    if (address === undefined) return this.report(spanOf(args[1]), `"${args[1].text}" is not an IPv4 address`, 'error');
    const kind = args[2]?.text.toLowerCase();
    if (kind !== 'client-id' && kind !== 'hardware-address') return this.report(args[2] ? spanOf(args[2]) : stmt, '`address A` takes `client-id ID` or `hardware-address MAC`', 'error');
    if (!args[3]) return this.report(spanOf(args[2]), `\`${args[2].text}\` needs a value`, 'error');
    const ascii = kind === 'client-id' && args[4]?.text.toLowerCase() === 'ascii';
    const hex = ascii ? asciiHex(args[3].text) : normalizeHex(args[3].text);
    if (hex === undefined) return this.report(spanOf(args[3]), `"${args[3].text}" is not whole bytes of hex`, 'error');
    const host: StaticHost = { address: { value: address, span: spanOf(args[1]) }, span: stmt };
    if (kind === 'client-id') host.clientId = { value: hex, span: spanOf(args[3]) };
    else host.hardware = { value: hex, span: spanOf(args[3]) };
    this.scope.hosts.push(host);
  }

  /** Reads addresses from `args[from]` on; undefined (after reporting) when IOS would refuse the line. */
  private addressList(args: Word[], from: number, stmt: Span, max: number, what: string): DhcpOption | undefined {
    if (!args[from]) {
      this.report(spanOf(args[from - 1]), `\`${what}\` needs at least one address`, 'error');
      return undefined;
    }
    for (const w of args.slice(from)) {
      if (parseIPv4(w.text) === undefined) {
        this.report(spanOf(w), `"${w.text}" is not an IPv4 address`, 'error');
        return undefined;
      }
    }
    if (args.length - from > max) {
      this.report(spanOf(args[from + max]), `\`${what}\` takes at most ${max} addresses`, 'error');
      return undefined;
    }
    const valueSpan = trimmed(this.text, args[from].start, stmt.end);
    return { code: undefined, span: stmt, value: this.text.slice(valueSpan.start, valueSpan.end), valueSpan, exact: true, format: 'ip' };
  }

  private lease(args: Word[], stmt: Span, line: Line): void {
    if (!this.need(args, 1, 'days [hours [minutes]] or `infinite`')) return;
    const span = trimmed(this.text, args[1].start, line.end);
    const raw = this.text.slice(span.start, span.end);
    if (args[1].text.toLowerCase() === 'infinite') {
      if (this.noMore(args, 2)) this.scope.lease = { seconds: 'infinite', raw, span: stmt };
      return;
    }
    let seconds = 0;
    for (const [i, field] of LEASE_FIELDS.entries()) {
      const w = args[i + 1];
      if (!w) break;
      if (!/^\d{1,4}$/.test(w.text) || Number(w.text) > field.max) {
        this.report(spanOf(w), `lease ${field.name} must be a number from 0 to ${field.max}`, 'error');
        return;
      }
      seconds += Number(w.text) * field.seconds;
    }
    if (this.noMore(args, 4)) this.scope.lease = { seconds, raw, span: stmt };
  }

  private option(args: Word[], stmt: Span, line: Line): void {
    if (!this.need(args, 1, 'a code, a type (hex, ip or ascii) and a value')) return;
    const codeWord = args[1];
    if (!/^\d{1,3}$/.test(codeWord.text) || Number(codeWord.text) > 254) return this.report(spanOf(codeWord), `option code "${codeWord.text}" must be a number from 0 to 254`, 'error');
    let i = 2;
    if (args[i]?.text.toLowerCase() === 'instance') {
      if (!args[i + 1] || !/^\d{1,3}$/.test(args[i + 1].text) || Number(args[i + 1].text) > 255) return this.report(spanOf(args[i + 1] ?? args[i]), '`instance` needs a number from 0 to 255', 'error');
      i += 2;
    }
    const typeWord = args[i];
    if (!typeWord) return this.report(spanOf(codeWord), `\`option ${codeWord.text}\` needs a type (hex, ip or ascii) and a value`, 'error');
    const typeText = typeWord.text.toLowerCase();
    if (typeText === 'none') return;
    const format = OPTION_TYPES.get(typeText);
    if (!format) return this.report(spanOf(typeWord), `unknown option type "${typeWord.text}": IOS takes hex, ip or ascii`, 'error');
    const first = args[i + 1];
    if (!first) return this.report(spanOf(typeWord), `\`option ${codeWord.text} ${typeText}\` needs a value`, 'error');
    const code = Number(codeWord.text);
    if (format === 'ip') {
      const ips = words(this.text, first.start, line.end, MAX_IP_WORDS);
      const option = this.addressList([typeWord, ...ips], 1, stmt, MAX_IP_WORDS, `option ${code} ip`);
      if (option) this.scope.options.push({ ...option, code });
      return;
    }
    let valueSpan = trimmed(this.text, first.start, line.end);
    if (format === 'ascii' && this.text[valueSpan.start] === '"') {
      const close = this.text.indexOf('"', valueSpan.start + 1);
      valueSpan = { start: valueSpan.start + 1, end: close >= 0 && close < valueSpan.end ? close : valueSpan.end };
    }
    const value = this.text.slice(valueSpan.start, valueSpan.end);
    if (format === 'hex' && !isHexText(value)) return this.report(valueSpan, `option ${code} hex: "${value.length > 40 ? `${value.slice(0, 40)}…` : value}" is not hex (digits 0-9 a-f, grouped with "." or ":")`, 'error');
    this.scope.options.push({ code, span: stmt, value, valueSpan, exact: true, format });
  }

  private classCommand(command: string, args: Word[], stmt: Span): void {
    if (command !== 'address') return; // relay agent information / relay-information match clients; the model keeps ranges
    const [, , a, b] = args;
    if (!a || !b) return this.report(stmt, '`address range` needs a first and a last address', 'error');
    const start = parseIPv4(a.text);
    const end = parseIPv4(b.text);
    if (start === undefined) return this.report(spanOf(a), `"${a.text}" is not an IPv4 address`, 'error');
    if (end === undefined) return this.report(spanOf(b), `"${b.text}" is not an IPv4 address`, 'error');
    if (!this.noMore(args, 4)) return;
    if (start > end) this.report(join(spanOf(a), spanOf(b)), 'the range starts after it ends: no address is in it', 'warning');
    this.scope.ranges.push({ start: { value: start, span: spanOf(a) }, end: { value: end, span: spanOf(b) }, span: stmt });
  }

  private override(args: Word[], stmt: Span, network: Network): void {
    if (args[1]?.text.toLowerCase() !== 'default-router') return; // override utilization ...
    const option = this.addressList(args, 2, stmt, 8, 'override default-router');
    if (!option) return;
    network.overrideRouters = { ...option, code: 3, name: 'override default-router' };
    this.scope.overrideDefaultRouter ??= stmt;
  }
}
