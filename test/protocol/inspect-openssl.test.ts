import assert from 'node:assert/strict';
import { execFile, spawnSync } from 'node:child_process';
import { existsSync, mkdirSync, mkdtempSync, readdirSync, readFileSync, statSync, writeFileSync } from 'node:fs';
import { cpus, tmpdir } from 'node:os';
import { join } from 'node:path';
import { test } from 'node:test';
import { formatInspectJson } from '../../server/src/cli/format/inspect';
import { inspect, inspectBytes, type InspectObject } from '../../server/src/cli/inspect';

// Differential test of `tlsnet inspect` against the real openssl CLI: a few hundred certificates,
// CSRs, CRLs, keys and PKCS#7 bundles made with openssl across key types, extensions and odd
// encodings; every JSON field is compared with what openssl prints, and the agreement per field
// is printed.
const dir = mkdtempSync(join(tmpdir(), 'tlsnet-inspect-'));
const p = (f: string): string => join(dir, f);

function ossl(args: string[], input?: string): string {
  const r = spawnSync('openssl', args, { cwd: dir, encoding: 'utf8', input });
  assert.equal(r.status, 0, `openssl ${args.join(' ')}: ${r.stderr}`);
  return r.stdout;
}

/** openssl calls in parallel: the oracle side is a few hundred processes. */
async function pool<T>(jobs: (() => Promise<T>)[], width = Math.max(2, cpus().length * 2)): Promise<T[]> {
  const out: T[] = new Array(jobs.length);
  let next = 0;
  await Promise.all(Array.from({ length: width }, async () => {
    while (next < jobs.length) {
      const i = next++;
      out[i] = await jobs[i]();
    }
  }));
  return out;
}
const osslAsync = (args: string[]): Promise<{ code: number; out: string }> =>
  new Promise((resolve) => execFile('openssl', args, { cwd: dir, encoding: 'utf8', maxBuffer: 1 << 24 }, (e, stdout, stderr) => resolve({ code: e ? Number((e as { code?: number }).code ?? 1) : 0, out: stdout + stderr })));

// Keys, made once and reused.
const KEYS: Record<string, string[]> = {
  rsa1024: ['-algorithm', 'RSA', '-pkeyopt', 'rsa_keygen_bits:1024'],
  rsa2048: ['-algorithm', 'RSA', '-pkeyopt', 'rsa_keygen_bits:2048'],
  rsa3072: ['-algorithm', 'RSA', '-pkeyopt', 'rsa_keygen_bits:3072'],
  rsa4096: ['-algorithm', 'RSA', '-pkeyopt', 'rsa_keygen_bits:4096'],
  pss2048: ['-algorithm', 'RSA-PSS', '-pkeyopt', 'rsa_keygen_bits:2048'],
  p256: ['-algorithm', 'EC', '-pkeyopt', 'ec_paramgen_curve:P-256'],
  p384: ['-algorithm', 'EC', '-pkeyopt', 'ec_paramgen_curve:P-384'],
  p521: ['-algorithm', 'EC', '-pkeyopt', 'ec_paramgen_curve:P-521'],
  ed25519: ['-algorithm', 'ED25519'],
  ed448: ['-algorithm', 'ED448'],
};
const started = Date.now();
for (const [k, spec] of Object.entries(KEYS)) ossl(['genpkey', ...spec, '-out', `${k}.key`]);

const DIGESTS: Record<string, string[][]> = {
  rsa: [['-sha256'], ['-sha1'], ['-sha384'], ['-sha512'], ['-sha224'], ['-md5'], ['-sha256', '-sigopt', 'rsa_padding_mode:pss']],
  pss: [['-sha256'], ['-sha384']],
  ec: [['-sha256'], ['-sha384'], ['-sha512'], ['-sha1'], ['-sha224']],
  ed: [[]],
};
const digestsFor = (key: string): string[][] => DIGESTS[key.startsWith('rsa') ? 'rsa' : key.startsWith('pss') ? 'pss' : key.startsWith('p') ? 'ec' : 'ed'];

const EXTENSIONS = [
  'basicConstraints=critical,CA:TRUE',
  'basicConstraints=critical,CA:TRUE,pathlen:0',
  'basicConstraints=CA:TRUE,pathlen:7',
  'basicConstraints=CA:FALSE',
  '',
  'keyUsage=critical,digitalSignature,keyEncipherment',
  'keyUsage=keyCertSign,cRLSign',
  'keyUsage=digitalSignature,nonRepudiation,keyEncipherment,dataEncipherment,keyAgreement,keyCertSign,cRLSign,encipherOnly,decipherOnly',
  'keyUsage=keyAgreement,decipherOnly',
  'extendedKeyUsage=serverAuth,clientAuth',
  'extendedKeyUsage=codeSigning,emailProtection,timeStamping,OCSPSigning',
  'extendedKeyUsage=1.2.3.4.5,serverAuth,1.3.6.1.4.1.99999.1',
  'extendedKeyUsage=anyExtendedKeyUsage,ipsecIKE,msCodeInd,msSmartcardLogin',
  'subjectAltName=DNS:a.example,DNS:*.b.example,IP:192.0.2.1,IP:2001:db8::1,IP:::1,IP:fe80:0:0:1::,email:x@y.example,URI:spiffe://td/ns/a',
  'subjectAltName=DNS:xn--bcher-kva.example,DNS:bücher.example,URI:https://x.example/p?q=1#f',
  'subjectAltName=IP:0.0.0.0,IP:255.255.255.255,IP:2001:db8:0:0:1:0:0:1,IP:::ffff:192.0.2.1',
  'nameConstraints=critical,permitted;DNS:.example,excluded;IP:10.0.0.0/255.0.0.0',
  'subjectKeyIdentifier=hash\nauthorityKeyIdentifier=keyid:always',
  'certificatePolicies=2.5.29.32.0\nauthorityInfoAccess=OCSP;URI:http://ocsp.example\ncrlDistributionPoints=URI:http://crl.example/c.crl',
];

const SUBJECTS = [
  '/CN=plain.example',
  '/C=DE/ST=Berlin/L=Berlin/O=Acme\\, Inc./OU=Web+OU=Ops/CN=multi',
  '/CN=#leading hash/O= leading space/OU=trailing space /L=semi;colon<>"quote"\\\\back',
  '/DC=com/DC=example/UID=u1/CN=dc user/emailAddress=user@example.com',
  '/CN=Grüße é 日本/O=Ünïcödé',
  '/serialNumber=1234/title=Dr/GN=Ada/SN=Lovelace/initials=AL/pseudonym=ada/CN=attrs',
  '/organizationIdentifier=VATDE-123/businessCategory=Private Organization/jurisdictionC=DE/postalCode=10115/street=Main 1/CN=ev',
  '/CN=a+OU=b+O=c',
  '/O=only org',
  '/CN=x/CN=y/CN=x',
];

// string_mask picks the ASN.1 string types openssl writes: UTF8String, Printable/T61, Printable/BMP.
const MASKS = ['utf8only', 'nombstr', 'default', 'pkix'];
for (const m of MASKS) writeFileSync(p(`req-${m}.cnf`), `[req]\ndistinguished_name=dn\nstring_mask=${m}\nutf8=yes\n[dn]\n${EXTENSIONS.map((e, i) => `[ext${i}]\n${e}\n`).join('')}`);

const SERIALS = ['0', '1', '0x80', '0xff', '0x00ff00', '0x7fffffffffffffffffffffffffffffffffffffff', '0x0102030405060708090a0b0c0d0e0f1011121314', '-5', '123456789012345678901234567890', '0x8000000000000000000000000000000000000000'];
const DAYS = ['1', '30', '397', '9000', '30000'];

interface Spec {
  file: string;
  args: string[];
}
const specs: Spec[] = [];
let n = 0;
const keys = Object.keys(KEYS);
// Self-signed certificates: every key with every digest it takes, cycling extensions, subjects, masks, serials, lifetimes.
for (const key of keys) {
  for (const dg of digestsFor(key)) {
    for (let rep = 0; rep < 3; rep++) {
      const i = n++;
      const file = `c${i}.pem`;
      specs.push({ file, args: ['req', '-x509', '-key', `${key}.key`, ...dg, '-config', `req-${MASKS[i % MASKS.length]}.cnf`, '-extensions', `ext${i % EXTENSIONS.length}`, '-subj', SUBJECTS[i % SUBJECTS.length], '-set_serial', SERIALS[i % SERIALS.length], '-days', DAYS[i % DAYS.length], '-utf8', '-out', file] });
    }
  }
}
// Every extension and subject on each key type once more, and issued (not self-signed) certificates.
const CAS = ['rsa2048', 'p384', 'ed25519'];
for (const ca of CAS) ossl(['req', '-x509', '-key', `${ca}.key`, '-config', 'req-utf8only.cnf', '-extensions', 'ext1', '-subj', `/O=Test/CN=${ca} CA`, '-days', '3650', '-out', `${ca}-ca.pem`]);
for (let e = 0; e < EXTENSIONS.length; e++) {
  for (const key of keys) {
    const i = n++;
    const file = `c${i}.pem`;
    const ca = CAS[i % CAS.length];
    const issued = i % 2 === 0 && ca !== key;
    specs.push({ file, args: ['req', '-x509', '-key', `${key}.key`, ...(issued ? ['-CA', `${ca}-ca.pem`, '-CAkey', `${ca}.key`] : []), '-config', `req-${MASKS[i % MASKS.length]}.cnf`, '-extensions', `ext${e}`, '-subj', SUBJECTS[(i * 7) % SUBJECTS.length], '-set_serial', SERIALS[(i * 3) % SERIALS.length], '-days', DAYS[(i * 5) % DAYS.length], '-utf8', '-out', file] });
  }
}

const certFiles = [...specs.map((s) => s.file), ...CAS.map((ca) => `${ca}-ca.pem`)];
const ready = (async (): Promise<void> => {
  const genResults = await pool(specs.map((s) => () => osslAsync(s.args)));
  genResults.forEach((r, i) => assert.equal(r.code, 0, `openssl ${specs[i].args.join(' ')}: ${r.out}`));
  // Odd containers: CRLF, several blocks with junk around them, DER.
  writeFileSync(p('crlf.pem'), readFileSync(p('c0.pem'), 'utf8').replace(/\n/g, '\r\n'));
  writeFileSync(p('bundle.pem'), `junk before\n${readFileSync(p('c1.pem'), 'utf8')}comment between\n${readFileSync(p('c2.pem'), 'utf8')}\n\n${readFileSync(p('c3.pem'), 'utf8')}trailing`);
  ossl(['x509', '-in', 'c5.pem', '-outform', 'DER', '-out', 'c5.der']);
  ossl(['x509', '-in', 'c40.pem', '-outform', 'DER', '-out', 'c40.cer']);
})();

/** What openssl prints for one certificate, as inspect's JSON fields. */
async function opensslCertificate(file: string, inform: string[] = []): Promise<Record<string, unknown>> {
  const [a, b, v] = await Promise.all([
    osslAsync(['x509', '-in', file, ...inform, '-noout', '-subject', '-issuer', '-nameopt', 'RFC2253', '-serial', '-dates', '-fingerprint', '-sha256', '-text']),
    osslAsync(['x509', '-in', file, ...inform, '-noout', '-fingerprint', '-sha1']),
    inform.length ? Promise.resolve({ code: 0, out: '' }) : osslAsync(['verify', '-no-CAfile', '-no-CApath', '-no-CAstore', file]),
  ]);
  const out = a.out;
  const get = (re: RegExp, s = out): string => re.exec(s)?.[1] ?? '';
  const iso = (d: string): string => new Date(d).toISOString().replace('.000Z', 'Z');
  const ext = (name: string): string | undefined => new RegExp(`X509v3 ${name}:.*\\n\\s+(.*)`).exec(out)?.[1];
  const bc = ext('Basic Constraints') ?? '';
  const serial = get(/^serial=(.*)$/m).toLowerCase();
  const keyAlg = get(/Public Key Algorithm: (\S+)/);
  const pkBits = get(/Public-Key: \((\d+) bit\)/);
  const curveOid = get(/ASN1 OID: (\S+)/);
  const algorithm = ({ rsaEncryption: 'rsa', rsassaPss: 'rsa-pss', 'id-ecPublicKey': 'ec', ED25519: 'ed25519', ED448: 'ed448' } as Record<string, string>)[keyAlg] ?? keyAlg;
  return {
    subject: get(/^subject=(.*)$/m),
    issuer: get(/^issuer=(.*)$/m),
    serialNumber: serial.startsWith('-') ? `-${serial.slice(1).replace(/^0+(?=.)/, '')}` : serial.replace(/^0+(?=.)/, ''),
    notBefore: iso(get(/^notBefore=(.*)$/m)),
    notAfter: iso(get(/^notAfter=(.*)$/m)),
    sans: (ext('Subject Alternative Name') ?? '').split(', ').filter(Boolean).map(san),
    publicKey: {
      algorithm,
      bits: algorithm === 'ed25519' ? 253 : algorithm === 'ed448' ? 456 : pkBits ? Number(pkBits) : null,
      curve: ({ prime256v1: 'P-256', secp384r1: 'P-384', secp521r1: 'P-521' } as Record<string, string>)[curveOid] ?? null,
    },
    signatureAlgorithm: get(/Signature Algorithm: (\S+)/),
    isCA: /CA:TRUE/.test(bc),
    pathLength: /pathlen:(\d+)/.test(bc) ? Number(/pathlen:(\d+)/.exec(bc)?.[1]) : null,
    keyUsage: (ext('Key Usage') ?? '').split(', ').filter(Boolean).map((u) => KU[u] ?? u),
    extendedKeyUsage: (ext('Extended Key Usage') ?? '').split(', ').filter(Boolean).map((u) => EKU[u] ?? u),
    fingerprints: { sha1: get(/Fingerprint=(.*)$/m, b.out).replace(/:/g, '').toLowerCase(), sha256: get(/Fingerprint=(.*)$/m).replace(/:/g, '').toLowerCase() },
    // `openssl verify` with no trust store: error 18 for a self-signed leaf, 20 (no issuer) otherwise.
    ...(inform.length ? {} : { selfSigned: /error 18 at 0/.test(v.out) }),
  };
}

const KU: Record<string, string> = { 'Digital Signature': 'digitalSignature', 'Non Repudiation': 'nonRepudiation', 'Key Encipherment': 'keyEncipherment', 'Data Encipherment': 'dataEncipherment', 'Key Agreement': 'keyAgreement', 'Certificate Sign': 'keyCertSign', 'CRL Sign': 'cRLSign', 'Encipher Only': 'encipherOnly', 'Decipher Only': 'decipherOnly' };
const EKU: Record<string, string> = { 'TLS Web Server Authentication': 'serverAuth', 'TLS Web Client Authentication': 'clientAuth', 'Code Signing': 'codeSigning', 'E-mail Protection': 'emailProtection', 'Time Stamping': 'timeStamping', 'OCSP Signing': 'OCSPSigning', 'Any Extended Key Usage': 'anyExtendedKeyUsage', 'ipsec Internet Key Exchange': 'ipsecIKE', 'Microsoft Individual Code Signing': 'msCodeInd', 'Microsoft Smartcard Login': 'msSmartcardLogin' };

function san(s: string): { type: string; value: string } {
  const i = s.indexOf(':');
  const type = ({ DNS: 'dns', 'IP Address': 'ip', email: 'email', URI: 'uri' } as Record<string, string>)[s.slice(0, i)] ?? s.slice(0, i);
  const value = s.slice(i + 1);
  return { type, value: type === 'ip' && value.includes(':') ? rfc5952(value) : value };
}

/** openssl prints IPv6 as 8 uppercase groups; the contract uses RFC 5952 (lowercase, longest zero run as `::`). */
function rfc5952(v: string): string {
  const groups = v.toLowerCase().split(':').map((g) => g.replace(/^0+(?=.)/, ''));
  let best = -1;
  let bestLen = 1;
  for (let i = 0; i < 8; i++) {
    let j = i;
    while (j < 8 && groups[j] === '0') j++;
    if (j - i > bestLen) [best, bestLen] = [i, j - i];
  }
  if (best < 0) return groups.join(':');
  return `${groups.slice(0, best).join(':')}::${groups.slice(best + bestLen).join(':')}`;
}

const CERT_FIELDS = ['subject', 'issuer', 'serialNumber', 'notBefore', 'notAfter', 'sans', 'publicKey', 'signatureAlgorithm', 'isCA', 'pathLength', 'keyUsage', 'extendedKeyUsage', 'fingerprints', 'selfSigned'];
const tally: Record<string, { agree: number; total: number; first?: string }> = {};
function compare(field: string, ours: unknown, theirs: unknown, where: string): void {
  const t = (tally[field] ??= { agree: 0, total: 0 });
  t.total++;
  try {
    assert.deepStrictEqual(ours, theirs);
    t.agree++;
  } catch {
    t.first ??= `${where}: tlsnet ${JSON.stringify(ours)} vs openssl ${JSON.stringify(theirs)}`;
  }
}

function runInspect(files: string[]): InspectObject[] {
  const r = inspect(files.map(p));
  assert.deepEqual(r.ioErrors, []);
  const parsed = JSON.parse(formatInspectJson(r)) as { version: number; objects: InspectObject[] };
  assert.equal(parsed.version, 1);
  return parsed.objects;
}

test(`inspect vs openssl: ${certFiles.length} certificates, every field`, async () => {
  await ready;
  const objects = runInspect(certFiles);
  assert.equal(objects.length, certFiles.length);
  const theirs = await pool(certFiles.map((f) => () => opensslCertificate(f)));
  objects.forEach((o, i) => {
    assert.equal(o.kind, 'certificate', `${certFiles[i]}: ${JSON.stringify(o)}`);
    assert.deepEqual(Object.keys(o), ['file', 'line', 'kind', ...CERT_FIELDS]);
    for (const f of CERT_FIELDS) compare(f, (o as unknown as Record<string, unknown>)[f], theirs[i][f], certFiles[i]);
  });
  const certs = objects.filter((o): o is Extract<InspectObject, { kind: 'certificate' }> => o.kind === 'certificate');
  const count = (f: (c: (typeof certs)[number]) => boolean): number => certs.filter(f).length;
  console.log(
    `coverage: ${JSON.stringify(Object.fromEntries(['rsa', 'rsa-pss', 'ec', 'ed25519', 'ed448'].map((a) => [a, count((c) => c.publicKey.algorithm === a)])))}, ` +
      `${new Set(certs.map((c) => c.signatureAlgorithm)).size} signature algorithms, ${count((c) => c.sans.length > 0)} with SANs, ${count((c) => c.keyUsage.length > 0)} key usage, ` +
      `${count((c) => c.extendedKeyUsage.some((e) => /^\d/.test(e)))} unknown EKU OIDs, ${count((c) => c.serialNumber.startsWith('-'))} negative serials, ` +
      `${count((c) => c.notAfter >= '2050')} GeneralizedTime, ${count((c) => /\\[0-9A-F]{2}/.test(c.subject))} non-ASCII subjects, ${count((c) => !c.selfSigned)} not self-signed`,
  );
  const rows = Object.entries(tally).map(([f, t]) => `  ${f.padEnd(20)} ${t.agree}/${t.total}${t.first ? `   first difference: ${t.first}` : ''}`);
  console.log(`inspect vs openssl, agreement per field (${certFiles.length} certificates, ${((Date.now() - started) / 1000).toFixed(1)} s so far):\n${rows.join('\n')}`);
  mkdirSync(join(process.cwd(), 'out'), { recursive: true });
  writeFileSync(join(process.cwd(), 'out', 'inspect-openssl.json'), JSON.stringify(tally, null, 2));
  for (const [f, t] of Object.entries(tally)) assert.equal(t.agree, t.total, `${f}: ${t.first}`);
});

test('inspect vs openssl: CRLF, several blocks with junk, DER files', async () => {
  await ready;
  const objects = runInspect(['crlf.pem', 'bundle.pem', 'c5.der', 'c40.cer']);
  assert.deepEqual(objects.map((o) => [o.file.slice(dir.length + 1), o.line, o.kind]), [
    ['crlf.pem', 1, 'certificate'],
    ['bundle.pem', 2, 'certificate'],
    ['bundle.pem', 2 + readFileSync(p('c1.pem'), 'utf8').split('\n').length, 'certificate'],
    ['bundle.pem', 3 + readFileSync(p('c1.pem'), 'utf8').split('\n').length + readFileSync(p('c2.pem'), 'utf8').split('\n').length, 'certificate'],
    ['c5.der', 1, 'certificate'],
    ['c40.cer', 1, 'certificate'],
  ]);
  const expected = [await opensslCertificate('c0.pem'), await opensslCertificate('c1.pem'), await opensslCertificate('c2.pem'), await opensslCertificate('c3.pem'), await opensslCertificate('c5.der', ['-inform', 'DER']), await opensslCertificate('c40.cer', ['-inform', 'DER'])];
  objects.forEach((o, i) => {
    const { file: _f, line: _l, kind: _k, ...fields } = o as unknown as Record<string, unknown>;
    for (const [k, v] of Object.entries(expected[i])) assert.deepEqual(fields[k], v, `${o.file} ${k}`);
  });
});

test('inspect vs openssl: PKCS#7 bundles hold the same certificates as the PEM files', async () => {
  await ready;
  ossl(['crl2pkcs7', '-nocrl', '-certfile', 'c1.pem', '-certfile', 'c2.pem', '-certfile', 'rsa2048-ca.pem', '-out', 'b.p7b']);
  ossl(['crl2pkcs7', '-nocrl', '-certfile', 'c7.pem', '-outform', 'DER', '-out', 'b.p7c']);
  const [pem, der] = runInspect(['b.p7b', 'b.p7c']);
  assert.equal(pem.kind, 'pkcs7');
  assert.equal(der.kind, 'pkcs7');
  const certs = (o: InspectObject) => (o.kind === 'pkcs7' ? o.certificates : []);
  const direct = runInspect(['c1.pem', 'c2.pem', 'rsa2048-ca.pem', 'c7.pem']).map(({ file: _f, line: _l, ...rest }) => rest);
  // openssl orders a SET OF by encoding; compare as sets of fingerprints, then field by field.
  const byFp = new Map(direct.map((d) => [(d as { fingerprints: { sha256: string } }).fingerprints.sha256, d]));
  for (const c of [...certs(pem), ...certs(der)]) assert.deepEqual(c, byFp.get(c.fingerprints.sha256));
  assert.equal(certs(pem).length, 3);
  assert.equal(certs(der).length, 1);
});

test('inspect vs openssl: CSRs (subject, key, requested SANs, signature check), tampered CSR', async () => {
  await ready;
  const csrs: [string, string][] = [['rsa2048', '/CN=req.example/O=Acme\\, Inc.'], ['p256', '/CN=ec req'], ['ed25519', '/CN=Grüße'], ['pss2048', '/CN=pss'], ['rsa1024', '/CN=sha1']];
  for (const [k, s] of csrs) ossl(['req', '-new', '-key', `${k}.key`, '-subj', s, '-utf8', '-config', 'req-utf8only.cnf', ...(k === 'rsa1024' ? ['-sha1'] : []), '-addext', 'subjectAltName=DNS:req.example,IP:2001:db8::7,email:r@example.com', '-out', `${k}.csr`]);
  ossl(['req', '-in', 'rsa2048.csr', '-outform', 'DER', '-out', 'rsa2048.der.csr']);
  // Flip a bit in the signature (the last byte of the DER).
  const der = readFileSync(p('rsa2048.der.csr'));
  der[der.length - 1] ^= 1;
  writeFileSync(p('bad.csr'), `-----BEGIN CERTIFICATE REQUEST-----\n${der.toString('base64').replace(/.{64}/g, '$&\n')}\n-----END CERTIFICATE REQUEST-----\n`);
  const files = [...csrs.map(([k]) => `${k}.csr`), 'rsa2048.der.csr', 'bad.csr'];
  const objects = runInspect(files);
  objects.forEach((o, i) => {
    assert.equal(o.kind, 'csr', files[i]);
    if (o.kind !== 'csr') return;
    const args = ['req', '-in', files[i], ...(files[i].includes('.der') ? ['-inform', 'DER'] : []), '-noout', '-subject', '-nameopt', 'RFC2253', '-text'];
    const out = ossl(args);
    assert.equal(o.subject, /^subject=(.*)$/m.exec(out)?.[1], files[i]);
    assert.equal(o.signatureAlgorithm, /Signature Algorithm: (\S+)/.exec(out)?.[1]);
    assert.deepEqual(o.sans, [{ type: 'dns', value: 'req.example' }, { type: 'ip', value: '2001:db8::7' }, { type: 'email', value: 'r@example.com' }]);
    const verified = spawnSync('openssl', ['req', '-in', files[i], ...(files[i].includes('.der') ? ['-inform', 'DER'] : []), '-verify', '-noout'], { cwd: dir, encoding: 'utf8' });
    // `openssl req -verify` exits 0 either way (3.0); its message tells.
    const opensslValid = /verify OK/.test(verified.stdout + verified.stderr);
    // tlsnet checks RSA PKCS#1 v1.5 and Ed25519 signatures; others are honestly `unchecked`.
    if (o.signature !== 'unchecked') assert.equal(o.signature === 'valid', opensslValid, files[i]);
    else assert.ok(['p256.csr', 'pss2048.csr'].includes(files[i]), files[i]);
  });
  assert.equal(objects.find((o) => o.file.endsWith('bad.csr'))?.kind === 'csr' && (objects.find((o) => o.file.endsWith('bad.csr')) as { signature: string }).signature, 'invalid');
});

test('inspect vs openssl: CRLs (issuer, this/next update, revoked count)', async () => {
  await ready;
  writeFileSync(p('ca.cnf'), `[ca]\ndefault_ca=d\n[d]\ndatabase=${p('index.txt')}\ncrlnumber=${p('crlnumber')}\ndefault_md=sha256\ndefault_crl_days=30\n`);
  const crls: string[] = [];
  for (const [i, ca] of CAS.entries()) {
    const revoked = [0, 1, 5][i];
    writeFileSync(p('index.txt'), Array.from({ length: revoked }, (_, j) => `R\t301231235959Z\t250101000000Z\t${(0x10 + j).toString(16).toUpperCase().padStart(2, '0')}\tunknown\t/CN=r${j}\n`).join(''));
    writeFileSync(p('crlnumber'), '01\n');
    ossl(['ca', '-gencrl', '-config', 'ca.cnf', '-keyfile', `${ca}.key`, '-cert', `${ca}-ca.pem`, '-out', `${ca}.crl`, ...(ca === 'ed25519' ? ['-md', 'default'] : [])]);
    crls.push(`${ca}.crl`);
  }
  const objects = runInspect(crls);
  objects.forEach((o, i) => {
    assert.equal(o.kind, 'crl');
    if (o.kind !== 'crl') return;
    const out = ossl(['crl', '-in', crls[i], '-noout', '-issuer', '-lastupdate', '-nextupdate', '-nameopt', 'RFC2253', '-text']);
    const iso = (d: string | undefined): string => new Date(d ?? '').toISOString().replace('.000Z', 'Z');
    assert.equal(o.issuer, /^issuer=(.*)$/m.exec(out)?.[1]);
    assert.equal(o.thisUpdate, iso(/^lastUpdate=(.*)$/m.exec(out)?.[1]));
    assert.equal(o.nextUpdate, iso(/^nextUpdate=(.*)$/m.exec(out)?.[1]));
    assert.equal(o.revoked, (out.match(/Serial Number:/g) ?? []).length);
    assert.equal(o.signatureAlgorithm, /Signature Algorithm: (\S+)/.exec(out)?.[1]);
  });
});

test('inspect vs openssl: private keys (PKCS#8, traditional, encrypted) and public keys, never key material', async () => {
  await ready;
  const files: string[] = [];
  for (const k of keys) {
    files.push(`${k}.key`);
    ossl(['pkey', '-in', `${k}.key`, '-pubout', '-out', `${k}.pub`]);
    files.push(`${k}.pub`);
    ossl(['pkey', '-in', `${k}.key`, '-aes256', '-passout', 'pass:x', '-out', `${k}.enc.key`]);
    files.push(`${k}.enc.key`);
    if (/^(rsa|p)\d/.test(k)) {
      ossl(['pkey', '-in', `${k}.key`, '-traditional', '-out', `${k}.trad.key`]);
      ossl(['pkey', '-in', `${k}.key`, '-traditional', '-aes128', '-passout', 'pass:x', '-out', `${k}.tradenc.key`]);
      files.push(`${k}.trad.key`, `${k}.tradenc.key`);
    }
  }
  const objects = runInspect(files);
  const json = JSON.stringify(objects);
  objects.forEach((o, i) => {
    const f = files[i];
    const k = f.split('.')[0];
    const pub = ossl(['pkey', '-in', `${k}.pub`, '-pubin', '-noout', '-text']);
    const bits = /Public-Key: \((\d+) bit\)/.exec(pub)?.[1];
    const curve = ({ prime256v1: 'P-256', secp384r1: 'P-384', secp521r1: 'P-521' } as Record<string, string>)[/ASN1 OID: (\S+)/.exec(pub)?.[1] ?? ''] ?? null;
    const algorithm = k.startsWith('rsa') ? 'rsa' : k.startsWith('pss') ? 'rsa-pss' : k.startsWith('p') ? 'ec' : k;
    const size = { bits: k === 'ed25519' ? 253 : k === 'ed448' ? 456 : Number(bits), curve };
    if (f.endsWith('.pub')) assert.deepEqual(o, { file: p(f), line: 1, kind: 'public-key', algorithm, ...size }, f);
    else if (f.endsWith('.enc.key')) assert.deepEqual(o, { file: p(f), line: 1, kind: 'private-key', algorithm: 'unknown', bits: null, curve: null, encrypted: true }, f);
    else if (f.endsWith('.tradenc.key')) assert.deepEqual(o, { file: p(f), line: 1, kind: 'private-key', algorithm, bits: null, curve: null, encrypted: true }, f);
    else assert.deepEqual(o, { file: p(f), line: 1, kind: 'private-key', algorithm, ...size, encrypted: false }, f);
    // No key material: no long hex or base64 run from the key file appears in the output.
    const body = readFileSync(p(f), 'utf8').split('\n').filter((l) => /^[A-Za-z0-9+/=]{40,}$/.test(l));
    for (const l of body) assert.ok(!json.includes(l.slice(0, 40)), `${f}: key material in the output`);
  });
});

test('inspect vs openssl: generation and comparison stay under 40 s', async () => {
  await ready;
  const s = (Date.now() - started) / 1000;
  console.log(`inspect vs openssl: ${s.toFixed(1)} s in all`);
  assert.ok(s < 40, `${s} s`);
});

const CORPUS = join(process.cwd(), '..', 'shared', 'corpus', 'pki');
test('inspect: the real PKI corpus decodes without a crash', { skip: !existsSync(CORPUS) }, () => {
  const files: string[] = [];
  const walk = (d: string): void => {
    for (const e of readdirSync(d)) {
      const f = join(d, e);
      if (statSync(f).isDirectory()) walk(f);
      else if (/\.(pem|crt|cer|der|csr|crl|key|p7b|p7c|pub|req)$/i.test(e)) files.push(f);
    }
  };
  walk(CORPUS);
  let objects = 0;
  const failures: Record<string, number> = {};
  const kinds: Record<string, number> = {};
  const t0 = Date.now();
  for (const f of files) {
    for (const o of inspectBytes(f, readFileSync(f))) {
      objects++;
      kinds[o.kind] = (kinds[o.kind] ?? 0) + 1;
      if (o.kind === 'error') {
        const why = o.message.replace(/[0-9a-f]{8,}|\d+/gi, 'N').slice(0, 90);
        failures[why] = (failures[why] ?? 0) + 1;
      }
    }
  }
  const top = Object.entries(failures).sort((a, b) => b[1] - a[1]).slice(0, 12).map(([w, c]) => `    ${c} × ${w}`);
  console.log(`inspect corpus sweep: ${files.length} files, ${objects} objects in ${Date.now() - t0} ms; ${JSON.stringify(kinds)}\n  failures by reason:\n${top.join('\n')}`);
  assert.ok(objects > 0);
});
