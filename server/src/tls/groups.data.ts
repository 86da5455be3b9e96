// Key-exchange groups `ssl_ecdh_curve` hands to SSL_CTX_set1_curves_list() (OpenSSL's "Groups"),
// with the OpenSSL release that first accepts each name. Names are case-sensitive except where an
// alias is listed. Checked on OpenSSL 3.0.22 through `nginx -t` (Debian 12): every name marked
// '1.0.2'/'1.1.0'/'1.1.1'/'3.0' below is accepted; brainpool*tls13, MLKEM*, *MLKEM* refused.
// Builds configured with no-ec2m (the sect* curves) or distro crypto policies can refuse more.

export interface Group {
  /** Canonical TLS name (IANA "TLS Supported Groups"). */
  name: string;
  /** Other spellings OpenSSL accepts for the same group (NIST names, curve OIDs' short names). */
  aliases: readonly string[];
  /** IANA code point. */
  id: number;
  /** Oldest OpenSSL release that accepts the name. */
  since: string;
  kind: 'ec' | 'ecx' | 'ffdhe' | 'mlkem' | 'hybrid';
  /** Deprecated by RFC 8422/8446 or too weak (binary, < 224-bit curves). */
  legacy?: boolean;
}

const sect = (name: string, id: number): Group => ({ name, aliases: [], id, since: '1.0.2', kind: 'ec', legacy: true });

export const GROUPS: readonly Group[] = [
  sect('sect163k1', 1), sect('sect163r1', 2), sect('sect163r2', 3), sect('sect193r1', 4), sect('sect193r2', 5), sect('sect233k1', 6), sect('sect233r1', 7),
  sect('sect239k1', 8), sect('sect283k1', 9), sect('sect283r1', 10), sect('sect409k1', 11), sect('sect409r1', 12), sect('sect571k1', 13), sect('sect571r1', 14),
  sect('secp160k1', 15), sect('secp160r1', 16), sect('secp160r2', 17), sect('secp192k1', 18),
  { name: 'secp192r1', aliases: ['prime192v1', 'P-192'], id: 19, since: '1.0.2', kind: 'ec', legacy: true },
  sect('secp224k1', 20),
  { name: 'secp224r1', aliases: ['P-224'], id: 21, since: '1.0.2', kind: 'ec', legacy: true },
  { name: 'secp256k1', aliases: [], id: 22, since: '1.0.2', kind: 'ec', legacy: true },
  { name: 'secp256r1', aliases: ['prime256v1', 'P-256'], id: 23, since: '1.0.2', kind: 'ec' },
  { name: 'secp384r1', aliases: ['P-384'], id: 24, since: '1.0.2', kind: 'ec' },
  { name: 'secp521r1', aliases: ['P-521'], id: 25, since: '1.0.2', kind: 'ec' },
  { name: 'brainpoolP256r1', aliases: [], id: 26, since: '1.0.2', kind: 'ec' },
  { name: 'brainpoolP384r1', aliases: [], id: 27, since: '1.0.2', kind: 'ec' },
  { name: 'brainpoolP512r1', aliases: [], id: 28, since: '1.0.2', kind: 'ec' },
  { name: 'x25519', aliases: ['X25519'], id: 29, since: '1.1.0', kind: 'ecx' },
  { name: 'x448', aliases: ['X448'], id: 30, since: '1.1.1', kind: 'ecx' },
  { name: 'brainpoolP256r1tls13', aliases: [], id: 31, since: '3.2', kind: 'ec' },
  { name: 'brainpoolP384r1tls13', aliases: [], id: 32, since: '3.2', kind: 'ec' },
  { name: 'brainpoolP512r1tls13', aliases: [], id: 33, since: '3.2', kind: 'ec' },
  { name: 'ffdhe2048', aliases: [], id: 256, since: '3.0', kind: 'ffdhe' },
  { name: 'ffdhe3072', aliases: [], id: 257, since: '3.0', kind: 'ffdhe' },
  { name: 'ffdhe4096', aliases: [], id: 258, since: '3.0', kind: 'ffdhe' },
  { name: 'ffdhe6144', aliases: [], id: 259, since: '3.0', kind: 'ffdhe' },
  { name: 'ffdhe8192', aliases: [], id: 260, since: '3.0', kind: 'ffdhe' },
  { name: 'MLKEM512', aliases: [], id: 0x0200, since: '3.5', kind: 'mlkem' },
  { name: 'MLKEM768', aliases: [], id: 0x0201, since: '3.5', kind: 'mlkem' },
  { name: 'MLKEM1024', aliases: [], id: 0x0202, since: '3.5', kind: 'mlkem' },
  { name: 'SecP256r1MLKEM768', aliases: [], id: 0x11eb, since: '3.5', kind: 'hybrid' },
  { name: 'X25519MLKEM768', aliases: [], id: 0x11ec, since: '3.5', kind: 'hybrid' },
  { name: 'SecP384r1MLKEM1024', aliases: [], id: 0x11ed, since: '3.5', kind: 'hybrid' },
];

/**
 * Names some guides use that no OpenSSL release accepts: draft Kyber hybrids (BoringSSL,
 * oqs-provider), or misspellings. Mapped to what to write instead.
 */
export const NOT_OPENSSL_GROUPS: Readonly<Record<string, string>> = {
  X25519Kyber768Draft00: 'X25519MLKEM768 (OpenSSL 3.5+)',
  X25519Kyber768: 'X25519MLKEM768 (OpenSSL 3.5+)',
  P256Kyber768Draft00: 'SecP256r1MLKEM768 (OpenSSL 3.5+)',
  curve25519: 'X25519',
  Curve25519: 'X25519',
  curve448: 'X448',
  secp256v1: 'prime256v1',
  prime384v1: 'secp384r1',
  'P-256r1': 'prime256v1',
};

/** Group-list syntax by OpenSSL release: `?name` ignores unknown names (3.3); DEFAULT, `*`, `-` and `/` tuples (3.5). */
export const GROUP_SYNTAX_SINCE = { ignoreUnknown: '3.3', defaultKeyword: '3.5', keyShare: '3.5', remove: '3.5', tuples: '3.5' } as const;

const byName = new Map<string, Group>();
for (const g of GROUPS) for (const n of [g.name, ...g.aliases]) byName.set(n, g);

export function findGroup(name: string): Group | undefined {
  return byName.get(name);
}
