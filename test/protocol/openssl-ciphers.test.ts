import assert from 'node:assert/strict';
import { spawnSync } from 'node:child_process';
import { test } from 'node:test';
import { cipherStringFails, evaluateCipherString } from '../../server/src/tls/cipher-string';
import { CIPHER_SUITES, OPENSSL_TABLE_VERSION } from '../../server/src/tls/openssl-ciphers.data';
import { MOZILLA_PROFILES } from '../../server/src/tls/profiles.data';

// Differential test of the cipher-string evaluator against the real `openssl ciphers` (OpenSSL
// 3.0 here): for every string, both must agree on whether OpenSSL refuses it and, if not, on the
// exact ordered list of TLS <= 1.2 suites (TLS 1.3 suites, which `ssl_ciphers` does not set, are
// left out). `openssl ciphers` does not filter by security level, and nor does nginx's
// SSL_CTX_set_cipher_list: the level only matters at handshake time.

function real(str: string): string[] | 'refused' {
  const r = spawnSync('openssl', ['ciphers', '--', str], { encoding: 'utf8' });
  assert.notEqual(r.error?.message.includes('ENOENT'), true, 'openssl must be installed (see scripts/ensure-oracles.sh)');
  if (r.status !== 0) return 'refused';
  return r.stdout.trim().split(':').filter((n) => n && !n.startsWith('TLS_'));
}

function model(str: string): string[] | 'refused' {
  const e = evaluateCipherString(str);
  return cipherStringFails(e) ? 'refused' : e.suites.map((s) => s.name);
}

/** ssl_ciphers values from the nginx configs in ../shared/corpus/nginx. */
const CORPUS = [
  '!aNULL:!LOW:!MD5:!EXP:RC4:AES256:3DES:AES128:SEED:CAMELLIA',
  'ALL:!ADH:!EXP:!LOW:!RC2:!3DES:!SEED:!RC4:+HIGH:+MEDIUM',
  'ALL:!ADH:!EXPORT56:RC4+RSA:+HIGH:+MEDIUM:+LOW:+SSLv2:+EXP',
  'ALL:!ADH:!EXPORT56:RC4+RSA:+HIGH:+MEDIUM:+LOW:+SSLv3:+EXP',
  'DEFAULT',
  'ECDHE-ECDSA-AES128-GCM-SHA256:ECDHE-RSA-AES128-GCM-SHA256:ECDHE-ECDSA-AES256-GCM-SHA384:ECDHE-RSA-AES256-GCM-SHA384:ECDHE-ECDSA-CHACHA20-POLY1305:ECDHE-RSA-CHACHA20-POLY1305:DHE-RSA-AES128-GCM-SHA256:DHE-RSA-AES256-GCM-SHA384',
  'ECDHE-ECDSA-AES128-GCM-SHA256:ECDHE-RSA-AES128-GCM-SHA256:ECDHE-ECDSA-AES256-GCM-SHA384:ECDHE-RSA-AES256-GCM-SHA384:ECDHE-ECDSA-CHACHA20-POLY1305:ECDHE-RSA-CHACHA20-POLY1305:DHE-RSA-AES128-GCM-SHA256:DHE-RSA-AES256-GCM-SHA384:DHE-RSA-CHACHA20-POLY1305',
  'ECDHE-ECDSA-AES256-GCM-SHA384:ECDHE-RSA-AES256-GCM-SHA384:ECDHE-ECDSA-AES256-SHA384:ECDHE-RSA-AES256-SHA384:ECDHE-ECDSA-AES128-GCM-SHA256:ECDHE-RSA-AES128-GCM-SHA256:ECDHE-ECDSA-AES128-SHA256:ECDHE-RSA-AES128-SHA256:ECDHE-ECDSA-RC4-SHA:ECDHE-RSA-RC4-SHA:ECDH-ECDSA-RC4-SHA:ECDH-RSA-RC4-SHA:ECDHE-RSA-AES256-SHA:DHE-RSA-AES256-SHA:RC4-SHA',
  'ECDHE-ECDSA-AES256-GCM-SHA384:ECDHE-RSA-AES256-GCM-SHA384:ECDHE-ECDSA-AES256-SHA384:ECDHE-RSA-AES256-SHA384:ECDHE-ECDSA-AES128-GCM-SHA256:ECDHE-RSA-AES128-GCM-SHA256:ECDHE-ECDSA-AES128-SHA256:ECDHE-RSA-AES128-SHA256:ECDHE-ECDSA-RC4-SHA:ECDHE-RSA-RC4-SHA:ECDH-ECDSA-RC4-SHA:ECDH-RSA-RC4-SHA:ECDHE-RSA-AES256-SHA:RC4-SHA:HIGH:!aNULL:!eNULL:!LOW:!3DES:!MD5:!EXP:!CBC:!EDH:!kEDH:!PSK:!SRP:!kECDH',
  'ECDHE-RSA-AES128-GCM-SHA256:ECDHE-ECDSA-AES128-GCM-SHA256:ECDHE-RSA-AES256-GCM-SHA384:ECDHE-ECDSA-AES256-GCM-SHA384:DHE-RSA-AES128-GCM-SHA256:DHE-DSS-AES128-GCM-SHA256:kEDH+AESGCM:ECDHE-RSA-AES128-SHA256:ECDHE-ECDSA-AES128-SHA256:ECDHE-RSA-AES128-SHA:ECDHE-ECDSA-AES128-SHA:ECDHE-RSA-AES256-SHA384:ECDHE-ECDSA-AES256-SHA384:ECDHE-RSA-AES256-SHA:ECDHE-ECDSA-AES256-SHA:DHE-RSA-AES128-SHA256:DHE-RSA-AES128-SHA:DHE-DSS-AES128-SHA256:DHE-RSA-AES256-SHA256:DHE-DSS-AES256-SHA:DHE-RSA-AES256-SHA:!aNULL:!eNULL:!EXPORT:!DES:!RC4:!3DES:!MD5:!PSK',
  'ECDHE-RSA-AES128-GCM-SHA256:ECDHE-ECDSA-AES128-GCM-SHA256:ECDHE-RSA-AES256-GCM-SHA384:ECDHE-ECDSA-AES256-GCM-SHA384:DHE-RSA-AES128-GCM-SHA256:DHE-DSS-AES128-GCM-SHA256:kEDH+AESGCM:ECDHE-RSA-AES128-SHA256:ECDHE-ECDSA-AES128-SHA256:ECDHE-RSA-AES128-SHA:ECDHE-ECDSA-AES128-SHA:ECDHE-RSA-AES256-SHA384:ECDHE-ECDSA-AES256-SHA384:ECDHE-RSA-AES256-SHA:ECDHE-ECDSA-AES256-SHA:DHE-RSA-AES128-SHA256:DHE-RSA-AES128-SHA:DHE-DSS-AES128-SHA256:DHE-RSA-AES256-SHA256:DHE-DSS-AES256-SHA:DHE-RSA-AES256-SHA:AES128-GCM-SHA256:AES256-GCM-SHA384:AES128-SHA256:AES256-SHA256:AES128-SHA:AES256-SHA:AES:CAMELLIA:DES-CBC3-SHA:!aNULL:!eNULL:!EXPORT:!DES:!RC4:!MD5:!PSK:!aECDH:!EDH-DSS-DES-CBC3-SHA:!EDH-RSA-DES-CBC3-SHA:!KRB5-DES-CBC3-SHA',
  'ECDHE-RSA-AES128-GCM-SHA256:ECDHE-ECDSA-AES128-GCM-SHA256:ECDHE-RSA-AES256-GCM-SHA384:ECDHE-ECDSA-AES256-GCM-SHA384:DHE-RSA-AES128-GCM-SHA256:DHE-DSS-AES128-GCM-SHA256:kEDH+AESGCM:ECDHE-RSA-AES128-SHA256:ECDHE-ECDSA-AES128-SHA256:ECDHE-RSA-AES128-SHA:ECDHE-ECDSA-AES128-SHA:ECDHE-RSA-AES256-SHA384:ECDHE-ECDSA-AES256-SHA384:ECDHE-RSA-AES256-SHA:ECDHE-ECDSA-AES256-SHA:DHE-RSA-AES128-SHA256:DHE-RSA-AES128-SHA:DHE-DSS-AES128-SHA256:DHE-RSA-AES256-SHA256:DHE-DSS-AES256-SHA:DHE-RSA-AES256-SHA:ECDHE-RSA-DES-CBC3-SHA:ECDHE-ECDSA-DES-CBC3-SHA:AES128-GCM-SHA256:AES256-GCM-SHA384:AES128-SHA256:AES256-SHA256:AES128-SHA:AES256-SHA:AES:DES-CBC3-SHA:HIGH:!aNULL:!eNULL:!EXPORT:!DES:!RC4:!MD5:!PSK:!aECDH:!EDH-DSS-DES-CBC3-SHA:!EDH-RSA-DES-CBC3-SHA:!KRB5-DES-CBC3-SHA',
  'ECDHE-RSA-AES256-GCM-SHA384:ECDHE-RSA-AES128-GCM-SHA256',
  'ECDHE-RSA-AES256-GCM-SHA384:ECDHE-RSA-AES128-GCM-SHA256:ECDHE-RSA-AES256-SHA384:ECDHE-RSA-AES128-SHA256:ECDHE-RSA-RC4-SHA:ECDHE-RSA-AES256-SHA:DHE-RSA-AES256-SHA:RC4-SHA',
  'EECDH+CHACHA20:EECDH+AES',
  'EECDH+ECDSA+AESGCM:EECDH+aRSA+AESGCM:EECDH+ECDSA+SHA384:EECDH+ECDSA+SHA256:EECDH+aRSA+SHA384:EECDH+aRSA+SHA256:EECDH+aRSA+RC4:EECDH:EDH+aRSA:RC4:!aNULL:!eNULL:!LOW:!3DES:!MD5:!EXP:!PSK:!SRP:!DSS',
  'HIGH:!ADH:!MD5:@STRENGTH',
  'HIGH:!SSLv2:!MEDIUM:!LOW:!EXP:!RC4:!DSS:!aNULL:@STRENGTH',
  'HIGH:!aNULL:!MD5',
  'HIGH:!aNULL:!MD5 or HIGH:!aNULL:!MD5:!3DES',
  'RC4:HIGH:!aNULL:!MD5',
];

const CURATED = [
  'HIGH:!aNULL:!MD5', 'DEFAULT', 'DEFAULT:!aNULL', 'DEFAULT:@STRENGTH', 'DEFAULTHIGH', 'HIGH:DEFAULT', '!aNULL:DEFAULT', 'ALL', 'ALL:COMPLEMENTOFALL', 'COMPLEMENTOFDEFAULT',
  'ALL:@STRENGTH', 'ALL:+kRSA', 'ALL:-kRSA:kRSA', 'ALL:!kRSA:kRSA', 'ALL:-AES:AES128', 'ALL:-ECDHE:+AES:ECDHE', 'HIGH:!aNULL:!MD5:@SECLEVEL=0', 'HIGH:@SECLEVEL=9', 'HIGH:@FOO',
  'HIGH+', 'HIGH++kRSA', 'HIGH:!!aNULL', 'HIGH:"x"', 'HIGH!aNULL', 'HIGH-aNULL', 'HIGH aNULL', 'HIGH,!aNULL', 'HIGH;!aNULL', ' HIGH ', '', ':', 'high', 'HIGH:FOO', 'FOO', 'FOO+!!:HIGH',
  'EECDH+AESGCM:EDH+AESGCM', 'ECDHE+AESGCM', 'EDH+aNULL', 'kEDH+aNULL', 'ADH', 'AECDH', 'aNULL', 'eNULL', 'NULL', 'NULL-SHA', 'NULL-MD5', 'MD5', 'SHA', 'SHA1', 'SHA256', 'SHA384',
  'SSLv3', 'TLSv1', 'TLSv1.0', 'TLSv1.2', 'TLSv1.1', 'TLSv1.3', 'TLSv1.2+SSLv3', 'AES128-SHA+TLSv1.2', 'AES128-SHA+SSLv3', 'AES128-SHA+HIGH', 'AES128-SHA+kRSA', 'AES128-SHA+kEDH',
  'HIGH+FIPS', 'FIPS', 'FIPS+kRSA', 'MEDIUM', 'LOW', 'EXPORT', 'EXP', 'RC4', '3DES', 'DES', 'IDEA', 'SEED', 'RC2', 'CBC', 'AEAD', 'CAMELLIA', 'ARIA', 'ARIA128', 'ARIAGCM', 'CHACHA20',
  'PSK', 'kPSK', 'aPSK', 'SRP', 'kSRP', 'aSRP', 'DSS', 'aDSS', 'ECDSA', 'aECDSA', 'RSA', 'aRSA', 'kRSA', 'DH', 'ECDH', 'kECDHE', 'kEECDH', 'EECDH', 'kDHEPSK', 'kECDHEPSK', 'kRSAPSK',
  'TLS_AES_128_GCM_SHA256', 'TLS_AES_128_GCM_SHA256:HIGH', 'TLS_ECDHE_RSA_WITH_AES_128_GCM_SHA256', 'SUITEB128', 'SUITEB128ONLY', 'SUITEB128C2', 'SUITEB192', 'SUITEB128:kRSA',
  'ECDHE-RSA-AES128-GCM-SHA256', 'ECDHE-RSA-AES128-GCM-SHA256:ECDHE-RSA-AES128-GCM-SHA256', 'ECDHE-RSA-AES128-GCM-SHA256:!ECDHE-RSA-AES128-GCM-SHA256', 'DES-CBC3-SHA', 'RC4-SHA:HIGH',
  'kEDH+AESGCM:@STRENGTH:+AES128', 'AES:+AES256:@STRENGTH', 'ALL:!aNULL:!eNULL:!EXPORT:!DES:!RC4:!3DES:!MD5:!PSK', 'ALL:-HIGH:HIGH:-MEDIUM', 'COMPLEMENTOFALL:ALL', 'eNULL:@STRENGTH',
  ...Object.values(MOZILLA_PROFILES).map((p) => p.ciphers).filter((c) => c),
];

// Deterministic pseudo-random cipher strings over aliases, suite names, typos and every operator.
function randomStrings(n: number): string[] {
  let seed = 0x5eed;
  const rnd = (k: number): number => {
    seed = (seed * 1103515245 + 12345) & 0x7fffffff;
    return seed % k;
  };
  const words = ['ALL', 'HIGH', 'MEDIUM', 'LOW', 'aNULL', 'eNULL', 'NULL', 'MD5', 'SHA1', 'SHA256', 'SHA384', 'kRSA', 'kEDH', 'kDHE', 'EDH', 'DHE', 'DH', 'kEECDH', 'ECDHE', 'EECDH', 'ECDH', 'AECDH', 'ADH', 'AES', 'AES128', 'AES256', 'AESGCM', 'AESCCM', 'AESCCM8', 'CAMELLIA', 'CHACHA20', 'ARIA', 'CBC', 'PSK', 'SRP', 'aRSA', 'aECDSA', 'aDSS', 'RSA', 'DSS', 'ECDSA', 'SSLv3', 'TLSv1', 'TLSv1.2', 'FIPS', 'COMPLEMENTOFDEFAULT', 'COMPLEMENTOFALL', 'RC4', '3DES', 'EXPORT', 'DEFAULT', 'FOO', 'kPSK', 'aPSK'];
  const names = CIPHER_SUITES.map((s) => s.name);
  const out: string[] = [];
  for (let i = 0; i < n; i++) {
    const parts: string[] = [];
    const count = 1 + rnd(6);
    for (let j = 0; j < count; j++) {
      const r = rnd(20);
      if (r === 0) {
        parts.push('@STRENGTH');
        continue;
      }
      const prefix = ['', '', '', '!', '-', '+'][rnd(6)];
      const term = (): string => (rnd(4) === 0 ? names[rnd(names.length)] : words[rnd(words.length)]);
      const multi = rnd(4) === 0 ? `${term()}+${term()}` : term();
      parts.push(prefix + multi);
    }
    const sep = [':', ':', ':', ',', ' ', ';'][rnd(6)];
    out.push((rnd(8) === 0 ? 'DEFAULT:' : '') + parts.join(sep));
  }
  return out;
}

test(`openssl ciphers differential: the model is OpenSSL ${OPENSSL_TABLE_VERSION}, the installed one`, () => {
  const v = spawnSync('openssl', ['version'], { encoding: 'utf8' }).stdout;
  assert.match(v, new RegExp(`^OpenSSL ${OPENSSL_TABLE_VERSION.split('.').slice(0, 2).join('\\.')}\\.`), 'regenerate with node scripts/gen-openssl-ciphers.mjs');
});

for (const [name, strings] of [['corpus', CORPUS], ['curated', CURATED], ['random', randomStrings(450)]] as const) {
  test(`openssl ciphers differential: ${name} strings (${strings.length}) give the same suites in the same order`, () => {
    const diffs: string[] = [];
    for (const s of strings) {
      const want = real(s);
      const got = model(s);
      if (JSON.stringify(want) !== JSON.stringify(got)) diffs.push(`${JSON.stringify(s)}\n  openssl: ${JSON.stringify(want)}\n  model:   ${JSON.stringify(got)}`);
    }
    assert.equal(diffs.length, 0, diffs.slice(0, 5).join('\n'));
  });
}
