import assert from 'node:assert/strict';
import { existsSync, readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { test } from 'node:test';
import type { ParsedCertificate } from '../../../server/src/pki/describe';
import { certificatesOf, decodePkiBytes, decodePkiText } from '../../../server/src/pki/file';
import { validatePath, type ValidationInput } from '../../../server/src/pki/validate';

/**
 * RFC 5280 path validation (server/src/pki/validate.ts) against public vectors in
 * ../shared/corpus/pki: the NIST PKITS certificates shipped with pyca/cryptography (expected
 * result from the test name: Valid* / Invalid*) and the x509-limbo test cases present (each with
 * its expected_result). Prints the pass rate per suite and per feature; fails on any failure not
 * listed in vectors.known-failures.json, and when the pass rate falls below the floor recorded there.
 */
const CORPUS = join(process.cwd(), '../shared/corpus/pki');
const PKITS = join(CORPUS, 'pyca-cryptography/vectors/cryptography_vectors/x509/PKITS_data/certs');
const LIMBO = join(CORPUS, 'x509-limbo/limbo');
const KNOWN: { floor: Record<string, number>; failures: Record<string, string[]> } = JSON.parse(readFileSync(join(process.cwd(), 'test/unit/pki/vectors.known-failures.json'), 'utf8'));

interface Vector {
  suite: string;
  id: string;
  feature: string;
  expectOk: boolean;
  input: ValidationInput;
}

const first = (certs: ParsedCertificate[], what: string): ParsedCertificate => {
  if (!certs[0]) throw new Error(`${what} does not decode`);
  return certs[0];
};

const PKITS_FEATURES: [RegExp, string][] = [
  // Invalid only because the CRL revokes them, or the CRL's signer lacks cRLSign.
  [/CRL|Revoked|cRLSign|InvalidLongSerialNumber|InvalidNegativeSerialNumber/i, 'revocation'],
  [/nameConstraints|DNandRFC822|DNname|DNSname|RFC822name|URIname/i, 'name-constraints'],
  [/pathLen/i, 'path-length'],
  [/basicConstraints|cAFalse/i, 'basic-constraints'],
  [/keyUsage/i, 'key-usage'],
  [/Signature|DSA/i, 'signature'],
  [/notBefore|notAfter|pre2000|GeneralizedTime/i, 'validity'],
  [/NameChaining|NameOrdering|UTF8|Rollover|AttributeTypes|UID/i, 'name-chaining'],
  [/Polic|Qualifier|Mapping/i, 'policies'],
  [/SerialNumber/i, 'serial-number'],
  [/CertificatePath/i, 'basic-path'],
];

function pkitsVectors(): Vector[] {
  const files = readdirSync(PKITS).filter((f) => f.endsWith('.crt'));
  const load = (f: string): ParsedCertificate => first(certificatesOf(decodePkiBytes(readFileSync(join(PKITS, f)))), f);
  const anchor = load('TrustAnchorRootCertificate.crt');
  const pool = files.filter((f) => !/EE\.crt$/.test(f) && f !== 'TrustAnchorRootCertificate.crt').map(load);
  return files
    .filter((f) => /EE\.crt$/.test(f))
    .map((f) => {
      const id = f.replace(/\.crt$/, '');
      return {
        suite: 'pkits',
        id,
        feature: PKITS_FEATURES.find(([re]) => re.test(id))?.[1] ?? 'other',
        // PKITS 4.10.x/4.11.x qualifier tests without a Valid/Invalid prefix are valid paths.
        expectOk: !id.startsWith('Invalid'),
        input: { leaf: load(f), intermediates: pool, anchors: [anchor], at: new Date('2020-01-01T00:00:00Z') },
      };
    });
}

function limboVectors(): Vector[] {
  const out: Vector[] = [];
  const walk = (dir: string): void => {
    for (const n of readdirSync(dir, { withFileTypes: true })) {
      const p = join(dir, n.name);
      if (n.isDirectory()) walk(p);
      else if (n.name.endsWith('.json')) {
        const doc = JSON.parse(readFileSync(p, 'utf8'));
        for (const c of Array.isArray(doc.testcases) ? doc.testcases : [doc]) {
          if (!c.peer_certificate || c.crls?.length) continue;
          const certs = (pems: string[]): ParsedCertificate[] => pems.flatMap((t) => certificatesOf(decodePkiText(t)));
          const kind = c.validation_kind === 'CLIENT' ? '1.3.6.1.5.5.7.3.2' : '1.3.6.1.5.5.7.3.1';
          const peer = c.expected_peer_name?.value;
          out.push({
            suite: 'x509-limbo',
            id: c.id,
            feature: c.features?.[0] ?? (String(c.id).split('::')[0] || 'other'),
            expectOk: c.expected_result === 'SUCCESS',
            input: {
              leaf: first(certs([c.peer_certificate]), c.id),
              intermediates: certs(c.untrusted_intermediates ?? []),
              anchors: certs(c.trusted_certs ?? []),
              at: c.validation_time ? new Date(c.validation_time) : new Date(),
              purpose: kind,
              ...(peer ? { hostname: peer } : {}),
              ...(typeof c.max_chain_depth === 'number' ? { maxIntermediates: c.max_chain_depth } : {}),
            },
          });
        }
      }
    }
  };
  walk(LIMBO);
  return out;
}

const available = existsSync(PKITS) && existsSync(LIMBO);

test('pki vectors: RFC 5280 path validation against PKITS and x509-limbo', { skip: available ? false : 'corpus not present' }, () => {
  const vectors = [...pkitsVectors(), ...limboVectors()];
  const rows = vectors.map((v) => {
    const r = validatePath(v.input);
    return { v, pass: r.ok === v.expectOk, r };
  });
  const stats = new Map<string, { pass: number; total: number }>();
  const bump = (key: string, pass: boolean): void => {
    const s = stats.get(key) ?? { pass: 0, total: 0 };
    s.total++;
    if (pass) s.pass++;
    stats.set(key, s);
  };
  for (const { v, pass } of rows) {
    bump(v.suite, pass);
    bump(`${v.suite} / ${v.feature}`, pass);
  }
  const unchecked = rows.reduce((n, x) => n + x.r.unchecked, 0);
  const lines = [...stats].sort(([a], [b]) => a.localeCompare(b)).map(([k, s]) => `  ${k}: ${s.pass}/${s.total} (${((100 * s.pass) / s.total).toFixed(1)}%)`);
  process.stdout.write(`pki vectors: pass rate per suite and feature (signatures not checkable: ${unchecked})\n${lines.join('\n')}\n`);
  for (const { v, pass, r } of rows) if (!pass) process.stdout.write(`  fail ${v.suite} ${v.id}: expected ${v.expectOk ? 'valid' : 'invalid'}${r.errors.length ? `; got ${r.errors.map((e) => e.message).join('; ')}` : ''}\n`);
  const failing = rows.filter((x) => !x.pass);
  for (const suite of ['pkits', 'x509-limbo']) {
    const unexpected = failing.filter((x) => x.v.suite === suite && !(KNOWN.failures[suite] ?? []).includes(x.v.id)).map((x) => x.v.id);
    assert.deepEqual(unexpected, [], `${suite}: failures not in vectors.known-failures.json (a regression, or add them with a reason)`);
    const s = stats.get(suite);
    if (s) assert.ok(s.pass / s.total >= (KNOWN.floor[suite] ?? 1), `${suite} pass rate ${s.pass}/${s.total} below the floor ${KNOWN.floor[suite]}`);
  }
});
