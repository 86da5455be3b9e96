// Mozilla server-side TLS profiles (https://wiki.mozilla.org/Security/Server_Side_TLS,
// https://ssl-config.mozilla.org). modern and intermediate follow guideline 5.8/6.0 (intermediate
// drops the DHE suites and adds the X25519MLKEM768 hybrid group); old follows guideline 5.7, the
// last revision with an "old" profile — 6.0 keeps only modern and intermediate.
import type { TlsProfile } from '../core/settings';
import { atLeast } from '../core/version';

export interface MozillaProfile {
  guideline: string;
  /** `ssl_protocols` value, in nginx spelling. */
  protocols: readonly string[];
  /** `ssl_ciphers` value (TLS ≤ 1.2 suites); empty for modern, which has no TLS 1.2. */
  ciphers: string;
  /** `ssl_ecdh_curve` value; the first group needs OpenSSL 3.5 (see `curvesBefore35`). */
  curves: string;
  /** The same list for OpenSSL older than 3.5, which lacks the ML-KEM hybrids. */
  curvesBefore35: string;
  preferServerCiphers: boolean;
  /** `ssl_dhparam` is needed: the profile enables DHE suites. */
  dhparam: boolean;
  /** Strict-Transport-Security max-age, seconds. */
  hstsMaxAge: number;
  /** Smallest RSA key / DH group, bits. */
  minRsaBits: number;
}

export const MOZILLA_PROFILES: Readonly<Record<TlsProfile, MozillaProfile>> = {
  modern: {
    guideline: '5.8',
    protocols: ['TLSv1.3'],
    ciphers: '',
    curves: 'X25519MLKEM768:X25519:prime256v1:secp384r1',
    curvesBefore35: 'X25519:prime256v1:secp384r1',
    preferServerCiphers: false,
    dhparam: false,
    hstsMaxAge: 63072000,
    minRsaBits: 2048,
  },
  intermediate: {
    guideline: '5.8',
    protocols: ['TLSv1.2', 'TLSv1.3'],
    ciphers:
      'ECDHE-ECDSA-AES128-GCM-SHA256:ECDHE-RSA-AES128-GCM-SHA256:ECDHE-ECDSA-AES256-GCM-SHA384:ECDHE-RSA-AES256-GCM-SHA384:ECDHE-ECDSA-CHACHA20-POLY1305:ECDHE-RSA-CHACHA20-POLY1305',
    curves: 'X25519MLKEM768:X25519:prime256v1:secp384r1',
    curvesBefore35: 'X25519:prime256v1:secp384r1',
    preferServerCiphers: false,
    dhparam: false,
    hstsMaxAge: 63072000,
    minRsaBits: 2048,
  },
  old: {
    guideline: '5.7',
    protocols: ['TLSv1', 'TLSv1.1', 'TLSv1.2', 'TLSv1.3'],
    ciphers:
      'ECDHE-ECDSA-AES128-GCM-SHA256:ECDHE-RSA-AES128-GCM-SHA256:ECDHE-ECDSA-AES256-GCM-SHA384:ECDHE-RSA-AES256-GCM-SHA384:ECDHE-ECDSA-CHACHA20-POLY1305:ECDHE-RSA-CHACHA20-POLY1305:DHE-RSA-AES128-GCM-SHA256:DHE-RSA-AES256-GCM-SHA384:DHE-RSA-CHACHA20-POLY1305:ECDHE-ECDSA-AES128-SHA256:ECDHE-RSA-AES128-SHA256:ECDHE-ECDSA-AES128-SHA:ECDHE-RSA-AES128-SHA:ECDHE-ECDSA-AES256-SHA384:ECDHE-RSA-AES256-SHA384:ECDHE-ECDSA-AES256-SHA:ECDHE-RSA-AES256-SHA:DHE-RSA-AES128-SHA256:DHE-RSA-AES256-SHA256:AES128-GCM-SHA256:AES256-GCM-SHA384:AES128-SHA256:AES256-SHA256:AES128-SHA:AES256-SHA:DES-CBC3-SHA',
    curves: 'X25519:prime256v1:secp384r1',
    curvesBefore35: 'X25519:prime256v1:secp384r1',
    preferServerCiphers: true,
    dhparam: true,
    hstsMaxAge: 63072000,
    minRsaBits: 2048,
  },
};

/** The `ssl_ciphers` list to offer under `profile`: its own, or intermediate's under modern, which sets none. */
export function mozillaCipherList(profile: TlsProfile): { profile: TlsProfile; ciphers: string } {
  const own = MOZILLA_PROFILES[profile].ciphers;
  return own ? { profile, ciphers: own } : { profile: 'intermediate', ciphers: MOZILLA_PROFILES.intermediate.ciphers };
}

/** nginx's own `ssl_ciphers` default (all versions since 1.0.5). */
export const NGINX_DEFAULT_CIPHERS = 'HIGH:!aNULL:!MD5';

/**
 * nginx's default `ssl_protocols` for a version (nginx docs, ssl_protocols; CHANGES 1.23.4):
 * TLSv1 TLSv1.1 TLSv1.2 before 1.23.4, TLSv1.2 TLSv1.3 from 1.23.4 on.
 */
export function nginxDefaultProtocols(nginxVersion: string): string[] {
  return atLeast(nginxVersion, '1.23.4') ? ['TLSv1.2', 'TLSv1.3'] : ['TLSv1', 'TLSv1.1', 'TLSv1.2'];
}
