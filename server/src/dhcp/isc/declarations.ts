import { lengthOfMask } from '../ipv4';
import type { Span } from '../../core/text';
import type { At } from '../model';
import type { Cursor } from './cursor';
import type { Lose } from './expressions';
import { failoverPeer } from './failover';
import { isIdentifier, type Tok } from './lexer';
import { classDeclaration, hostDeclaration, serverDuid } from './hosts';
import { ip6, optionCodeDefinition, optionSpaceDecl, optionStatement } from './options';
import { addressRange, poolStatement } from './pools';
import { child, FAMILY_MISMATCH, newScope, type Ctx, type Share } from './scope';
import { executableStatement } from './statements';
import { cidrValid, fixedPrefix6, ipv6Value, pool6Statement, prefix6, range6 } from './v6';
import { hardwareParam, hostName, ipAddrOrHostname, numericAggregate } from './values';

/**
 * server/confpars.c parse_statement() and the declarations: subnet, shared-network, group, host,
 * class. Returns dhcpd's "declaration" flag (which only words its "expecting …" message).
 */
export type Statement = (c: Cursor, ctx: Ctx, declaration: boolean) => boolean;

/** A statement in the wrong scope; in an included file's top level the includer decides. */
function misplaced(c: Cursor, ctx: Ctx, span: Span, message: string): void {
  if (c.fragment && ctx.type === 'root') c.problem(span, `${message}, unless this file is included inside a declaration that allows it`, 'warning');
  else c.error(span, message);
}

function notHere(c: Cursor, ctx: Ctx, t: Tok, what: string): void {
  misplaced(c, ctx, c.at(t), `${what} not allowed here`);
  c.skipToSemi();
}

export const statement: Statement = (c, ctx, declaration) => {
  const t = c.peek();
  const start = t.start;
  const type = ctx.type;
  switch (t.kind) {
    case 'include': {
      c.next();
      const s = c.next();
      if (s.kind !== 'STRING') return c.expected(s, 'filename string expected'), true;
      c.out.includes.push({ file: c.out.path, path: { value: s.value, span: { start: s.start + 1, end: Math.max(s.start + 1, s.end - 1) } }, span: { start, end: c.peek().kind === ';' ? c.peek().end : s.end } });
      c.sawInclude = true;
      c.semi();
      return true;
    }
    case 'host':
      c.next();
      if (type === 'host' || type === 'class') notHere(c, ctx, t, 'host declarations');
      else hostDeclaration(c, ctx, start, statement);
      return true;
    case 'group':
      c.next();
      if (type === 'host' || type === 'class') notHere(c, ctx, t, 'group declarations');
      else groupDeclaration(c, ctx, start);
      return true;
    case 'shared-network':
      c.next();
      if (type === 'shared' || type === 'host' || type === 'subnet' || type === 'class') return notHere(c, ctx, t, 'shared-network parameters'), false;
      sharedNetwork(c, ctx, start);
      return true;
    case 'subnet':
    case 'subnet6':
      c.next();
      if (type === 'host' || type === 'subnet' || type === 'class') return notHere(c, ctx, t, 'subnet declarations'), true;
      if (t.kind === 'subnet') subnet(c, ctx, ctx.share ?? { subnets: 0 }, start);
      else if (c.v6) subnet6(c, ctx, ctx.share ?? { subnets: 0 }, start);
      else {
        c.error(c.at(t), 'subnet6 statement is only supported in DHCPv6 mode');
        c.skipToSemi();
      }
      return !ctx.share;
    case 'vendor-class':
    case 'user-class':
    case 'class':
    case 'subclass':
      c.next();
      if (type === 'class') return notHere(c, ctx, t, 'class declarations'), false;
      classDeclaration(c, ctx, t.kind, start, statement);
      return true;
    case 'hardware': {
      c.next();
      if (ctx.host?.hardware) return c.error(c.at(t), `Host ${ctx.host.name} hardware address already configured`), false;
      const h = hardwareParam(c);
      if (!ctx.host) misplaced(c, ctx, { start, end: c.lx.last.end }, 'hardware address parameter not allowed here');
      else if (h) ctx.host.hardware = h;
      return false;
    }
    case 'fixed-address':
    case 'fixed-address6': {
      c.next();
      const addrs = fixedAddresses(c, t.kind === 'fixed-address6');
      if (!addrs) return false;
      if (!ctx.host) misplaced(c, ctx, { start, end: c.lx.last.end }, 'fixed-address parameter not allowed here');
      else if (ctx.host.fixed) c.error({ start, end: c.lx.last.end }, 'Only one fixed address declaration per host');
      else ctx.host.fixed = addrs;
      return false;
    }
    case 'pool':
      c.next();
      if (type === 'pool' || (type !== 'subnet' && type !== 'shared')) {
        misplaced(c, ctx, c.at(t), type === 'pool' ? 'pool declared within pool' : 'pool declared outside of network');
        c.skipToSemi();
      } else poolStatement(c, ctx, start, statement);
      return declaration;
    case 'range':
      c.next();
      if (type !== 'subnet' || !ctx.subnet) notHere(c, ctx, t, 'range declaration');
      else addressRange(c, ctx, start);
      return declaration;
    case 'range6':
    case 'prefix6':
      c.next();
      if (type !== 'subnet' || !ctx.subnet) notHere(c, ctx, t, `${t.kind} declaration`);
      else if (t.kind === 'range6') range6(c, ctx, t);
      else prefix6(c, t);
      return declaration;
    case 'pool6':
      c.next();
      if (type === 'subnet') pool6Statement(c, ctx, start, statement);
      else {
        misplaced(c, ctx, c.at(t), type === 'pool' ? 'pool6 declared within pool' : 'pool6 declared outside of network');
        c.skipToSemi();
      }
      return declaration;
    case 'fixed-prefix6':
      c.next();
      if (!ctx.host) notHere(c, ctx, t, 'fixed-prefix6 declaration');
      else fixedPrefix6(c);
      return false;
    case 'not':
    case 'authoritative':
      c.next();
      if (t.kind === 'not' && c.next().kind !== 'authoritative') return c.expected(c.lx.last, 'expecting assertion'), false;
      if (type === 'host') c.error({ start, end: c.lx.last.end }, 'authority makes no sense here');
      c.semi();
      return false;
    case 'server-identifier': {
      c.next();
      const option = c.lookup('dhcp', 'dhcp-server-identifier');
      if (option) optionStatement(c, ctx, { option, written: t.value, start, end: t.end }, start, true);
      return declaration;
    }
    case 'option':
      c.next();
      return optionDeclaration(c, ctx, start) ?? declaration;
    case 'failover':
      if (type !== 'root' && type !== 'shared') return notHere(c, ctx, t, 'failover peers (only the outer scope and shared-network declarations may define them)'), false;
      c.next();
      failoverPeer(c, type, ctx.share);
      return false;
    case 'server-duid':
      c.next();
      serverDuid(c);
      return false;
    case 'lease-id-format': {
      c.next();
      const f = c.next();
      if (f.kind !== 'octal' && f.kind !== 'hex') return c.expected(f, 'lease-id-format is invalid: it must be octal or hex'), false;
      c.semi();
      return false;
    }
    case '%':
      c.skipToSemi();
      return false;
    default: {
      const l: Lose = { lose: false };
      if (!executableStatement(c, ctx, l, 'any') && !l.lose) {
        c.error(c.at(c.peek()), declaration ? 'expecting a declaration' : 'expecting a parameter or declaration');
        c.skipToSemi();
      }
      return declaration;
    }
  }
};

/** After `option` in parse_statement(): a space, a definition, or an option value. Undefined keeps the flag. */
function optionDeclaration(c: Cursor, ctx: Ctx, start: number): boolean | undefined {
  if (c.peek().kind === 'space') {
    if (ctx.type !== 'root') return notHere(c, ctx, c.peek(), 'option space definitions (they may not be scoped)'), false;
    optionSpaceDecl(c);
    return undefined;
  }
  const ref = c.optionName(true);
  if (!ref) return undefined;
  if (c.peek().kind === 'code') {
    if (ctx.type !== 'root') return notHere(c, ctx, c.peek(), 'option definitions (they may not be scoped)'), false;
    c.next();
    optionCodeDefinition(c, ref, start);
    return undefined;
  }
  if (!ref.known) {
    c.unknownOption({ start: ref.start, end: ref.end }, `unknown option ${ref.option.space}.${ref.option.name}`, ref.option.space, ref.option.name);
    c.skipToSemi();
    return undefined;
  }
  optionStatement(c, ctx, ref, start, true);
  return undefined;
}

/** A `{ … }` body of statements; `special` handles the tokens a declaration reads itself. */
function body(c: Cursor, ctx: Ctx, special?: (k: string) => boolean): void {
  if (!c.enter()) return;
  let declaration = false;
  while (!c.blockEnd(true)) {
    if (!special?.(c.peek().kind)) declaration = statement(c, ctx, declaration);
  }
  c.leave();
  ctx.scope.span.end = c.lx.last.end;
}

/** `interface NAME;` in a subnet or shared network: one interface per shared network. */
function interfaceStatement(c: Cursor, share: Share): true {
  c.next();
  const n = c.next();
  if (share.interfaceName !== undefined) c.error(c.at(n), "A subnet or shared network can't be connected to two interfaces");
  else share.interfaceName = n.value;
  c.semi();
  return true;
}

function nameAt(c: Cursor): At<string> | undefined {
  const t = c.peek();
  if (t.kind === 'STRING') {
    c.next();
    return { value: t.value, span: { start: t.start + 1, end: Math.max(t.start + 1, t.end - 1) } };
  }
  const h = hostName(c);
  return h && { value: h.name, span: { start: h.start, end: h.end } };
}

function sharedNetwork(c: Cursor, ctx: Ctx, start: number): void {
  const t = c.peek();
  const name = nameAt(c);
  if (!name) return c.expected(t, 'expecting a name for shared-network');
  if (t.kind === 'STRING' && !name.value) c.error(c.at(t), 'zero-length shared network name');
  const scope = newScope(c.out, 'shared-network', ctx.scope, start);
  scope.name = name;
  scope.headerSpan = { start, end: c.lx.last.end };
  if (!c.lbrace()) return void (scope.span.end = c.lx.last.end);
  const share: Share = { subnets: 0 };
  body(c, child(ctx, 'shared', scope, { share }), (k) => k === 'interface' && interfaceStatement(c, share));
  if (c.lx.last.kind === '}' && !share.subnets) c.error({ start: c.lx.last.start, end: c.lx.last.end }, 'empty shared-network decl');
}

function subnet(c: Cursor, ctx: Ctx, share: Share, start: number): void {
  const net = numericAggregate(c, 4, '.', 10, 8);
  if (!net) return;
  const nm = c.next();
  if (nm.kind !== 'netmask') return c.expected(nm, 'Expecting netmask');
  const mask = numericAggregate(c, 4, '.', 10, 8);
  if (!mask) return;
  const address = net.values.reduce((n, o) => n * 256 + (o & 255), 0);
  const maskValue = mask.values.reduce((n, o) => n * 256 + (o & 255), 0);
  const scope = newScope(c.out, 'subnet', ctx.scope, start);
  const maskSpan = { start: mask.toks[0].start, end: mask.toks[3].end };
  scope.headerSpan = { start, end: maskSpan.end };
  const leading = Math.clz32(~maskValue >>> 0);
  scope.networks.push({ value: { address, length: lengthOfMask(maskValue) ?? leading }, span: { start: net.toks[0].start, end: maskSpan.end }, maskText: c.out.text.slice(maskSpan.start, maskSpan.end) });
  enterSubnet(c, 4, scope.headerSpan);
  share.subnets++;
  if (!c.lbrace()) return void (scope.span.end = c.lx.last.end);
  body(c, child(ctx, 'subnet', scope, { subnet: true, share, family: 4 }), (k) => k === 'interface' && interfaceStatement(c, share));
}

/** dhcpd -6 compares each new subnet with those already read (mdb.c enter_subnet()): an IPv4 and an IPv6 one stop it. */
function enterSubnet(c: Cursor, family: 4 | 6, header: Span): void {
  c.subnetFamily ??= family;
  if (c.subnetFamily !== family) c.error(header, `${family === 4 ? 'an IPv4 subnet' : 'a subnet6'} in a configuration that already has ${family === 4 ? 'a subnet6' : 'an IPv4 subnet'}: ${FAMILY_MISMATCH}`);
}

/**
 * confpars.c parse_subnet6_declaration() (DHCPv6 mode): `ADDR/LEN { … }`. A subnet scope with no
 * network: the model's networks are IPv4 (v6.ts).
 */
function subnet6(c: Cursor, ctx: Ctx, share: Share, start: number): void {
  const net = ip6(c);
  if (!net) return;
  const slash = c.next();
  if (slash.kind !== '/') return c.expected(slash, "Expecting a '/'");
  const n = c.next();
  if (n.kind !== 'NUMBER') return c.expected(n, 'Expecting a number');
  const length = /^-?\d+$/.test(n.value) ? Number(n.value) : -1;
  if (length < 0 || length > 128) return c.expected(n, 'Expecting a number between 0 and 128');
  const address = ipv6Value(net.text);
  if (!cidrValid(address, length)) return c.expected(n, 'New subnet mask too short');
  const scope = newScope(c.out, 'subnet', ctx.scope, start);
  scope.headerSpan = { start, end: n.end };
  enterSubnet(c, 6, scope.headerSpan);
  share.subnets++;
  if (!c.lbrace()) return void (scope.span.end = c.lx.last.end);
  body(c, child(ctx, 'subnet', scope, { subnet: true, share, family: 6, net6: { address, length } }), (k) => k === 'interface' && interfaceStatement(c, share));
}

function groupDeclaration(c: Cursor, ctx: Ctx, start: number): void {
  const t = c.peek();
  let name: At<string> | undefined;
  if (isIdentifier(t) || t.kind === 'STRING') {
    c.next();
    name = { value: t.value, span: { start: t.start, end: t.end } };
  }
  const scope = newScope(c.out, 'group', ctx.scope, start);
  if (name) scope.name = name;
  scope.headerSpan = { start, end: c.lx.last.end };
  if (!c.lbrace()) return void (scope.span.end = c.lx.last.end);
  let deleted = false;
  // dhcpd reads a statement right after `dynamic;`/`static;`/`deleted;` even when it is the closing brace.
  const inner = child(ctx, 'group', scope);
  body(c, inner, (k) => {
    if (k !== 'deleted' && k !== 'dynamic' && k !== 'static') return false;
    c.next();
    c.semi();
    deleted ||= k === 'deleted';
    statement(c, inner, false);
    return true;
  });
  if (name && !deleted) c.groups.add(name.value);
}

function fixedAddresses(c: Cursor, v6: boolean): Array<{ address?: number; start: number; end: number }> | undefined {
  const out: Array<{ address?: number; start: number; end: number }> = [];
  for (;;) {
    const first = c.peek();
    if (v6) {
      if (!ip6(c)) return undefined;
      out.push({ start: first.start, end: c.lx.last.end });
    } else {
      const a = ipAddrOrHostname(c);
      if (!a) return undefined;
      out.push(a);
    }
    if (c.peek().kind !== ',') break;
    c.next();
  }
  return c.semi() ? out : undefined;
}

