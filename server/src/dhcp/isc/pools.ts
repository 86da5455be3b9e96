import type { Cursor } from './cursor';
import type { Tok } from './lexer';
import { child, FAMILY_MISMATCH, newScope, type Ctx } from './scope';
import { ipAddr } from './values';
import type { Statement } from './declarations';

/**
 * Pools and address ranges (server/confpars.c parse_pool_statement, parse_address_range,
 * get_permit) and the date syntax permits use (common/parse.c parse_date_core).
 */

/** confpars.c parse_address_range(): `range [dynamic-bootp] LOW [HIGH];` into the scope's ranges. */
export function addressRange(c: Cursor, ctx: Ctx, start: number, failover = false): boolean {
  const dynamic = c.peek().kind === 'dynamic-bootp' ? c.next() : undefined;
  const low = ipAddr(c);
  if (!low) return false;
  const high = c.peek().kind === ';' ? low : ipAddr(c);
  if (!high) return false;
  const t = c.next();
  if (t.kind !== ';') {
    c.error(c.at(t), 'semicolon expected');
    c.skipToSemi();
    return false;
  }
  if (ctx.family === 6) {
    c.error({ start, end: t.end }, `an IPv4 range inside subnet6 (use range6): ${FAMILY_MISMATCH}`);
    return false;
  }
  if (dynamic && failover) c.error(c.at(dynamic), 'dynamic-bootp flag is not permitted for address range declarations where there is a failover peer in scope (use a pool with "no failover peer")');
  ctx.scope.ranges.push({
    start: { value: low.value, span: { start: low.start, end: low.end } },
    end: { value: high.value, span: { start: high.start, end: high.end } },
    span: { start, end: t.end },
  });
  return true;
}

/** parse.c parse_date_core(): `never`, `epoch N`, or `W YYYY/MM/DD HH:MM:SS [TZOFF]` (no `;`). */
export function dateCore(c: Cursor): boolean {
  const first = c.peek();
  if (first.kind === 'never') return void c.next(), true;
  if (first.kind === 'epoch') {
    c.next();
    const n = c.peek();
    if (n.kind !== 'NUMBER') return void (n.kind !== ';' && c.next()), c.error(c.at(n), 'Seconds since epoch expected'), false;
    c.next();
    return true;
  }
  const shape: Array<[string, string]> = [
    ['NUMBER', 'numeric day of week expected'],
    ['NUMBER', 'numeric year expected'],
    ['/', 'expected slash separating year from month'],
    ['NUMBER', 'numeric month expected'],
    ['/', 'expected slash separating month from day'],
    ['NUMBER', 'numeric day of month expected'],
    ['NUMBER', 'numeric hour expected'],
    [':', 'expected colon separating hour from minute'],
    ['NUMBER', 'numeric minute expected'],
    [':', 'expected colon separating minute from second'],
    ['NUMBER', 'numeric second expected'],
  ];
  for (const [kind, message] of shape) {
    const t = c.peek();
    if (t.kind !== kind) {
      if (t.kind !== ';') c.next();
      c.error(c.at(t), message);
      return false;
    }
    c.next();
  }
  const tz = c.peek();
  if (tz.kind === 'NUMBER') c.next();
  else if (tz.kind !== ';') {
    c.next();
    c.error(c.at(tz), 'Time zone offset or semicolon expected');
    return false;
  }
  return true;
}

const NEEDS_CLIENTS = new Set(['unknown', 'known', 'authenticated', 'unauthenticated', 'all', 'dynamic']);

/** confpars.c get_permit(): after `allow`/`deny` in a pool or pool6. */
export function permit(c: Cursor, pool: { after: boolean }): void {
  const t = c.next();
  if (t.kind === 'dynamic' && c.next().kind !== 'bootp') return void c.expected(c.lx.last, 'expecting "bootp"');
  if (t.kind === 'members') {
    if (c.next().kind !== 'of') return void c.expected(c.lx.last, 'expecting "of"');
    const s = c.next();
    if (s.kind !== 'STRING') return void c.expected(s, 'expecting class name');
    if (!c.classes.has(s.value)) c.unknown(c.at(s), `no such class: ${s.value}`);
  } else if (t.kind === 'after') {
    if (pool.after) return void c.expected(t, 'duplicate "after" clause');
    pool.after = true;
    dateCore(c);
  } else if (!NEEDS_CLIENTS.has(t.kind) && t.kind !== 'known-clients' && t.kind !== 'unknown-clients') return void c.expected(t, 'expecting permit type');
  if (NEEDS_CLIENTS.has(t.kind) && c.next().kind !== 'clients') return void c.expected(c.lx.last, 'expecting "clients"');
  c.semi();
}

/**
 * A `pool` or `pool6` block: its scope, permits (`allow`/`deny`) and ordinary statements, plus the
 * tokens `item` reads itself; `item` returns true for a range it read, false for another of its
 * own statements, undefined for a token it leaves to the others. A pool without a range gets
 * `empty`, unless the file ends inside it.
 */
export function poolBlock(c: Cursor, ctx: Ctx, start: number, statement: Statement, empty: string, item: (t: Tok, inner: Ctx) => boolean | undefined): void {
  const scope = newScope(c.out, 'pool', ctx.scope, start);
  scope.headerSpan = { start, end: c.lx.last.end };
  if (!c.lbrace()) return void (scope.span.end = c.lx.last.end);
  const inner = child(ctx, 'pool', scope, { subnet: ctx.subnet });
  const state = { after: false };
  let ranges = 0;
  let declaration = false;
  for (;;) {
    const end = c.blockEnd();
    if (end === '}') break;
    if (end === 'EOF') return void (scope.span.end = c.lx.last.end);
    const t = c.peek();
    if (t.kind === 'allow' || t.kind === 'deny') {
      c.next();
      permit(c, state);
      continue;
    }
    const read = item(t, inner);
    if (read === undefined) declaration = statement(c, inner, declaration);
    else if (read) ranges++;
  }
  scope.span.end = c.lx.last.end;
  if (!ranges) c.error(scope.headerSpan, empty);
}

/** confpars.c parse_pool_statement(), after `pool` inside a subnet or shared network. */
export function poolStatement(c: Cursor, ctx: Ctx, start: number, statement: Statement): void {
  let failover = !!ctx.share?.peer;
  poolBlock(c, ctx, start, statement, 'Pool declaration with no address range (a pool must contain at least one range statement)', (t, inner) => {
    if (t.kind === 'range') {
      c.next();
      return addressRange(c, inner, t.start, failover);
    }
    if (t.kind === 'no') {
      c.next();
      // dhcpd leaves the `;` of `no failover peer;` behind, where it is then refused.
      if (c.next().kind !== 'failover' || c.next().kind !== 'peer') c.expected(c.lx.last, 'expecting "failover peer"');
      return false;
    }
    if (t.kind !== 'failover') return undefined;
    c.next();
    failover = failoverPeer(c) || failover;
    return false;
  });
}

/** After `failover` in a pool: `peer NAME;`. True when the peer is known (the pool then counts for it). */
function failoverPeer(c: Cursor): boolean {
  if (c.next().kind !== 'peer') return c.expected(c.lx.last, "expecting 'peer'"), false;
  const s = c.next();
  if (s.kind !== 'STRING') return c.expected(s, 'expecting string'), false;
  const peer = c.peers.get(s.value);
  if (!peer) c.unknown(c.at(s), `failover peer ${s.value}: not found`);
  else peer.pools++;
  c.semi();
  return !!peer;
}
