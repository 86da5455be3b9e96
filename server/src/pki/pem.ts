/**
 * PEM blocks as OpenSSL's PEM_read_bio finds them (RFC 7468; RFC 1421 headers such as
 * `Proc-Type: 4,ENCRYPTED` before the base64), wherever they sit in a text: a .pem file, a YAML
 * block scalar (indented lines), a Kubernetes Secret, a config with junk around the blocks.
 */
import forge from 'node-forge';

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
const BASE64_CHAR = /[A-Za-z0-9+/=]/;

/** Every PEM block in `text`, in order. Malformed ones are returned with `error`, never thrown. */
export function findPemBlocks(text: string): PemBlock[] {
  const out: PemBlock[] = [];
  BEGIN.lastIndex = 0;
  let m: RegExpExecArray | null;
  while ((m = BEGIN.exec(text))) {
    const label = m[1];
    const start = m.index;
    const bodyStart = start + m[0].length;
    const endMarker = `-----END ${label}-----`;
    const endAt = text.indexOf(endMarker, bodyStart);
    const nextBegin = text.indexOf('-----BEGIN ', bodyStart);
    const startLine = lineOf(text, start);
    if (endAt < 0 || (nextBegin >= 0 && nextBegin < endAt)) {
      const stop = nextBegin >= 0 ? nextBegin : text.length;
      out.push({ label, start, end: stop, startLine, endLine: lineOf(text, stop), headers: {}, error: { message: `"-----BEGIN ${label}-----" has no matching "${endMarker}" line`, offset: start } });
      BEGIN.lastIndex = stop;
      continue;
    }
    const end = endAt + endMarker.length;
    out.push({ label, start, end, startLine, endLine: lineOf(text, endAt), ...decodeBody(text, bodyStart, endAt) });
    BEGIN.lastIndex = end;
  }
  return out;
}

/** Base64 body between the BEGIN and END lines: headers, then base64 lines, any indentation. */
function decodeBody(text: string, from: number, to: number): Pick<PemBlock, 'headers' | 'der' | 'error'> {
  const headers: Record<string, string> = {};
  let b64 = '';
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
    for (let i = 0; i < line.length; i++) {
      if (!BASE64_CHAR.test(line[i])) {
        return { headers, error: { message: `invalid base64 character "${printable(line[i])}"`, offset: lineStart + i } };
      }
    }
    b64 += line;
  }
  const pad = b64.indexOf('=');
  if (!b64 || b64.length % 4 !== 0 || (pad >= 0 && pad < b64.length - 2) || /=[^=]/.test(b64)) {
    return { headers, error: { message: b64 ? `the base64 body is truncated or badly padded (${b64.length} characters)` : 'the block is empty', offset: to } };
  }
  return { headers, der: binaryToBytes(forge.util.decode64(b64)) };
}

function printable(c: string): string {
  const code = c.charCodeAt(0);
  return code < 32 || code === 127 ? `\\x${code.toString(16).padStart(2, '0')}` : c;
}

function lineOf(text: string, offset: number): number {
  let n = 0;
  for (let i = text.indexOf('\n'); i >= 0 && i < offset; i = text.indexOf('\n', i + 1)) n++;
  return n;
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
