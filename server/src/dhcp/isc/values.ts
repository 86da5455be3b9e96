import type { Cursor } from './cursor';
import { isIdentifier, type Tok } from './lexer';

/**
 * dhcpd's value readers (common/parse.c): numbers, dotted and colon-separated aggregates, IP
 * addresses or host names, hardware addresses, domain names, base64. Each reports problems the way
 * dhcpd does and returns undefined on failure.
 */

/**
 * parse.c convert_num(): the number in `t` in `base` (0: `0x` hex, leading-0 octal, else decimal),
 * checked against `size` bits. 32-bit values wrap silently, as in dhcpd.
 */
export function convertNum(c: Cursor, t: Tok, base: number, size: number): number | undefined {
  const str = t.value;
  let p = 0;
  const negative = str[0] === '-';
  if (negative) p++;
  let b = base;
  if (!b) {
    if (str[p] === '0' && str[p + 1] === 'x') {
      b = 16;
      p += 2;
    } else if (str[p] === '0' && /[0-9]/.test(str[p + 1] ?? '')) {
      b = 8;
      p += 1;
    } else b = 10;
  }
  let val = 0;
  let ok = true;
  do {
    const ch = str.charCodeAt(p++);
    // parse.c compares the raw character: anything below '0' (or the end) is "bogus".
    const digit = ch >= 97 ? ch - 87 : ch >= 65 ? ch - 55 : ch >= 48 ? ch - 48 : -1;
    if (digit < 0 || Number.isNaN(ch)) {
      c.error(c.at(t), `Bogus number: ${str}`);
      ok = false;
      break;
    }
    if (digit >= b) {
      c.error(c.at(t), `Bogus number ${str}: digit ${digit} not in base ${b}`);
      ok = false;
      break;
    }
    val = (val * b + digit) % 4294967296;
  } while (p < str.length);
  const max = size === 32 ? (negative ? 0x80000000 : 0xffffffff) : negative ? 2 ** (size - 1) : 2 ** size - 1;
  if (val > max) {
    c.error(c.at(t), `${str} exceeds max (${negative ? max : size === 32 ? -1 : max}) for precision`);
    ok = false;
  }
  return ok ? (negative ? -val : val) : undefined;
}

/**
 * parse.c parse_numeric_aggregate(): `count` numbers (any number when 0) separated by `sep`.
 * Returns the numbers and the tokens they came from.
 */
export function numericAggregate(c: Cursor, count: number, sep: string, base: number, size: number): { values: number[]; toks: Tok[] } | undefined {
  const values: number[] = [];
  const toks: Tok[] = [];
  for (;;) {
    if (values.length) {
      const s = c.peek();
      if (s.kind !== sep) {
        if (!count) break;
        const t = s.kind !== '}' && s.kind !== '{' ? c.next() : s;
        c.error(c.at(t), 'too few numbers');
        if (t.kind !== ';') c.skipToSemi();
        return undefined;
      }
      c.next();
    }
    const t = c.next();
    if (t.kind === 'EOF') {
      // Reported here; a partial aggregate would leave callers reading numbers that are not there.
      c.error(c.at(t), 'unexpected end of file');
      return undefined;
    }
    if (t.kind !== 'NUMBER' && (base !== 16 || t.kind !== 'NUMBER_OR_NAME')) {
      c.error(c.at(t), 'expecting numeric value');
      c.skipToSemi();
      return undefined;
    }
    toks.push(t);
    values.push(convertNum(c, t, base, size) ?? 0);
    if (values.length === count) break;
  }
  return { values, toks };
}

export interface Addr {
  value: number;
  start: number;
  end: number;
}

/** parse.c parse_ip_addr(): four dotted decimal octets. */
export function ipAddr(c: Cursor): Addr | undefined {
  const r = numericAggregate(c, 4, '.', 10, 8);
  if (!r || r.values.length !== 4) return undefined;
  const value = r.values.reduce((n, o) => n * 256 + (o & 255), 0);
  return { value, start: r.toks[0].start, end: r.toks[3].end };
}

/** parse.c parse_host_name(): identifiers and numbers joined by dots (a trailing dot allowed). */
export function hostName(c: Cursor): { name: string; start: number; end: number } | undefined {
  const parts: string[] = [];
  let start = -1;
  let end = -1;
  let dot = false;
  for (;;) {
    const t = c.peek();
    if (!isIdentifier(t) && t.kind !== 'NUMBER') break;
    c.next();
    if (start < 0) start = t.start;
    end = t.end;
    parts.push(t.value);
    dot = c.peek().kind === '.';
    if (!dot) break;
    end = c.next().end;
  }
  if (!parts.length) return undefined;
  return { name: parts.join('.') + (dot ? '.' : ''), start, end };
}

/**
 * parse.c parse_ip_addr_or_hostname(): a dotted address (NUMBER DOT NUMBER…) or a host name,
 * which dhcpd resolves later. `address` is undefined for a name.
 */
export function ipAddrOrHostname(c: Cursor): { address?: number; name?: string; start: number; end: number } | undefined {
  const t = c.peek();
  if (t.kind === 'NUMBER' && c.peek(1).kind === '.' && c.peek(2).kind === 'NUMBER') {
    const a = ipAddr(c);
    return a && { address: a.value, start: a.start, end: a.end };
  }
  if (isIdentifier(t) || t.kind === 'NUMBER') {
    const h = hostName(c);
    return h && { name: h.name, start: h.start, end: h.end };
  }
  const bad = t.kind !== '}' && t.kind !== '{' ? c.next() : t;
  c.error(c.at(bad), 'expecting IP address or hostname');
  if (bad.kind !== ';') c.skipToSemi();
  return undefined;
}

/** parse.c parse_cshl(): hex bytes separated by colons. */
export function cshl(c: Cursor): { bytes: number[]; start: number; end: number } | undefined {
  const bytes: number[] = [];
  let start = -1;
  let end: number;
  for (;;) {
    const t = c.next();
    if (t.kind !== 'NUMBER' && t.kind !== 'NUMBER_OR_NAME') {
      c.error(c.at(t), 'expecting hexadecimal number');
      c.skipToSemi();
      return undefined;
    }
    if (start < 0) start = t.start;
    end = t.end;
    bytes.push(convertNum(c, t, 16, 8) ?? 0);
    if (c.peek().kind !== ':') break;
    c.next();
  }
  return { bytes, start, end };
}

const HARDWARE_TYPES = new Set(['ethernet', 'token-ring', 'fddi', 'infiniband']);

/** parse.c parse_hardware_param(): `ethernet 00:11:…;` Returns the address normalised to lowercase colon hex. */
export function hardwareParam(c: Cursor): { mac: string; start: number; end: number } | undefined {
  const type = c.next();
  if (!HARDWARE_TYPES.has(type.kind) && !/^unknown-/.test(type.value)) {
    c.expected(type, 'expecting a network hardware type');
    return undefined;
  }
  let result: { mac: string; start: number; end: number } | undefined;
  if (c.peek().kind !== ';') {
    const r = numericAggregate(c, 0, ':', 16, 8);
    if (!r) return undefined;
    if (r.values.length + 1 > 21) c.error({ start: r.toks[0].start, end: r.toks[r.toks.length - 1].end }, 'hardware address too long');
    result = { mac: r.values.map((b) => (b & 255).toString(16).padStart(2, '0')).join(':'), start: r.toks[0].start, end: r.toks[r.toks.length - 1].end };
  }
  const s = c.next();
  if (s.kind !== ';') {
    c.error(c.at(s), 'expecting semicolon');
    c.skipToSemi();
  }
  return result;
}

/** ns_name_pton()'s limits on a written domain name: labels of 1–63 bytes, 255 in all. */
function domainNameProblem(name: string): string | undefined {
  const n = name.endsWith('.') && !name.endsWith('\\.') ? name.slice(0, -1) : name;
  if (!n) return name === '.' || name === '' ? undefined : 'Error assembling domain name';
  let total = 1;
  for (const label of n.split('.')) {
    const len = new TextEncoder().encode(label).length;
    if (len === 0) return 'Error assembling domain name: empty label';
    if (len > 63) return 'Error assembling domain name: Message too long';
    total += len + 1;
  }
  return total > 255 ? 'Error assembling domain name: Message too long' : undefined;
}

/** parse.c parse_domain_list(): quoted domain names separated by commas. */
export function domainList(c: Cursor): boolean {
  for (;;) {
    const t = c.next();
    if (t.kind !== 'STRING') {
      c.error(c.at(t), 'Expecting a domain string');
      return false;
    }
    const problem = domainNameProblem(t.value);
    if (problem) {
      c.error(c.at(t), problem);
      return false;
    }
    if (c.peek().kind !== ',') return true;
    c.next();
  }
}

/** parse.c parse_domain_name(): an unquoted host name that ns_name_pton() accepts. */
export function domainName(c: Cursor): boolean {
  const h = hostName(c);
  const problem = h ? domainNameProblem(h.name) : 'not a valid domain name';
  if (problem) {
    c.error(h ? { start: h.start, end: h.end } : c.at(c.peek()), problem);
    c.skipToSemi();
    return false;
  }
  return true;
}

const B64 = 'ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789+/';
const isB64Text = (s: string) => [...s].every((ch) => B64.includes(ch) || ch === '=');

/** parse.c parse_base64(): a secret as one or more tokens (a `/` or `+` splits it) or a string. */
export function base64(c: Cursor): boolean {
  const parts: Tok[] = [c.next()];
  while (c.peek().kind !== 'EOF' && isB64Text(c.peek().value)) parts.push(c.next());
  let acc = 0;
  let k = 0;
  let bytes = 0;
  let terminated = false;
  for (const t of parts) {
    for (const ch of t.value) {
      if (terminated && ch !== '=') {
        c.error(c.at(t), 'stuff after base64 \'=\' terminator');
        return false;
      }
      if (ch === '=') {
        terminated = true;
        continue;
      }
      const v = B64.indexOf(ch);
      if (v < 0) {
        c.error(c.at(t), `invalid base64 character ${ch.charCodeAt(0)}`);
        return false;
      }
      // Each character after the first of a quad completes a byte; the leftover bits stay in acc.
      acc = acc * 64 + v;
      if (k % 4) bytes++;
      acc &= [0xff, 0x0f, 0x03, 0][k % 4];
      k++;
    }
  }
  if (k % 4 && acc) c.error({ start: parts[0].start, end: parts[parts.length - 1].end }, `partial base64 value left over: ${acc}`);
  return bytes > 0;
}
