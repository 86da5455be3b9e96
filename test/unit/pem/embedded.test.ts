import assert from 'node:assert/strict';
import { test } from 'node:test';
import { findEmbeddedObjects, type EmbeddedObject } from '../../../server/src/pem/embedded';
import { findPemBlocks } from '../../../server/src/pki/pem';
import { fixture } from '../pki/fixtures';

const chain = fixture('server-chain.pem');
const leafPem = fixture('server.crt');
const keyPem = fixture('server.key');
const der = (pem: string): Buffer => Buffer.from(findPemBlocks(pem)[0].der!);
const b64 = (s: string | Buffer): string => Buffer.from(s).toString('base64');
const summary = (objs: EmbeddedObject[]): [string, string, string][] =>
  objs.map((o) => [o.embedding, o.item?.kind ?? 'error', o.item?.kind === 'certificate' ? o.item.cert.description.subject : (o.error?.message ?? '')]);
const LEAF = 'O=tlsnet test,CN=api.example.com';
const INT = 'O=tlsnet test,CN=Test Server Intermediate';

test('embedded: PEM in a YAML block scalar, indented, and the same with CRLF', () => {
  for (const eol of ['\n', '\r\n']) {
    const yaml = `apiVersion: v1\nkind: ConfigMap\ndata:\n  ca.crt: |\n${chain.replace(/^(?=.)/gm, '    ')}  other: x\n`.replace(/\n/g, eol);
    const objs = findEmbeddedObjects(yaml);
    assert.deepEqual(summary(objs), [['pem', 'certificate', LEAF], ['pem', 'certificate', INT]]);
    assert.equal(yaml.slice(objs[0].span.start, objs[0].span.start + 27), '-----BEGIN CERTIFICATE-----');
    assert.ok(yaml.slice(0, objs[1].span.end).endsWith('-----END CERTIFICATE-----'));
  }
});

test('embedded: several blocks in markdown, junk between them, a key among them', () => {
  const md = `# Notes\n\n\`\`\`\n${leafPem}\`\`\`\n\nand the key:\n\n${keyPem}\n`;
  assert.deepEqual(summary(findEmbeddedObjects(md)).map((x) => x.slice(0, 2)), [['pem', 'certificate'], ['pem', 'private-key']]);
});

test('embedded: \\n-escaped PEM in JSON strings, spans in the escaped text', () => {
  const json = JSON.stringify({ tls: { chain, key: keyPem } }, null, 2);
  const objs = findEmbeddedObjects(json);
  assert.deepEqual(summary(objs).map((x) => x.slice(0, 2)), [['pem-escaped', 'certificate'], ['pem-escaped', 'certificate'], ['pem-escaped', 'private-key']]);
  for (const o of objs) {
    const s = json.slice(o.span.start, o.span.end);
    assert.match(s, /^-----BEGIN [A-Z ]+-----\\n/);
    assert.match(s, /\\n-----END [A-Z ]+-----$/);
  }
  assert.equal(objs[0].item?.kind === 'certificate' && objs[0].item.cert.description.subject, LEAF);
  // `\/` escapes (some JSON writers escape slashes) decode too.
  const slashed = JSON.stringify({ cert: leafPem }).replace(/\//g, '\\/');
  assert.deepEqual(summary(findEmbeddedObjects(slashed)).map((x) => x.slice(0, 2)), [['pem-escaped', 'certificate']]);
});

test('embedded: Kubernetes Secret with base64 PEM (tls.crt, tls.key) and base64 DER (ca.crt)', () => {
  const secret = `apiVersion: v1\nkind: Secret\ntype: kubernetes.io/tls\nmetadata:\n  name: web\ndata:\n  tls.crt: ${b64(chain)}\n  tls.key: ${b64(keyPem)}\n  ca.crt: "${b64(der(fixture('server-int.crt')))}"\n`;
  const objs = findEmbeddedObjects(secret);
  assert.deepEqual(summary(objs).map((x) => x.slice(0, 2)), [['base64-pem', 'certificate'], ['base64-pem', 'certificate'], ['base64-pem', 'private-key'], ['base64-der', 'certificate']]);
  const crtValue = { start: secret.indexOf(b64(chain)), end: secret.indexOf(b64(chain)) + b64(chain).length };
  assert.deepEqual(objs[0].value, crtValue);
  assert.ok(objs[0].span.start === crtValue.start && objs[0].span.end <= objs[1].span.start && objs[1].span.end <= crtValue.end, 'each block maps to its part of the value');
  const ca = objs[3];
  assert.equal(secret.slice(ca.span.start, ca.span.end), `"${b64(der(fixture('server-int.crt')))}"`);
  assert.equal(ca.item?.kind === 'certificate' && ca.item.cert.description.subject, INT);
});

test('embedded: Helm values with a wrapped base64 block scalar, a folded plain scalar and Istio inline PEM', () => {
  const wrapped = b64(der(leafPem)).replace(/.{64}/g, '$&\n      ');
  const values = [
    'ingress:',
    '  tls:',
    '    caBundle: |',
    `      ${wrapped.trimEnd()}`,
    'webhook:',
    `  caBundle: ${b64(der(fixture('server-int.crt'))).replace(/.{76}/g, '$&\n    ')}`,
    'meshConfig:',
    '  caCertificates:',
    '  - pem: |',
    ...fixture('root.crt').trimEnd().split('\n').map((l) => `      ${l}`),
    '    trustDomains: [cluster.local]',
    '',
  ].join('\n');
  const objs = findEmbeddedObjects(values);
  assert.deepEqual(summary(objs).map((x) => x.slice(0, 2)), [['base64-der', 'certificate'], ['base64-der', 'certificate'], ['pem', 'certificate']]);
  assert.equal(objs[0].item?.kind === 'certificate' && objs[0].item.cert.description.subject, LEAF);
  assert.equal(objs[1].item?.kind === 'certificate' && objs[1].item.cert.description.subject, INT);
});

test('embedded: base64 in a line of any text (.env)', () => {
  const env = `APP=web\nTLS_CRT=${b64(leafPem)}\nTLS_CA="${b64(der(fixture('root.crt')))}"\n`;
  assert.deepEqual(summary(findEmbeddedObjects(env)).map((x) => x.slice(0, 2)), [['base64-pem', 'certificate'], ['base64-der', 'certificate']]);
});

test('embedded: malformed base64 and DER are errors with the document offset, never throws', () => {
  const good = b64(der(leafPem));
  const bad = good.slice(0, 100) + '*' + good.slice(101);
  const secret = `kind: Secret\ndata:\n  tls.crt: ${bad}\n`;
  const [o] = findEmbeddedObjects(secret);
  assert.equal(o.item, undefined);
  assert.equal(o.error?.offset, secret.indexOf('*'));
  assert.match(o.error?.message ?? '', /"tls.crt": invalid base64 character "\*"/);

  const truncated = `kind: Secret\ndata:\n  ca.crt: ${b64(der(leafPem).subarray(0, 300))}\n`;
  const [t] = findEmbeddedObjects(truncated);
  assert.match(t.error?.message ?? '', /DER is truncated: its header declares \d+ bytes, the value holds 300/);
  assert.ok(t.error!.offset > truncated.indexOf('ca.crt: ') && t.error!.offset <= truncated.length);

  const notDer = `kind: Secret\ndata:\n  tls.crt: ${b64('this is not a certificate at all, just text!')}\n`;
  assert.match(findEmbeddedObjects(notDer)[0].error?.message ?? '', /neither PEM nor DER/);

  const pemBad = leafPem.replace(/\n(.{10})./, '\n$1!');
  const [p] = findEmbeddedObjects(`cert: |\n${pemBad.replace(/^(?=.)/gm, '  ')}`);
  assert.match(p.error?.message ?? '', /invalid base64 character "!"/);
  assert.equal(`cert: |\n${pemBad.replace(/^(?=.)/gm, '  ')}`[p.error!.offset], '!');
});

test('embedded: base64 that is no certificate, paths and names are left alone', () => {
  const values = `password: ${b64('correct horse battery staple and more words here')}\ntoken: ${'QUJD'.repeat(30)}\ncaCertificates: /etc/certs/root.pem\ncert: my-cert-name\n`;
  assert.deepEqual(findEmbeddedObjects(values), []);
  assert.deepEqual(findEmbeddedObjects('plain text with no certificates'), []);
});

test('embedded: an alias bomb costs its source size, not its expansion', () => {
  const bomb = ['a: &a ["lol","lol","lol","lol","lol","lol","lol","lol","lol"]'];
  for (let i = 1; i < 10; i++) bomb.push(`${String.fromCharCode(97 + i)}: &${String.fromCharCode(97 + i)} [${Array(9).fill(`*${String.fromCharCode(96 + i)}`).join(',')}]`);
  bomb.push(`ca.crt: ${b64(der(leafPem))}`);
  const t0 = performance.now();
  const objs = findEmbeddedObjects(bomb.join('\n'));
  assert.ok(performance.now() - t0 < 1000);
  assert.deepEqual(summary(objs).map((x) => x.slice(0, 2)), [['base64-der', 'certificate']]);
});

test('embedded: a 10 MB document is scanned for PEM in well under a second; the YAML pass is skipped', () => {
  const filler = 'key: value that is long enough to matter\n'.repeat(Math.ceil((10 * 1024 * 1024) / 41));
  const doc = `${filler}ca.crt: ${b64(der(leafPem))}\ncert: |\n${leafPem.replace(/^(?=.)/gm, '  ')}`;
  const t0 = performance.now();
  const objs = findEmbeddedObjects(doc);
  assert.ok(performance.now() - t0 < 1000, `took ${performance.now() - t0} ms`);
  assert.deepEqual(summary(objs).map((x) => x.slice(0, 2)), [['pem', 'certificate']]);
});

test('embedded: base64 in a JSON Secret (kubectl -o json) and an Istio-style JSON list', () => {
  const der = Buffer.from(findPemBlocks(fixture('root.crt'))[0].der!);
  const json = JSON.stringify({ apiVersion: 'v1', kind: 'Secret', data: { 'tls.crt': b64(leafPem), 'ca.crt': b64(der) }, spec: { caCertificates: [b64(der)] } }, null, '\t');
  const objs = findEmbeddedObjects(json);
  assert.deepEqual(summary(objs).map((x) => x.slice(0, 2)), [['base64-pem', 'certificate'], ['base64-der', 'certificate'], ['base64-der', 'certificate']]);
  assert.equal(json[objs[1].span.start], '"');
});
