#!/usr/bin/env node
// Certificate decoding, side by side on the same bundle in the same run:
//   (a) Node's crypto.X509Certificate on every PEM block          (the anchor)
//   (b) tlsnet findEmbeddedObjects: find, decode and describe every certificate (extensions), and
//       read what (a) reads: subject, SHA-256 fingerprint (computed on first read) and SANs
//   (c) openssl crl2pkcs7 -nocrl | openssl pkcs7 -print_certs -noout (two processes, parse all)
//   (d) openssl storeutl -noout -certs
// and hover latency on a 50-certificate bundle (target < 20 ms), through the language server's
// CertificateHovers: cold is the first hover on a just-opened document (nothing of it cached: find,
// decode, render) in a running server — what a user sees on opening a bundle and pointing at it;
// warm is a second hover on the same document version (objects cached per version). (g) is the
// very first hover of a fresh process (code not yet compiled by V8), for reference.
// The bundle is BENCH_DISTINCT (default 100) openssl-made certificates (RSA 2048/3072, P-256,
// P-384, Ed25519, with SANs and extensions) repeated to BENCH_CERTS (default 10,000).
// BENCH_RUNS=N sets the number of timed runs (default 5).
import { spawnSync } from 'node:child_process';
import { X509Certificate } from 'node:crypto';
import { mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { loadSources, median, ROOT, time } from './lib.mjs';

const RUNS = Number(process.env.BENCH_RUNS ?? 5);
const CERTS = Number(process.env.BENCH_CERTS ?? 10_000);
const DISTINCT = Number(process.env.BENCH_DISTINCT ?? 100);

const work = mkdtempSync(join(tmpdir(), 'tlsnet-bench-pki-'));
try {
  // Certificates from the real openssl: a CA, then leaves of several key types signed by it.
  const ssl = (...args) => {
    const r = spawnSync('openssl', args, { cwd: work, encoding: 'utf8' });
    if (r.status !== 0) throw new Error(`openssl ${args.join(' ')}: ${r.stderr}`);
  };
  ssl('req', '-x509', '-newkey', 'ec', '-pkeyopt', 'ec_paramgen_curve:P-256', '-nodes', '-keyout', 'ca.key', '-out', 'ca.pem', '-days', '3650', '-subj', '/O=bench/CN=Bench CA', '-addext', 'basicConstraints=critical,CA:TRUE', '-addext', 'keyUsage=critical,keyCertSign,cRLSign');
  const kinds = [['-newkey', 'rsa:2048'], ['-newkey', 'ec', '-pkeyopt', 'ec_paramgen_curve:P-256'], ['-newkey', 'ec', '-pkeyopt', 'ec_paramgen_curve:P-384'], ['-newkey', 'ed25519'], ['-newkey', 'rsa:3072']];
  const pems = [];
  for (let i = 0; i < DISTINCT; i++) {
    ssl('req', '-x509', ...kinds[i % kinds.length], '-nodes', '-keyout', 'leaf.key', '-out', 'leaf.pem', '-days', String(30 + i), '-subj', `/O=bench/CN=host${i}.example.com`, '-CA', 'ca.pem', '-CAkey', 'ca.key', '-addext', `subjectAltName=DNS:host${i}.example.com,DNS:*.host${i}.example.com,IP:10.0.${i % 256}.1`, '-addext', 'basicConstraints=critical,CA:FALSE', '-addext', 'keyUsage=critical,digitalSignature', '-addext', 'extendedKeyUsage=serverAuth,clientAuth', '-addext', 'crlDistributionPoints=URI:http://crl.example.com/ca.crl', '-addext', 'authorityInfoAccess=OCSP;URI:http://ocsp.example.com');
    pems.push(readFileSync(join(work, 'leaf.pem'), 'utf8'));
  }
  const blocks = Array.from({ length: CERTS }, (_, i) => pems[i % pems.length]);
  const bundle = blocks.join('');
  const bundlePath = join(work, 'bundle.pem');
  writeFileSync(bundlePath, bundle);
  process.stdout.write(`bundle: ${CERTS} certificates (${DISTINCT} distinct), ${(bundle.length / 1024 / 1024).toFixed(1)} MB\n`);

  const core = await loadSources("export { findEmbeddedObjects } from './server/src/pem/embedded'; export { embeddedHover, objectsNear } from './server/src/pem/hover'; export { normalizeSettings } from './server/src/core/settings'; export { CertificateHovers } from './server/src/lsp/certificateHover';", work);

  // (a) Node: split the blocks, construct X509Certificate and read what a hover shows.
  const pemRe = /-----BEGIN CERTIFICATE-----[\s\S]*?-----END CERTIFICATE-----/g;
  const node = () => {
    let n = 0;
    for (const m of bundle.matchAll(pemRe)) {
      const c = new X509Certificate(m[0]);
      if (c.subject && c.fingerprint256 && c.subjectAltName !== undefined) n++;
    }
    if (n !== CERTS) throw new Error(`node decoded ${n}`);
  };
  // (b) tlsnet
  const ours = () => {
    const objs = core.findEmbeddedObjects(bundle, { maxStructuredLength: 0 });
    let n = 0;
    for (const o of objs) {
      const d = o.item?.kind === 'certificate' ? o.item.cert.description : undefined;
      if (d && d.subject && d.fingerprints.sha256 && d.sans) n++;
    }
    if (n !== CERTS) throw new Error(`tlsnet decoded ${n}`);
  };
  // (c), (d) openssl
  const sh = (cmd) => () => {
    const r = spawnSync('sh', ['-c', cmd], { cwd: work, encoding: 'utf8', maxBuffer: 256 << 20 });
    if (r.status !== 0) throw new Error(`${cmd}: ${r.stderr}`);
  };
  const pkcs7 = sh(`openssl crl2pkcs7 -nocrl -certfile ${bundlePath} | openssl pkcs7 -print_certs -noout`);
  const storeutl = sh(`openssl storeutl -noout -certs ${bundlePath} > /dev/null`);

  const measure = (f) => {
    f();
    return median(Array.from({ length: RUNS }, () => time(f)));
  };
  const nodeMs = measure(node);
  const oursFirst = time(ours);
  const oursMs = measure(ours);
  const pkcs7Ms = measure(pkcs7);
  const storeutlMs = measure(storeutl);

  // Hover on the 25th certificate of a 50-certificate bundle.
  const small = blocks.slice(0, 50).join('');
  const offset = small.split('-----BEGIN CERTIFICATE-----', 25).join('-----BEGIN CERTIFICATE-----').length + 40;
  const settings = core.normalizeSettings({});
  const hovers = new core.CertificateHovers();
  let opened = 0;
  const hover = (uri) => {
    const h = hovers.hover({ uri, version: 1, text: small, path: '/bench/bundle.pem', offset, settings, host: () => undefined, paths: false });
    if (!h || !/Certificate 25 of 50/.test(h.markdown)) throw new Error('hover did not find certificate 25 of 50');
  };
  // A new URI each time: a just-opened document, nothing of it cached.
  const coldMs = measure(() => hover(`file:///bench/opened-${opened++}.pem`));
  hover('file:///bench/open.pem');
  const warmMs = measure(() => hover('file:///bench/open.pem'));
  // (g) A fresh node process: load the bundle, then time one hover.
  const smallPath = join(work, 'small.pem');
  writeFileSync(smallPath, small);
  const child = `const core = require(${JSON.stringify(join(work, 'core.cjs'))}); const text = require('node:fs').readFileSync(${JSON.stringify(smallPath)}, 'utf8'); const t0 = performance.now(); const h = new core.CertificateHovers().hover({ uri: 'file:///b.pem', version: 1, text, path: '/b.pem', offset: ${offset}, settings: core.normalizeSettings({}), host: () => undefined, paths: false }); if (!/Certificate 25 of 50/.test(h.markdown)) process.exit(1); process.stdout.write(String(performance.now() - t0));`;
  const freshMs = median(Array.from({ length: RUNS }, () => {
    const r = spawnSync(process.execPath, ['-e', child], { encoding: 'utf8' });
    if (r.status !== 0) throw new Error(`fresh-process hover: ${r.stderr}`);
    return Number(r.stdout);
  }));

  const perSec = (ms) => Math.round((CERTS / ms) * 1000).toLocaleString('en-US');
  const rows = [
    ['(a) node crypto.X509Certificate (anchor)', nodeMs, perSec(nodeMs), '1.00×'],
    ['(b) tlsnet findEmbeddedObjects (decode + describe)', oursMs, perSec(oursMs), `${(oursMs / nodeMs).toFixed(2)}× (first run ${oursFirst.toFixed(0)} ms)`],
    ['(c) openssl crl2pkcs7 \\| pkcs7 -print_certs', pkcs7Ms, perSec(pkcs7Ms), `${(pkcs7Ms / nodeMs).toFixed(2)}×`],
    ['(d) openssl storeutl -certs', storeutlMs, perSec(storeutlMs), `${(storeutlMs / nodeMs).toFixed(2)}×`],
    ['(e) hover, 50-cert bundle, first on a just-opened document (find + decode + render)', coldMs, '', `target < 20 ms: ${coldMs < 20 ? 'met' : 'MISSED'}`],
    ['(f) hover, 50-cert bundle, again on the same version (cached)', warmMs, '', `target < 20 ms: ${warmMs < 20 ? 'met' : 'MISSED'}`],
    ['(g) hover, 50-cert bundle, first in a fresh process (V8 cold)', freshMs, '', 'for reference: a server that has decoded nothing yet'],
  ];
  process.stdout.write(`\n| measurement | median ms | certificates/s | ratio to (a) / note |\n|---|---:|---:|---|\n`);
  for (const [name, ms, rate, note] of rows) process.stdout.write(`| ${name} | ${ms.toFixed(1)} | ${rate} | ${note} |\n`);
} finally {
  rmSync(work, { recursive: true, force: true });
}
