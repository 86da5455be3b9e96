import type { Cursor } from './cursor';
import { parseBooleanExpression, parseDataExpression, parseExpression, type Context, type Lose } from './expressions';
import { isIdentifier, type Tok } from './lexer';
import { ip6, optionStatement } from './options';
import type { Ctx } from './scope';
import { base64, hostName, ipAddrOrHostname } from './values';

/**
 * dhcpd's executable statements (common/parse.c parse_executable_statement and the `if`, `on`,
 * `switch`, `case`, `zone`, `key` parsers): what may appear in any scope besides declarations.
 * Returns true when a statement was read (even one dhcpd then refused — the problem is recorded);
 * false with `l.lose` unset when the next token starts no statement at all.
 */
export function executableStatement(c: Cursor, ctx: Ctx, l: Lose, caseContext: Context): boolean {
  const t = c.peek();
  const start = t.start;
  switch (t.kind) {
    case 'db-time-format': {
      c.next();
      const v = c.next();
      if (v.kind !== 'default' && v.kind !== 'local') return lost(c, l, v, "Expecting 'local' or 'default'", v.kind !== ';');
      if (c.next().kind !== ';') return lost(c, l, c.lx.last, 'Expecting a semicolon', false);
      return true;
    }
    case 'if':
      c.next();
      return ifStatement(c, ctx, l, start);
    case 'add': {
      c.next();
      const s = c.next();
      if (s.kind !== 'STRING') return lost(c, l, s, 'expecting class name', true);
      if (!c.classes.has(s.value)) {
        c.unknown(c.at(s), `class ${s.value}: not found`);
        c.skipToSemi();
        l.lose = true;
        return false;
      }
      // dhcpd runs the outer scope's statements at startup, with no client: `add` there crashes it.
      if (ctx.type === 'root' && !ctx.tags?.length) c.error({ start, end: s.end }, '`add` in the outer scope crashes dhcpd 4.4 at startup; put it in a class, pool or condition');
      return semiOrLose(c, l);
    }
    case 'break':
    case 'parse-vendor-option':
      c.next();
      return semiOrLose(c, l);
    case 'send':
    case 'supersede':
    case 'option':
    case 'prepend':
    case 'append':
      c.next();
      return option(c, ctx, l, start);
    case 'default':
      c.next();
      if (c.peek().kind !== ':') return option(c, ctx, l, start);
      c.next();
      if (caseContext === 'any') return lost(c, l, c.lx.last, 'switch default statement in inappropriate scope', false);
      return true;
    case 'allow':
    case 'deny':
    case 'ignore':
      c.next();
      return allowDeny(c);
    case 'on':
      c.next();
      return onStatement(c, ctx, l, start);
    case 'switch':
      c.next();
      return switchStatement(c, ctx, l, start);
    case 'case': {
      c.next();
      if (caseContext === 'any') return lost(c, l, t, 'case statement in inappropriate scope', true);
      if (!parseExpression(c, l, caseContext)) {
        if (!l.lose) c.error(c.at(c.peek()), `expecting ${caseContext === 'data' ? 'data' : 'numeric'} expression`);
        l.lose = true;
        c.skipToSemi();
        return false;
      }
      if (c.next().kind !== ':') return lost(c, l, c.lx.last, 'colon expected', true);
      return true;
    }
    case 'define':
    case 'set':
      c.next();
      return setStatement(c, ctx, l, t.kind === 'define');
    case 'unset': {
      c.next();
      const v = c.next();
      if (v.kind !== 'NAME' && v.kind !== 'NUMBER_OR_NAME') return lost(c, l, v, `${v.value} can't be a variable name`, true);
      return semiOrLose(c, l);
    }
    case 'eval':
    case 'return':
      c.next();
      return exprThenSemi(c, l, 'expecting data expression');
    case 'execute':
      c.next();
      return executeStatement(c, l);
    case 'log':
      c.next();
      return logStatement(c, l);
    case 'zone':
      c.next();
      return zoneStatement(c, l);
    case 'key':
      c.next();
      if (keyStatement(c)) return true;
      l.lose = true;
      return false;
    default:
      if (isIdentifier(t)) {
        const known = c.lookup('server', t.value);
        if (known) {
          c.next();
          return optionStatement(c, ctx, { option: known, written: t.value, start: t.start, end: t.end }, start) || ((l.lose = true), false);
        }
      }
      if (t.kind === 'NAME' || t.kind === 'NUMBER_OR_NAME') return exprThenSemi(c, l, 'expecting function call');
      l.lose = false;
      return false;
  }
}

/** Reports at `t`, optionally skips the statement, marks the statement as lost. */
function lost(c: Cursor, l: Lose, t: Tok, message: string, skip: boolean): false {
  c.error(c.at(t), message);
  if (skip) c.skipToSemi();
  l.lose = true;
  return false;
}

function semiOrLose(c: Cursor, l: Lose): boolean {
  if (c.semi()) return true;
  l.lose = true;
  return false;
}

function option(c: Cursor, ctx: Ctx, l: Lose, start: number): boolean {
  const ref = c.optionName(false);
  if (ref && optionStatement(c, ctx, ref, start)) return true;
  l.lose = true;
  return false;
}

function exprThenSemi(c: Cursor, l: Lose, message: string): boolean {
  if (!parseExpression(c, l, 'data')) {
    if (!l.lose) c.error(c.at(c.peek()), message);
    l.lose = true;
    c.skipToSemi();
    return false;
  }
  return semiOrLose(c, l);
}

/** Statements up to a closing brace, each conditional on `tag`. */
function block(c: Cursor, ctx: Ctx, l: Lose, tag: string, caseContext: Context = 'any'): boolean {
  if (!c.enter()) return (l.lose = true), false;
  const inner: Ctx = { ...ctx, tags: [...(ctx.tags ?? []), tag] };
  while (executableStatement(c, inner, l, caseContext));
  c.leave();
  return !l.lose;
}

const condition = (c: Cursor, start: number, end: number) => c.out.text.slice(start, end).replace(/\s+/g, ' ').trim().slice(0, 120);

/** parse.c parse_if_statement(), after `if`. */
function ifStatement(c: Cursor, ctx: Ctx, l: Lose, start: number): boolean {
  const paren = c.peek().kind === '(';
  if (paren) c.next();
  if (!parseBooleanExpression(c, l)) {
    if (!l.lose) c.error(c.at(c.peek()), 'boolean expression expected');
    l.lose = true;
    return false;
  }
  if (paren && c.next().kind !== ')') return lost(c, l, c.lx.last, 'expecting right paren', false);
  const tag = condition(c, start, c.lx.last.end);
  if (c.next().kind !== '{') return lost(c, l, c.lx.last, 'left brace expected', true);
  if (!block(c, ctx, l, tag)) return recover(c);
  if (c.next().kind !== '}') return lost(c, l, c.lx.last, 'right brace expected', true);
  const e = c.peek();
  if (e.kind === 'elsif' || (e.kind === 'else' && c.peek(1).kind === 'if')) {
    c.next();
    if (e.kind === 'else') c.next();
    if (ifStatement(c, ctx, l, e.start)) return true;
    if (!l.lose) c.error(c.at(c.peek()), 'expecting conditional');
    l.lose = true;
    return false;
  }
  if (e.kind !== 'else') return true;
  c.next();
  if (c.next().kind !== '{') return lost(c, l, c.lx.last, 'left brace or if expected', true);
  if (!block(c, ctx, l, `not (${tag})`)) return false;
  if (c.next().kind !== '}') return lost(c, l, c.lx.last, 'right brace expected', true);
  return true;
}

/** After a lost inner statement dhcpd skips to the next `}` ("try to even things up"). */
function recover(c: Cursor): false {
  for (let t = c.next(); t.kind !== 'EOF' && t.kind !== '}'; t = c.next());
  return false;
}

const EVENTS = new Set(['expiry', 'commit', 'release', 'transmission']);

/** parse.c parse_on_statement(), after `on`. */
function onStatement(c: Cursor, ctx: Ctx, l: Lose, start: number): boolean {
  let t: Tok;
  do {
    const ev = c.next();
    if (!EVENTS.has(ev.kind)) return lost(c, l, ev, 'expecting a lease event type', true);
    t = c.next();
  } while (t.kind === 'or');
  if (t.kind === ';') return true;
  if (t.kind !== '{') return lost(c, l, t, 'left brace expected', true);
  if (!block(c, ctx, l, condition(c, start, t.start))) return recover(c);
  if (c.next().kind !== '}') return lost(c, l, c.lx.last, 'right brace expected', true);
  return true;
}

/** parse.c parse_switch_statement(), after `switch`. */
function switchStatement(c: Cursor, ctx: Ctx, l: Lose, start: number): boolean {
  if (c.next().kind !== '(') return lost(c, l, c.lx.last, 'expecting left brace', true);
  const e = parseExpression(c, l, 'data_or_numeric');
  if (!e) {
    if (!l.lose) return lost(c, l, c.peek(), 'expecting data or numeric expression', true);
    return false;
  }
  if (c.next().kind !== ')') return lost(c, l, c.lx.last, 'right paren expected', true);
  const tag = condition(c, start, c.lx.last.end);
  if (c.next().kind !== '{') return lost(c, l, c.lx.last, 'left brace expected', true);
  if (!block(c, ctx, l, tag, e.ctx === 'data' ? 'data' : 'numeric')) {
    c.skipToRbrace(1);
    return false;
  }
  if (c.next().kind !== '}') return lost(c, l, c.lx.last, 'right brace expected', true);
  return true;
}

/** parse.c `set`/`define`: `NAME = expression;` or a function `NAME (ARGS) { statements }`. */
function setStatement(c: Cursor, ctx: Ctx, l: Lose, define: boolean): boolean {
  const v = c.next();
  if (v.kind !== 'NAME' && v.kind !== 'NUMBER_OR_NAME') return lost(c, l, v, `${v.value} can't be a variable name`, true);
  const t = c.next();
  if (t.kind === '(') {
    let a = c.next();
    while (a.kind !== ')') {
      if (a.kind !== 'NAME' && a.kind !== 'NUMBER_OR_NAME') {
        c.error(c.at(a), 'expecting argument name');
        c.skipToRbrace(0);
        l.lose = true;
        return false;
      }
      a = c.next();
      if (a.kind !== ',') break;
      a = c.next();
    }
    if (a.kind !== ')') return lost(c, l, a, 'expecting right paren', true);
    if (c.next().kind !== '{') return lost(c, l, c.lx.last, 'expecting left brace', true);
    if (!block(c, ctx, l, `function ${v.value}`)) {
      c.skipToSemi();
      return false;
    }
    if (c.next().kind !== '}') return lost(c, l, c.lx.last, 'expecting right brace', true);
    return true;
  }
  if (t.kind !== '=') return lost(c, l, t, `expecting '=' in ${define ? 'define' : 'set'} statement`, true);
  if (!parseExpression(c, l, 'any')) {
    if (!l.lose) c.error(c.at(c.peek()), 'expecting expression');
    l.lose = true;
    c.skipToSemi();
    return false;
  }
  return semiOrLose(c, l);
}

/** `execute ("command" [, data]…);` */
function executeStatement(c: Cursor, l: Lose): boolean {
  if (c.next().kind !== '(') return lost(c, l, c.lx.last, 'left parenthesis expected', true);
  const s = c.next();
  if (s.kind !== 'STRING') return lost(c, l, s, 'Expecting a quoted string', true);
  let t = c.next();
  while (t.kind === ',') {
    if (!parseDataExpression(c, l)) {
      if (!l.lose) c.error(c.at(c.peek()), 'expecting expression');
      l.lose = true;
      c.skipToSemi();
      return false;
    }
    t = c.next();
  }
  if (t.kind !== ')') return lost(c, l, t, 'right parenthesis expected', true);
  return semiOrLose(c, l);
}

/** `log ([fatal|error|debug|info,] data);` */
function logStatement(c: Cursor, l: Lose): boolean {
  if (c.next().kind !== '(') return lost(c, l, c.lx.last, 'left parenthesis expected', true);
  if (['fatal', 'error', 'debug', 'info'].includes(c.peek().kind)) {
    c.next();
    if (c.next().kind !== ',') return lost(c, l, c.lx.last, 'comma expected', true);
  }
  if (!parseDataExpression(c, l)) {
    l.lose = true;
    c.skipToSemi();
    return false;
  }
  if (c.next().kind !== ')') return lost(c, l, c.lx.last, 'right parenthesis expected', true);
  if (c.next().kind !== ';') return lost(c, l, c.lx.last, 'semicolon expected', true);
  return true;
}

/** parse.c `zone NAME { primary ADDR…; secondary ADDR…; key NAME; }`. */
function zoneStatement(c: Cursor, l: Lose): boolean {
  if (!hostName(c)) return lost(c, l, c.peek(), 'expecting hostname', true);
  if (c.next().kind !== '{') return lost(c, l, c.lx.last, 'expecting left brace', false);
  const seen = new Set<string>();
  for (;;) {
    const t = c.peek();
    if (t.kind === 'primary' || t.kind === 'secondary' || t.kind === 'primary6' || t.kind === 'secondary6') {
      c.next();
      if (seen.has(t.kind)) return lost(c, l, t, `more than one ${t.kind}`, true);
      seen.add(t.kind);
      let n: Tok;
      do {
        if (t.kind.endsWith('6')) {
          if (!ip6(c)) return lost(c, l, c.peek(), 'expecting IPv6 addr', true);
        } else if (!ipAddrOrHostname(c)) return lost(c, l, c.peek(), 'expecting IP addr or hostname', true);
        n = c.next();
      } while (n.kind === ',');
      if (n.kind !== ';') return lost(c, l, n, 'expecting semicolon', true);
    } else if (t.kind === 'key') {
      c.next();
      const k = c.peek();
      let name = k.value;
      if (k.kind === 'STRING') c.next();
      else {
        const h = hostName(c);
        if (!h) return lost(c, l, k, 'expecting key name', true);
        name = h.name;
      }
      if (!c.keys.has(name)) c.unknown(c.at(k), `unknown key ${name}`);
      if (!c.semi()) return false;
    } else break;
  }
  if (c.next().kind !== '}') return lost(c, l, c.lx.last, 'expecting right brace', false);
  return true;
}

/** parse.c parse_key(): `key NAME { algorithm NAME; secret BASE64; }` (a `;` after `}` allowed). */
export function keyStatement(c: Cursor): boolean {
  const k = c.peek();
  let name = k.value;
  if (k.kind === 'STRING') c.next();
  else {
    const h = hostName(c);
    if (!h) {
      c.expected(k, 'expecting key name');
      return false;
    }
    name = h.name;
  }
  if (c.next().kind !== '{') {
    c.error(c.at(c.lx.last), 'expecting left brace');
    return false;
  }
  const seen = new Set<string>();
  let t = c.next();
  for (; t.kind === 'algorithm' || t.kind === 'secret'; t = c.next()) {
    const bad = seen.has(t.kind) ? `key ${name}: too many ${t.kind === 'secret' ? 'secrets' : 'algorithms'}` : undefined;
    seen.add(t.kind);
    if (bad) return void c.error(c.at(t), bad), c.skipToRbrace(1), false;
    const ok = t.kind === 'algorithm' ? !!hostName(c) || (c.error(c.at(c.peek()), 'expecting key algorithm name'), false) : base64(c);
    if (!ok || !c.semi()) return c.skipToRbrace(1), false;
  }
  if (t.kind !== '}') return void c.error(c.at(t), 'expecting right brace'), c.skipToRbrace(1), false;
  if (c.peek().kind === ';') c.next();
  c.keys.add(name);
  return true;
}

const ALLOW_DENY = new Set(['bootp', 'booting', 'dynamic-bootp', 'unknown-clients', 'duplicates', 'declines', 'client-updates', 'leasequery']);

/** confpars.c parse_allow_deny(): `allow|deny|ignore KEYWORD;` outside pools. */
function allowDeny(c: Cursor): boolean {
  const t = c.next();
  if (!ALLOW_DENY.has(t.kind)) {
    c.error(c.at(t), 'expecting allow/deny key');
    c.skipToSemi();
    return false;
  }
  c.semi();
  return true;
}
