import type { Span } from '../../core/text';
import { atoi, type Cursor } from './cursor';
import type { Statement } from './declarations';
import type { Tok } from './lexer';
import { ip6 } from './options';
import { poolBlock } from './pools';
import { FAMILY_MISMATCH, type Ctx } from './scope';

/**
 * dhcpd's DHCPv6 declarations (server/confpars.c parse_address_range6, parse_prefix6,
 * parse_pool6_statement, parse_fixed_prefix6; `dhcpd -6`). They are read and judged as dhcpd
 * judges them, but IPv6 stays out of the model: the rules reason about IPv4 networks and ranges,
 * so a `subnet6` is a subnet scope without networks and its `range6`/`prefix6` add no ranges.
 */

/** The 128-bit value of an address `ip6()` accepted (a dotted IPv4 tail included). */
export function ipv6Value(s: string): bigint {
  const v4 = /^(.*:)(\d{1,3}(?:\.\d{1,3}){3})$/.exec(s);
  const tail = v4 ? v4[2].split('.').map(Number) : [];
  const body = v4 ? (v4[1].endsWith('::') ? v4[1] : v4[1].slice(0, -1)) : s;
  const words = (part: string | undefined) => (part ? part.split(':').map((w) => parseInt(w, 16)) : []);
  const [head, rest] = body.split('::');
  const right = [...words(rest), ...(v4 ? [(tail[0] << 8) | tail[1], (tail[2] << 8) | tail[3]] : [])];
  const left = words(head);
  const all = rest === undefined ? [...left, ...right] : [...left, ...new Array<number>(Math.max(0, 8 - left.length - right.length)).fill(0), ...right];
  return all.reduce((n, w) => (n << 16n) | BigInt(w & 0xffff), 0n);
}

/** inet.c is_cidr_mask_valid(): no bit set past the first `bits`. */
export const cidrValid = (address: bigint, bits: number): boolean => bits >= 128 || (address & ((1n << BigInt(128 - bits)) - 1n)) === 0n;

/** subnet_number(address, subnet mask) equals the subnet's number. */
const inNet = (address: bigint, net: { address: bigint; length: number }) => net.length === 0 || address >> BigInt(128 - net.length) === net.address >> BigInt(128 - net.length);

const span = (a: { start: number; end: number }): Span => ({ start: a.start, end: a.end });

/** After `range6` (`keyword`): `LOW HIGH;`, `ADDR/BITS [temporary];` or `ADDR temporary;`. True when dhcpd added the pools. */
export function range6(c: Cursor, ctx: Ctx, keyword: Tok): boolean {
  if (!c.v6) return void c.error(c.at(keyword), 'range6 statement is only supported in DHCPv6 mode'), c.skipToSemi(), false;
  const lo = ip6(c);
  if (!lo) return false;
  if (ctx.family === 4) return void c.error(span(lo), `range6 inside an IPv4 subnet: ${FAMILY_MISMATCH}`), c.skipToSemi(), false;
  const net = ctx.net6;
  const low = ipv6Value(lo.text);
  if (net && !inNet(low, net)) return void c.error(span(lo), 'range6 start address is outside the subnet'), c.skipToSemi(), false;
  const t = c.peek();
  if (t.kind === '/') {
    c.next();
    const n = c.next();
    if (n.kind !== 'NUMBER') return void c.expected(n, 'expecting number'), false;
    const bits = atoi(n.value);
    if (bits < 0 || bits > 128) return void c.expected(n, 'networks have 0 to 128 bits'), false;
    if (net && bits < net.length) return void c.expected(n, 'network mask smaller than subnet mask'), false;
    if (!cidrValid(low, bits)) return void c.expected(n, 'network mask too short'), false;
    if (c.peek().kind === 'temporary') {
      // Both refusals point at the width, and reading goes on.
      if (bits < 64) c.error(c.at(n), 'temporary mask too short');
      if (bits === 128) c.error(c.at(n), 'temporary singleton?');
      c.next();
    }
  } else if (t.kind === 'temporary') {
    c.next();
    if (!cidrValid(low, 64)) return void c.expected(t, 'network mask too short'), false;
  } else {
    const hi = ip6(c);
    if (!hi) return false;
    if (net && !inNet(ipv6Value(hi.text), net)) return void c.error(span(hi), 'range6 end address is outside the subnet'), c.skipToSemi(), false;
  }
  // The pools exist before the `;` is checked.
  const semi = c.next();
  if (semi.kind !== ';') c.expected(semi, 'semicolon expected');
  return true;
}

/** After `prefix6` (`keyword`): `LOW HIGH /BITS;`, prefixes to delegate (they need not lie in the subnet). True when added. */
export function prefix6(c: Cursor, keyword: Tok): boolean {
  if (!c.v6) return void c.error(c.at(keyword), 'prefix6 statement is only supported in DHCPv6 mode'), c.skipToSemi(), false;
  const lo = ip6(c);
  if (!lo) return false;
  const hi = ip6(c);
  if (!hi) return false;
  const slash = c.next();
  if (slash.kind !== '/') return void c.expected(slash, "expecting '/'"), false;
  const n = c.next();
  if (n.kind !== 'NUMBER') return void c.expected(n, 'expecting number'), false;
  const bits = atoi(n.value);
  // dhcpd stops here without skipping: the `;` left behind is then refused as a statement.
  if (bits <= 0 || bits >= 128) return void c.error(c.at(n), 'networks have 0 to 128 bits (exclusive)'), false;
  if (!cidrValid(ipv6Value(lo.text), bits) || !cidrValid(ipv6Value(hi.text), bits)) return void c.expected(n, 'network mask too short'), false;
  const semi = c.next();
  if (semi.kind !== ';') return void c.expected(semi, 'semicolon expected'), false;
  return true;
}

/** After `fixed-prefix6` in a host: `ADDR/BITS;`. */
export function fixedPrefix6(c: Cursor): void {
  const a = ip6(c);
  if (!a) return;
  if (c.next().kind !== '/') return c.expected(c.lx.last, "expecting '/'");
  const n = c.next();
  if (n.kind !== 'NUMBER') return c.expected(n, 'expecting number');
  if (c.next().kind !== ';') return c.expected(c.lx.last, 'semicolon expected');
  const bits = atoi(n.value);
  if (bits < 0 || bits > 128) c.error(c.at(n), 'networks have 0 to 128 bits');
  else if (!cidrValid(ipv6Value(a.text), bits)) c.error(c.at(n), 'network mask too short');
}

/** After `pool6` inside a subnet (either family, either mode): `{ range6…; prefix6…; allow…; statements }`. */
export function pool6Statement(c: Cursor, ctx: Ctx, start: number, statement: Statement): void {
  poolBlock(c, ctx, start, statement, 'Pool6 declaration with no address range6 or prefix6 (a pool6 must contain at least one range6 or prefix6 statement)', (t, inner) => {
    if (t.kind !== 'range6' && t.kind !== 'prefix6') return undefined;
    c.next();
    return t.kind === 'range6' ? range6(c, inner, t) : prefix6(c, t);
  });
}
