import type { KeaFieldType } from './options.data';

/**
 * How Kea 2.2 reads an option-data `data` string, and what it refuses (measured against
 * `kea-dhcp4 -t`; the logic follows Kea's OptionDataParser and OptionDefinition).
 */
export interface DefLike {
  type: KeaFieldType;
  array?: boolean;
  record?: readonly KeaFieldType[];
}

/**
 * `csv-format: false` data: plain hex (an odd digit count gets a leading 0; `0x` allowed), or
 * bytes of one or two digits separated by single `:` (or, without colons, single spaces).
 * Undefined when Kea refuses it ("not a valid string of hexadecimal digits").
 */
export function keaHex(s: string): number[] | undefined {
  const sep = s.includes(':') ? ':' : s.includes(' ') ? ' ' : undefined;
  if (sep) {
    const parts = s.split(sep);
    const out: number[] = [];
    for (const p of parts) {
      if (!/^[0-9a-fA-F]{1,2}$/.test(p)) return undefined;
      out.push(parseInt(p, 16));
    }
    return out;
  }
  const digits = s.length > 2 && s.startsWith('0x') ? s.slice(2) : s;
  if (!/^[0-9a-fA-F]*$/.test(digits)) return undefined;
  const even = digits.length % 2 ? `0${digits}` : digits;
  const out: number[] = [];
  for (let i = 0; i < even.length; i += 2) out.push(parseInt(even.slice(i, i + 2), 16));
  return out;
}

/** Kea's CSV split: `,` separates, `\,` is a comma inside a value, empty values are dropped. */
export function keaTokens(data: string): string[] {
  const out: string[] = [];
  let token = '';
  let inToken = false;
  let escaped = false;
  for (const c of data) {
    if (c === ',') {
      if (!inToken) continue;
      if (escaped) {
        escaped = false;
        token += c;
      } else {
        if (token) out.push(token);
        inToken = false;
        token = '';
      }
    } else if (c === '\\') {
      inToken = true;
      if (escaped) token += c;
      escaped = !escaped;
    } else {
      inToken = true;
      token += escaped ? `\\${c}` : c;
      escaped = false;
    }
  }
  if (escaped) token += '\\';
  if (token) out.push(token);
  return out;
}

const DOTTED = /^(?:25[0-5]|2[0-4]\d|1\d\d|[1-9]?\d)(?:\.(?:25[0-5]|2[0-4]\d|1\d\d|[1-9]?\d)){3}$/;

/** inet_pton(AF_INET): four decimal octets, no leading zeros. */
export const isStrictIPv4 = (s: string): boolean => DOTTED.test(s);

/** inet_pton(AF_INET6). */
export function isIPv6(s: string): boolean {
  if (!/^[0-9a-fA-F:.]+$/.test(s) || s.split('::').length > 2) return false;
  let groups = 0;
  const halves = s.split('::');
  for (const [h, half] of halves.entries()) {
    if (!half) continue;
    const parts = half.split(':');
    for (const [i, p] of parts.entries()) {
      const last = h === halves.length - 1 && i === parts.length - 1;
      if (last && p.includes('.')) {
        if (!isStrictIPv4(p)) return false;
        groups += 2;
      } else if (/^[0-9a-fA-F]{1,4}$/.test(p)) groups++;
      else return false;
    }
  }
  return halves.length === 2 ? groups < 8 : groups === 8;
}

const RANGES: Partial<Record<KeaFieldType, [bigint, bigint]>> = {
  uint8: [0n, 255n],
  uint16: [0n, 65535n],
  uint32: [0n, 4294967295n],
  int8: [-128n, 127n],
  int16: [-32768n, 32767n],
  int32: [-2147483648n, 2147483647n],
};

/** Kea reads integers as decimal, falling back to hex (`0x10`, `ff`, even `1e3` = 0x1e3). */
function keaInteger(v: string): bigint | undefined {
  if (/^[+-]?\d+$/.test(v)) return BigInt(v.replace(/^\+/, ''));
  const m = /^([+-]?)(?:0[xX])?([0-9a-fA-F]+)$/.exec(v);
  if (!m) return undefined;
  const n = BigInt(`0x${m[2]}`);
  return m[1] === '-' ? -n : n;
}

/** isc::dns::Name from text: why it refuses `v`, or undefined. */
function fqdnRefusal(v: string): string | undefined {
  if (v === '.') return 'the root name "." is not a usable domain here';
  const labels = (v.endsWith('.') ? v.slice(0, -1) : v).split('.');
  if (labels[0] === '' && labels.length > 1) return `"${v}" starts with an empty label`;
  if (labels.some((l) => l === '')) return `"${v}" has an empty label (two dots in a row)`;
  if (labels.some((l) => l.length > 63)) return `"${v}" has a label longer than 63 characters`;
  if (labels.reduce((n, l) => n + l.length + 1, 1) > 255) return `"${v}" is longer than 255 bytes`;
  return undefined;
}

/** Why Kea refuses one CSV value for a field type, or undefined. */
function fieldRefusal(type: KeaFieldType, raw: string): string | undefined {
  const v = raw.trim();
  switch (type) {
    case 'ipv4-address':
    case 'ipv6-address':
      // Kea writes whatever address it parses, even an IPv6 one in an IPv4 option.
      return isStrictIPv4(v) || isIPv6(v) ? undefined : `"${v}" is not an IP address (Kea: "Failed to convert string to address")`;
    case 'boolean': {
      if (/^(true|false)$/i.test(v)) return undefined;
      return /^[+-]?0*[01]$/.test(v) ? undefined : `"${v}" is not a boolean: write true, false, 1 or 0`;
    }
    case 'string':
      return v ? undefined : 'an empty string (Kea: "no option value specified")';
    case 'fqdn':
      return fqdnRefusal(v);
    case 'binary':
      // Kea's base16 decoder skips white space; `0x` and `:` are not hex to it.
      return /^([0-9a-fA-F]{2})*$/.test(v.replace(/\s+/g, '')) ? undefined : `"${v}" is not hex with an even number of digits (in CSV data Kea reads binary fields as plain hex)`;
    case 'empty':
      return `this option carries sub-options only: Kea refuses data for it`;
    case 'psid':
      return /^\d+\s*\/\s*\d+$/.test(v) ? undefined : `"${v}" is not a PSID (LENGTH/VALUE)`;
    case 'record':
    case 'internal':
      return undefined;
    default: {
      const range = RANGES[type];
      const n = keaInteger(v);
      if (!range) return undefined;
      if (n === undefined) return `"${v}" is not an integer`;
      return n < range[0] || n > range[1] ? `${v} is outside ${type} (${range[0]}..${range[1]})` : undefined;
    }
  }
}

/** Why Kea refuses `data` read as CSV (`csv-format` true, the default) for a definition, or undefined. */
export function csvRefusal(def: DefLike, data: string): string | undefined {
  if (def.type === 'internal') return undefined;
  const values = keaTokens(data);
  if (def.type === 'empty') return values.length ? fieldRefusal('empty', values[0]) : undefined;
  if (def.type === 'record') {
    const fields = def.record ?? [];
    if (values.length < fields.length) return `this option is a record of ${fields.length} fields (${fields.join(', ')}); the data gives ${values.length}`;
    for (let i = 0; i < values.length && (i < fields.length || def.array); i++) {
      const why = fieldRefusal(fields[Math.min(i, fields.length - 1)], values[i]);
      if (why) return why;
    }
    return undefined;
  }
  if (!values.length) {
    if (!def.array) return 'no value (Kea: "no option value specified")';
    // Only address lists may be empty; Kea refuses other empty arrays ("option N empty").
    if (def.type === 'fqdn') return 'an empty domain list (Kea: "FQDN list option has invalid length of 0")';
    return def.type === 'ipv4-address' ? undefined : `an empty list of ${def.type} (Kea: "option empty")`;
  }
  for (const v of def.array ? values : values.slice(0, 1)) {
    const why = fieldRefusal(def.type, v);
    if (why) return why;
  }
  return undefined;
}

const SIZES: Partial<Record<KeaFieldType, number>> = { 'ipv4-address': 4, 'ipv6-address': 16, uint8: 1, uint16: 2, uint32: 4, int8: 1, int16: 2, int32: 4, boolean: 1, psid: 3 };

/** Bytes of DNS names in wire format: why they do not read as one name (or, `many`, a list), or undefined. */
function wireNamesRefusal(bytes: readonly number[], many: boolean): string | undefined {
  let i = 0;
  do {
    for (;;) {
      if (i >= bytes.length) return 'the domain name in the data is truncated';
      const len = bytes[i];
      if (len > 63) return `byte ${i} (${len}) is not a label length (0–63): this is not a domain name in wire format`;
      i += len + 1;
      if (len === 0) break;
    }
  } while (many && i < bytes.length);
  return undefined;
}

/** Why Kea refuses these bytes (`csv-format: false`) for a definition, or undefined. */
export function bytesRefusal(def: DefLike, bytes: readonly number[]): string | undefined {
  const size = SIZES[def.type];
  if (def.type === 'record') {
    const fixed = (def.record ?? []).reduce((n, t) => n + (SIZES[t] ?? 0), 0);
    if (bytes.length < fixed) return `${bytes.length} bytes are too few for this record option (${fixed} at least)`;
    // Kea reads a record's boolean fields strictly ("unable to read the buffer as boolean value").
    let at = 0;
    for (const t of def.record ?? []) {
      if (t === 'boolean' && bytes[at] > 1) return `byte ${at} (${bytes[at]}) is a boolean field of this record: 0 or 1`;
      if (SIZES[t] === undefined) break;
      at += SIZES[t] as number;
    }
    return undefined;
  }
  if (size !== undefined) {
    if (def.array) return bytes.length % size ? `${bytes.length} bytes do not divide into ${def.type} values of ${size} bytes` : undefined;
    return bytes.length < size ? `${bytes.length} bytes are too few for one ${def.type} (${size} bytes)` : undefined;
  }
  if (def.type === 'string') return bytes.some((b) => b !== 0) ? undefined : 'an empty string (Kea: "was empty or contained only nuls")';
  if (def.type === 'fqdn') return wireNamesRefusal(bytes, def.array === true);
  return undefined;
}
