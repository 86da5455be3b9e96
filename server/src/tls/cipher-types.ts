/** Key exchange as OpenSSL groups it (`Kx=` in `openssl ciphers -v`; DH is kDHE, ECDH is kECDHE). */
export type Kx = 'RSA' | 'DHE' | 'ECDHE' | 'PSK' | 'RSAPSK' | 'DHEPSK' | 'ECDHEPSK' | 'SRP';
/** Server authentication (`Au=`; None is aNULL). */
export type Au = 'RSA' | 'DSS' | 'ECDSA' | 'NULL' | 'PSK' | 'SRP';
/** OpenSSL's strength classes; NONE is what eNULL suites carry. */
export type Strength = 'HIGH' | 'MEDIUM' | 'LOW' | 'NONE';

/** One TLS 1.2-and-below suite OpenSSL compiles in. */
export interface CipherSuite {
  /** IANA code point. */
  id: number;
  /** OpenSSL's name, the one `ssl_ciphers` takes. */
  name: string;
  /** RFC/IANA name. */
  stdname: string;
  /** The oldest protocol the suite works with (OpenSSL's min_tls). */
  minTls: 'SSLv3' | 'TLSv1' | 'TLSv1.2';
  kx: Kx;
  au: Au;
  /** Cipher with key size, as OpenSSL's encryption mask bits: AES128, AESGCM256, CHACHA20POLY1305, eNULL… */
  enc: string;
  /** MAC: AEAD, SHA1, SHA256, SHA384, MD5. */
  mac: string;
  /** Strength bits (`@STRENGTH` sorts by them). */
  bits: number;
  strength: Strength;
  /** In COMPLEMENTOFDEFAULT: not part of OpenSSL's DEFAULT list. */
  notDefault?: boolean;
  /** Carries OpenSSL's FIPS flag. */
  fips?: boolean;
}

export interface Tls13Suite {
  id: number;
  name: string;
  bits: number;
}
