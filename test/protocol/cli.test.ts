import assert from 'node:assert/strict';
import { spawnSync } from 'node:child_process';
import { mkdirSync, mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { test } from 'node:test';

const CLI = join(process.cwd(), 'bin/tlsnet.js');
const run = (args: string[], cwd: string) => spawnSync(process.execPath, [CLI, ...args], { cwd, encoding: 'utf8' });

const ws = mkdtempSync(join(tmpdir(), 'tlsnet-cli-'));
mkdirSync(join(ws, 'conf/conf.d'), { recursive: true });
mkdirSync(join(ws, 'clean/nginx'), { recursive: true });
// The files these configs name do not exist, and no ciphers are pinned: those rules are off here
// (the CLI reads the folder's settings.json as the editor does), so the tests stay on the mTLS rules.
mkdirSync(join(ws, '.vscode'));
writeFileSync(join(ws, '.vscode/settings.json'), JSON.stringify({ 'tlsnet.rules': { 'nginx/file-not-found': 'off', 'nginx/missing-ssl-ciphers': 'off', 'nginx/missing-ssl-protocols': 'off' } }));
writeFileSync(join(ws, 'conf/nginx.conf'), 'events {}\nhttp {\n    include conf.d/*.conf;\n    server {\n        listen 443 ssl;\n        ssl_certificate s.pem;\n        ssl_certificate_key s.key;\n        ssl_verify_client on;\n    }\n}\n');
writeFileSync(join(ws, 'conf/conf.d/api.conf'), 'server {\n    listen 8443 ssl;\n    ssl_certificate s.pem;\n    ssl_certificate_key s.key;\n    ssl_client_certificate ca.pem;\n}\n');
writeFileSync(join(ws, 'conf/notes.txt'), 'ssl_verify_client on;\n');
writeFileSync(join(ws, 'clean/nginx/site.conf'), 'server {\n    listen 443 ssl;\n    ssl_certificate s.pem;\n    ssl_certificate_key s.key;\n    ssl_client_certificate ca.pem;\n    ssl_verify_client on;\n}\n');

test('cli: --format json prints exactly one object with the documented fields; exit 1 on an error', () => {
  const r = run(['lint', 'conf', '--format', 'json'], ws);
  assert.equal(r.status, 1, r.stderr);
  const out = JSON.parse(r.stdout);
  assert.deepEqual(Object.keys(out), ['version', 'findings']);
  assert.equal(out.version, 1);
  assert.deepEqual(out.findings, [
    { file: 'conf.d/api.conf', line: 5, column: 5, endLine: 5, endColumn: 35, severity: 'warning', rule: 'nginx/client-ca-without-verify', message: out.findings[0].message },
    { file: 'nginx.conf', line: 8, column: 9, endLine: 8, endColumn: 30, severity: 'error', rule: 'nginx/verify-client-without-ca', message: out.findings[1].message },
  ]);
  assert.match(out.findings[1].message, /ssl_client_certificate/);
});

test('cli: a file given by path is reported as given; text format; exit 0 with warnings only', () => {
  const r = run(['lint', 'conf/conf.d/api.conf'], ws);
  assert.equal(r.status, 0);
  assert.equal(r.stdout.split('\n')[0], 'conf/conf.d/api.conf:5:5: warning: "ssl_client_certificate" is set but "ssl_verify_client" is not, so nginx never asks clients for a certificate (the default is off). Add "ssl_verify_client on;" to require one. [nginx/client-ca-without-verify]');
  assert.match(r.stdout, /^1 problem \(0 errors, 1 warning\), 1 file checked$/m);
});

test('cli: clean tree exits 0; files in no known language are not linted', () => {
  const r = run(['lint', 'clean', '--format', 'json'], ws);
  assert.equal(r.status, 0, r.stdout + r.stderr);
  assert.deepEqual(JSON.parse(r.stdout).findings, []);
  const t = run(['lint', 'conf/notes.txt'], ws);
  assert.equal(t.status, 0);
  assert.match(t.stdout, /no problems, 0 files checked/);
  const forced = run(['lint', 'conf/notes.txt', '--language', 'nginx', '--format', 'json'], ws);
  assert.equal(JSON.parse(forced.stdout).findings[0].rule, 'nginx/verify-client-without-ca');
});

test('cli: usage and I/O errors exit 2', () => {
  assert.equal(run([], ws).status, 2);
  assert.equal(run(['lint'], ws).status, 2);
  assert.equal(run(['lint', 'conf', '--format', 'xml'], ws).status, 2);
  assert.equal(run(['frobnicate'], ws).status, 2);
  const missing = run(['lint', 'nope.conf'], ws);
  assert.equal(missing.status, 2);
  assert.match(missing.stderr, /nope\.conf: no such file or directory/);
  assert.equal(run(['--version'], ws).stdout.trim(), '0.1.0');
});

test('cli: SARIF 2.1.0 as GitHub code scanning takes it', () => {
  const r = run(['lint', 'conf', '--format', 'sarif'], ws);
  assert.equal(r.status, 1);
  const sarif = JSON.parse(r.stdout);
  assert.equal(sarif.version, '2.1.0');
  assert.equal(sarif.$schema, 'https://json.schemastore.org/sarif-2.1.0.json');
  const run0 = sarif.runs[0];
  assert.equal(run0.tool.driver.name, 'tlsnet');
  const rules = run0.tool.driver.rules as { id: string; help: { markdown: string }; defaultConfiguration: { level: string }; shortDescription: { text: string } }[];
  const byId = Object.fromEntries(rules.map((x) => [x.id, x]));
  assert.equal(byId['nginx/verify-client-without-ca'].defaultConfiguration.level, 'error');
  assert.match(byId['nginx/verify-client-without-ca'].help.markdown, /^# nginx\/verify-client-without-ca/);
  for (const x of rules) assert.ok(x.shortDescription.text.length > 10 && x.shortDescription.text.length <= 1024);
  const results = run0.results as { ruleId: string; ruleIndex: number; level: string; message: { text: string }; locations: { physicalLocation: { artifactLocation: { uri: string; uriBaseId: string }; region: Record<string, number> } }[] }[];
  assert.equal(results.length, 2);
  const err = results.find((x) => x.level === 'error')!;
  assert.equal(rules[err.ruleIndex].id, err.ruleId);
  // Paths relative to where tlsnet ran (the repository root in CI), not to the directory given.
  assert.deepEqual(err.locations[0].physicalLocation.artifactLocation, { uri: 'conf/nginx.conf', uriBaseId: '%SRCROOT%' });
  assert.deepEqual(err.locations[0].physicalLocation.region, { startLine: 8, startColumn: 9, endLine: 8, endColumn: 30 });
});

test('cli: a 10 MB file is refused politely, not parsed', () => {
  const big = join(ws, 'big/nginx');
  mkdirSync(big, { recursive: true });
  writeFileSync(join(big, 'nginx.conf'), 'server { listen 80; }\n'.repeat(500000));
  const r = run(['lint', 'big', '--format', 'json'], ws);
  assert.equal(r.status, 0);
  assert.deepEqual(JSON.parse(r.stdout).findings.map((f: { rule: string }) => f.rule), ['general/file-too-large']);
});

test('cli: settings come from the folder .vscode/settings.json, and --setting overrides them', () => {
  const dir = join(ws, 'versioned');
  mkdirSync(join(dir, '.vscode'), { recursive: true });
  mkdirSync(join(dir, 'nginx'), { recursive: true });
  // Only ssl_trusted_certificate: nginx 1.22.1 refuses this, current nginx accepts it.
  writeFileSync(join(dir, 'nginx/site.conf'), 'server {\n    listen 443 ssl;\n    ssl_certificate s.pem;\n    ssl_certificate_key s.key;\n    ssl_trusted_certificate ca.pem;\n    ssl_verify_client on;\n    if ($ssl_client_verify != SUCCESS) { return 403; }\n}\n');
  const rules = (args: string[]): string[] => (JSON.parse(run(['lint', 'nginx', '--format', 'json', ...args], dir).stdout) as { findings: { rule: string; severity: string }[] }).findings.filter((f) => f.severity === 'error').map((f) => f.rule);
  assert.deepEqual(rules([]), [], 'no settings: latest stable nginx accepts it');
  // JSON with comments and a trailing comma, as VS Code writes it.
  writeFileSync(join(dir, '.vscode/settings.json'), '{\n  // the fleet runs Debian 12\n  "tlsnet.nginx.version": "1.22.1",\n}\n');
  assert.deepEqual(rules([]), ['nginx/verify-client-without-ca']);
  assert.deepEqual(rules(['--setting', 'tlsnet.nginx.version=1.28.0']), []);
  assert.deepEqual(rules(['--setting=tlsnet.rules.nginx/verify-client-without-ca=off']), []);
  const bad = run(['lint', 'nginx', '--setting', 'tlsnet.tls.profile=paranoid'], dir);
  assert.equal(bad.status, 2);
  assert.match(bad.stderr, /tlsnet\.tls\.profile must be modern, intermediate, old/);
  assert.equal(run(['lint', 'nginx', '--setting', 'tlsnet.nginx.colour=blue'], dir).status, 2);
});
