/**
 * A certificate's extensions as path validation and the certificate rules need them: criticality
 * (which the description leaves out), name constraints, and critical extensions nobody handles.
 * Decoded once per certificate and never thrown from: a malformed extension is recorded as such.
 */
import {
  BasicConstraints,
  ExtendedKeyUsage,
  type GeneralName,
  KeyUsage,
  NameConstraints,
  SubjectAlternativeName,
  id_ce_basicConstraints,
  id_ce_extKeyUsage,
  id_ce_keyUsage,
  id_ce_nameConstraints,
  id_ce_subjectAltName,
} from '@peculiar/asn1-x509';
import { nameToString, octets, parseCertificateAsn, parseDer } from './asn1';
import type { ParsedCertificate } from './describe';
import { KEY_USAGE_BITS } from './oids.data';

/** A general name reduced to what matching needs; IP values keep their bytes (and mask in constraints). */
export interface NameValue {
  type: 'dns' | 'ip' | 'email' | 'uri' | 'dirname' | 'other';
  value: string;
  /** RFC 4514 name as RDN lists, most general first, for directoryName matching. */
  rdns?: string[];
}

export interface CertificateExtensions {
  basicConstraints?: { critical: boolean; cA: boolean; pathLen?: number };
  keyUsage?: { critical: boolean; usages: string[] };
  extKeyUsage?: { critical: boolean; oids: string[] };
  subjectAltName?: { critical: boolean; names: NameValue[] };
  nameConstraints?: { critical: boolean; permitted: NameValue[]; excluded: NameValue[] };
  /** Subject as RDN strings, most general (C, O…) first. */
  subjectRdns: string[];
  /** Email addresses in the subject's emailAddress attributes (RFC 5280 §4.2.1.10 legacy form). */
  subjectEmails: string[];
  /** Critical extensions path validation does not process (RFC 5280 §6.1.4 (o): reject). */
  unhandledCritical: string[];
  /** Extensions that appear twice (RFC 5280 §4.2: MUST NOT). */
  duplicates: string[];
  /** Extensions whose value does not decode. */
  malformed: string[];
}

/** Extensions validate.ts processes, or whose absence of processing changes no result it reports. */
const HANDLED = new Set([
  id_ce_basicConstraints,
  id_ce_keyUsage,
  id_ce_extKeyUsage,
  id_ce_subjectAltName,
  id_ce_nameConstraints,
  '2.5.29.14', // subjectKeyIdentifier
  '2.5.29.35', // authorityKeyIdentifier
  '2.5.29.32', // certificatePolicies
  '2.5.29.33', // policyMappings
  '2.5.29.36', // policyConstraints
  '2.5.29.54', // inhibitAnyPolicy
  '2.5.29.18', // issuerAltName
  '2.5.29.31', // cRLDistributionPoints
  '2.5.29.46', // freshestCRL
  '1.3.6.1.5.5.7.1.1', // authorityInfoAccess
]);

const memo = new WeakMap<ParsedCertificate, CertificateExtensions>();

export function certificateExtensions(cert: ParsedCertificate): CertificateExtensions {
  let e = memo.get(cert);
  if (!e) memo.set(cert, (e = decode(cert)));
  return e;
}

function decode(cert: ParsedCertificate): CertificateExtensions {
  const out: CertificateExtensions = { subjectRdns: [], subjectEmails: [], unhandledCritical: [], duplicates: [], malformed: [] };
  let asn;
  try {
    asn = parseCertificateAsn(cert.der);
  } catch {
    out.malformed.push('certificate');
    return out;
  }
  const subject = asn.tbsCertificate.subject;
  for (const rdn of subject) {
    out.subjectRdns.push(rdnString(rdn));
    for (const ava of rdn) if (ava.type === '1.2.840.113549.1.9.1') out.subjectEmails.push(ava.value.toString());
  }
  const seen = new Set<string>();
  for (const ext of asn.tbsCertificate.extensions ?? []) {
    if (seen.has(ext.extnID)) out.duplicates.push(ext.extnID);
    seen.add(ext.extnID);
    const critical = ext.critical === true;
    if (critical && !HANDLED.has(ext.extnID)) out.unhandledCritical.push(ext.extnID);
    const v = octets(ext.extnValue);
    try {
      switch (ext.extnID) {
        case id_ce_basicConstraints: {
          const bc = parseDer(v, BasicConstraints);
          out.basicConstraints = { critical, cA: bc.cA, ...(bc.pathLenConstraint !== undefined ? { pathLen: bc.pathLenConstraint } : {}) };
          break;
        }
        case id_ce_keyUsage: {
          const flags = parseDer(v, KeyUsage).toNumber();
          out.keyUsage = { critical, usages: KEY_USAGE_BITS.filter((_, i) => flags & (1 << i)) };
          break;
        }
        case id_ce_extKeyUsage:
          out.extKeyUsage = { critical, oids: [...parseDer(v, ExtendedKeyUsage)] };
          break;
        case id_ce_subjectAltName:
          out.subjectAltName = { critical, names: [...parseDer(v, SubjectAlternativeName)].map(nameValue) };
          break;
        case id_ce_nameConstraints:
          out.nameConstraints = { critical, ...decodeNameConstraints(v) };
          break;
      }
    } catch {
      out.malformed.push(ext.extnID);
    }
  }
  return out;
}

/** A NameConstraints extension value as its subtrees' base names; throws when it does not decode. */
export function decodeNameConstraints(v: Uint8Array): { permitted: NameValue[]; excluded: NameValue[] } {
  const nc = parseDer(v, NameConstraints);
  return { permitted: (nc.permittedSubtrees ?? []).map((s) => nameValue(s.base)), excluded: (nc.excludedSubtrees ?? []).map((s) => nameValue(s.base)) };
}

type Rdn = Parameters<typeof nameToString>[0][number];

function rdnString(rdn: Rdn): string {
  return [...rdn]
    .map((a) => `${a.type}=${a.value.toString().toLowerCase().replace(/\s+/g, ' ').trim()}`)
    .sort()
    .join('+');
}

function nameValue(g: GeneralName): NameValue {
  if (g.dNSName !== undefined) return { type: 'dns', value: g.dNSName };
  if (g.iPAddress !== undefined) return { type: 'ip', value: g.iPAddress };
  if (g.rfc822Name !== undefined) return { type: 'email', value: g.rfc822Name };
  if (g.uniformResourceIdentifier !== undefined) return { type: 'uri', value: g.uniformResourceIdentifier };
  if (g.directoryName) return { type: 'dirname', value: nameToString(g.directoryName), rdns: [...g.directoryName].map(rdnString) };
  return { type: 'other', value: g.registeredID ?? g.otherName?.typeId ?? '' };
}
