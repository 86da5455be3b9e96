import assert from 'node:assert/strict';
import { spawnSync } from 'node:child_process';
import { mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { test } from 'node:test';
import { normalizeSettings } from '../../server/src/core/settings';
import { analyzeNginx } from '../../server/src/nginx/analyze';
import { fsHost } from '../../server/src/node/fsHost';
import { applyEdits } from '../unit/ruleTester';

// Real nginx (Debian nginx-light) and real openssl are the oracles: what nginx refuses we flag as
// an error on the directive, and after our quick fix nginx accepts the file and we are quiet.
const dir = mkdtempSync(join(tmpdir(), 'tlsnet-oracle-'));
const sh = (cmd: string, args: string[]) => spawnSync(cmd, args, { encoding: 'utf8', cwd: dir });

function nginxT(conf: string): { ok: boolean; output: string } {
  const file = join(dir, 'nginx.conf');
  writeFileSync(file, conf);
  const r = sh('nginx', ['-t', '-q', '-p', dir, '-c', file, '-e', 'stderr', '-g', `pid ${dir}/nginx.pid;`]);
  assert.notEqual(r.error?.message.includes('ENOENT'), true, 'nginx must be installed (npm test installs nginx-light; see scripts/ensure-oracles.sh)');
  return { ok: r.status === 0, output: r.stdout + r.stderr };
}

function lint(conf: string) {
  const file = join(dir, 'nginx.conf');
  // The real files openssl made are read from disk, as the CLI on a server would; info findings
  // (ciphers and protocols left at nginx's defaults) are beside the point here.
  const host = fsHost({ roots: [dir], overlay: (p) => (p === file ? conf : undefined) });
  return analyzeNginx(file, conf, { host, settings: normalizeSettings({ nginx: { version: '1.22.1' } }), onError: (rule, e) => assert.fail(`${rule} threw ${String(e)}`) }).findings.filter((f) => f.severity === 'error' || f.severity === 'warning');
}

const key = join(dir, 'server.key.pem');
const crt = join(dir, 'server.crt.pem');
const ca = join(dir, 'client-ca.crt.pem');
const gen = sh('openssl', ['req', '-x509', '-newkey', 'ec', '-pkeyopt', 'ec_paramgen_curve:P-256', '-nodes', '-keyout', key, '-out', crt, '-days', '2', '-subj', '/CN=localhost']);
const genCa = sh('openssl', ['req', '-x509', '-newkey', 'ec', '-pkeyopt', 'ec_paramgen_curve:P-256', '-nodes', '-keyout', join(dir, 'ca.key.pem'), '-out', ca, '-days', '2', '-subj', '/CN=Client CA', '-addext', 'basicConstraints=critical,CA:TRUE']);

const conf = (serverBody: string): string =>
  `events {}\nhttp {\n    access_log off;\n    server {\n        listen 127.0.0.1:18443 ssl;\n        ssl_certificate ${crt};\n        ssl_certificate_key ${key};\n${serverBody}    }\n}\n`;

test('oracle: openssl made the test certificates', () => {
  assert.equal(gen.status, 0, gen.stderr);
  assert.equal(genCa.status, 0, genCa.stderr);
  assert.match(readFileSync(crt, 'utf8'), /BEGIN CERTIFICATE/);
});

test('oracle: nginx/verify-client-without-ca — nginx refuses, we flag the same directive; after the fix both accept', () => {
  const broken = conf('        ssl_verify_client on;\n');
  const n = nginxT(broken);
  assert.equal(n.ok, false);
  assert.match(n.output, /no ssl_client_certificate for ssl_verify_client/);
  const findings = lint(broken);
  assert.deepEqual(findings.map((f) => f.rule), ['nginx/verify-client-without-ca']);
  const line = broken.slice(0, findings[0].span.start).split('\n').length;
  assert.equal(broken.split('\n')[line - 1].trim(), 'ssl_verify_client on;');
  // The user fills the snippet's placeholder with their CA file.
  const fixed = applyEdits(broken, findings[0].fixes![0].edits).replace('/etc/nginx/ssl/client-ca-chain.pem', ca);
  assert.ok(nginxT(fixed).ok, nginxT(fixed).output);
  assert.deepEqual(lint(fixed), []);
});

test('oracle: nginx/client-ca-without-verify — nginx accepts silently (mTLS never happens), we warn; the fix is accepted too', () => {
  const loose = conf(`        ssl_client_certificate ${ca};\n`);
  assert.ok(nginxT(loose).ok);
  const findings = lint(loose);
  assert.deepEqual(findings.map((f) => [f.rule, f.severity]), [['nginx/client-ca-without-verify', 'warning']]);
  const fixed = applyEdits(loose, findings[0].fixes![0].edits);
  assert.match(fixed, /ssl_client_certificate .*;\n {8}ssl_verify_client on;\n/);
  assert.ok(nginxT(fixed).ok, nginxT(fixed).output);
  assert.deepEqual(lint(fixed), []);
});

test('oracle: a plain-HTTP server inheriting ssl_verify_client is accepted by nginx and by us', () => {
  const c = 'events {}\nhttp {\n    access_log off;\n    ssl_verify_client on;\n    server {\n        listen 127.0.0.1:18080;\n    }\n}\n';
  assert.ok(nginxT(c).ok, nginxT(c).output);
  assert.deepEqual(lint(c), []);
});

test('oracle: syntax errors nginx reports are ours too, on the same line', () => {
  const c = 'events {}\nhttp {\n    server {\n        listen 127.0.0.1:18080;\n        location / {\n            return 200 "ok"\n        }\n    }\n}\n';
  const n = nginxT(c);
  assert.equal(n.ok, false);
  const nginxLine = Number(/nginx\.conf:(\d+)/.exec(n.output)?.[1]);
  const ours = lint(c).filter((f) => f.rule === 'nginx/syntax-error');
  assert.equal(ours.length, 1);
  assert.ok(Number.isFinite(nginxLine));
  // nginx reports where it noticed ("}" on line 7); we point at the unterminated directive on line 6.
  assert.equal(c.slice(0, ours[0].span.start).split('\n').length, 6);
  assert.equal(nginxLine, 7);
});
