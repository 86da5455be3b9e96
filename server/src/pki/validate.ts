/**
 * RFC 5280 §6.1 certification path validation, pure and synchronous: a path is built from the
 * leaf through the intermediates to a trust anchor (issuer name and key identifiers, as OpenSSL's
 * X509_check_issued), then checked at one time for signatures, validity, basic constraints and
 * path length, keyCertSign, extended key usage, name constraints and unhandled critical extensions.
 * Not covered: revocation (CRL/OCSP) and certificate policies. Where path processing differs in
 * detail between implementations, OpenSSL's choice is taken: the trust anchor is a certificate
 * whose own validity, path length and name constraints apply, and EKU in CA certificates
 * constrains the path ("EKU chaining").
 */
import { issuedBy } from './chain';
import type { ParsedCertificate } from './describe';
import { certificateExtensions, type NameValue } from './extensions';
import { verifyCertificateSignature } from './verify';

export type ValidationFeature = 'signature' | 'validity' | 'basic-constraints' | 'path-length' | 'key-usage' | 'eku' | 'name-constraints' | 'critical-extension' | 'path-building' | 'hostname';

export interface ValidationError {
  feature: ValidationFeature;
  /** Position in `path` (0 = leaf) of the certificate the error is about. */
  index: number;
  message: string;
}

export interface ValidationResult {
  ok: boolean;
  /** The path tried (leaf first, trust anchor last); the best candidate when none validates. */
  path: ParsedCertificate[];
  errors: ValidationError[];
  /** Signatures that could not be checked (Ed448, DSA, other curves): not counted as failures. */
  unchecked: number;
}

export interface ValidationInput {
  leaf: ParsedCertificate;
  intermediates?: ParsedCertificate[];
  anchors: ParsedCertificate[];
  at: Date;
  /** EKU the leaf must allow: an OID, e.g. serverAuth 1.3.6.1.5.5.7.3.1. */
  purpose?: string;
  /** A DNS name or IP address the leaf must be valid for. */
  hostname?: string;
  /** At most this many intermediates (OpenSSL -verify_depth minus one). */
  maxIntermediates?: number;
}

const ANY_EKU = '2.5.29.37.0';
const MAX_PATHS = 64;

export function validatePath(input: ValidationInput): ValidationResult {
  const pool = input.intermediates ?? [];
  const maxDepth = Math.min(input.maxIntermediates ?? 16, 16);
  let best: ValidationResult | undefined;
  let tried = 0;
  const extend = (path: ParsedCertificate[]): ValidationResult | undefined => {
    if (tried >= MAX_PATHS) return undefined;
    const tip = path[path.length - 1];
    // A leaf that is itself a trust anchor is trusted directly.
    const anchors = input.anchors.filter((a) => (a.der.length === tip.der.length && sameDer(a, tip)) || issuedBy(tip, a));
    for (const anchor of anchors) {
      tried++;
      const full = sameDer(anchor, tip) ? path : [...path, anchor];
      const r = checkPath(full, input);
      if (r.ok) return r;
      if (!best || r.errors.length < best.errors.length || full.length > best.path.length) best = r;
    }
    if (path.length - 1 >= maxDepth) return undefined;
    for (const next of pool) {
      if (path.includes(next) || path.some((p) => sameDer(p, next)) || !issuedBy(tip, next)) continue;
      const r = extend([...path, next]);
      if (r) return r;
    }
    return undefined;
  };
  const found = extend([input.leaf]);
  if (found) return found;
  return best ?? { ok: false, path: [input.leaf], errors: [{ feature: 'path-building', index: 0, message: `no path from "${input.leaf.description.subject}" to a trust anchor: issuer "${input.leaf.description.issuer}" not found` }], unchecked: 0 };
}

function sameDer(a: ParsedCertificate, b: ParsedCertificate): boolean {
  if (a === b) return true;
  if (a.der.length !== b.der.length) return false;
  for (let i = 0; i < a.der.length; i++) if (a.der[i] !== b.der[i]) return false;
  return true;
}

const selfIssued = (c: ParsedCertificate): boolean => c.description.subject.toLowerCase() === c.description.issuer.toLowerCase();

/** RFC 5280 §6.1.2–6.1.5 over one path (leaf first, anchor last). */
function checkPath(path: ParsedCertificate[], input: ValidationInput): ValidationResult {
  const errors: ValidationError[] = [];
  let unchecked = 0;
  const at = input.at.getTime();
  const n = path.length;
  const err = (feature: ValidationFeature, index: number, message: string): void => void errors.push({ feature, index, message });
  // §6.1.2 (k): max_path_length; OpenSSL counts the anchor's own pathLenConstraint too.
  let remaining = Infinity;
  const constraints: { permitted: NameValue[]; excluded: NameValue[] }[] = [];
  for (let i = n - 1; i >= 0; i--) {
    const cert = path[i];
    const d = cert.description;
    const ext = certificateExtensions(cert);
    const isAnchor = i === n - 1;
    const isLeaf = i === 0;
    const name = `"${d.subject}"`;
    if (ext.malformed.length) err('critical-extension', i, `${name} has undecodable extensions (${ext.malformed.join(', ')})`);
    if (ext.duplicates.length) err('critical-extension', i, `${name} repeats extensions (${ext.duplicates.join(', ')})`);
    // (a)(1) signature, by the issuer's key (the anchor's own signature is not part of the path).
    if (!isAnchor) {
      const s = verifyCertificateSignature(cert, path[i + 1]);
      if (s === 'invalid') err('signature', i, `the signature of ${name} does not verify with the key of "${path[i + 1].description.subject}"`);
      else if (s === 'unchecked') unchecked++;
    }
    // (a)(2) validity.
    if (Date.parse(d.notBefore) > at) err('validity', i, `${name} is not valid before ${d.notBefore}`);
    if (Date.parse(d.notAfter) < at) err('validity', i, `${name} expired on ${d.notAfter}`);
    // (b), (c) name constraints of the certificates above, for the leaf and non-self-issued CAs.
    if (!isAnchor && (isLeaf || !selfIssued(cert))) {
      const problem = nameConstraintProblem(cert, constraints);
      if (problem) err('name-constraints', i, `${name}: ${problem}`);
    }
    // §6.1.4 (o) / §6.1.5 (f): critical extensions nobody processes.
    if (ext.unhandledCritical.length) err('critical-extension', i, `${name} has unhandled critical extensions ${ext.unhandledCritical.join(', ')}`);
    if (input.purpose && ext.extKeyUsage && !ext.extKeyUsage.oids.includes(input.purpose) && !(ext.extKeyUsage.oids.includes(ANY_EKU) && !isLeaf)) {
      err('eku', i, `${name} has an extended key usage without ${input.purpose}`);
    }
    if (isLeaf) break;
    // §6.1.4 (k) basic constraints: every certificate that issues one in the path is a CA.
    if (!ext.basicConstraints?.cA && d.version >= 3) err('basic-constraints', i, `${name} issues a certificate in the path but is not a CA (basicConstraints cA missing or FALSE)`);
    else if (d.version < 3 && !isAnchor) err('basic-constraints', i, `${name} is a v${d.version} certificate and cannot be an intermediate CA`);
    // (l), (m) path length.
    if (!isAnchor && !selfIssued(cert)) {
      if (remaining <= 0) err('path-length', i, `${name} exceeds the path length constraint of a CA above it`);
      remaining--;
    }
    if (ext.basicConstraints?.pathLen !== undefined) remaining = Math.min(remaining, ext.basicConstraints.pathLen);
    // (n) key usage.
    if (ext.keyUsage && !ext.keyUsage.usages.includes('keyCertSign')) err('key-usage', i, `${name} signs a certificate in the path but its key usage lacks keyCertSign`);
    // (g) name constraints this CA adds for everything below it.
    if (ext.nameConstraints) constraints.push({ permitted: ext.nameConstraints.permitted, excluded: ext.nameConstraints.excluded });
  }
  if (input.hostname) {
    const leafNames = certificateExtensions(path[0]).subjectAltName?.names ?? [];
    if (!leafNames.some((nv) => hostMatches(nv, input.hostname ?? ''))) err('hostname', 0, `"${path[0].description.subject}" is not valid for ${input.hostname}`);
  }
  return { ok: errors.length === 0, path, errors, unchecked };
}

function nameConstraintProblem(cert: ParsedCertificate, sets: { permitted: NameValue[]; excluded: NameValue[] }[]): string | undefined {
  if (!sets.length) return undefined;
  const ext = certificateExtensions(cert);
  const names: NameValue[] = [...(ext.subjectAltName?.names ?? [])];
  if (ext.subjectRdns.length) names.push({ type: 'dirname', value: cert.description.subject, rdns: ext.subjectRdns });
  // RFC 5280 §4.2.1.10: emailAddress in the subject is an rfc822Name when there is no SAN email.
  if (!names.some((n) => n.type === 'email')) for (const e of ext.subjectEmails) names.push({ type: 'email', value: e });
  for (const set of sets) {
    for (const name of names) {
      if (name.type === 'other') continue;
      const excluded = set.excluded.find((c) => c.type === name.type && matches(c, name));
      if (excluded) return `${name.type} name "${name.value}" is excluded by "${excluded.value}"`;
      const permitted = set.permitted.filter((c) => c.type === name.type);
      if (permitted.length && !permitted.some((c) => matches(c, name))) return `${name.type} name "${name.value}" is outside the permitted ${permitted.map((c) => `"${c.value}"`).join(', ')}`;
    }
  }
  return undefined;
}

function matches(constraint: NameValue, name: NameValue): boolean {
  switch (name.type) {
    case 'dns':
      return dnsWithin(name.value, constraint.value);
    case 'email':
      return emailWithin(name.value, constraint.value);
    case 'uri': {
      const host = /^[a-z][a-z0-9+.-]*:\/\/(?:[^@/?#]*@)?(\[[^\]]*\]|[^:/?#]*)/i.exec(name.value)?.[1];
      if (!host) return false;
      const c = constraint.value.toLowerCase();
      return c.startsWith('.') ? host.toLowerCase().endsWith(c) : host.toLowerCase() === c;
    }
    case 'ip':
      return ipWithin(name.value, constraint.value);
    case 'dirname': {
      const c = constraint.rdns ?? [];
      const n = name.rdns ?? [];
      return c.length <= n.length && c.every((r, i) => r === n[i]);
    }
    default:
      return false;
  }
}

function dnsWithin(name: string, constraint: string): boolean {
  const n = name.toLowerCase().replace(/\.$/, '');
  const c = constraint.toLowerCase().replace(/\.$/, '');
  if (!c) return true;
  if (c.startsWith('.')) return n.endsWith(c);
  return n === c || n.endsWith(`.${c}`);
}

function emailWithin(name: string, constraint: string): boolean {
  const at = name.lastIndexOf('@');
  if (at < 0) return false;
  const host = name.slice(at + 1).toLowerCase();
  const c = constraint.toLowerCase();
  if (c.includes('@')) return name.slice(0, at) === constraint.slice(0, constraint.lastIndexOf('@')) && host === c.slice(c.lastIndexOf('@') + 1);
  if (c.startsWith('.')) return host.endsWith(c);
  return host === c;
}

function ipBytes(s: string): number[] | undefined {
  if (/^\d+\.\d+\.\d+\.\d+$/.test(s)) return s.split('.').map(Number);
  if (!s.includes(':')) return undefined;
  const [l, r] = s.split('::');
  const left = l ? l.split(':') : [];
  const right = r !== undefined && r ? r.split(':') : [];
  const groups = s.includes('::') ? [...left, ...Array(8 - left.length - right.length).fill('0'), ...right] : left;
  if (groups.length !== 8) return undefined;
  return groups.flatMap((g) => [(parseInt(g, 16) >> 8) & 0xff, parseInt(g, 16) & 0xff]);
}

function ipWithin(name: string, constraint: string): boolean {
  const [addr, bits] = constraint.split('/');
  const a = ipBytes(name);
  const c = ipBytes(addr);
  const prefix = Number(bits);
  if (!a || !c || a.length !== c.length || !Number.isFinite(prefix)) return false;
  for (let i = 0; i < a.length; i++) {
    const maskBits = Math.max(0, Math.min(8, prefix - i * 8));
    const mask = maskBits ? (0xff << (8 - maskBits)) & 0xff : 0;
    if ((a[i] & mask) !== (c[i] & mask)) return false;
  }
  return true;
}

/** RFC 6125 §6.4: exact DNS match, or a wildcard as the whole leftmost label; IP SANs for addresses. */
function hostMatches(nv: NameValue, host: string): boolean {
  const h = host.toLowerCase().replace(/\.$/, '');
  if (nv.type === 'ip') {
    const a = ipBytes(nv.value);
    const b = ipBytes(h);
    return !!a && !!b && a.length === b.length && a.every((x, i) => x === b[i]);
  }
  if (nv.type !== 'dns') return false;
  const p = nv.value.toLowerCase().replace(/\.$/, '');
  if (p === h) return true;
  if (!p.startsWith('*.')) return false;
  const rest = p.slice(2);
  const dot = h.indexOf('.');
  return dot > 0 && h.slice(dot + 1) === rest && rest.includes('.');
}
