import assert from 'node:assert/strict';
import { spawnSync } from 'node:child_process';
import { mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { test } from 'node:test';
import { checkBundle, summarizeCaList } from '../../server/src/pki/chain';
import { certificatesOf, decodePkiText, privateKeysOf } from '../../server/src/pki/file';
import { matchKeyToCertificate } from '../../server/src/pki/match';

// The real openssl CLI is the oracle: certificates made at test time, then what tlsnet decodes
// must equal what `openssl x509 -nameopt RFC2253` prints.
const dir = mkdtempSync(join(tmpdir(), 'tlsnet-pki-'));
const ossl = (args: string[]): string => {
  const r = spawnSync('openssl', args, { encoding: 'utf8', cwd: dir });
  assert.equal(r.status, 0, `openssl ${args.join(' ')}: ${r.stderr}`);
  return r.stdout;
};
const read = (f: string): string => readFileSync(join(dir, f), 'utf8');

const KEYS: Record<string, string[]> = {
  rsa1024: ['-newkey', 'rsa:1024'],
  rsa2048: ['-newkey', 'rsa:2048'],
  p256: ['-newkey', 'ec', '-pkeyopt', 'ec_paramgen_curve:P-256'],
  p384: ['-newkey', 'ec', '-pkeyopt', 'ec_paramgen_curve:P-384'],
  ed25519: ['-newkey', 'ed25519'],
};

writeFileSync(join(dir, 'ext.cnf'), '[ca]\nbasicConstraints=critical,CA:TRUE\nkeyUsage=critical,keyCertSign,cRLSign\nsubjectKeyIdentifier=hash\nauthorityKeyIdentifier=keyid:always\n[leaf]\nbasicConstraints=CA:FALSE\nsubjectAltName=DNS:leaf.test,IP:192.0.2.7,URI:spiffe://t/x\nextendedKeyUsage=serverAuth,1.2.3.4\nsubjectKeyIdentifier=hash\nauthorityKeyIdentifier=keyid\n');
const subj = '/C=DE/O=Acme\\, Inc./OU=Web+OU=Ops/CN=#host name ';
for (const [name, spec] of Object.entries(KEYS)) ossl(['req', '-x509', ...spec, '-nodes', '-keyout', `${name}.key`, '-out', `${name}.crt`, '-days', '40', '-subj', subj, '-addext', 'basicConstraints=critical,CA:TRUE']);
ossl(['req', '-new', ...KEYS.p384, '-nodes', '-keyout', 'int.key', '-out', 'int.csr', '-subj', '/CN=Int CA']);
ossl(['x509', '-req', '-in', 'int.csr', '-CA', 'rsa2048.crt', '-CAkey', 'rsa2048.key', '-CAcreateserial', '-out', 'int.crt', '-days', '30', '-extfile', 'ext.cnf', '-extensions', 'ca']);
ossl(['req', '-new', ...KEYS.p256, '-nodes', '-keyout', 'leaf.key', '-out', 'leaf.csr', '-subj', '/CN=leaf.test']);
ossl(['x509', '-req', '-in', 'leaf.csr', '-CA', 'int.crt', '-CAkey', 'int.key', '-CAcreateserial', '-out', 'leaf.crt', '-days', '1', '-extfile', 'ext.cnf', '-extensions', 'leaf']);

function opensslFields(file: string): Record<string, string> {
  const out = ossl(['x509', '-in', file, '-noout', '-subject', '-issuer', '-nameopt', 'RFC2253', '-serial', '-startdate', '-enddate', '-fingerprint', '-sha256']);
  const sha1 = ossl(['x509', '-in', file, '-noout', '-fingerprint', '-sha1']);
  const get = (re: RegExp, s = out): string => re.exec(s)?.[1] ?? '';
  const iso = (d: string): string => new Date(d).toISOString().replace('.000Z', 'Z');
  return {
    subject: get(/^subject=(.*)$/m),
    issuer: get(/^issuer=(.*)$/m),
    serialNumber: get(/^serial=(.*)$/m).toLowerCase().replace(/^0+(?=.)/, ''),
    notBefore: iso(get(/^notBefore=(.*)$/m)),
    notAfter: iso(get(/^notAfter=(.*)$/m)),
    sha256: get(/Fingerprint=(.*)$/m).replace(/:/g, '').toLowerCase(),
    sha1: get(/Fingerprint=(.*)$/m, sha1).replace(/:/g, '').toLowerCase(),
  };
}

for (const file of [...Object.keys(KEYS).map((k) => `${k}.crt`), 'int.crt', 'leaf.crt']) {
  test(`pki vs openssl: ${file} decodes to what openssl x509 prints`, () => {
    const [c] = certificatesOf(decodePkiText(read(file)));
    const d = c.description;
    assert.deepEqual({ subject: d.subject, issuer: d.issuer, serialNumber: d.serialNumber, notBefore: d.notBefore, notAfter: d.notAfter, sha256: d.fingerprints.sha256, sha1: d.fingerprints.sha1 }, opensslFields(file));
  });
}

test('pki vs openssl: key sizes, curves, signature names and extensions', () => {
  const desc = (f: string) => certificatesOf(decodePkiText(read(f)))[0].description;
  assert.deepEqual(desc('rsa1024.crt').publicKey, { algorithm: 'rsa', bits: 1024 });
  assert.deepEqual(desc('p384.crt').publicKey, { algorithm: 'ec', bits: 384, curve: 'P-384' });
  assert.deepEqual(desc('ed25519.crt').publicKey, { algorithm: 'ed25519', bits: 253 });
  for (const f of ['rsa2048.crt', 'p256.crt', 'ed25519.crt', 'leaf.crt']) {
    const text = ossl(['x509', '-in', f, '-noout', '-text']);
    assert.equal(desc(f).signatureAlgorithm, /Signature Algorithm: (\S+)/.exec(text)?.[1], f);
  }
  const leaf = desc('leaf.crt');
  assert.deepEqual(leaf.sans, [{ type: 'dns', value: 'leaf.test' }, { type: 'ip', value: '192.0.2.7' }, { type: 'uri', value: 'spiffe://t/x' }]);
  assert.deepEqual(leaf.extendedKeyUsage, ['serverAuth', '1.2.3.4']);
  assert.equal(leaf.aki, desc('int.crt').ski);
  assert.equal(desc('p256.crt').selfSigned, true);
});

test('pki vs openssl: every generated key matches its certificate and no other', () => {
  const names = [...Object.keys(KEYS), 'int', 'leaf'];
  for (const k of names) {
    const key = privateKeysOf(decodePkiText(read(`${k}.key`)))[0];
    for (const c of names) {
      const [cert] = certificatesOf(decodePkiText(read(`${c}.crt`)));
      assert.equal(matchKeyToCertificate(key, cert).result, k === c ? 'match' : 'mismatch', `${k}.key vs ${c}.crt`);
    }
  }
});

test('pki vs openssl: chain checks agree with openssl verify', () => {
  const leaf = read('leaf.crt');
  const int = read('int.crt');
  const root = read('rsa2048.crt');
  writeFileSync(join(dir, 'cas.pem'), root + int);
  assert.match(ossl(['verify', '-CAfile', 'cas.pem', 'leaf.crt']), /OK/);
  assert.deepEqual(checkBundle(certificatesOf(decodePkiText(leaf + int))), []);
  assert.deepEqual(checkBundle(certificatesOf(decodePkiText(int + leaf))).map((p) => p.kind), ['leaf-not-first', 'unrelated']);
  const s = summarizeCaList(certificatesOf(decodePkiText(root + int)));
  assert.deepEqual([s.roots.length, s.intermediates.length, s.longestChain], [1, 1, 2]);
});
