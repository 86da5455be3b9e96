/**
 * CRLs, public-key files and DH parameters decoded into plain descriptions, as
 * `openssl crl|pkey|dhparam -noout -text` would summarise them.
 */
import { AlgorithmIdentifier, AuthorityKeyIdentifier, Name, id_ce_authorityKeyIdentifier } from '@peculiar/asn1-x509';
import { type Result, attempt, bitLength, elementContent, isoSeconds, nameToString, octets, parseCrlAsn, parseDer, parseSpki, sequenceElements } from './asn1';
import { describePublicKey } from './describe';
import type { CrlDescription, DhParamsDescription, PublicKeyFileDescription } from './descriptions';
import { SIGNATURE_ALGORITHMS } from './oids.data';
import { toHex } from './pem';

export function describeCrl(der: Uint8Array): Result<CrlDescription> {
  const r = attempt('not a valid X.509 CRL', () => describeCrlAsn(der));
  // The ASN.1 decoder stops at 10,000 nodes (a guard against hostile input); a CRL with a few
  // thousand entries is ordinary, so it is read field by field instead.
  return r.ok || !/node count/i.test(r.error) ? r : attempt('not a valid X.509 CRL', () => describeLargeCrl(der));
}

function describeLargeCrl(der: Uint8Array): CrlDescription {
  const [tbs, alg] = sequenceElements(der);
  const fields = sequenceElements(tbs);
  let i = fields[0]?.[0] === 0x02 ? 1 : 0;
  i++; // the signature AlgorithmIdentifier
  const issuer = nameToString(parseDer(fields[i++].slice(), Name));
  const thisUpdate = derTime(fields[i++]);
  const next = fields[i] && (fields[i][0] === 0x17 || fields[i][0] === 0x18) ? derTime(fields[i++]) : undefined;
  const revoked = fields[i]?.[0] === 0x30 ? sequenceElements(fields[i]).length : 0;
  const sigOid = parseDer(alg.slice(), AlgorithmIdentifier).algorithm;
  return { kind: 'crl', issuer, thisUpdate, ...(next ? { nextUpdate: next } : {}), revoked, signatureAlgorithm: SIGNATURE_ALGORITHMS[sigOid] ?? sigOid };
}

/** UTCTime (YYMMDDHHMMSSZ, RFC 5280: 50-99 are 19xx) or GeneralizedTime (YYYYMMDDHHMMSSZ) to ISO 8601. */
function derTime(el: Uint8Array): string {
  const t = String.fromCharCode(...elementContent(el));
  const full = el[0] === 0x17 ? `${Number(t.slice(0, 2)) >= 50 ? '19' : '20'}${t}` : t;
  const m = /^(\d{4})(\d\d)(\d\d)(\d\d)(\d\d)(\d\d)Z$/.exec(full);
  if (!m) throw new Error(`unsupported time "${t}"`);
  return `${m[1]}-${m[2]}-${m[3]}T${m[4]}:${m[5]}:${m[6]}Z`;
}

function describeCrlAsn(der: Uint8Array): CrlDescription {
  const crl = parseCrlAsn(der);
  const t = crl.tbsCertList;
  const akiExt = t.crlExtensions?.find((e) => e.extnID === id_ce_authorityKeyIdentifier);
  const akiId = akiExt ? parseDer(octets(akiExt.extnValue), AuthorityKeyIdentifier).keyIdentifier : undefined;
  const next = t.nextUpdate?.getTime();
  return {
    kind: 'crl',
    issuer: nameToString(t.issuer),
    thisUpdate: isoSeconds(t.thisUpdate.getTime()),
    ...(next ? { nextUpdate: isoSeconds(next) } : {}),
    revoked: t.revokedCertificates?.length ?? 0,
    ...(akiId ? { aki: toHex(octets(akiId)) } : {}),
    signatureAlgorithm: SIGNATURE_ALGORITHMS[crl.signatureAlgorithm.algorithm] ?? crl.signatureAlgorithm.algorithm,
  };
}

export function describePublicKeyDer(der: Uint8Array): Result<PublicKeyFileDescription> {
  return attempt('not a valid public key', () => ({ kind: 'public-key', ...describePublicKey(parseSpki(der)) }));
}

/** `DH PARAMETERS` (PKCS#3) and `X9.42 DH PARAMETERS`: both start with the prime p. */
export function describeDhParams(der: Uint8Array): Result<DhParamsDescription> {
  return attempt('not valid DH parameters', () => {
    const [p] = sequenceElements(der);
    if (!p || p[0] !== 0x02) throw new Error('the prime is missing');
    const bits = bitLength(elementContent(p));
    if (!bits) throw new Error('the prime is zero');
    return { kind: 'dh-params', bits };
  });
}
