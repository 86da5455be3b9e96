/**
 * Judgements on a decoded certificate that more than one rule family makes (nginx paths, PEM
 * files): what is expired or weak is decided here once, and each rule words its own message.
 */
import type { CertificateDescription, ParsedCertificate, PublicKeyDescription } from './describe';
import { WEAK_SIGNATURE_OIDS } from './oids.data';

const DAY = 86_400_000;

/** NIST SP 800-131A Rev. 2 §2; what OpenSSL 3 at security level 2 (distribution default) requires. */
export const MIN_RSA_BITS = 2048;

export type Expiry =
  | { state: 'expired'; /** At least 1. */ daysAgo: number }
  | { state: 'not-yet-valid' }
  | { state: 'expiring'; daysLeft: number };

/**
 * RFC 5280 §4.1.2.5: where `now` falls in the certificate's validity period; undefined while it is
 * valid for `warningDays` or more (or its dates cannot be read).
 */
export function expiryOf(d: Pick<CertificateDescription, 'notBefore' | 'notAfter'>, now: Date, warningDays: number): Expiry | undefined {
  const t = now.getTime();
  const notAfter = Date.parse(d.notAfter);
  const notBefore = Date.parse(d.notBefore);
  if (Number.isNaN(notAfter) || Number.isNaN(notBefore)) return undefined;
  const left = Math.floor((notAfter - t) / DAY);
  if (notAfter < t) return { state: 'expired', daysAgo: Math.max(1, -left) };
  if (notBefore > t) return { state: 'not-yet-valid' };
  return left < warningDays ? { state: 'expiring', daysLeft: left } : undefined;
}

/** An RSA (or RSA-PSS) key shorter than {@link MIN_RSA_BITS}. */
export const isWeakRsaKey = (k: PublicKeyDescription): boolean => (k.algorithm === 'rsa' || k.algorithm === 'rsa-pss') && k.bits !== undefined && k.bits < MIN_RSA_BITS;

/**
 * Signed with MD5 or SHA-1 (RFC 6151 §2, NIST SP 800-131A Rev. 2 §9). A self-signed root's own
 * signature is never checked by a verifier, so it does not count.
 */
export const hasWeakSignature = (cert: Pick<ParsedCertificate, 'signatureOid' | 'description'>): boolean => WEAK_SIGNATURE_OIDS.has(cert.signatureOid) && !cert.description.selfSigned;
