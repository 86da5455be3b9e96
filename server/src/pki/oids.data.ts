/** OID names as OpenSSL prints them (crypto/objects/objects.txt), so descriptions read like `openssl x509 -text`. */

/** Distinguished-name attribute short names (`-nameopt RFC2253` uses these). */
export const DN_ATTRIBUTES: Record<string, string> = {
  '2.5.4.3': 'CN',
  '2.5.4.4': 'SN',
  '2.5.4.5': 'serialNumber',
  '2.5.4.6': 'C',
  '2.5.4.7': 'L',
  '2.5.4.8': 'ST',
  '2.5.4.9': 'street',
  '2.5.4.10': 'O',
  '2.5.4.11': 'OU',
  '2.5.4.12': 'title',
  '2.5.4.13': 'description',
  '2.5.4.15': 'businessCategory',
  '2.5.4.16': 'postalAddress',
  '2.5.4.17': 'postalCode',
  '2.5.4.18': 'postOfficeBox',
  '2.5.4.20': 'telephoneNumber',
  '2.5.4.41': 'name',
  '2.5.4.42': 'GN',
  '2.5.4.43': 'initials',
  '2.5.4.44': 'generationQualifier',
  '2.5.4.45': 'x500UniqueIdentifier',
  '2.5.4.46': 'dnQualifier',
  '2.5.4.65': 'pseudonym',
  '2.5.4.72': 'role',
  '2.5.4.97': 'organizationIdentifier',
  '1.2.840.113549.1.9.1': 'emailAddress',
  '1.2.840.113549.1.9.2': 'unstructuredName',
  '1.2.840.113549.1.9.8': 'unstructuredAddress',
  '0.9.2342.19200300.100.1.1': 'UID',
  '0.9.2342.19200300.100.1.25': 'DC',
  '1.3.6.1.4.1.311.60.2.1.1': 'jurisdictionL',
  '1.3.6.1.4.1.311.60.2.1.2': 'jurisdictionST',
  '1.3.6.1.4.1.311.60.2.1.3': 'jurisdictionC',
};

/**
 * Post-quantum signature parameter sets (FIPS 204 ML-DSA, FIPS 205 SLH-DSA; OIDs from NIST CSOR,
 * RFC 9881/9909), by OpenSSL 3.5's long name, with the public key size in bytes.
 */
export const PQ_PARAMETER_SETS: Record<string, { name: string; algorithm: 'ml-dsa' | 'slh-dsa'; publicKeyBytes: number }> = {
  '2.16.840.1.101.3.4.3.17': { name: 'ML-DSA-44', algorithm: 'ml-dsa', publicKeyBytes: 1312 },
  '2.16.840.1.101.3.4.3.18': { name: 'ML-DSA-65', algorithm: 'ml-dsa', publicKeyBytes: 1952 },
  '2.16.840.1.101.3.4.3.19': { name: 'ML-DSA-87', algorithm: 'ml-dsa', publicKeyBytes: 2592 },
  '2.16.840.1.101.3.4.3.20': { name: 'SLH-DSA-SHA2-128s', algorithm: 'slh-dsa', publicKeyBytes: 32 },
  '2.16.840.1.101.3.4.3.21': { name: 'SLH-DSA-SHA2-128f', algorithm: 'slh-dsa', publicKeyBytes: 32 },
  '2.16.840.1.101.3.4.3.22': { name: 'SLH-DSA-SHA2-192s', algorithm: 'slh-dsa', publicKeyBytes: 48 },
  '2.16.840.1.101.3.4.3.23': { name: 'SLH-DSA-SHA2-192f', algorithm: 'slh-dsa', publicKeyBytes: 48 },
  '2.16.840.1.101.3.4.3.24': { name: 'SLH-DSA-SHA2-256s', algorithm: 'slh-dsa', publicKeyBytes: 64 },
  '2.16.840.1.101.3.4.3.25': { name: 'SLH-DSA-SHA2-256f', algorithm: 'slh-dsa', publicKeyBytes: 64 },
  '2.16.840.1.101.3.4.3.26': { name: 'SLH-DSA-SHAKE-128s', algorithm: 'slh-dsa', publicKeyBytes: 32 },
  '2.16.840.1.101.3.4.3.27': { name: 'SLH-DSA-SHAKE-128f', algorithm: 'slh-dsa', publicKeyBytes: 32 },
  '2.16.840.1.101.3.4.3.28': { name: 'SLH-DSA-SHAKE-192s', algorithm: 'slh-dsa', publicKeyBytes: 48 },
  '2.16.840.1.101.3.4.3.29': { name: 'SLH-DSA-SHAKE-192f', algorithm: 'slh-dsa', publicKeyBytes: 48 },
  '2.16.840.1.101.3.4.3.30': { name: 'SLH-DSA-SHAKE-256s', algorithm: 'slh-dsa', publicKeyBytes: 64 },
  '2.16.840.1.101.3.4.3.31': { name: 'SLH-DSA-SHAKE-256f', algorithm: 'slh-dsa', publicKeyBytes: 64 },
};

/** Signature algorithms by OpenSSL long name. */
export const SIGNATURE_ALGORITHMS: Record<string, string> = {
  '1.2.840.113549.1.1.2': 'md2WithRSAEncryption',
  '1.2.840.113549.1.1.4': 'md5WithRSAEncryption',
  '1.2.840.113549.1.1.5': 'sha1WithRSAEncryption',
  '1.2.840.113549.1.1.10': 'rsassaPss',
  '1.2.840.113549.1.1.11': 'sha256WithRSAEncryption',
  '1.2.840.113549.1.1.12': 'sha384WithRSAEncryption',
  '1.2.840.113549.1.1.13': 'sha512WithRSAEncryption',
  '1.2.840.113549.1.1.14': 'sha224WithRSAEncryption',
  '1.2.840.10045.4.1': 'ecdsa-with-SHA1',
  '1.2.840.10045.4.3.1': 'ecdsa-with-SHA224',
  '1.2.840.10045.4.3.2': 'ecdsa-with-SHA256',
  '1.2.840.10045.4.3.3': 'ecdsa-with-SHA384',
  '1.2.840.10045.4.3.4': 'ecdsa-with-SHA512',
  '1.2.840.10040.4.3': 'dsaWithSHA1',
  '2.16.840.1.101.3.4.3.2': 'dsa_with_SHA256',
  '2.16.840.1.101.3.4.3.1': 'dsa_with_SHA224',
  '2.16.840.1.101.3.4.3.9': 'ecdsa_with_SHA3-224',
  '2.16.840.1.101.3.4.3.10': 'ecdsa_with_SHA3-256',
  '2.16.840.1.101.3.4.3.11': 'ecdsa_with_SHA3-384',
  '2.16.840.1.101.3.4.3.12': 'ecdsa_with_SHA3-512',
  '2.16.840.1.101.3.4.3.13': 'RSA-SHA3-224',
  '2.16.840.1.101.3.4.3.14': 'RSA-SHA3-256',
  '2.16.840.1.101.3.4.3.15': 'RSA-SHA3-384',
  '2.16.840.1.101.3.4.3.16': 'RSA-SHA3-512',
  '1.3.101.112': 'ED25519',
  '1.3.101.113': 'ED448',
  // OpenSSL 3.5 names the FIPS 204/205 algorithms by their parameter sets.
  ...Object.fromEntries(Object.entries(PQ_PARAMETER_SETS).map(([oid, p]) => [oid, p.name])),
};

/** Hash of each RSA PKCS#1 v1.5 signature algorithm: what a synchronous verify needs. */
export const RSA_SIGNATURE_HASHES: Record<string, 'md5' | 'sha1' | 'sha256' | 'sha384' | 'sha512'> = {
  '1.2.840.113549.1.1.4': 'md5',
  '1.2.840.113549.1.1.5': 'sha1',
  '1.2.840.113549.1.1.11': 'sha256',
  '1.2.840.113549.1.1.12': 'sha384',
  '1.2.840.113549.1.1.13': 'sha512',
};

/** Signatures whose hash is broken for certificates (collisions: MD5 2008, SHA-1 2017). */
export const WEAK_SIGNATURE_OIDS = new Set(['1.2.840.113549.1.1.2', '1.2.840.113549.1.1.4', '1.2.840.113549.1.1.5', '1.2.840.10045.4.1', '1.2.840.10040.4.3']);

export type KeyAlgorithm = 'rsa' | 'rsa-pss' | 'ec' | 'ed25519' | 'ed448' | 'x25519' | 'x448' | 'dsa' | 'dh' | 'ml-dsa' | 'slh-dsa' | 'unknown';

export const KEY_ALGORITHMS: Record<string, KeyAlgorithm> = {
  '1.2.840.113549.1.1.1': 'rsa',
  '1.2.840.113549.1.1.10': 'rsa-pss',
  '1.2.840.10045.2.1': 'ec',
  '1.3.101.112': 'ed25519',
  '1.3.101.113': 'ed448',
  '1.3.101.110': 'x25519',
  '1.3.101.111': 'x448',
  '1.2.840.10040.4.1': 'dsa',
  '1.2.840.113549.1.3.1': 'dh',
  '1.2.840.10046.2.1': 'dh',
  ...Object.fromEntries(Object.entries(PQ_PARAMETER_SETS).map(([oid, p]) => [oid, p.algorithm])),
};

/** The key algorithm each signature algorithm needs: OpenSSL calls a certificate self-signed only when they agree. */
export function signatureKeyAlgorithm(sigOid: string): KeyAlgorithm | undefined {
  if (PQ_PARAMETER_SETS[sigOid]) return PQ_PARAMETER_SETS[sigOid].algorithm;
  if (sigOid === '1.2.840.113549.1.1.10') return 'rsa-pss';
  if (sigOid.startsWith('1.2.840.113549.1.1.') || /^2\.16\.840\.1\.101\.3\.4\.3\.1[3-6]$/.test(sigOid)) return 'rsa';
  if (sigOid.startsWith('1.2.840.10045.4.') || /^2\.16\.840\.1\.101\.3\.4\.3\.(9|1[0-2])$/.test(sigOid)) return 'ec';
  if (sigOid.startsWith('1.2.840.10040.4.') || /^2\.16\.840\.1\.101\.3\.4\.3\.[1-8]$/.test(sigOid)) return 'dsa';
  return KEY_ALGORITHMS[sigOid];
}

/** Named curves: the NIST name where there is one, with the bits and OpenSSL's group names. */
export const CURVES: Record<string, { name: string; bits: number; groups: string[] }> = {
  '1.2.840.10045.3.1.1': { name: 'P-192', bits: 192, groups: ['prime192v1', 'secp192r1', 'P-192'] },
  '1.3.132.0.33': { name: 'P-224', bits: 224, groups: ['secp224r1', 'P-224'] },
  '1.2.840.10045.3.1.7': { name: 'P-256', bits: 256, groups: ['prime256v1', 'secp256r1', 'P-256'] },
  '1.3.132.0.34': { name: 'P-384', bits: 384, groups: ['secp384r1', 'P-384'] },
  '1.3.132.0.35': { name: 'P-521', bits: 521, groups: ['secp521r1', 'P-521'] },
  '1.3.132.0.10': { name: 'secp256k1', bits: 256, groups: ['secp256k1'] },
  '1.3.36.3.3.2.8.1.1.7': { name: 'brainpoolP256r1', bits: 256, groups: ['brainpoolP256r1'] },
  '1.3.36.3.3.2.8.1.1.11': { name: 'brainpoolP384r1', bits: 384, groups: ['brainpoolP384r1'] },
  '1.3.36.3.3.2.8.1.1.13': { name: 'brainpoolP512r1', bits: 512, groups: ['brainpoolP512r1'] },
};

/** Extended key usages by OpenSSL short name. */
export const EXTENDED_KEY_USAGES: Record<string, string> = {
  '1.3.6.1.5.5.7.3.1': 'serverAuth',
  '1.3.6.1.5.5.7.3.2': 'clientAuth',
  '1.3.6.1.5.5.7.3.3': 'codeSigning',
  '1.3.6.1.5.5.7.3.4': 'emailProtection',
  '1.3.6.1.5.5.7.3.8': 'timeStamping',
  '1.3.6.1.5.5.7.3.9': 'OCSPSigning',
  '1.3.6.1.5.5.7.3.10': 'dvcs',
  '1.3.6.1.5.5.7.3.5': 'ipsecEndSystem',
  '1.3.6.1.5.5.7.3.6': 'ipsecTunnel',
  '1.3.6.1.5.5.7.3.7': 'ipsecUser',
  '1.3.6.1.5.5.7.3.17': 'ipsecIKE',
  '1.3.6.1.4.1.311.2.1.21': 'msCodeInd',
  '1.3.6.1.4.1.311.2.1.22': 'msCodeCom',
  '1.3.6.1.4.1.311.10.3.1': 'msCTLSign',
  '1.3.6.1.4.1.311.10.3.3': 'msSGC',
  '1.3.6.1.4.1.311.10.3.4': 'msEFS',
  '1.3.6.1.4.1.311.20.2.2': 'msSmartcardLogin',
  '2.16.840.1.113730.4.1': 'nsSGC',
  '2.5.29.37.0': 'anyExtendedKeyUsage',
};

/** RFC 5280 §4.2.1.3 KeyUsage bits, bit 0 first. */
export const KEY_USAGE_BITS = ['digitalSignature', 'nonRepudiation', 'keyEncipherment', 'dataEncipherment', 'keyAgreement', 'keyCertSign', 'cRLSign', 'encipherOnly', 'decipherOnly'];
