// The words OpenSSL's cipher-list format knows besides suite names (ssl/ssl_ciph.c cipher_aliases,
// OpenSSL 3.0; openssl-ciphers(1) "CIPHER STRINGS"). Each alias constrains some categories of a
// suite; `a+b` intersects the constraints category by category, as OpenSSL ANDs its masks.

/** Constraint categories: a suite matches when, for every category given, its value is listed. */
export interface AliasPattern {
  kx?: readonly string[];
  au?: readonly string[];
  enc?: readonly string[];
  mac?: readonly string[];
  minTls?: readonly string[];
  /** Strength tags: HIGH, MEDIUM, LOW, NONE, and FIPS (OpenSSL keeps FIPS in the same mask). */
  strength?: readonly string[];
  /** NOT_DEFAULT: COMPLEMENTOFDEFAULT. */
  dflt?: readonly string[];
}

const AES128 = ['AES128', 'AESGCM128', 'AESCCM128', 'AESCCM8128'];
const AES256 = ['AES256', 'AESGCM256', 'AESCCM256', 'AESCCM8256'];
const NOT_ENULL = ['AES128', 'AES256', 'AESGCM128', 'AESGCM256', 'AESCCM128', 'AESCCM256', 'AESCCM8128', 'AESCCM8256', 'CAMELLIA128', 'CAMELLIA256', 'CHACHA20POLY1305', 'ARIAGCM128', 'ARIAGCM256', '3DES', 'DES', 'RC4', 'RC2', 'IDEA', 'SEED', 'GOST'];
const ALL_AU_BUT_NULL = ['RSA', 'DSS', 'ECDSA', 'PSK', 'SRP', 'GOST'];

/** Aliases that select suites in OpenSSL 3.0 (some select none in a build without weak ciphers). */
export const CIPHER_ALIASES: Readonly<Record<string, AliasPattern>> = {
  ALL: { enc: NOT_ENULL },
  COMPLEMENTOFALL: { enc: ['eNULL'] },
  COMPLEMENTOFDEFAULT: { dflt: ['NOT_DEFAULT'] },
  kRSA: { kx: ['RSA'] },
  kEDH: { kx: ['DHE'] },
  kDHE: { kx: ['DHE'] },
  DH: { kx: ['DHE'] },
  kEECDH: { kx: ['ECDHE'] },
  kECDHE: { kx: ['ECDHE'] },
  ECDH: { kx: ['ECDHE'] },
  kPSK: { kx: ['PSK'] },
  kRSAPSK: { kx: ['RSAPSK'] },
  kECDHEPSK: { kx: ['ECDHEPSK'] },
  kDHEPSK: { kx: ['DHEPSK'] },
  kSRP: { kx: ['SRP'] },
  kGOST: { kx: ['GOST'] },
  kGOST18: { kx: ['GOST18'] },
  aRSA: { au: ['RSA'] },
  aDSS: { au: ['DSS'] },
  DSS: { au: ['DSS'] },
  aNULL: { au: ['NULL'] },
  aECDSA: { au: ['ECDSA'] },
  ECDSA: { au: ['ECDSA'] },
  aPSK: { au: ['PSK'] },
  aGOST01: { au: ['GOST'] },
  aGOST12: { au: ['GOST'] },
  aGOST: { au: ['GOST'] },
  aSRP: { au: ['SRP'] },
  EDH: { kx: ['DHE'], au: ALL_AU_BUT_NULL },
  DHE: { kx: ['DHE'], au: ALL_AU_BUT_NULL },
  EECDH: { kx: ['ECDHE'], au: ALL_AU_BUT_NULL },
  ECDHE: { kx: ['ECDHE'], au: ALL_AU_BUT_NULL },
  NULL: { enc: ['eNULL'] },
  RSA: { kx: ['RSA'], au: ['RSA'] },
  ADH: { kx: ['DHE'], au: ['NULL'] },
  AECDH: { kx: ['ECDHE'], au: ['NULL'] },
  PSK: { kx: ['PSK', 'RSAPSK', 'DHEPSK', 'ECDHEPSK'] },
  SRP: { kx: ['SRP'] },
  '3DES': { enc: ['3DES'] },
  RC4: { enc: ['RC4'] },
  RC2: { enc: ['RC2'] },
  IDEA: { enc: ['IDEA'] },
  SEED: { enc: ['SEED'] },
  eNULL: { enc: ['eNULL'] },
  GOST: { enc: ['GOST'] },
  GOST89: { enc: ['GOST'] },
  AES128: { enc: AES128 },
  AES256: { enc: AES256 },
  AES: { enc: [...AES128, ...AES256] },
  AESGCM: { enc: ['AESGCM128', 'AESGCM256'] },
  AESCCM: { enc: ['AESCCM128', 'AESCCM256', 'AESCCM8128', 'AESCCM8256'] },
  AESCCM8: { enc: ['AESCCM8128', 'AESCCM8256'] },
  CAMELLIA128: { enc: ['CAMELLIA128'] },
  CAMELLIA256: { enc: ['CAMELLIA256'] },
  CAMELLIA: { enc: ['CAMELLIA128', 'CAMELLIA256'] },
  CHACHA20: { enc: ['CHACHA20POLY1305'] },
  ARIA: { enc: ['ARIAGCM128', 'ARIAGCM256'] },
  ARIAGCM: { enc: ['ARIAGCM128', 'ARIAGCM256'] },
  ARIA128: { enc: ['ARIAGCM128'] },
  ARIA256: { enc: ['ARIAGCM256'] },
  CBC: { enc: ['AES128', 'AES256', 'CAMELLIA128', 'CAMELLIA256', '3DES', 'DES', 'RC2', 'IDEA', 'SEED', 'GOST'] },
  MD5: { mac: ['MD5'] },
  SHA1: { mac: ['SHA1'] },
  SHA: { mac: ['SHA1'] },
  GOST94: { mac: ['GOST94'] },
  GOST89MAC: { mac: ['GOST89MAC'] },
  SHA256: { mac: ['SHA256'] },
  SHA384: { mac: ['SHA384'] },
  GOST12: { mac: ['GOST12'] },
  SSLv3: { minTls: ['SSLv3'] },
  TLSv1: { minTls: ['TLSv1'] },
  'TLSv1.0': { minTls: ['TLSv1'] },
  'TLSv1.2': { minTls: ['TLSv1.2'] },
  LOW: { strength: ['LOW'] },
  MEDIUM: { strength: ['MEDIUM'] },
  HIGH: { strength: ['HIGH'] },
  FIPS: { enc: NOT_ENULL, strength: ['FIPS'] },
};

/**
 * Words older OpenSSL releases knew that select nothing in 3.x (EXPORT and fixed-DH went in 1.1.0,
 * SSLv2 in 1.1.0, Kerberos in 1.1.0, FORTEZZA in 0.9.8). Recognised so they are not called typos.
 */
export const RETIRED_ALIASES: ReadonlySet<string> = new Set([
  'EXP', 'EXPORT', 'EXPORT40', 'EXPORT56', 'DES', 'SSLv2', 'kDHr', 'kDHd', 'kDH', 'kECDHr', 'kECDHe', 'kECDH', 'aDH', 'aECDH',
  'kFZA', 'aFZA', 'eFZA', 'FZA', 'kKRB5', 'aKRB5', 'KRB5', 'DEFAULT',
  'SUITEB128', 'SUITEB128ONLY', 'SUITEB128C2', 'SUITEB192', 'GOST2012-GOST8912-GOST8912',
]);

/** Suite names of suites OpenSSL 1.0.x/1.1.x builds had and 3.x default builds lack (RC4, DES, EXPORT, fixed DH/ECDH, Kerberos, IDEA, SEED). */
export const LEGACY_SUITE_NAME = /^(EXP1024-|EXP-|KRB5-|(ECDH|DH)-(RSA|DSS|ECDSA)-)|(^|-)(RC4|RC2|DES|IDEA|SEED)(-|$)|DES-CBC3|3DES/;

/** OpenSSL's "DEFAULT" (3.0: only recognised at the very start of a cipher string). */
export const OPENSSL_DEFAULT_CIPHERS = 'ALL:!COMPLEMENTOFDEFAULT:!eNULL';
