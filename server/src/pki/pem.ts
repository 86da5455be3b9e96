/**
 * PEM blocks as OpenSSL's PEM_read_bio finds them (RFC 7468; RFC 1421 headers such as
 * `Proc-Type: 4,ENCRYPTED` before the base64), wherever they sit in a text: a .pem file, a YAML
 * block scalar (indented lines), a Kubernetes Secret, a config with junk around the blocks.
 */
export interface PemBlock {
  /** The label between `BEGIN ` and `-----`, e.g. `CERTIFICATE`, `EC PRIVATE KEY`. */
  label: string;
  /** UTF-16 offset of `-----BEGIN`. */
  start: number;
  /** Offset just past the END line's closing `-----` (or the end of the text when it is missing). */
  end: number;
  /** 0-based lines of the BEGIN and END lines. */
  startLine: number;
  endLine: number;
  /** RFC 1421 headers (`Proc-Type`, `DEK-Info`), keys as written. */
  headers: Record<string, string>;
  /** The decoded bytes; absent when the block is malformed. */
  der?: Uint8Array;
  /** Why the block could not be decoded; `offset` is the text offset of the first bad character (or of the END line). */
  error?: { message: string; offset: number };
}

const BEGIN = /-----BEGIN ([^\r\n-]*[^\r\n\s-])-----/g;
const NOT_BASE64 = /[^A-Za-z0-9+/=]/;

/** Every PEM block in `text`, in order. Malformed ones are returned with `error`, never thrown. */
export function findPemBlocks(text: string): PemBlock[] {
  const out: PemBlock[] = [];
  const lineOf = lineCounter(text);
  const begin = new RegExp(BEGIN.source, 'g');
  let m: RegExpExecArray | null;
  while ((m = begin.exec(text))) {
    const label = m[1];
    const start = m.index;
    const bodyStart = start + m[0].length;
    const endMarker = `-----END ${label}-----`;
    const endAt = text.indexOf(endMarker, bodyStart);
    const nextBegin = text.indexOf('-----BEGIN ', bodyStart);
    const startLine = lineOf(start);
    if (endAt < 0 || (nextBegin >= 0 && nextBegin < endAt)) {
      const stop = nextBegin >= 0 ? nextBegin : text.length;
      out.push({ label, start, end: stop, startLine, endLine: lineOf(stop), headers: {}, error: { message: `"-----BEGIN ${label}-----" has no matching "${endMarker}" line`, offset: start } });
      begin.lastIndex = stop;
      continue;
    }
    const end = endAt + endMarker.length;
    out.push({ label, start, end, startLine, endLine: lineOf(endAt), ...decodeBody(text, bodyStart, endAt) });
    begin.lastIndex = end;
  }
  return out;
}

/** Base64 body between the BEGIN and END lines: headers, then base64 lines, any indentation. */
function decodeBody(text: string, from: number, to: number): Pick<PemBlock, 'headers' | 'der' | 'error'> {
  const headers: Record<string, string> = {};
  const parts: string[] = [];
  let inHeaders = true;
  // The body starts on the line after BEGIN: a blank line there would end the headers too early.
  const firstEol = text.indexOf('\n', from);
  let pos = firstEol >= 0 && firstEol < to && !text.slice(from, firstEol).trim() ? firstEol + 1 : from;
  while (pos < to) {
    let eol = text.indexOf('\n', pos);
    if (eol < 0 || eol > to) eol = to;
    const raw = text.slice(pos, eol);
    const lead = raw.length - raw.trimStart().length;
    const line = raw.trim();
    const lineStart = pos + lead;
    pos = eol + 1;
    if (!line) {
      inHeaders = false;
      continue;
    }
    const header = inHeaders ? /^([A-Za-z][A-Za-z0-9-]*):\s*(.*)$/.exec(line) : null;
    if (header) {
      headers[header[1]] = header[2];
      continue;
    }
    inHeaders = false;
    const bad = NOT_BASE64.exec(line);
    if (bad) return { headers, error: { message: `invalid base64 character "${printable(bad[0])}"`, offset: lineStart + bad.index } };
    parts.push(line);
  }
  const b64 = parts.join('');
  const pad = b64.indexOf('=');
  if (!b64 || b64.length % 4 !== 0 || (pad >= 0 && pad < b64.length - 2) || /=[^=]/.test(b64)) {
    return { headers, error: { message: b64 ? `the base64 body is truncated or badly padded (${b64.length} characters)` : 'the block is empty', offset: to } };
  }
  const der = base64ToBytes(b64);
  return der ? { headers, der } : { headers, error: { message: 'the base64 body does not decode', offset: to } };
}

function printable(c: string): string {
  const code = c.charCodeAt(0);
  return code < 32 || code === 127 ? `\\x${code.toString(16).padStart(2, '0')}` : c;
}

/** 0-based line of an offset, for offsets asked in increasing order: a bundle of thousands of blocks stays linear. */
function lineCounter(text: string): (offset: number) => number {
  let at = 0;
  let line = 0;
  return (offset) => {
    if (offset < at) {
      at = 0;
      line = 0;
    }
    for (let i = text.indexOf('\n', at); i >= 0 && i < offset; i = text.indexOf('\n', i + 1)) line++;
    at = offset;
    return line;
  };
}

/**
 * Whether bytes look like one DER object (a SEQUENCE whose definite length covers the whole
 * input): how a binary .der/.cer/.crl is told from text.
 */
export function looksLikeDer(bytes: Uint8Array): boolean {
  if (bytes.length < 2 || bytes[0] !== 0x30) return false;
  const first = bytes[1];
  if (first < 0x80) return first + 2 === bytes.length;
  const n = first & 0x7f;
  if (n === 0 || n > 4 || bytes.length < 2 + n) return false;
  let len = 0;
  for (let i = 0; i < n; i++) len = len * 256 + bytes[2 + i];
  return 2 + n + len === bytes.length;
}

const BASE64_VALUES = new Int16Array(128).fill(-1);
for (let i = 0; i < 64; i++) BASE64_VALUES['ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789+/'.charCodeAt(i)] = i;

/**
 * Standard base64 (RFC 4648 §4) without whitespace; `=` padding optional. `undefined` when a
 * character is outside the alphabet or the length cannot be base64.
 */
export function base64ToBytes(b64: string): Uint8Array | undefined {
  let n = b64.length;
  while (n > 0 && b64.charCodeAt(n - 1) === 61) n--;
  if (n % 4 === 1 || b64.length - n > 2) return undefined;
  const out = new Uint8Array(Math.floor((n * 3) / 4));
  let acc = 0;
  let bits = 0;
  let o = 0;
  for (let i = 0; i < n; i++) {
    const c = b64.charCodeAt(i);
    const v = c < 128 ? BASE64_VALUES[c] : -1;
    if (v < 0) return undefined;
    acc = ((acc << 6) | v) & 0xffffff;
    bits += 6;
    if (bits >= 8) {
      bits -= 8;
      out[o++] = (acc >> bits) & 0xff;
    }
  }
  return out;
}

export function binaryToBytes(s: string): Uint8Array {
  const out = new Uint8Array(s.length);
  for (let i = 0; i < s.length; i++) out[i] = s.charCodeAt(i) & 0xff;
  return out;
}

export function bytesToBinary(b: Uint8Array): string {
  let s = '';
  for (let i = 0; i < b.length; i += 8192) s += String.fromCharCode(...b.subarray(i, i + 8192));
  return s;
}

export function toHex(b: Uint8Array | ArrayBuffer): string {
  const u = b instanceof Uint8Array ? b : new Uint8Array(b);
  let s = '';
  for (const x of u) s += x.toString(16).padStart(2, '0');
  return s;
}
