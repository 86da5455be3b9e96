import type { DhcpFile } from '../model';
import { emptyDhcpFile, readSafely } from '../file';
import { Cursor } from './cursor';
import { Lexer } from './lexer';
import { statement } from './declarations';
import type { Ctx } from './scope';

export interface IscParseOptions {
  /**
   * The file is read through another file's `include`: names that file defines (options, classes,
   * keys) and its scope (an include inside a subnet may hold `range`) are unknown here, so
   * references and placements dhcpd would judge in that context are warnings, not errors.
   */
  included?: boolean;
  /** The mode dhcpd runs in (`-4` or `-6`); by default the one `iscFamily` gives the file. */
  family?: 4 | 6;
}

const V6_MARKERS = new Set(['subnet6', 'range6', 'prefix6', 'pool6', 'fixed-address6', 'fixed-prefix6']);
const V4_MARKERS = new Set(['subnet', 'range', 'fixed-address']);

/**
 * The mode a user runs dhcpd in for this file: DHCPv6 (`dhcpd -6`) when its name says so
 * (`dhcpd6.conf`) or when its first address declaration is a DHCPv6 one (subnet6, range6,
 * prefix6, pool6, fixed-address6, fixed-prefix6, a `dhcp6.` option); DHCPv4 otherwise.
 */
export function iscFamily(path: string, text: string): 4 | 6 {
  if (/dhcpd6/i.test(path.replace(/^.*[\\/]/, ''))) return 6;
  const lx = new Lexer(text, [], () => undefined);
  for (let t = lx.next(); t.kind !== 'EOF'; t = lx.next()) {
    if (V6_MARKERS.has(t.kind) || (t.kind === 'NAME' && t.value.toLowerCase() === 'dhcp6' && lx.peek().kind === '.')) return 6;
    if (V4_MARKERS.has(t.kind)) return 4;
  }
  return 4;
}

/**
 * Parses an ISC dhcpd.conf (dhcpd 4.4, `-4` or `-6` as `options.family` says) into the shared
 * model. The grammar follows dhcpd's own parser (server/confpars.c, common/parse.c,
 * common/conflex.c) closely, because every problem dhcpd reports while reading makes `dhcpd -t`
 * fail: those are `error` problems here, with dhcpd's wording. What dhcpd only refuses after
 * reading (a range outside its subnet, a subnet number with host bits set, a missing include) is
 * left to the rules. DHCPv6 declarations are judged but stay out of the model (v6.ts). Never
 * throws; linear in the size of the text.
 */
export function parseIsc(path: string, text: string, options: IscParseOptions = {}): DhcpFile {
  const out = emptyDhcpFile('dhcpd', path, text);
  const global = out.global;
  const c = new Cursor(out);
  if (options.included) c.fragment = c.sawInclude = true;
  c.v6 = (options.family ?? iscFamily(path, text)) === 6;
  const root: Ctx = { type: 'root', scope: global, subnet: false };
  const read = (): void => {
    let declaration = false;
    while (c.peek().kind !== 'EOF') {
      c.topLevel = c.peek().start;
      declaration = statement(c, root, declaration);
    }
    // What dhcpd checks once the whole configuration is read.
    for (const k of c.omapiKeys) if (!c.keys.has(k.value)) c.unknown(k.span, `OMAPI key ${k.value}: not found`);
    for (const [name, peer] of c.peers) if (!peer.pools) c.unknown(peer.span, `Failover peer ${name} has no referring pools: each peer must be named in at least one pool declaration`);
  };
  // A failure is placed where reading stopped.
  return readSafely(out, 'dhcpd.conf', read, () => c.lx.last.end);
}
