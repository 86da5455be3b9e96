/**
 * Option 82, relay agent information (RFC 3046): a sequence of sub-options, each a code byte, a
 * length byte and that many bytes. Decodes the hex a config writes (Cisco `relay-information hex`,
 * any hex spelling) into named sub-options with the circuit-id and remote-id formats relays use:
 * `010600040001000002080006aabbcc000100` is circuit-id VLAN 1, module 0, port 0 and remote-id MAC
 * aabb.cc00.0100. Never throws.
 */
import type { Span } from '../core/text';
import { parseHexText, toHex, trimmed } from './hexText';
import { formatIPv4 } from './ipv4';
import { relaySubOptionInfo } from './option82.data';

export interface RelaySubOption {
  code: number;
  /** From the sub-option table, or `sub-option N`. */
  name: string;
  /** Byte offset of the code byte. */
  offset: number;
  /** The data, without code and length. */
  data: Uint8Array;
  /** The value in words: `VLAN 1, module 0, port 0`, `MAC aabb.cc00.0100`, `"eth0/1"`, `10.0.0.1`. */
  summary: string;
  /** Circuit-id in Cisco's vlan-mod-port format (type 0, length 4). */
  circuit?: { vlan: number; module: number; port: number };
  /** Remote-id MAC address, lowercase with colons. */
  mac?: string;
  /** Where the sub-option is in the text (code byte through its last byte). */
  span: Span;
}

export interface Option82Error {
  /** Byte offset of the sub-option (or the byte) that is broken. */
  offset: number;
  /** Character offset of that byte in the text, or of the character that is not hex. */
  charOffset: number;
  span: Span;
  message: string;
}

export interface Option82 {
  subOptions: RelaySubOption[];
  bytes?: Uint8Array;
  /** Cisco `relay-information hex PREFIX*`: a prefix match, so a cut-off last sub-option is no error. */
  wildcard: boolean;
  error?: Option82Error;
}

export function decodeOption82(text: string): Option82 {
  const start = trimmed(text).start;
  let end = trimmed(text).end;
  const wildcard = end > start && text.charCodeAt(end - 1) === 42;
  if (wildcard) end--;
  const parsed = parseHexText(text, start, end);
  if ('error' in parsed) {
    const e = parsed.error;
    return { subOptions: [], wildcard, error: { offset: e.byteOffset, charOffset: e.offset, span: { start: e.offset, end: e.offset + e.length }, message: e.message } };
  }
  const { bytes, byteSpans } = parsed;
  const spanOf = (from: number, count: number): Span =>
    byteSpans.length ? { start: byteSpans[Math.min(from, byteSpans.length - 1)].start, end: byteSpans[Math.min(from + Math.max(count, 1), byteSpans.length) - 1].end } : { start, end };
  const subOptions: RelaySubOption[] = [];
  let i = 0;
  while (i < bytes.length) {
    const code = bytes[i];
    const info = relaySubOptionInfo(code);
    const name = info?.name ?? `sub-option ${code}`;
    const fail = (message: string): Option82 => ({ subOptions, bytes, wildcard, error: { offset: i, charOffset: byteSpans[i].start, span: spanOf(i, bytes.length - i), message: `byte ${i}: ${message}` } });
    if (i + 1 >= bytes.length) {
      if (wildcard) break;
      return fail(`a trailing byte (${code}): a sub-option needs a code and a length`);
    }
    const length = bytes[i + 1];
    const left = bytes.length - i - 2;
    if (left < length) {
      if (wildcard) break;
      return fail(`truncated sub-option ${code} (${name}): its length says ${length} bytes, but only ${left} follow`);
    }
    const data = bytes.subarray(i + 2, i + 2 + length);
    subOptions.push({ code, name, offset: i, data, span: spanOf(i, length + 2), ...describe(info?.kind ?? 'bytes', data) });
    i += 2 + length;
  }
  if (!bytes.length && !wildcard) return { subOptions, bytes, wildcard, error: { offset: 0, charOffset: start, span: { start, end }, message: 'no sub-options: the value is empty' } };
  return { subOptions, bytes, wildcard };
}

type Description = Pick<RelaySubOption, 'summary' | 'circuit' | 'mac'>;

function describe(kind: string, d: Uint8Array): Description {
  switch (kind) {
    case 'circuit-id':
      // Cisco vlan-mod-port: type 0, length 4, VLAN (2 bytes), module, port.
      if (d.length === 6 && d[0] === 0 && d[1] === 4) {
        const circuit = { vlan: (d[2] << 8) | d[3], module: d[4], port: d[5] };
        return { summary: `VLAN ${circuit.vlan}, module ${circuit.module}, port ${circuit.port}`, circuit };
      }
      return { summary: textOrHex(d) };
    case 'remote-id': {
      // Cisco: type 0, length 6, MAC; many relays send the bare 6-byte MAC.
      const mac = d.length === 8 && d[0] === 0 && d[1] === 6 ? d.subarray(2) : d.length === 6 && !printable(d) ? d : undefined;
      if (mac) return { summary: `MAC ${toHex(mac).replace(/(.{4})(?=.)/g, '$1.')}`, mac: toHex(mac).replace(/(..)(?=.)/g, '$1:') };
      return { summary: textOrHex(d) };
    }
    case 'ip':
      return { summary: d.length === 4 ? formatIPv4(((d[0] << 24) | (d[1] << 16) | (d[2] << 8) | d[3]) >>> 0) : `${hexOrEmpty(d)} (not 4 bytes, so not an IPv4 address)` };
    case 'string':
      return { summary: textOrHex(d) };
    case 'vendor': {
      if (d.length < 4) return { summary: hexOrEmpty(d) };
      const enterprise = ((d[0] << 24) | (d[1] << 16) | (d[2] << 8) | d[3]) >>> 0;
      return { summary: `enterprise ${enterprise}${enterprise === 9 ? ' (Cisco)' : ''}, ${d.length - 4} bytes of data` };
    }
    case 'vss':
      if (d[0] === 0) return { summary: `VPN name ${textOrHex(d.subarray(1))}` };
      if (d[0] === 1) return { summary: `VPN-ID ${hexOrEmpty(d.subarray(1))}` };
      if (d[0] === 255 && d.length === 1) return { summary: 'global, default VPN' };
      return { summary: hexOrEmpty(d) };
    default:
      return { summary: hexOrEmpty(d) };
  }
}

const printable = (d: Uint8Array): boolean => d.length > 0 && d.every((b) => b >= 32 && b < 127);
const hexOrEmpty = (d: Uint8Array): string => (d.length ? toHex(d) : '(empty)');
const textOrHex = (d: Uint8Array): string => (printable(d) ? JSON.stringify(String.fromCharCode(...d)) : hexOrEmpty(d));
