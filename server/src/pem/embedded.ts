/**
 * Certificates, keys, CSRs and CRLs embedded in any text: PEM blocks (also indented in YAML block
 * scalars, CRLF), `\n`-escaped PEM in JSON/YAML strings, and base64 DER/PEM values in YAML/JSON
 * (Kubernetes Secret `data.tls.crt`, Helm values, Istio `caCertificates`) or on a line of any
 * other text (`.env`). Spans are offsets into the document as written, escapes and all.
 */
import { visit } from 'jsonc-parser';
import { isAlias, isMap, isPair, isScalar, isSeq, parseAllDocuments, type Node as YamlNode, type Scalar } from 'yaml';
import { MAX_ANALYZED_BYTES } from '../core/limits';
import type { Span } from '../core/text';
import { decodePkiBytes, decodePkiText, type PkiError, type PkiFile, type PkiItem } from '../pki/file';
import { base64ToBytes, bytesToBinary, findPemBlocks, looksLikeDer, type PemBlock } from '../pki/pem';

export type Embedding = 'pem' | 'pem-escaped' | 'base64-der' | 'base64-pem';

export interface EmbeddedObject {
  /** Where the object is written in the document: the PEM block, or the base64 value. */
  span: Span;
  embedding: Embedding;
  /** The decoded object; `undefined` with `error` when it does not decode. */
  item?: PkiItem;
  /** What is wrong, with the document offset of the first bad byte or character. */
  error?: { message: string; offset: number };
  /** The YAML/JSON value or base64 run holding a base64 object: its blocks form one bundle. */
  value?: Span;
}

export interface FindOptions {
  /** Documents longer than this get no YAML/base64 pass (PEM blocks are still found). */
  maxStructuredLength?: number;
}

/** Starts of base64 that decodes to PEM (`-----BEGIN`) or to a DER SEQUENCE of 128+ bytes. */
const BASE64_HINT = /LS0tLS1CRUdJT|M[A-P][A-Za-z0-9+/]{40}/;
/** Secret keys whose values must be certificates, so a value that is not one is reported. */
const SECRET_KEYS = /^[ \t]*["']?(?:tls\.crt|tls\.key|ca\.crt)["']?[ \t]*:/m;
/** One-line base64 runs in text that is not YAML/JSON (`TLS_CRT=...` in an .env file). */
const BASE64_RUN = /(?:LS0tLS1CRUdJT|MI[I-P])[A-Za-z0-9+/]{60,}={0,2}/g;
/** Keys whose values are certificates or keys: Secret `tls.crt`, Helm `caBundle`, Istio fields. */
const CERT_KEY = /(?:^|[._-])(?:crt|pem|cer|der|csr|crl|ca|key)$|cert|certificate|privatekey|cabundle|^tls$/i;

/** Every object embedded in `text`, in document order. Never throws. */
export function findEmbeddedObjects(text: string, options: FindOptions = {}): EmbeddedObject[] {
  const out: EmbeddedObject[] = [];
  try {
    if (text.includes('-----BEGIN')) out.push(...pemObjects(text));
    const limit = options.maxStructuredLength ?? MAX_ANALYZED_BYTES;
    if (text.length <= limit && (BASE64_HINT.test(text) || SECRET_KEYS.test(text))) out.push(...base64Objects(text, out));
  } catch (e) {
    // Decoders return errors rather than throw; this is the last line of defence for the editor.
    out.push({ span: { start: 0, end: 0 }, embedding: 'pem', error: { message: `could not scan the document: ${e instanceof Error ? e.message : String(e)}`, offset: 0 } });
  }
  return out.sort((a, b) => a.span.start - b.span.start);
}

// ---- PEM blocks, plain and `\n`-escaped

function pemObjects(text: string): EmbeddedObject[] {
  // The common case decodes in one pass; blocks are listed again only for escapes and errors.
  const escaped = /-----\\[nr]/.test(text) ? findPemBlocks(text).filter((b) => b.error && /\\[nr]/.test(text.slice(b.start, b.end))) : [];
  const file = decodePkiText(escaped.length ? blankOut(text, escaped) : text);
  const out: EmbeddedObject[] = [];
  for (const item of file.items) if (item.block) out.push({ span: { start: item.block.start, end: item.block.end }, embedding: 'pem', item });
  const blocks = file.errors.length ? findPemBlocks(text) : [];
  for (const e of file.errors) out.push(errorObject(e, 'pem', (o) => o, blocks));
  for (const block of escaped) out.push(...escapedObjects(text, block));
  return out;
}

/** The text with escaped blocks replaced by spaces, so one decode of the rest keeps its offsets. */
function blankOut(text: string, blocks: PemBlock[]): string {
  let s = '';
  let at = 0;
  for (const b of blocks) {
    s += text.slice(at, b.start) + ' '.repeat(b.end - b.start);
    at = b.end;
  }
  return s + text.slice(at);
}

function errorObject(e: PkiError, embedding: Embedding, toDoc: (offset: number) => number, blocks: PemBlock[] = [], value?: Span): EmbeddedObject {
  const offset = toDoc(e.offset ?? 0);
  const block = blocks.find((b) => b.start <= (e.offset ?? 0) && (e.offset ?? 0) <= b.end);
  const span = value ?? (block ? { start: toDoc(block.start), end: toDoc(block.end) } : { start: offset, end: offset });
  return { span, embedding, error: { message: e.message, offset }, ...(value ? { value } : {}) };
}

/** Unescapes a JSON-style string body, remembering where each character came from. */
function unescape(text: string, from: number, to: number): { s: string; at: number[] } {
  const chars: string[] = [];
  const at: number[] = [];
  for (let i = from; i < to; i++) {
    const c = text[i];
    if (c !== '\\' || i + 1 >= to) {
      chars.push(c);
      at.push(i);
      continue;
    }
    const n = text[i + 1];
    const simple: Record<string, string> = { n: '\n', r: '\r', t: '\t', '/': '/', '\\': '\\', '"': '"', "'": "'" };
    if (n === 'u' && /^[0-9a-fA-F]{4}$/.test(text.slice(i + 2, i + 6))) {
      chars.push(String.fromCharCode(parseInt(text.slice(i + 2, i + 6), 16)));
      at.push(i);
      i += 5;
    } else {
      chars.push(simple[n] ?? n);
      at.push(i);
      i += 1;
    }
  }
  at.push(to);
  return { s: chars.join(''), at };
}

function escapedObjects(text: string, block: PemBlock): EmbeddedObject[] {
  const { s, at } = unescape(text, block.start, block.end);
  const toDoc = (o: number): number => at[Math.max(0, Math.min(o, at.length - 1))];
  const file = decodePkiText(s);
  const remap = (b: PemBlock): PemBlock => ({ ...b, start: toDoc(b.start), end: toDoc(b.end), startLine: block.startLine, endLine: block.endLine, ...(b.error ? { error: { ...b.error, offset: toDoc(b.error.offset) } } : {}) });
  return [
    ...file.items.map((item): EmbeddedObject => {
      const b = item.block ? remap(item.block) : undefined;
      return { span: b ? { start: b.start, end: b.end } : { start: block.start, end: block.end }, embedding: 'pem-escaped', item: b ? ({ ...item, block: b } as PkiItem) : item };
    }),
    ...file.errors.map((e) => ({ ...errorObject({ ...e, message: e.message.replace(/ at line 1:/, ` at line ${block.startLine + 1}:`) }, 'pem-escaped', toDoc), span: { start: block.start, end: block.end } })),
  ];
}

// ---- base64 values

/** A base64 value as written: its characters without whitespace/escapes, and where each one sits. */
interface Base64Source {
  chars: string;
  at: number[];
  /** The first character that is neither base64 nor whitespace. */
  bad?: { offset: number; char: string };
  span: Span;
}

function base64Objects(text: string, found: EmbeddedObject[]): EmbeddedObject[] {
  const out: EmbeddedObject[] = [];
  const taken: Span[] = found.map((o) => o.span);
  const overlaps = (s: Span): boolean => taken.some((t) => t.start < s.end && s.start < t.end);
  const pem = sortedSpans(found);
  for (const { source, key, secretData } of yamlValues(text, pem)) {
    if (overlaps(source.span)) continue;
    const keyed = CERT_KEY.test(key) || secretData;
    const strong = /^(?:LS0tLS1CRUdJT|MI[I-P])/.test(source.chars);
    if (source.bad) {
      // A path, a name, a PEM block (found above): only a value that set out as base64 is an error.
      if (strong && keyed) {
        out.push(errorAt(source, `"${key}": invalid base64 character "${source.bad.char}"`, source.bad.offset));
        taken.push(source.span);
      }
      continue;
    }
    if (source.chars.length < 40 || (!strong && !keyed)) continue;
    const objects = decodeBase64Value(text, source, keyed || strong, key);
    if (objects.length) taken.push(source.span);
    out.push(...objects);
  }
  BASE64_RUN.lastIndex = 0;
  let m: RegExpExecArray | null;
  while ((m = BASE64_RUN.exec(text))) {
    const span = { start: m.index, end: m.index + m[0].length };
    // Most runs are a PEM block's first line: found by binary search before the linear check.
    if (spanAt(pem, span.start) || overlaps(span)) continue;
    const at = Array.from({ length: m[0].length + 1 }, (_, i) => m!.index + i);
    const objects = decodeBase64Value(text, { chars: m[0], at, span }, m[0].startsWith('LS0t'), '');
    out.push(...objects);
  }
  return out;
}

function errorAt(source: Base64Source, message: string, offset: number, embedding: Embedding = 'base64-der'): EmbeddedObject {
  return { span: source.span, embedding, error: { message, offset }, value: source.span };
}

/** Decodes one base64 value; `report` says whether a value that is no certificate is an error. */
function decodeBase64Value(text: string, source: Base64Source, report: boolean, key: string): EmbeddedObject[] {
  const { chars, at, span } = source;
  const where = key ? `"${key}": ` : '';
  // Byte k of the decoded value is carried by base64 characters floor(4k/3) and the one after.
  const docOf = (byte: number): number => at[Math.min(Math.floor((byte * 4) / 3), at.length - 1)];
  const docEnd = (byte: number): number => at[Math.min(Math.ceil((byte * 4) / 3), at.length - 1)];
  const bytes = base64ToBytes(chars);
  if (!bytes) {
    if (!report) return [];
    const bad = /[^A-Za-z0-9+/]/.exec(chars.replace(/=+$/, ''));
    return [errorAt(source, bad ? `${where}misplaced "${bad[0]}": base64 padding only ends a value` : `${where}the base64 is truncated (${chars.length} characters, not a whole number of bytes)`, bad ? at[bad.index] : at[chars.length - 1])];
  }
  const latin1 = bytesToBinary(bytes);
  if (latin1.includes('-----BEGIN ')) {
    const file = decodePkiText(latin1);
    const sub = (b: PemBlock): Span => ({ start: docOf(b.start), end: Math.min(span.end, docEnd(b.end)) });
    return [
      ...file.items.map((item): EmbeddedObject => ({ span: item.block ? sub(item.block) : span, embedding: 'base64-pem', item: item.block ? ({ ...item, block: { ...item.block, ...sub(item.block), startLine: lineAt(text, span.start), endLine: lineAt(text, span.end) } } as PkiItem) : item, value: span })),
      ...file.errors.map((e) => errorObject({ ...e, message: `${where}${e.message} (in base64-encoded PEM)` }, 'base64-pem', docOf, [], span)),
    ];
  }
  if (!looksLikeDer(bytes)) {
    if (!report) return [];
    return [errorAt(source, `${where}${derProblem(bytes)}`, docOf(derProblemByte(bytes)))];
  }
  const file: PkiFile = decodePkiBytes(bytes);
  if (file.items.length) return file.items.map((item) => ({ span, embedding: 'base64-der', item, value: span }));
  return report ? [errorAt(source, `${where}${file.errors[0]?.message ?? 'undecodable DER'}`, span.start)] : [];
}

function derLength(bytes: Uint8Array): { header: number; length: number } | undefined {
  if (bytes.length < 2) return undefined;
  const first = bytes[1];
  if (first < 0x80) return { header: 2, length: first };
  const n = first & 0x7f;
  if (n === 0 || n > 4 || bytes.length < 2 + n) return undefined;
  let length = 0;
  for (let i = 0; i < n; i++) length = length * 256 + bytes[2 + i];
  return { header: 2 + n, length };
}

function derProblem(bytes: Uint8Array): string {
  if (bytes[0] !== 0x30) return `the decoded bytes are neither PEM nor DER (byte 0 is 0x${(bytes[0] ?? 0).toString(16).padStart(2, '0')}, not a SEQUENCE)`;
  const l = derLength(bytes);
  if (!l) return 'the DER length header is malformed';
  const want = l.header + l.length;
  return want > bytes.length ? `the DER is truncated: its header declares ${want} bytes, the value holds ${bytes.length}` : `${bytes.length - want} bytes follow the DER object`;
}

function derProblemByte(bytes: Uint8Array): number {
  const l = bytes[0] === 0x30 ? derLength(bytes) : undefined;
  if (!l) return bytes[0] === 0x30 ? 1 : 0;
  return Math.min(bytes.length, l.header + l.length);
}

function lineAt(text: string, offset: number): number {
  let n = 0;
  for (let i = text.indexOf('\n'); i >= 0 && i < offset; i = text.indexOf('\n', i + 1)) n++;
  return n;
}

// ---- YAML/JSON values

interface YamlValue {
  source: Base64Source;
  /** The mapping key the value belongs to (`tls.crt`), or '' in a sequence. */
  key: string;
  /** Under `data:` of a Kubernetes Secret, where every value is base64 by definition. */
  secretData: boolean;
}

const MAX_DEPTH = 64;
/** A top-level YAML entry larger than this is left to the one-line base64 scan. */
const MAX_CHUNK = 1024 * 1024;

/** `pem` are the PEM blocks already found: a hint inside one (its base64 lines) is no reason to parse YAML. */
function yamlValues(text: string, pem: Span[]): YamlValue[] {
  return /^\s*[[{]/.test(text) ? jsonValues(text) : yamlChunkValues(text, pem);
}

function sortedSpans(objects: EmbeddedObject[]): Span[] {
  return objects.map((o) => o.span).sort((a, b) => a.start - b.start);
}

/** The span of `spans` (sorted, not overlapping) holding `offset`, if any. */
function spanAt(spans: Span[], offset: number): Span | undefined {
  let lo = 0;
  let hi = spans.length - 1;
  while (lo <= hi) {
    const mid = (lo + hi) >> 1;
    if (spans[mid].end <= offset) lo = mid + 1;
    else if (spans[mid].start > offset) hi = mid - 1;
    else return spans[mid];
  }
  return undefined;
}

/** JSON: string literals with their property names (jsonc-parser is fast and exact on offsets). */
function jsonValues(text: string): YamlValue[] {
  const out: YamlValue[] = [];
  const secret = /"kind"\s*:\s*"Secret"/.test(text);
  visit(text, {
    onLiteralValue: (value, offset, length, _l, _c, path) => {
      if (typeof value !== 'string' || length < 40) return;
      const p = path();
      const last = p[p.length - 1];
      const key = typeof last === 'string' ? last : String(p[p.length - 2] ?? '');
      const source = quotedSource(text, offset, offset + length, true);
      out.push({ source, key, secretData: secret && p.length === 2 && (p[0] === 'data' || p[0] === 'binaryData') });
    },
  }, { allowTrailingComma: true, disallowComments: false });
  return out;
}

/**
 * YAML is parsed one top-level entry at a time, and only entries holding a base64 candidate: the
 * `yaml` library takes about a second per megabyte, and a Helm values file is mostly other things.
 */
function yamlChunkValues(text: string, pem: Span[]): YamlValue[] {
  const out: YamlValue[] = [];
  const starts = chunkStarts(text);
  const wanted = new Set<number>();
  const hint = new RegExp(`${BASE64_HINT.source}|${SECRET_KEYS.source}`, 'gm');
  let m: RegExpExecArray | null;
  while ((m = hint.exec(text))) {
    const inPem = spanAt(pem, m.index);
    if (inPem) {
      hint.lastIndex = Math.max(hint.lastIndex, inPem.end);
      continue;
    }
    wanted.add(chunkIndex(starts, m.index));
    // Skip to the next chunk: one candidate is enough to parse it.
    const next = starts[chunkIndex(starts, m.index) + 1];
    if (next === undefined) break;
    hint.lastIndex = Math.max(hint.lastIndex, next);
  }
  for (const c of [...wanted].sort((a, b) => a - b)) {
    const from = starts[c];
    const to = starts[c + 1] ?? text.length;
    if (to - from > MAX_CHUNK) continue;
    const docStart = Math.max(0, text.lastIndexOf('\n---', from));
    const docEnd = text.indexOf('\n---', from);
    const secret = /^kind:[ \t]*["']?Secret["']?[ \t]*$/m.test(text.slice(docStart, docEnd < 0 ? text.length : docEnd));
    out.push(...parsedValues(text, from, to, secret));
  }
  return out;
}

/** Offsets of lines that start a top-level entry (column 0, not a comment or document marker). */
function chunkStarts(text: string): number[] {
  const starts = [0];
  const re = /\n(?=[^\s#])(?!---|\.\.\.)/g;
  let m: RegExpExecArray | null;
  while ((m = re.exec(text))) starts.push(m.index + 1);
  return starts;
}

function chunkIndex(starts: number[], offset: number): number {
  let lo = 0;
  let hi = starts.length - 1;
  while (lo < hi) {
    const mid = (lo + hi + 1) >> 1;
    if (starts[mid] <= offset) lo = mid;
    else hi = mid - 1;
  }
  return lo;
}

function parsedValues(text: string, from: number, to: number, secret: boolean): YamlValue[] {
  const out: YamlValue[] = [];
  const chunk = text.slice(from, to);
  // Aliases are never expanded (nothing calls toJS, where yaml's maxAliasCount applies), so an
  // alias bomb costs only its source size.
  const docs = parseAllDocuments(chunk, { prettyErrors: false, uniqueKeys: false, strict: false, keepSourceTokens: false });
  if (!Array.isArray(docs)) return out;
  for (const doc of docs) {
    const walk = (node: unknown, key: string, path: string[], depth: number): void => {
      if (depth > MAX_DEPTH || !node || isAlias(node)) return;
      if (isScalar(node)) {
        if (typeof node.value === 'string' && node.range) {
          const source = scalarSource(text, node, from);
          if (source) out.push({ source, key, secretData: secret && (path[0] === 'data' || path[0] === 'binaryData') && path.length === 1 });
        }
        return;
      }
      if (isMap(node) || isSeq(node)) {
        for (const item of node.items as unknown[]) {
          if (isPair(item)) {
            const k = isScalar(item.key) ? String(item.key.value) : '';
            walk(item.value, k, [...path, k], depth + 1);
          } else walk(item, key, path, depth + 1);
        }
      }
    };
    walk(doc.contents as YamlNode | null, '', [], 0);
  }
  return out;
}

function scalarSource(text: string, node: Scalar, base: number): Base64Source | undefined {
  const start = (node.range?.[0] ?? 0) + base;
  const end = (node.range?.[1] ?? 0) + base;
  if (node.type === 'QUOTE_DOUBLE' || node.type === 'QUOTE_SINGLE') return end - start < 40 ? undefined : quotedSource(text, start, end, node.type === 'QUOTE_DOUBLE');
  let from = start;
  if (node.type === 'BLOCK_LITERAL' || node.type === 'BLOCK_FOLDED') {
    const eol = text.indexOf('\n', start);
    from = eol < 0 || eol > end ? end : eol + 1;
  }
  if (end - from < 40) return undefined;
  return collect(text, from, end, { start, end }, false);
}

function quotedSource(text: string, start: number, end: number, escapes: boolean): Base64Source {
  return collect(text, start + 1, end - 1, { start, end }, escapes);
}

/** The base64 characters of `text[from, to)` with their offsets, skipping whitespace (and `\n`-style escapes). */
function collect(text: string, from: number, to: number, span: Span, escapes: boolean): Base64Source {
  const chars: string[] = [];
  const at: number[] = [];
  let bad: Base64Source['bad'];
  for (let i = from; i < to; i++) {
    const c = text[i];
    if (c === '\\' && escapes) {
      const n = text[i + 1] ?? '';
      if (n === '/') {
        chars.push('/');
        at.push(i);
      } else if (!/[nrt \r\n]/.test(n) && !bad) bad = { offset: i, char: `\\${n}` };
      i++;
      continue;
    }
    if (c === ' ' || c === '\n' || c === '\r' || c === '\t') continue;
    if (/[A-Za-z0-9+/=]/.test(c)) {
      chars.push(c);
      at.push(i);
    } else if (!bad) bad = { offset: i, char: c };
  }
  at.push(to);
  return { chars: chars.join(''), at, span, ...(bad ? { bad } : {}) };
}
