import { optionByName } from '../options.data';
import type { DhcpOption, Lease, OptionFormat } from '../model';
import { atoi, type Cursor, type IscOption } from './cursor';
import { parseDataExpression, type Lose } from './expressions';
import { isIdentifier, type Tok } from './lexer';
import type { Ctx } from './scope';
import { ISC_ENUMERATIONS } from './universes.data';
import { convertNum, cshl, domainList, domainName, hostName, ipAddrOrHostname } from './values';

/**
 * Option statements (common/parse.c parse_option_statement/parse_option_data/parse_option_token)
 * and option definitions (parse_option_code_definition, parse_option_space_decl). A value is read
 * by the option's format letters, exactly as dhcpd reads it; what was read becomes a DhcpOption.
 */

/** inet_pton(AF_INET6) acceptance, an embedded dotted IPv4 tail included. */
function isIPv6(s: string): boolean {
  if (!/^[0-9a-fA-F:.]+$/.test(s) || s.split('::').length > 2) return false;
  let body = s;
  let groups = 8;
  const v4 = /^(.*:)(\d{1,3}(?:\.\d{1,3}){3})$/.exec(s);
  if (v4) {
    if (v4[2].split('.').some((o) => Number(o) > 255 || (o.length > 1 && o[0] === '0'))) return false;
    body = v4[1].endsWith('::') ? v4[1] : v4[1].slice(0, -1);
    groups = 6;
  }
  const halves = body.split('::');
  const words = halves.flatMap((h) => (h ? h.split(':') : []));
  if (words.some((w) => !/^[0-9a-fA-F]{1,4}$/.test(w))) return false;
  return halves.length === 2 ? words.length < groups : words.length === groups;
}

/** parse.c parse_ip6_addr(): hex words, numbers, dots and colons with no blank between them. Gives the address as written. */
export function ip6(c: Cursor): { text: string; start: number; end: number } | undefined {
  const first = c.peek();
  let text = '';
  let end = first.start;
  for (let t = first; ; t = c.peek()) {
    const ok = ((t.kind === 'NAME' || t.kind === 'NUMBER_OR_NAME') && /^[0-9a-fA-F]+$/.test(t.value)) || t.kind === 'NUMBER' || t.kind === 'add' || t.kind === '.' || t.kind === ':';
    if (!ok || (text && t.start !== end)) break;
    c.next();
    text += t.value;
    end = t.end;
    if (text.length >= 46) break;
  }
  if (isIPv6(text)) return { text, start: first.start, end };
  c.error({ start: first.start, end: Math.max(end, first.end) }, 'Invalid IPv6 address');
  c.skipToSemi();
  return undefined;
}

/** parse.c parse_option_token(): one value of format letter `fmt[i]`. Returns the index of the letter it ended on, or -1. */
function optionToken(c: Cursor, fmt: string, i: number): number {
  const f = fmt[i];
  const optional = fmt[i + 1] === 'o';
  const needNumber = (t: Tok, size: number): number => {
    if (t.kind !== 'NUMBER' && t.kind !== 'NUMBER_OR_NAME') {
      if (!optional) {
        c.error(c.at(t), 'expecting number');
        if (t.kind !== ';') c.skipToSemi();
      }
      return -1;
    }
    convertNum(c, t, 0, size);
    return i;
  };
  switch (f) {
    case 'U': {
      const t = c.next();
      if (isIdentifier(t)) return i;
      if (!optional) c.expected(t, 'expecting identifier');
      return -1;
    }
    case 'E':
    case 'X': {
      const end = f === 'E' ? fmt.indexOf('.', i) : i;
      const t = c.peek();
      if (t.kind === 'NUMBER' || t.kind === 'NUMBER_OR_NAME') return cshl(c) ? end : -1;
      c.next();
      if (t.kind === 'STRING') return end;
      if (!optional) {
        c.error(c.at(t), 'expecting string or hexadecimal data');
        c.skipToSemi();
      }
      return -1;
    }
    case 'D': {
      const end = fmt[i + 1] === 'c' ? i + 1 : i;
      if (domainList(c)) return end;
      if (fmt[end + 1] !== 'o') c.skipToSemi();
      return -1;
    }
    case 'd':
      return domainName(c) ? i : -1;
    case 't': {
      const t = c.next();
      if (t.kind === 'STRING' || isIdentifier(t)) return i;
      if (!optional) c.expected(t, 'expecting string');
      return -1;
    }
    case 'k':
      if (hostName(c)) return i;
      c.error(c.at(c.peek()), 'not a valid key name');
      c.skipToSemi();
      return -1;
    case 'N': {
      const dot = fmt.indexOf('.', i);
      const t = c.next();
      if (!isIdentifier(t)) {
        c.error(c.at(t), 'identifier expected');
        c.skipToSemi();
        return -1;
      }
      if (!ISC_ENUMERATIONS.get(fmt.slice(i + 1, dot))?.includes(t.value)) {
        c.error(c.at(t), `unknown value ${t.value}`);
        c.skipToSemi();
        return -1;
      }
      return dot;
    }
    case 'I':
      return ipAddrOrHostname(c) ? i : -1;
    case '6':
      return ip6(c) ? i : -1;
    case 'T': {
      const t = c.next();
      return t.kind === 'infinite' ? i : needNumber(t, 32);
    }
    case 'L':
    case 'l':
      return needNumber(c.next(), 32);
    case 'S':
    case 's':
      return needNumber(c.next(), 16);
    case 'B':
    case 'b':
      return needNumber(c.next(), 8);
    case 'f': {
      const t = c.next();
      if (!isIdentifier(t)) {
        if (!optional) c.error(c.at(t), 'expecting identifier');
      } else if (['true', 'on', 'false', 'off', 'ignore'].includes(t.value.toLowerCase())) return i;
      else if (!optional) c.error(c.at(t), 'expecting boolean');
      if (!optional && t.kind !== ';') c.skipToSemi();
      return -1;
    }
    case 'Z':
      if (c.peek().kind !== ';') c.expected(c.peek(), 'semicolon expected');
      return i;
    default:
      c.error(c.at(c.peek()), 'this option has no value format dhcpd can read');
      c.skipToSemi();
      return -1;
  }
}

/** parse.c parse_option_data(): the values of an option, records and arrays included. */
export function optionData(c: Cursor, format: string): boolean {
  let i = -1;
  do {
    for (;;) {
      if (i >= 0 && i !== 0 && format[i] === 'a') i -= 1;
      else if (i < 0 || format[i] === 'A') i = 0;
      do {
        const f = format[i] ?? '';
        if (f === 'A' || f === 'a') break;
        if (f === 'o') {
          i++;
          continue;
        }
        if (format[i + 1] === 'o' && c.peek().kind === ';') {
          i++;
          continue;
        }
        const end = optionToken(c, format, i);
        if (end < 0) {
          if (format[i + 1] !== 'o') return false;
        } else i = end;
        i++;
      } while (i < format.length);
      const f = format[i];
      if (f !== 'A' && f !== 'a') return true;
      if (c.peek().kind === ',') {
        c.next();
        break;
      }
      if (f === 'A' || i + 1 >= format.length) return true;
      i++;
    }
  } while (format[i] === 'A' || format[i] === 'a');
  return true;
}

/** How the value was written, which decides how rules read it (model.ts OptionFormat). */
function formatOf(format: string, first: Tok): OptionFormat {
  if (first.kind === '=') return 'text';
  if (/^I+[Aa]?$/.test(format)) return 'ip';
  if (/^[Bb]+[Aa]$/.test(format)) return 'decimal';
  if (format[0] === 'X' || format[0] === 'E') return first.kind === 'STRING' ? 'ascii' : 'hex';
  return first.kind === 'STRING' ? 'ascii' : 'text';
}

/** The DHCP option code a name stands for: its definition, the option table, or unknown. */
function codeOf(o: IscOption, written: string): number | undefined {
  if (o.space.toLowerCase() === 'dhcp') return o.code >= 0 ? o.code : undefined;
  return optionByName('isc', written)?.code ?? optionByName('isc', `${o.space}.${o.name}`)?.code;
}

export interface OptionRef {
  option: IscOption;
  written: string;
  start: number;
  end: number;
}

/**
 * parse.c parse_option_statement(): `= data-expression` or the formatted values, then `;`. On
 * success the option joins the scope (options, or the lease for `default-lease-time`). Returns
 * false when the statement was refused (reported), or silently dropped (see `garbageLose`).
 */
export function optionStatement(c: Cursor, ctx: Ctx, ref: OptionRef, stmtStart: number, garbageLose = false): boolean {
  const { option } = ref;
  const first = c.peek();
  if (first.kind === ';' && option.format[0] !== 'Z') {
    // dhcpd eats this `;` and wants another (and crashes on `;;`): a missing value either way.
    c.error(c.at(first), 'option value expected');
    c.next();
    return false;
  }
  if (first.kind === '=') {
    c.next();
    // parse_statement() hands dhcpd's parse_option_statement() an uninitialised `lose` that is
    // never 0 in practice: a bad expression there is then dropped without a word (`garbageLose`).
    const l: Lose = { lose: garbageLose };
    if (!parseDataExpression(c, l)) {
      if (!l.lose) c.expected(c.peek(), 'expecting a data expression');
      return false;
    }
  } else if (!optionData(c, option.format)) return false;
  const valueEnd = c.lx.last.end;
  if (!c.semi()) return false;
  record(c, ctx, ref, stmtStart, first, valueEnd);
  return true;
}

/** A number as dhcpd's convert_num() reads it in base 0 (`0x` hex, leading-zero octal), wrapped to 32 bits. */
function unsigned(raw: string): number | undefined {
  if (/^0x[0-9a-fA-F]+$/.test(raw)) return parseInt(raw.slice(2), 16) % 4294967296;
  if (/^0[0-7]+$/.test(raw)) return parseInt(raw, 8) % 4294967296;
  return /^\d+$/.test(raw) ? Number(raw) % 4294967296 : undefined;
}

function record(c: Cursor, ctx: Ctx, ref: OptionRef, stmtStart: number, first: Tok, valueEnd: number): void {
  const { option } = ref;
  const span = { start: stmtStart, end: c.lx.last.end };
  const valueStart = first.kind === '=' ? first.end : first.start;
  const space = option.space.toLowerCase();
  if (space === 'server') {
    if (option.name === 'omapi-key') c.omapiKeys.push({ value: c.out.text.slice(valueStart, valueEnd), span: { start: valueStart, end: valueEnd } });
    if (option.name === 'default-lease-time' || option.name === 'max-lease-time') {
      const raw = c.out.text.slice(valueStart, valueEnd).trim();
      const seconds = first.kind === 'infinite' ? 'infinite' : first.kind !== '=' ? unsigned(raw) : undefined;
      const lease: Lease = { seconds, raw, span };
      if (option.name === 'default-lease-time') ctx.scope.lease = lease;
      else ctx.scope.maxLease = lease;
    }
    return;
  }
  const single = first.kind === 'STRING' && first.end === valueEnd;
  const value = single ? first.value : c.out.text.slice(valueStart, valueEnd).trim();
  const valueSpan = single ? { start: first.start + 1, end: Math.max(first.start + 1, first.end - 1) } : { start: valueEnd - value.length, end: valueEnd };
  const o: DhcpOption = { code: codeOf(option, ref.written), name: ref.written, span, value, valueSpan, exact: !(single && first.escaped), format: formatOf(option.format, first) };
  if (ctx.tags?.length) o.tags = [...ctx.tags];
  ctx.scope.options.push(o);
}

const SIMPLE_TYPES: Record<string, string> = { boolean: 'f', 'ip-address': 'I', 'ip6-address': '6', 'domain-name': 'd', text: 't', string: 'X', zerolen: 'Z' };

/**
 * parse.c parse_option_code_definition(): `code N = TYPE;` after `option NAME`: defines the name
 * (later uses get code N and the type's format) and records the definition. False after reporting.
 */
export function optionCodeDefinition(c: Cursor, ref: OptionRef, stmtStart: number): boolean {
  const num = c.next();
  if (num.kind !== 'NUMBER') return void c.expected(num, 'expecting option code number'), false;
  const code = atoi(num.value);
  const eq = c.next();
  if (eq.kind !== '=') return void c.expected(eq, 'expecting "="'), false;
  const typeStart = c.peek().start;
  let fmt = '';
  let arrayp = 0;
  let recordp = 0;
  let noMore = false;
  let encapsulated = false;
  const bail = (t: Tok, message: string, braces = recordp): false => {
    c.error(c.at(t), message);
    c.skipToRbrace(braces);
    if (recordp) c.skipToSemi();
    return false;
  };
  let t = c.next();
  if (t.kind === 'array') {
    if (c.next().kind !== 'of') return void c.expected(c.lx.last, 'expecting "of"'), false;
    arrayp = 1;
    t = c.next();
  }
  if (t.kind === '{') {
    recordp = 1;
    t = c.next();
  }
  for (;;) {
    if (encapsulated) return void c.expected(t, 'encapsulate must always be the last item'), false;
    let type: string;
    if (t.kind === 'array') {
      if (arrayp) return bail(t, 'no nested arrays');
      if (c.next().kind !== 'of') return void c.expected(c.lx.last, 'expecting "of"'), false;
      arrayp = recordp + 1;
      t = c.next();
      if (recordp && t.kind === '{') return bail(t, 'only uniform array inside record', recordp + 1);
      continue;
    }
    if (t.kind === 'integer' || t.kind === 'signed' || t.kind === 'unsigned') {
      const signed = t.kind !== 'unsigned';
      if (t.kind !== 'integer' && c.next().kind !== 'integer') return bail(c.lx.last, 'expecting "integer" keyword');
      const bits = c.next();
      if (bits.kind !== 'NUMBER') return bail(bits, 'expecting number');
      const letter = ({ 8: 'b', 16: 's', 32: 'l' } as Record<number, string>)[atoi(bits.value)];
      if (!letter) return bail(bits, `${bits.value} bit precision is not supported`);
      type = signed ? letter : letter.toUpperCase();
    } else if (t.kind === 'domain-list') {
      if (c.peek().kind === 'compressed') {
        c.next();
        fmt += 'D';
        type = 'c';
      } else type = 'D';
    } else if (t.kind === 'encapsulate') {
      const s = c.next();
      if (!isIdentifier(s)) return void c.expected(s, 'expecting option space identifier'), false;
      if (!c.spaces.has(s.value.toLowerCase())) {
        c.unknown(c.at(s), `unknown option space ${s.value}`);
        c.skipToSemi();
        return false;
      }
      fmt += 'E' + s.value;
      type = '.';
      encapsulated = true;
    } else if (SIMPLE_TYPES[t.kind]) type = SIMPLE_TYPES[t.kind];
    else return bail(t, `unknown data type ${t.value}`);
    if ('dDctXZ'.includes(type)) {
      if (arrayp) return bail(t, type === 'Z' ? 'array incompatible with zerolen' : 'arrays of text strings not yet supported');
      noMore = true;
    }
    fmt += type;
    if (!recordp) break;
    t = c.next();
    if (arrayp > recordp) {
      arrayp = 0;
      fmt += 'a';
    }
    if (t.kind === ',') {
      if (noMore) return bail(t, `${type === 't' ? 'text' : 'string'} must be at end of record`, 1);
      t = c.next();
      continue;
    }
    if (t.kind !== '}') return bail(t, 'expecting right brace', 1);
    break;
  }
  const typeEnd = c.lx.last.end;
  if (!c.semi()) return false;
  if (encapsulated && arrayp) return void c.error(c.spanFrom(stmtStart), "Arrays of encapsulations don't make sense"), false;
  if (arrayp) fmt += arrayp > recordp ? 'a' : 'A';
  c.define({ space: ref.option.space, name: ref.option.name, code, format: fmt });
  c.out.definitions.push({
    file: c.out.path,
    name: { value: ref.written, span: { start: ref.start, end: ref.end } },
    code: { value: code, span: { start: num.start, end: num.end } },
    type: c.out.text.slice(typeStart, typeEnd),
    ...(arrayp ? { array: true } : {}),
    span: { start: stmtStart, end: c.lx.last.end },
  });
  return true;
}

/** parse.c parse_option_space_decl(): `option space NAME [code width N] [length width N] [hash size N];`. */
export function optionSpaceDecl(c: Cursor): void {
  c.next();
  const name = c.next();
  if (!isIdentifier(name)) return void c.expected(name, 'expecting identifier');
  for (;;) {
    const t = c.next();
    if (t.kind === ';') break;
    if (t.kind === 'EOF') return void c.error(c.at(t), 'unexpected end of file');
    if (t.kind === 'code' || t.kind === 'length' || t.kind === 'hash') {
      const w = c.next();
      if (w.kind !== (t.kind === 'hash' ? 'size' : 'width')) return void c.error(c.at(w), `expecting ${t.kind === 'hash' ? 'size' : 'width'} token`);
      const n = c.next();
      if (n.kind !== 'NUMBER') return void c.error(c.at(n), 'expecting number');
      const v = atoi(n.value);
      if (t.kind === 'code' && ![1, 2, 4].includes(v)) return void c.error(c.at(n), `invalid code width (${v}), expecting a 1, 2 or 4`);
      if (t.kind === 'length' && v !== 1 && v !== 2) return void c.error(c.at(n), `invalid length width (${v}) expecting 1 or 2`);
    } else c.error(c.at(t), 'Unexpected token');
  }
  c.addSpace(name.value);
}
