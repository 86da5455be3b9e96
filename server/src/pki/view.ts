/**
 * What the certificate viewer shows for one file: every object with its fields (the fields the
 * hover shows), validity windows against today, and how the certificates chain — as plain data,
 * so the editor only renders it. Keys appear by type and size only, never their material.
 */
import { checkBundle, issuedBy, type SignatureCheck } from './chain';
import { isWeakRsaKey } from './checks';
import type { CertificateDescription, CrlDescription, ParsedCertificate, PublicKeyDescription } from './describe';
import { decodePkiBytes, type PkiFile, type PkiItem } from './file';
import type { InspectedKey } from './keys';
import { keyLabel, validity as validityOf } from './markdown';
import { matchKeyToCertificate, type CertificatesForKey } from './match';
import { nameConstraintsOf } from './nameConstraints';
import type { PemBlock } from './pem';
import { openPkcs12 } from './pkcs12';
import { verifyCertificateSignature } from './verify';

export interface ViewField {
  name: string;
  /** One entry per line (a SAN, a URL); empty when the field is absent. */
  values: string[];
  /** Hex, fingerprints, names: shown in a monospace font. */
  mono?: boolean;
  tone?: 'bad' | 'warn' | 'good';
}

export type ValidityState = 'valid' | 'expiring-soon' | 'expired' | 'not-yet-valid';

export interface ViewValidity {
  from: string;
  /** Absent for a CRL without nextUpdate. */
  to?: string;
  state: ValidityState;
  /** Whole days until `to` (negative once past), or until `from` when not yet valid. */
  days: number;
  summary: string;
}

export interface ViewObject {
  /** Position in `objects`; chain links refer to it. */
  id: number;
  /** `certificate`, `crl`, `private-key`, `public-key`, `dh-params`, or a kind this viewer does not know. */
  kind: string;
  /** Short name for the chain picture and timeline (the CN, or the whole subject). */
  label: string;
  title: string;
  /** Where it came from: "PEM block at line 12", "DER", `PKCS#12 bag "name"`. */
  source: string;
  role?: 'leaf' | 'intermediate' | 'root';
  fields: ViewField[];
  validity?: ViewValidity;
}

export interface ViewLink {
  child: number;
  /** The issuer's object id; equal to `child` for a self-signed certificate. */
  parent: number;
  signature: SignatureCheck;
}

export interface ViewChain {
  /** Object ids from the leaf (or lowest certificate) up. */
  path: number[];
  /** The top certificate is not self-signed and its issuer is not in the file. */
  issuerOutside?: string;
}

export interface ViewModel {
  version: 1;
  file: string;
  format: 'pem' | 'der' | 'pkcs12' | 'none';
  now: string;
  objects: ViewObject[];
  links: ViewLink[];
  chains: ViewChain[];
  /** Bundle order problems and other findings about the file as a whole. */
  notes: string[];
  errors: string[];
  /** A PKCS#12 that needs a password, or whose password was wrong. */
  locked?: 'password-required' | 'wrong-password';
}

export interface ViewOptions {
  now: Date;
  expiryWarningDays: number;
  /** For `.p12`/`.pfx`; the empty password is tried when absent. */
  password?: string;
  /** Certificates in other workspace files (the viewed file's own left out), for keys none here matches. */
  certificatesForKey?: CertificatesForKey;
}

const PKCS12_NAME = /\.(p12|pfx)$/i;

export function buildViewModel(name: string, bytes: Uint8Array, opts: ViewOptions): ViewModel {
  if (!PKCS12_NAME.test(name)) return buildViewModelFromPki(name, decodePkiBytes(bytes), opts);
  const r = openPkcs12(bytes, opts.password);
  if (!r.ok) {
    const model = emptyModel(name, 'pkcs12', opts);
    if ('password' in r) model.locked = r.password === 'wrong' ? 'wrong-password' : 'password-required';
    else model.errors.push(r.error);
    return model;
  }
  return assemble(emptyModel(name, 'pkcs12', opts), opts, (a) => {
    for (const b of r.value.certificates) a.addCert(b.value, b.friendlyName ? `PKCS#12 certificate bag "${b.friendlyName}"` : 'PKCS#12 certificate bag');
    for (const b of r.value.keys) a.addKey(b.value, b.friendlyName ? `PKCS#12 key bag "${b.friendlyName}"` : 'PKCS#12 key bag');
    return r.value.errors;
  });
}

/** The model of a file already decoded (PEM text or one DER object). */
export function buildViewModelFromPki(name: string, file: PkiFile, opts: ViewOptions): ViewModel {
  return assemble(emptyModel(name, file.format, opts), opts, (a) => {
    for (const item of file.items) {
      const block = (item as { block?: PemBlock }).block;
      addItem(item, block ? `PEM block "${block.label}" at line ${block.startLine + 1}` : 'DER', a, opts);
    }
    const errors = file.errors.map((e) => (e.offset !== undefined && e.pem ? `${e.message} (byte offset ${e.offset})` : e.message));
    return file.items.length || errors.length ? errors : ['no certificate, key, CRL or other PEM/DER object found'];
  });
}

function emptyModel(file: string, format: ViewModel['format'], opts: ViewOptions): ViewModel {
  return { version: 1, file, format, now: opts.now.toISOString(), objects: [], links: [], chains: [], notes: [], errors: [] };
}

/** Adds the objects `fill` finds, then links certificates, matches keys and checks bundle order. */
function assemble(model: ViewModel, opts: ViewOptions, fill: (a: Adders) => string[]): ViewModel {
  const certs: { id: number; cert: ParsedCertificate }[] = [];
  const keys: { id: number; key: InspectedKey }[] = [];
  const add = (o: Omit<ViewObject, 'id'>): number => {
    const id = model.objects.length;
    model.objects.push({ ...o, id });
    return id;
  };
  const addCert = (cert: ParsedCertificate, source: string): void => {
    certs.push({ id: add(certificateObject(cert, source, opts)), cert });
  };
  const addKey = (key: InspectedKey, source: string): void => {
    keys.push({ id: add(privateKeyObject(key, source)), key });
  };
  model.errors.push(...fill({ add, addCert, addKey }));
  linkCertificates(model, certs);
  for (const { id, key } of keys) model.objects[id].fields.push(keyMatchField(key, certs, model, opts.certificatesForKey));
  const parsed = certs.map((c) => c.cert);
  if (parsed.length > 1 && parsed.some((c) => !c.description.isCA) && model.format !== 'pkcs12') {
    model.notes.push(...checkBundle(parsed).map((p) => p.message));
  }
  return model;
}

interface Adders {
  add: (o: Omit<ViewObject, 'id'>) => number;
  addCert: (cert: ParsedCertificate, source: string) => void;
  addKey: (key: InspectedKey, source: string) => void;
}

function addItem(item: PkiItem, source: string, a: Adders, opts: ViewOptions): void {
  switch (item.kind) {
    case 'certificate':
      a.addCert(item.cert, source);
      return;
    case 'private-key':
      a.addKey(item.key, source);
      return;
    case 'crl':
      a.add(crlObject(item.crl, source, opts));
      return;
    case 'csr': {
      const c = item.csr;
      const signature = { valid: 'verifies with the request’s own key', invalid: 'does NOT verify with the request’s own key', unchecked: 'not checked for this algorithm' }[c.signature] ?? String(c.signature);
      a.add({
        kind: 'csr',
        label: commonName(c.subject),
        title: `Certificate request: ${c.subject || '(empty subject)'}`,
        source,
        fields: [
          field('Subject', [c.subject || '(empty)'], true),
          field('Requested SANs', c.sans.length ? c.sans.map(sanText) : ['none']),
          field('Public key', [keyLabel(c.publicKey)], false, isWeakRsaKey(c.publicKey) ? 'bad' : undefined),
          field('Signature algorithm', [c.signatureAlgorithm]),
          field('Signature', [signature], false, c.signature === 'valid' ? 'good' : c.signature === 'invalid' ? 'bad' : undefined),
        ],
      });
      return;
    }
    case 'pkcs7': {
      const { certificates, crls } = item.pkcs7;
      const n = (k: number, what: string): string => `${k} ${what}${k === 1 ? '' : 's'}`;
      a.add({ kind: 'pkcs7', label: 'PKCS#7 bundle', title: `PKCS#7 bundle: ${n(certificates.length, 'certificate')}, ${n(crls.length, 'CRL')}`, source, fields: [field('Certificates', [String(certificates.length)]), field('CRLs', [String(crls.length)])] });
      certificates.forEach((c, i) => a.addCert(c, `${source}, certificate ${i + 1}`));
      crls.forEach((c, i) => a.add(crlObject(c, `${source}, CRL ${i + 1}`, opts)));
      return;
    }
    case 'public-key':
      a.add({ kind: 'public-key', label: 'Public key', title: `Public key: ${keyLabel(item.publicKey)}`, source, fields: publicKeyFields(item.publicKey) });
      return;
    case 'dh-params':
      a.add({ kind: 'dh-params', label: 'DH parameters', title: `DH parameters: ${item.dh.bits} bits`, source, fields: [field('Prime size', [`${item.dh.bits} bits`])] });
      return;
    case 'other':
      a.add({ kind: 'other', label: item.label, title: item.label, source, fields: [field('Content', ['not decoded by this viewer'])] });
      return;
    default:
      addUnknown(item as unknown as Record<string, unknown>, source, a);
  }
}

/**
 * A kind added to the decoder after this viewer was written: certificates found inside it are
 * shown as certificates, its other plain values as fields.
 */
function addUnknown(item: Record<string, unknown>, source: string, a: Adders): void {
  const kind = typeof item.kind === 'string' ? item.kind : 'object';
  const fields: ViewField[] = [];
  const inner: ParsedCertificate[] = [];
  // Items wrap their description (`{ kind: 'csr', csr: {...} }`): its fields are the item's.
  const flat: Record<string, unknown> = {};
  for (const [k, v] of Object.entries(item)) {
    if (isPlainObject(v) && !HIDDEN.test(k) && !isParsedCertificate(v)) Object.assign(flat, v);
    else flat[k] = v;
  }
  collect(flat, '', fields, inner, 0);
  const subject = fields.find((f) => f.name === 'Subject')?.values[0];
  a.add({ kind, label: subject ? commonName(subject) : kindTitle(kind), title: subject ? `${kindTitle(kind)}: ${subject}` : kindTitle(kind), source, fields });
  inner.forEach((c, i) => a.addCert(c, `${source}, certificate ${i + 1}`));
}

/** Never shown, whatever a future decoder puts there: raw bytes and anything that could be key material. */
const HIDDEN = /^(kind|block|der|tbsDer|spkiDer|spki|signature|publicHalf|bytes|raw)$|private|secret|seed|prime|exponent|coefficient|modulus|material/i;

function collect(value: Record<string, unknown>, prefix: string, fields: ViewField[], certs: ParsedCertificate[], depth: number): void {
  for (const [k, v] of Object.entries(value)) {
    if (HIDDEN.test(k) || v === undefined || v === null) continue;
    const name = prefix ? `${prefix} ${humanize(k).toLowerCase()}` : humanize(k);
    if (isParsedCertificate(v)) certs.push(v);
    else if (typeof v === 'string' || typeof v === 'number' || typeof v === 'boolean') fields.push(field(name, [typeof v === 'boolean' ? (v ? 'yes' : 'no') : String(v)]));
    else if (Array.isArray(v)) {
      const certsInside = v.filter(isParsedCertificate);
      certs.push(...certsInside);
      const shown = v.filter((x) => !isParsedCertificate(x)).map(plain).filter((x): x is string => x !== undefined);
      if (shown.length || !certsInside.length) fields.push(field(name, shown.length ? shown : ['none']));
    } else if (isPlainObject(v) && depth < 2) {
      if (isParsedCertificate((v as { cert?: unknown }).cert)) certs.push((v as { cert: ParsedCertificate }).cert);
      else collect(v, name, fields, certs, depth + 1);
    }
  }
}

function plain(x: unknown): string | undefined {
  if (typeof x === 'string' || typeof x === 'number') return String(x);
  if (isPlainObject(x)) {
    const o = x as Record<string, unknown>;
    if (typeof o.type === 'string' && typeof o.value === 'string') return `${o.type.toUpperCase()}: ${o.value}`;
    const parts = Object.entries(o).filter(([k, v]) => !HIDDEN.test(k) && (typeof v === 'string' || typeof v === 'number'));
    return parts.length ? parts.map(([k, v]) => `${humanize(k)}: ${String(v)}`).join(', ') : undefined;
  }
  return undefined;
}

const isPlainObject = (x: unknown): x is Record<string, unknown> => typeof x === 'object' && x !== null && !Array.isArray(x) && !(x instanceof Uint8Array) && !(x instanceof ArrayBuffer);

function isParsedCertificate(x: unknown): x is ParsedCertificate {
  if (!isPlainObject(x)) return false;
  const d = x.description as { kind?: unknown } | undefined;
  return x.der instanceof Uint8Array && isPlainObject(d) && d.kind === 'certificate';
}

const humanize = (k: string): string => {
  const words = k.replace(/([a-z0-9])([A-Z])/g, '$1 $2').replace(/[-_]/g, ' ').toLowerCase();
  return words.charAt(0).toUpperCase() + words.slice(1);
};

const KIND_TITLES: Record<string, string> = { csr: 'Certificate request', pkcs7: 'PKCS#7 bundle', crl: 'CRL' };
const kindTitle = (kind: string): string => KIND_TITLES[kind] ?? humanize(kind);

function field(name: string, values: string[], mono = false, tone?: ViewField['tone']): ViewField {
  return { name, values, ...(mono ? { mono } : {}), ...(tone ? { tone } : {}) };
}

/** The CN of an RFC 4514 name, or the whole name when it has none. */
export function commonName(dn: string): string {
  const m = /(?:^|,)CN=((?:\\.|[^,\\+])*)/.exec(dn);
  return m ? m[1].replace(/\\(.)/g, '$1') : dn || '(empty name)';
}

const sanText = (s: { type: string; value: string }): string => `${s.type.toUpperCase()}: ${s.value}`;

const colons = (hex: string): string => (hex.match(/.{1,2}/g) ?? []).join(':');

/** Colon-separated octets as `openssl x509 -text` prints a serial; a negative one keeps its sign. */
function serialText(serial: string): string {
  const negative = serial.startsWith('-');
  const hex = negative ? serial.slice(1) : serial;
  return `${negative ? '-' : ''}${colons(hex.length % 2 ? `0${hex}` : hex)}`;
}

function publicKeyFields(k: PublicKeyDescription): ViewField[] {
  return [
    field('Algorithm', [k.algorithm]),
    ...(k.parameterSet ? [field('Parameter set', [k.parameterSet])] : []),
    ...(k.bits ? [field('Size', [`${k.bits} bits`], false, isWeakRsaKey(k) ? 'bad' : undefined)] : []),
    ...(k.curve ? [field('Curve', [k.curve])] : []),
  ];
}

const STATES: Record<string, ValidityState> = { valid: 'valid', expiring: 'expiring-soon', expired: 'expired', 'not-yet-valid': 'not-yet-valid' };

/** The hover's validity verdict, as plain text. */
function validity(from: string, to: string, opts: ViewOptions): ViewValidity {
  const v = validityOf(from, to, opts.now, opts.expiryWarningDays);
  const state = STATES[v.state] ?? 'valid';
  const summary = v.text.replace(/\*\*/g, '');
  return { from, to, state, days: v.daysLeft, summary: state === 'valid' ? `valid, ${summary}` : summary };
}

function crlValidity(from: string, to: string | undefined, opts: ViewOptions): ViewValidity {
  if (to) {
    const v = validity(from, to, opts);
    return v.state === 'expired' ? { ...v, summary: `stale: the next update was due ${-v.days || 1} days ago` } : v;
  }
  return { from, state: Date.parse(from) > opts.now.getTime() ? 'not-yet-valid' : 'valid', days: 0, summary: 'no next update given' };
}

const TONE: Record<ValidityState, ViewField['tone']> = { valid: 'good', 'expiring-soon': 'warn', expired: 'bad', 'not-yet-valid': 'bad' };

function certificateObject(cert: ParsedCertificate, source: string, opts: ViewOptions): Omit<ViewObject, 'id'> {
  const d = cert.description;
  const v = validity(d.notBefore, d.notAfter, opts);
  const weakSignature = /md5|sha1With|SHA1|^dsaWithSHA1$/i.test(d.signatureAlgorithm);
  const nc = nameConstraintsOf(cert.der);
  const constraints = nc && [...nc.permitted.map((n) => `permitted ${n}`), ...nc.excluded.map((n) => `excluded ${n}`)];
  const fields: ViewField[] = [
    field('Subject', [d.subject], true),
    field('Issuer', [d.issuer + (d.selfSigned ? '  (self-signed)' : '')], true),
    field('Subject alternative names', d.sans.length ? d.sans.map(sanText) : ['none']),
    field('Serial number', [serialText(d.serialNumber)], true),
    field('Version', [`v${d.version}`]),
    field('Not before', [d.notBefore]),
    field('Not after', [d.notAfter]),
    field('Validity', [v.summary], false, TONE[v.state]),
    field('Public key', [keyLabel(d.publicKey)], false, isWeakRsaKey(d.publicKey) ? 'bad' : undefined),
    field('Signature algorithm', [d.signatureAlgorithm], false, weakSignature ? 'bad' : undefined),
    field('Basic constraints', [d.isCA ? `CA${d.pathLength !== undefined ? `, path length ${d.pathLength}` : ', no path length limit'}` : 'not a CA']),
    field('Key usage', d.keyUsage.length ? d.keyUsage : ['not restricted (no extension)']),
    field('Extended key usage', d.extendedKeyUsage.length ? d.extendedKeyUsage : ['not restricted (no extension)']),
    ...(constraints?.length ? [field('Name constraints', constraints)] : []),
    field('Subject key identifier', d.ski ? [colons(d.ski)] : ['none'], true),
    field('Authority key identifier', d.aki ? [colons(d.aki)] : ['none'], true),
    field('CRL distribution points', d.crlDistributionPoints.length ? d.crlDistributionPoints : ['none']),
    field('OCSP responders', d.ocspUrls.length ? d.ocspUrls : ['none']),
    field('CA issuers', d.caIssuers.length ? d.caIssuers : ['none']),
    field('SHA-256 fingerprint', [colons(d.fingerprints.sha256)], true),
    field('SHA-1 fingerprint', [colons(d.fingerprints.sha1)], true),
  ];
  fields.push(...extraFields(d));
  const role = d.selfSigned ? 'root' : d.isCA ? 'intermediate' : 'leaf';
  return { kind: 'certificate', label: commonName(d.subject), title: d.subject, source, role, fields, validity: v };
}

const KNOWN_CERT_FIELDS = new Set(['kind', 'version', 'subject', 'issuer', 'serialNumber', 'notBefore', 'notAfter', 'sans', 'publicKey', 'signatureAlgorithm', 'isCA', 'pathLength', 'keyUsage', 'extendedKeyUsage', 'ocspUrls', 'caIssuers', 'crlDistributionPoints', 'ski', 'aki', 'fingerprints', 'selfSigned']);

/** Fields the decoder gained after this viewer was written (policies, PQ parameters…). */
function extraFields(d: CertificateDescription): ViewField[] {
  const extra = Object.fromEntries(Object.entries(d).filter(([k]) => !KNOWN_CERT_FIELDS.has(k)));
  const out: ViewField[] = [];
  collect(extra, '', out, [], 1);
  return out;
}

function crlObject(c: CrlDescription, source: string, opts: ViewOptions): Omit<ViewObject, 'id'> {
  return {
    kind: 'crl',
    label: commonName(c.issuer),
    title: `CRL of ${c.issuer}`,
    source,
    fields: [
      field('Issuer', [c.issuer], true),
      field('This update', [c.thisUpdate]),
      field('Next update', c.nextUpdate ? [c.nextUpdate] : ['none given']),
      field('Revoked certificates', [String(c.revoked)]),
      field('Signature algorithm', [c.signatureAlgorithm]),
      ...(c.aki ? [field('Authority key identifier', [colons(c.aki)], true)] : []),
    ],
    validity: crlValidity(c.thisUpdate, c.nextUpdate, opts),
  };
}

function privateKeyObject(key: InspectedKey, source: string): Omit<ViewObject, 'id'> {
  const k = key.description;
  const type = k.encrypted && k.algorithm === 'unknown' ? 'encrypted key' : keyLabel(k);
  const formats = { pkcs8: 'PKCS#8', pkcs1: 'PKCS#1 (RSA PRIVATE KEY)', sec1: 'SEC 1 (EC PRIVATE KEY)', dsa: 'DSA PRIVATE KEY' };
  return {
    kind: 'private-key',
    label: 'Private key',
    title: `Private key: ${type}`,
    source,
    fields: [
      field('Algorithm', [k.algorithm === 'unknown' && k.encrypted ? 'unknown until decrypted' : k.algorithm]),
      ...(k.parameterSet ? [field('Parameter set', [k.parameterSet])] : []),
      ...(k.bits ? [field('Size', [`${k.bits} bits`], false, isWeakRsaKey(k) ? 'bad' : undefined)] : []),
      ...(k.curve ? [field('Curve', [k.curve])] : []),
      field('Format', [formats[k.format] ?? k.format]),
      field('Encrypted', [k.encrypted ? 'yes' : 'no']),
    ],
  };
}

function keyMatchField(key: InspectedKey, certs: { id: number; cert: ParsedCertificate }[], model: ViewModel, elsewhere: CertificatesForKey | undefined): ViewField {
  let reason = '';
  for (const { id, cert } of certs) {
    const m = matchKeyToCertificate(key, cert);
    if (m.result === 'match') return field('Matching certificate', [`#${id + 1} ${model.objects[id].label}`], false, 'good');
    if (m.result === 'unknown') reason = m.reason;
  }
  if (reason) return field('Matching certificate', [`not compared: ${reason}`]);
  const found = elsewhere && !('cannot' in key.publicHalf) ? elsewhere(key) : [];
  if (found.length) return field('Matching certificate', found.map((c) => `${c.subject || '(empty subject)'} in ${c.display}`), false, 'good');
  const here = certs.length ? `none of the ${certs.length} certificate${certs.length === 1 ? '' : 's'} in this file` : 'no certificate in this file to compare with';
  if (!elsewhere) return certs.length ? field('Matching certificate', [here], false, 'bad') : field('Matching certificate', [here]);
  return certs.length ? field('Matching certificate', [`${here}, nor any in the workspace`], false, 'bad') : field('Matching certificate', ['no certificate in this file or the workspace']);
}

/** Who issued whom (as OpenSSL picks issuers), and the paths from each lowest certificate upward. */
function linkCertificates(model: ViewModel, certs: { id: number; cert: ParsedCertificate }[]): void {
  const parentOf = new Map<number, number>();
  for (const c of certs) {
    if (c.cert.description.selfSigned) {
      model.links.push({ child: c.id, parent: c.id, signature: verifyCertificateSignature(c.cert, c.cert) });
      continue;
    }
    const candidates = certs.filter((p) => p !== c && issuedBy(c.cert, p.cert)).map((p) => ({ p, check: verifyCertificateSignature(c.cert, p.cert) }));
    const best = candidates.find((x) => x.check === 'valid') ?? candidates.find((x) => x.check === 'unchecked') ?? candidates[0];
    if (!best) continue;
    parentOf.set(c.id, best.p.id);
    model.links.push({ child: c.id, parent: best.p.id, signature: best.check });
  }
  const parents = new Set(parentOf.values());
  const placed = new Set<number>();
  const starts = [...certs.filter((c) => !parents.has(c.id)), ...certs.filter((c) => parents.has(c.id))];
  for (const { id } of starts) {
    if (placed.has(id)) continue;
    const path: number[] = [];
    for (let at: number | undefined = id; at !== undefined && !path.includes(at); at = parentOf.get(at)) path.push(at);
    path.forEach((p) => placed.add(p));
    const top = certs.find((c) => c.id === path[path.length - 1])!.cert.description;
    model.chains.push({ path, ...(top.selfSigned || parentOf.has(path[path.length - 1]) ? {} : { issuerOutside: top.issuer }) });
  }
}
