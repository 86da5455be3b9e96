/**
 * Chain checks over certificates already decoded, synchronously so rules can use them.
 *
 * Who issued whom is decided as OpenSSL picks issuer candidates (X509_check_issued): the child's
 * issuer name equals the parent's subject and, when both are present, the child's AKI equals the
 * parent's SKI. Signatures are verified synchronously by verify.ts (RSA, RSA-PSS, ECDSA
 * P-256/384/521, Ed25519); the rest are `unchecked` — names and key identifiers already decide
 * order and completeness.
 */
import { nameKey } from './asn1';
import type { ParsedCertificate } from './describe';
import { type SignatureResult, verifyCertificateSignature } from './verify';

export function issuedBy(child: ParsedCertificate, parent: ParsedCertificate): boolean {
  const c = child.description;
  const p = parent.description;
  if (nameKey(c.issuer) !== nameKey(p.subject)) return false;
  return !c.aki || !p.ski || c.aki === p.ski;
}

export type SignatureCheck = SignatureResult;

export function verifySignature(child: ParsedCertificate, parent: ParsedCertificate): SignatureCheck {
  return verifyCertificateSignature(child, parent);
}

export interface BundleProblem {
  kind: 'leaf-not-first' | 'out-of-order' | 'unrelated' | 'bad-signature' | 'missing-intermediate';
  /** Index in the bundle of the certificate the problem is about. */
  index: number;
  message: string;
}

/**
 * A server bundle (nginx `ssl_certificate`): the leaf first, then each certificate's issuer.
 * `known` are certificates from elsewhere (CA lists, other bundles) that tell an intermediate
 * from a root when the bundle stops early.
 */
export function checkBundle(certs: ParsedCertificate[], known: ParsedCertificate[] = []): BundleProblem[] {
  const out: BundleProblem[] = [];
  if (!certs.length) return out;
  const cn = (i: number): string => `#${i + 1} "${certs[i].description.subject}"`;
  if (certs[0].description.isCA && certs.some((c) => !c.description.isCA)) {
    out.push({ kind: 'leaf-not-first', index: 0, message: `the first certificate, ${cn(0)}, is a CA certificate but the bundle also holds a leaf: the leaf must come first` });
  }
  for (let i = 0; i + 1 < certs.length; i++) {
    if (certs[i].description.selfSigned) break; // a root ends the chain; anything after it is extra
    if (issuedBy(certs[i], certs[i + 1])) {
      if (verifySignature(certs[i], certs[i + 1]) === 'invalid') out.push({ kind: 'bad-signature', index: i, message: `${cn(i)} names ${cn(i + 1)} as its issuer, but its signature does not verify with that certificate's key` });
      continue;
    }
    const j = certs.findIndex((c, k) => k !== i && issuedBy(certs[i], c));
    if (j >= 0) out.push({ kind: 'out-of-order', index: i, message: `${cn(i)} is issued by ${cn(j)}, which should come right after it` });
    else out.push({ kind: 'unrelated', index: i + 1, message: `${cn(i + 1)} did not issue ${cn(i)} (issuer "${certs[i].description.issuer}")` });
  }
  if (out.length) return out;
  const last = certs[certs.length - 1];
  const d = last.description;
  if (d.selfSigned) return out;
  const issuer = known.find((k) => issuedBy(last, k));
  // CA/Browser Forum BR §6.1.7: a publicly trusted root never signs a subscriber certificate, so
  // a lone publicly issued leaf (it carries AIA caIssuers) lacks its intermediate.
  const publicLeaf = !d.isCA && d.caIssuers.length > 0;
  if ((issuer && !issuer.description.selfSigned) || (!issuer && publicLeaf)) {
    out.push({ kind: 'missing-intermediate', index: certs.length - 1, message: `the bundle ends with ${cn(certs.length - 1)}, whose issuer "${d.issuer}" is an intermediate CA that is not in the bundle` });
  }
  return out;
}

export interface CaListSummary {
  cas: ParsedCertificate[];
  nonCa: ParsedCertificate[];
  roots: ParsedCertificate[];
  intermediates: ParsedCertificate[];
  /** Certificates in the longest path from a CA in the list to a self-signed root in the list, both counted. */
  longestChain: number;
}

/** A CA list (`ssl_client_certificate`, `ssl_trusted_certificate`): which are roots, which intermediates. */
export function summarizeCaList(certs: ParsedCertificate[]): CaListSummary {
  const cas = certs.filter((c) => c.description.isCA);
  const nonCa = certs.filter((c) => !c.description.isCA);
  const roots = certs.filter((c) => c.description.selfSigned);
  const intermediates = cas.filter((c) => !c.description.selfSigned);
  const depth = new Map<ParsedCertificate, number>();
  const chainLength = (c: ParsedCertificate, seen: Set<ParsedCertificate>): number => {
    const memo = depth.get(c);
    if (memo !== undefined) return memo;
    if (c.description.selfSigned || seen.has(c)) return 1;
    seen.add(c);
    const parent = certs.find((p) => p !== c && issuedBy(c, p));
    const n = parent ? 1 + chainLength(parent, seen) : 1;
    depth.set(c, n);
    return n;
  };
  const longestChain = certs.reduce((m, c) => Math.max(m, chainLength(c, new Set())), 0);
  return { cas, nonCa, roots, intermediates, longestChain };
}
