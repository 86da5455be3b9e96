import type { Cursor } from './cursor';
import type { Tok } from './lexer';
import { cshl } from './values';

/**
 * dhcpd's expression grammar (common/parse.c parse_expression/parse_non_binary, common/tree.c):
 * only what decides acceptance is kept — each expression's kind (its "context") and whether it is
 * a variable reference or function call, which may stand for any kind.
 */
export type Context = 'any' | 'boolean' | 'data' | 'numeric' | 'data_or_numeric';

export interface Expr {
  op: string;
  ctx: 'any' | 'boolean' | 'data' | 'numeric';
  start: number;
  end: number;
}

/** Set when a sub-parser already reported (and skipped) its problem: callers then stay quiet. */
export interface Lose {
  lose: boolean;
}

const BOOLEAN_OPS = new Set(['check', 'exists', 'variable_exists', 'equal', 'not_equal', 'regex_match', 'iregex_match', 'and', 'or', 'not', 'known', 'static']);
const NUMERIC_OPS = new Set(['extract_int', 'const_int', 'lease_time', 'add', 'subtract', 'multiply', 'divide', 'remainder', 'binary_and', 'binary_or', 'binary_xor', 'client_state']);
const DATA_OPS = new Set(['substring', 'suffix', 'lcase', 'ucase', 'option', 'hardware', 'const_data', 'packet', 'concat', 'encode_int', 'host_lookup', 'binary_to_ascii', 'filename', 'sname', 'reverse', 'pick_first_value', 'host_decl_name', 'leased_address', 'config_option', 'null', 'gethostname', 'v6relay']);

/** tree.c expression_context(). */
function contextOf(op: string): Expr['ctx'] {
  if (DATA_OPS.has(op)) return 'data';
  if (NUMERIC_OPS.has(op)) return 'numeric';
  if (BOOLEAN_OPS.has(op)) return 'boolean';
  return 'any';
}

const make = (op: string, start: number, end: number): Expr => ({ op, ctx: contextOf(op), start, end });

/** tree.c op_val(): larger binds tighter (dhcpd's own, odd, ordering). */
const OP_VAL: Record<string, number> = { equal: 4, not_equal: 4, regex_match: 4, iregex_match: 4, or: 3, and: 3, add: 2, subtract: 2, multiply: 1, divide: 1, remainder: 1 };
const opVal = (op: string) => OP_VAL[op] ?? 100;

/** tree.c op_context(). */
function opContext(op: string): Context {
  if (['equal', 'not_equal', 'regex_match', 'iregex_match'].includes(op)) return 'data';
  if (op === 'and' || op === 'or') return 'boolean';
  if (['add', 'subtract', 'multiply', 'divide', 'remainder', 'binary_and', 'binary_or', 'binary_xor'].includes(op)) return 'numeric';
  return 'any';
}

const BINOPS: Record<string, string> = { '=': 'equal', and: 'and', or: 'or', '+': 'add', '/': 'divide', '*': 'multiply', '%': 'remainder', '&': 'binary_and', '|': 'binary_or', '^': 'binary_xor' };

/** Constants dhcpd knows by name (DNS rcodes, client states): numbers. */
const NAMED_INTS = new Set(['formerr', 'noerror', 'notauth', 'notimp', 'notzone', 'nxdomain', 'nxrrset', 'refused', 'servfail', 'yxdomain', 'yxrrset', 'booting', 'reboot', 'select', 'request', 'bound', 'renew', 'rebind']);
const NO_ARG: Record<string, string> = { static: 'static', known: 'known', hardware: 'hardware', 'leased-address': 'leased_address', 'client-state': 'client_state', filename: 'filename', 'server-name': 'sname', 'lease-time': 'lease_time', null: 'null', 'host-decl-name': 'host_decl_name' };

type Arg = 'data' | 'numeric';
/** Functions whose arguments are expressions: the kind of each argument. */
const CALLS: Record<string, { op: string; args: Arg[]; more?: Arg }> = {
  substring: { op: 'substring', args: ['data', 'numeric', 'numeric'] },
  suffix: { op: 'suffix', args: ['data', 'numeric'] },
  lcase: { op: 'lcase', args: ['data'] },
  ucase: { op: 'ucase', args: ['data'] },
  concat: { op: 'concat', args: ['data', 'data'], more: 'data' },
  'binary-to-ascii': { op: 'binary_to_ascii', args: ['numeric', 'numeric', 'data', 'data'] },
  reverse: { op: 'reverse', args: ['numeric', 'data'] },
  pick: { op: 'pick_first_value', args: ['data'], more: 'data' },
  packet: { op: 'packet', args: ['numeric', 'numeric'] },
  v6relay: { op: 'v6relay', args: ['numeric', 'data'] },
};

function fail(c: Cursor, l: Lose, t: Tok, message: string, skip = false): undefined {
  c.error(c.at(t), message);
  if (skip) c.skipToSemi();
  l.lose = true;
  return undefined;
}

/** A typed argument; on failure reports like parse.c's nodata/nonum labels. */
function arg(c: Cursor, l: Lose, kind: Arg): boolean {
  const e = kind === 'data' ? parseDataExpression(c, l) : parseNumericExpression(c, l);
  if (e) return true;
  if (!l.lose) fail(c, l, c.peek(), kind === 'data' ? 'expecting data expression' : 'expecting numeric expression', true);
  return false;
}

function call(c: Cursor, l: Lose, start: number, spec: { op: string; args: Arg[]; more?: Arg }): Expr | undefined {
  if (c.next().kind !== '(') return fail(c, l, c.lx.last, 'left parenthesis expected');
  for (let i = 0; ; i++) {
    if (!arg(c, l, spec.args[i] ?? (spec.more as Arg))) return undefined;
    const t = c.next();
    const more = i + 1 < spec.args.length || (spec.more && t.kind === ',');
    if (more) {
      if (t.kind !== ',') return fail(c, l, t, 'comma expected');
      continue;
    }
    if (t.kind !== ')') return fail(c, l, t, 'right parenthesis expected');
    return make(spec.op, start, t.end);
  }
}

/** `extract-int (data, 8|16|32)` and `encode-int (numeric, 8|16|32)`. */
function intCall(c: Cursor, l: Lose, start: number, op: string, kind: Arg): Expr | undefined {
  if (c.next().kind !== '(') return fail(c, l, c.lx.last, 'left parenthesis expected');
  if (!(kind === 'data' ? parseDataExpression(c, l) : parseNumericExpression(c, l))) {
    if (!l.lose || kind === 'numeric') fail(c, l, c.peek(), `expecting ${kind} expression`, true);
    return undefined;
  }
  if (c.next().kind !== ',') return fail(c, l, c.lx.last, 'comma expected');
  const n = c.next();
  if (n.kind !== 'NUMBER') return fail(c, l, n, 'number expected');
  if (!['8', '16', '32'].includes(String(parseInt(n.value, 10)))) return fail(c, l, n, `unsupported integer size ${parseInt(n.value, 10) || 0}`, true);
  const r = c.next();
  if (r.kind !== ')') return fail(c, l, r, 'right parenthesis expected');
  return make(op, start, r.end);
}

/** parse.c parse_non_binary(): one operand, or undefined (with `l.lose` unset when nothing was there). */
export function parseNonBinary(c: Cursor, l: Lose, context: Context): Expr | undefined {
  const t = c.peek();
  const start = t.start;
  const k = t.kind;
  if (k === 'check') {
    c.next();
    const s = c.next();
    if (s.kind !== 'STRING') return fail(c, l, s, 'string expected', true);
    if (s.value !== 'default') return fail(c, l, s, 'unknown collection');
    return make('check', start, s.end);
  }
  if (k === 'not') {
    c.next();
    const e = parseNonBinary(c, l, 'boolean');
    if (!e) {
      if (!l.lose) fail(c, l, c.peek(), 'expression expected', true);
      l.lose = true;
      return undefined;
    }
    if (e.ctx !== 'boolean') return fail(c, l, c.lx.last, 'boolean expression expected', true);
    return make('not', start, e.end);
  }
  if (k === '(') {
    c.next();
    const e = parseExpression(c, l, context);
    if (!e) {
      if (!l.lose) fail(c, l, c.peek(), 'expression expected', true);
      l.lose = true;
      return undefined;
    }
    const r = c.next();
    if (r.kind !== ')') return fail(c, l, r, 'right paren expected', true);
    return { ...e, start, end: r.end };
  }
  if (k === 'exists' || k === 'option' || k === 'config-option') {
    c.next();
    const o = c.optionName(false);
    if (!o) {
      l.lose = true;
      return undefined;
    }
    return make(k === 'exists' ? 'exists' : k === 'option' ? 'option' : 'config_option', start, c.lx.last.end);
  }
  if (NO_ARG[k]) return make(NO_ARG[k], start, c.next().end);
  if (CALLS[k]) {
    c.next();
    return call(c, l, start, CALLS[k]);
  }
  if (k === 'extract-int' || k === 'encode-int') {
    c.next();
    return intCall(c, l, start, k === 'extract-int' ? 'extract_int' : 'encode_int', k === 'extract-int' ? 'data' : 'numeric');
  }
  if (k === 'STRING') return make('const_data', start, c.next().end);
  if (k === 'NUMBER' && (context === 'numeric' || context === 'data_or_numeric')) return make('const_int', start, c.next().end);
  if (k === 'NUMBER' || k === 'NUMBER_OR_NAME') {
    const h = cshl(c);
    return h && make('const_data', start, h.end);
  }
  if (NAMED_INTS.has(k)) return make('const_int', start, c.next().end);
  if (k === 'defined') {
    c.next();
    if (c.next().kind !== '(') return fail(c, l, c.lx.last, 'left parenthesis expected');
    const v = c.next();
    if (v.kind !== 'NAME' && v.kind !== 'NUMBER_OR_NAME') return fail(c, l, v, `${v.value} can't be a variable name`, true);
    const r = c.next();
    if (r.kind !== ')') return fail(c, l, r, 'right parenthesis expected');
    return make('variable_exists', start, r.end);
  }
  if (k === 'gethostname' || k === 'gethostbyname') {
    c.next();
    if (c.next().kind !== '(') return fail(c, l, c.lx.last, 'left parenthesis expected');
    if (k === 'gethostbyname') {
      const s = c.next();
      if (s.kind !== 'STRING') return fail(c, l, s, 'Expecting quoted literal: "foo.example.com"', true);
    }
    const r = c.next();
    if (r.kind !== ')') return fail(c, l, r, 'right parenthesis expected');
    return make(k === 'gethostname' ? 'gethostname' : 'host_lookup', start, r.end);
  }
  if (k !== 'NAME') return undefined;
  c.next();
  if (c.peek().kind !== '(') return make('variable_reference', start, t.end);
  c.next();
  for (;;) {
    if (!parseExpression(c, l, 'any')) {
      if (!l.lose) fail(c, l, c.peek(), 'expecting expression');
      l.lose = true;
      c.skipToSemi();
      return undefined;
    }
    const n = c.next();
    if (n.kind === ',') continue;
    if (n.kind !== ')') return fail(c, l, n, 'Right parenthesis expected', true);
    return make('funcall', start, n.end);
  }
}

/** The binary operator `t` starts, if any; `!=`, `~=`, `~~` are two tokens. */
function binop(c: Cursor, l: Lose): string | 'bad' | undefined {
  const t = c.peek();
  if (t.kind === '!') {
    c.next();
    if (c.peek().kind !== '=') return fail(c, l, c.peek(), '! in boolean context without =', true) ?? 'bad';
    return 'not_equal';
  }
  if (t.kind === '~') {
    c.next();
    const n = c.peek().kind;
    if (n === '~') return 'iregex_match';
    if (n === '=') return 'regex_match';
    return fail(c, l, c.peek(), 'expecting ~= or ~~ operator', true) ?? 'bad';
  }
  return BINOPS[t.kind];
}

/** parse.c parse_expression(): operands joined by binary operators, type-checked as dhcpd does. */
export function parseExpression(c: Cursor, l: Lose, context: Context, plhs?: Expr, pbinop?: string): Expr | undefined {
  if (!c.enter()) return (l.lose = true), undefined;
  try {
    return expression(c, l, context, plhs, pbinop);
  } finally {
    c.leave();
  }
}

function expression(c: Cursor, l: Lose, context: Context, plhs?: Expr, pbinop?: string): Expr | undefined {
  let lhs = plhs;
  let op = pbinop;
  let ctx = context;
  for (;;) {
    let rhs = parseNonBinary(c, l, ctx);
    if (!rhs) {
      if (lhs && !l.lose) fail(c, l, c.peek(), 'expecting right-hand side', true);
      return undefined;
    }
    let next = binop(c, l);
    if (next === 'bad') return undefined;
    if (next) ctx = rhs.ctx;
    if (!lhs) {
      if (!next) return rhs;
      lhs = rhs;
      op = next;
      c.next();
      continue;
    }
    if (op && next && opVal(op) - opVal(next) < 0) {
      c.next();
      const sub = parseExpression(c, l, opContext(next), rhs, next);
      if (!sub) {
        if (!l.lose) fail(c, l, c.peek(), 'expecting a subexpression');
        l.lose = true;
        return undefined;
      }
      rhs = sub;
      next = undefined;
    }
    if (op) {
      const r = rhs.ctx;
      const lc = lhs.ctx;
      if (r !== 'any' && lc !== 'any' && r !== lc) return fail(c, l, c.lx.last, 'illegal expression relating different types', true);
      if ((op === 'equal' || op === 'not_equal') && r === 'boolean') return fail(c, l, c.lx.last, 'expecting data/numeric expression', true);
      if ((op === 'regex_match' || op === 'iregex_match') && r !== 'data') return fail(c, l, c.lx.last, 'expecting data expression', true);
      if ((op === 'and' || op === 'or') && r !== 'boolean' && r !== 'any') return fail(c, l, c.lx.last, 'expecting boolean expressions', true);
      if (opContext(op) === 'numeric' && r !== 'numeric' && r !== 'any') return fail(c, l, c.lx.last, 'expecting numeric expressions', true);
    }
    const combined = make(op ?? 'none', lhs.start, rhs.end);
    if (!next) return combined;
    c.next();
    lhs = combined;
    op = next;
  }
}

/** A variable or a function call may stand for any kind of value. */
const flexible = (e: Expr) => e.op === 'variable_reference' || e.op === 'funcall';

function typed(c: Cursor, l: Lose, context: Context, want: Expr['ctx'], message: string): Expr | undefined {
  const e = parseExpression(c, l, context);
  if (!e) return undefined;
  if (e.ctx === want || flexible(e)) return e;
  c.error({ start: e.start, end: e.end }, message);
  l.lose = true;
  return undefined;
}

export const parseBooleanExpression = (c: Cursor, l: Lose) => typed(c, l, 'boolean', 'boolean', 'Expecting a boolean expression');
export const parseDataExpression = (c: Cursor, l: Lose) => typed(c, l, 'data', 'data', 'Expecting a data expression');
export const parseNumericExpression = (c: Cursor, l: Lose) => typed(c, l, 'numeric', 'numeric', 'Expecting a numeric expression');

