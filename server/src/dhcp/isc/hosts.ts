import type { At, StaticHost } from '../model';
import type { Cursor } from './cursor';
import type { Statement } from './declarations';
import { parseBooleanExpression, parseDataExpression, type Lose } from './expressions';
import { isIdentifier } from './lexer';
import { optionData } from './options';
import { child, newScope, type Ctx, type HostDecl } from './scope';
import { cshl, hostName, numericAggregate } from './values';

/**
 * Host and class declarations and `server-duid` (server/confpars.c parse_host_declaration,
 * parse_class_declaration, parse_server_duid_conf).
 */

/** A host's reserved addresses become StaticHosts of the scope the host is declared in. */
function staticHosts(scope: Ctx['scope'], host: HostDecl, name: At<string>, span: { start: number; end: number }, clientId?: At<string>): void {
  const base: StaticHost = { name, span };
  if (host.hardware) base.hardware = { value: host.hardware.mac, span: { start: host.hardware.start, end: host.hardware.end } };
  if (clientId) base.clientId = clientId;
  const fixed = host.fixed?.length ? host.fixed : [undefined];
  for (const f of fixed) scope.hosts.push(f?.address !== undefined ? { ...base, address: { value: f.address, span: { start: f.start, end: f.end } } } : { ...base });
}

/** After `host`: `NAME { … }`. */
export function hostDeclaration(c: Cursor, ctx: Ctx, start: number, statement: Statement): void {
  const h = hostName(c);
  if (!h) return c.expected(c.peek(), 'expecting a name for host declaration');
  const name: At<string> = { value: h.name, span: { start: h.start, end: h.end } };
  const scope = newScope(c.out, 'host', ctx.scope, start);
  scope.name = name;
  scope.headerSpan = { start, end: h.end };
  const host: HostDecl = { name: h.name, identifier: false };
  if (!c.lbrace()) return void (scope.span.end = c.lx.last.end);
  const inner = child(ctx, 'host', scope, { host });
  let declaration = false;
  let deleted = false;
  while (!c.blockEnd(true)) {
    const t = c.peek();
    if (t.kind === 'dynamic' || t.kind === 'deleted') {
      c.next();
      deleted ||= t.kind === 'deleted';
      if (!c.semi()) break;
    } else if (t.kind === 'group') {
      c.next();
      const g = c.next();
      if (g.kind !== 'STRING' && !isIdentifier(g)) {
        c.error(c.at(g), 'expecting string or identifier');
        c.skipToRbrace(1);
        break;
      }
      if (!c.groups.has(g.value)) c.unknown(c.at(g), `unknown group ${g.value} in host ${h.name}`);
      if (!c.semi()) break;
    } else if (t.kind === 'uid') {
      c.next();
      if (host.uid) {
        c.error(c.at(t), `Host '${h.name}' already has a uid`);
        c.skipToRbrace(1);
        break;
      }
      const v = c.peek();
      if (v.kind === 'STRING') {
        c.next();
        host.uid = { value: v.value, start: v.start, end: v.end };
      } else {
        const r = numericAggregate(c, 0, ':', 16, 8);
        if (!r) {
          c.error(c.at(c.peek()), 'expecting hex list');
          c.skipToSemi();
        } else host.uid = { value: r.values.map((b) => (b & 255).toString(16).padStart(2, '0')).join(':'), start: v.start, end: c.lx.last.end };
      }
      if (!c.semi()) break;
    } else if (t.kind === 'host-identifier') {
      if (!hostIdentifier(c, host, h.name)) break;
    } else declaration = statement(c, inner, declaration);
  }
  scope.span.end = c.lx.last.end;
  if (!deleted) {
    if (c.hosts.has(h.name)) c.error(name.span, `host ${h.name}: already exists`);
    c.hosts.add(h.name);
  }
  const id = host.uid ? { value: host.uid.value, span: { start: host.uid.start, end: host.uid.end } } : clientIdOption(scope);
  staticHosts(ctx.scope, host, name, scope.span, id);
}

/** `option dhcp-client-identifier` inside a host: the client id the reservation matches. */
function clientIdOption(scope: Ctx['scope']): At<string> | undefined {
  const o = scope.options.find((x) => x.code === 61);
  return o && { value: o.value, span: o.valueSpan };
}

/** `host-identifier option NAME VALUE;` or `host-identifier v6relopt N NAME VALUE;`. False stops the host. */
function hostIdentifier(c: Cursor, host: HostDecl, name: string): boolean {
  const t = c.next();
  if (host.identifier) {
    c.error(c.at(t), 'only one host-identifier allowed per host');
    c.skipToRbrace(1);
    return false;
  }
  host.identifier = true;
  const k = c.next();
  if (k.kind === 'v6relopt') {
    const n = c.next();
    if (n.kind !== 'NUMBER') {
      c.error(c.at(n), 'host-identifier v6relopt must have a number');
      c.skipToRbrace(1);
      return false;
    }
  } else if (k.kind !== 'option') {
    c.error(c.at(k), 'host-identifier must be an option or v6relopt');
    c.skipToRbrace(1);
    return false;
  }
  const ref = c.optionName(true);
  if (!ref) return false;
  if (!ref.known) {
    c.unknownOption({ start: ref.start, end: ref.end }, `unknown option ${ref.option.space}.${ref.option.name} in host ${name}`, ref.option.space, ref.option.name);
    c.skipToRbrace(1);
    return false;
  }
  if (!optionData(c, ref.option.format) || !c.semi()) {
    c.skipToRbrace(1);
    return false;
  }
  return true;
}

/** After `class`, `subclass`, `vendor-class` or `user-class`. */
export function classDeclaration(c: Cursor, ctx: Ctx, kind: string, start: number, statement: Statement): void {
  const n = c.next();
  if (n.kind !== 'STRING') return c.expected(n, 'Expecting class name');
  const sub = kind !== 'class';
  if (sub && !c.classes.has(n.value)) {
    c.unknown(c.at(n), `no class named ${n.value}`);
    return c.skipToSemi();
  }
  if (kind === 'subclass') {
    const v = c.peek();
    if (v.kind === 'STRING') c.next();
    else if (v.kind === 'NUMBER' || v.kind === 'NUMBER_OR_NAME') {
      if (!cshl(c)) return;
    } else return c.error(c.at(v), 'Expecting string or hex list');
  }
  if (sub && c.peek().kind === ';') {
    c.next();
    return;
  }
  const scope = newScope(c.out, 'class', ctx.scope, start);
  scope.name = { value: n.value, span: { start: n.start + 1, end: Math.max(n.start + 1, n.end - 1) } };
  scope.headerSpan = { start, end: c.lx.last.end };
  if (!c.lbrace()) return void (scope.span.end = c.lx.last.end);
  const inner = child(ctx, 'class', scope);
  let declaration = false;
  let matched = false;
  let submatched = false;
  const l: Lose = { lose: false };
  const submatch = (): boolean => {
    if (submatched) return c.expected(c.peek(), "can't override existing submatch/spawn"), false;
    submatched = true;
    if (!parseDataExpression(c, l)) {
      if (!l.lose) c.expected(c.peek(), 'expecting data expr');
    } else c.semi();
    return true;
  };
  while (!c.blockEnd(true)) {
    const t = c.peek();
    l.lose = false;
    if (t.kind === 'dynamic' || t.kind === 'deleted') {
      c.next();
      if (!c.semi()) break;
    } else if (t.kind === 'match' || t.kind === 'spawn') {
      c.next();
      if (sub) {
        c.expected(t, `invalid ${t.kind} in subclass`);
        break;
      }
      if (t.kind === 'spawn' && c.next().kind !== 'with') {
        c.expected(c.lx.last, 'expecting with after spawn');
        break;
      }
      if (t.kind === 'spawn' || c.peek().kind !== 'if') {
        if (!submatch()) break;
        continue;
      }
      c.next();
      if (matched) {
        c.expected(c.peek(), "A class may only have one 'match if' clause");
        break;
      }
      matched = true;
      if (!parseBooleanExpression(c, l)) {
        if (!l.lose) c.expected(c.peek(), 'expecting boolean expr');
      } else c.semi();
    } else if (t.kind === 'lease') {
      c.next();
      const k = c.next();
      if (k.kind !== 'limit') {
        c.expected(k, 'expecting "limit"');
        break;
      }
      const v = c.next();
      if (v.kind !== 'NUMBER') {
        c.expected(v, 'expecting a number');
        break;
      }
      c.semi();
    } else declaration = statement(c, inner, declaration);
  }
  scope.span.end = c.lx.last.end;
  if (!sub) c.classes.add(n.value);
}

const HW_TYPES = new Set(['ethernet', 'token-ring', 'fddi']);

/** After `server-duid`: `llt|ll [TYPE [TIME] HEX]`, `en NUMBER "ID"`, or `NUMBER "ID"`. */
export function serverDuid(c: Cursor): void {
  const t = c.next();
  if (t.kind === 'en' || t.kind === 'NUMBER') {
    if (t.kind === 'en') {
      const n = c.next();
      if (n.kind !== 'NUMBER') return c.expected(n, 'enterprise number expected');
    }
    const s = c.next();
    if (s.kind !== 'STRING') return c.expected(s, 'identifier expected');
  } else if (t.kind === 'll' || t.kind === 'llt') {
    if (c.peek().kind !== ';') {
      const hw = c.next();
      if (!HW_TYPES.has(hw.kind)) return c.expected(hw, 'hardware type expected');
      if (t.kind === 'llt') {
        const time = c.next();
        if (time.kind !== 'NUMBER') return c.expected(time, 'timestamp expected');
      }
      if (!cshl(c)) return;
    }
  } else return c.expected(t, 'DUID type of LLT, EN, or LL expected');
  c.semi();
}
