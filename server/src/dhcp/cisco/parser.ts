import type { Span } from '../../core/text';
import { parseIPv4 } from '../ipv4';
import type { DhcpFile, DhcpScope, ParseProblem, RelayClass } from '../model';
import { emptyDhcpFile, emptyScope, readSafely } from '../file';
import { RELAY_CLASS_COMMANDS } from './commands.data';
import { type Line, type Word, forEachLine, join, spanOf, trimmed, words } from './lines';
import { PoolBuilder } from './pool';
import { isHexText } from './values';

/**
 * Reads the DHCP server parts of a Cisco IOS configuration (a whole `show running-config` or a
 * snippet) into the shared model: `ip dhcp pool` blocks, `ip dhcp excluded-address`,
 * `ip dhcp class` with `relay-information hex`, and `ip dhcp client request
 * classless-static-route` on interfaces. Every other line is valid IOS we do not need and is
 * skipped quietly. A sub-command belongs to the block above it when it is indented deeper (as
 * IOS prints it) or, typed flush left, when it is a command only that mode knows (as IOS reads a
 * pasted config). Never throws; one pass over the lines.
 */
export function parseCisco(path: string, text: string): DhcpFile {
  const file = emptyDhcpFile('cisco-ios', path, text);
  return readSafely(file, 'Cisco IOS', () => new Reader(file).read());
}

type Block = PoolBuilder | { kind: 'class'; relay: RelayClass; indent: number } | { kind: 'other'; indent: number };

/** `banner TYPE` keywords; without one, `banner ^C...` is the motd banner. */
const BANNER_TYPES = new Set(['motd', 'login', 'exec', 'incoming', 'slip-ppp', 'prompt-timeout', 'config-save']);

class Reader {
  private readonly text: string;
  private block: Block | undefined;
  /** The delimiter that ends the multi-line banner being skipped. */
  private banner: string | undefined;
  private readonly poolNames = new Set<string>();

  constructor(private readonly file: DhcpFile) {
    this.text = file.text;
  }

  read(): void {
    forEachLine(this.text, (line) => {
      if (line.first === line.end) return;
      if (this.banner !== undefined) {
        if (this.text.slice(line.start, line.end).includes(this.banner)) this.banner = undefined;
        return;
      }
      if (this.text.charCodeAt(line.first) === 33) {
        const end = trimmed(this.text, line.first, line.end).end;
        this.file.comments.push({ value: this.text.slice(line.first + 1, end), span: { start: line.first, end } });
        return;
      }
      this.line(line);
    });
    this.close();
  }

  private line(line: Line): void {
    // Sub-command lines (most of a DHCP config) go straight to their block: no words read here.
    const b = this.block;
    const c = this.text.charCodeAt(line.first) | 32;
    if (b instanceof PoolBuilder && line.indent > b.indent && c !== 105 /* i */) {
      if (!b.line(line)) this.close();
      return;
    }
    const head = words(this.text, line.first, line.end, 5);
    const command = head[0].text.toLowerCase();
    if (command === 'ip' && head[1]?.text.toLowerCase() === 'dhcp') {
      const what = head[2]?.text.toLowerCase();
      if (what === 'pool' || what === 'class' || what === 'excluded-address') {
        this.close();
        if (what === 'pool') this.pool(line, head);
        else if (what === 'class') this.relayClass(line, head);
        else this.exclusion(line);
        return;
      }
      if (what === 'client' && head.slice(3).map((w) => w.text.toLowerCase()).join(' ') === 'request classless-static-route') {
        this.file.clientRouteRequests.push(join(spanOf(head[0]), spanOf(head[4])));
        return;
      }
    }
    if (b && (line.indent > b.indent || this.accepts(b, command))) {
      if (b instanceof PoolBuilder) {
        if (!b.line(line)) this.close();
      } else if (b.kind === 'class') this.relayClassLine(b.relay, line);
      return;
    }
    this.close();
    if (command === 'banner') this.startBanner(line, head);
    else if (command !== 'end') this.block = { kind: 'other', indent: line.indent };
  }

  private accepts(b: Block, command: string): boolean {
    if (b instanceof PoolBuilder) return b.accepts(command);
    return b.kind === 'class' && RELAY_CLASS_COMMANDS.has(command);
  }

  private close(): void {
    if (this.block instanceof PoolBuilder) this.block.finish();
    this.block = undefined;
  }

  private problem(span: Span, message: string, severity: ParseProblem['severity']): void {
    this.file.problems.push({ file: this.file.path, span, message, severity });
  }

  /** The first word after `BANNER [TYPE]` opens with the delimiter (IOS prints `^C`). */
  private startBanner(line: Line, head: Word[]): void {
    const open = head[1] && BANNER_TYPES.has(head[1].text.toLowerCase()) ? head[2] : head[1];
    if (!open) return;
    const delimiter = open.text.startsWith('^C') ? '^C' : open.text[0];
    if (!this.text.slice(open.start + delimiter.length, line.end).includes(delimiter)) this.banner = delimiter;
  }

  private pool(line: Line, head: Word[]): void {
    const header = trimmed(this.text, line.first, line.end);
    const name = head[3];
    if (!name) {
      this.problem(header, '`ip dhcp pool` needs a pool name', 'error');
      this.block = { kind: 'other', indent: line.indent };
      return;
    }
    if (head[4]) this.problem(spanOf(head[4]), `unexpected "${head[4].text}": a pool name is one word`, 'error');
    const headerSpan = join(spanOf(head[0]), spanOf(name));
    // The pool's span grows in place as sub-commands come (see PoolBuilder.line).
    const g = this.file.global;
    const scope: DhcpScope = { ...emptyScope('pool', this.file.path, { ...headerSpan }, headerSpan), name: { value: name.text, span: spanOf(name) }, parent: g };
    if (this.poolNames.has(name.text)) this.problem(spanOf(name), `pool ${name.text} is already defined above: IOS adds these commands to that pool`, 'warning');
    this.poolNames.add(name.text);
    this.file.scopes.push(scope);
    g.children.push(scope);
    this.block = new PoolBuilder(scope, line.indent, this.text, (span, message, severity) => this.problem(span, message, severity));
  }

  private relayClass(line: Line, head: Word[]): void {
    const name = head[3];
    if (!name) {
      this.problem(trimmed(this.text, line.first, line.end), '`ip dhcp class` needs a class name', 'error');
      this.block = { kind: 'other', indent: line.indent };
      return;
    }
    const relay: RelayClass = { file: this.file.path, name: { value: name.text, span: spanOf(name) }, span: join(spanOf(head[0]), spanOf(name)), relayInformation: [] };
    this.file.classes.push(relay);
    this.block = { kind: 'class', relay, indent: line.indent };
  }

  /** `relay-information hex PATTERN[*] [*] [mask|bitmask MASK]` under `relay agent information`. */
  private relayClassLine(relay: RelayClass, line: Line): void {
    const args = words(this.text, line.first, line.end, 8);
    relay.span = join(relay.span, trimmed(this.text, line.first, line.end));
    if (args[0].text.toLowerCase() !== 'relay-information') return;
    if (args[1]?.text.toLowerCase() !== 'hex') return this.problem(spanOf(args[1] ?? args[0]), '`relay-information` takes `hex PATTERN`', 'error');
    const pattern = args[2];
    if (!pattern) return this.problem(spanOf(args[1]), '`relay-information hex` needs a hex pattern', 'error');
    const hex = pattern.text.endsWith('*') ? pattern.text.slice(0, -1) : pattern.text;
    if (!isHexText(hex)) return this.problem(spanOf(pattern), `"${pattern.text}" is not a hex pattern`, 'error');
    let i = 3;
    if (args[i]?.text === '*') i++;
    const maskWord = args[i]?.text.toLowerCase();
    if (maskWord === 'mask' || maskWord === 'bitmask') {
      if (!args[i + 1] || !isHexText(args[i + 1].text)) return this.problem(spanOf(args[i + 1] ?? args[i]), `\`${args[i].text}\` needs a hex mask`, 'error');
      i += 2;
    }
    if (args[i]) return this.problem(spanOf(args[i]), `unexpected "${args[i].text}" after the relay-information pattern`, 'error');
    relay.relayInformation.push({ value: hex, span: { start: pattern.start, end: pattern.start + hex.length } });
  }

  /** `ip dhcp excluded-address [vrf NAME] LOW [HIGH]`. */
  private exclusion(line: Line): void {
    const args = words(this.text, line.first, line.end, 8);
    const span = trimmed(this.text, line.first, line.end);
    this.block = { kind: 'other', indent: line.indent };
    let i = 3;
    let vrf: string | undefined;
    if (args[i]?.text.toLowerCase() === 'vrf') {
      if (!args[i + 1]) return this.problem(spanOf(args[i]), '`vrf` needs a VRF name', 'error');
      vrf = args[i + 1].text;
      i += 2;
    }
    const [low, high] = [args[i], args[i + 1]];
    if (!low) return this.problem(span, '`ip dhcp excluded-address` needs an address (and optionally a last address)', 'error');
    const start = parseIPv4(low.text);
    if (start === undefined) return this.problem(spanOf(low), `"${low.text}" is not an IPv4 address`, 'error');
    const end = high ? parseIPv4(high.text) : start;
    if (end === undefined) return this.problem(spanOf(high), `"${high.text}" is not an IPv4 address`, 'error');
    if (args[i + 2]) return this.problem(spanOf(args[i + 2]), `unexpected "${args[i + 2].text}" after the excluded range`, 'error');
    if (start > end) this.problem(join(spanOf(low), spanOf(high ?? low)), 'the excluded range starts after it ends: it excludes nothing', 'warning');
    this.file.exclusions.push({ file: this.file.path, start: { value: start, span: spanOf(low) }, end: { value: end, span: spanOf(high ?? low) }, ...(vrf !== undefined ? { vrf } : {}), span });
  }
}
