import assert from 'node:assert/strict';
import { spawnSync } from 'node:child_process';
import { mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { test } from 'node:test';
import { memoryHost } from '../../server/src/core/host';
import { normalizeSettings } from '../../server/src/core/settings';
import { analyzeNginx } from '../../server/src/nginx/analyze';
import { expandSnippet } from '../snippets';

// Every nginx snippet, with its placeholders at their defaults and its file paths pointing at real
// openssl-made files, is accepted by the real nginx, and tlsnet reports no error or warning on it.
const dir = mkdtempSync(join(tmpdir(), 'tlsnet-snippets-'));
const sh = (cmd: string, args: string[]) => spawnSync(cmd, args, { encoding: 'utf8', cwd: dir });
const ca = (name: string, issuer?: string) => {
  const args = issuer
    ? ['req', '-x509', '-newkey', 'ec', '-pkeyopt', 'ec_paramgen_curve:P-256', '-nodes', '-keyout', `${name}.key`, '-out', `${name}.pem`, '-days', '30', '-subj', `/CN=${name}`, '-CA', `${issuer}.pem`, '-CAkey', `${issuer}.key`, '-addext', 'authorityInfoAccess=OCSP;URI:http://127.0.0.1:8888/', '-addext', 'subjectAltName=DNS:localhost']
    : ['req', '-x509', '-newkey', 'ec', '-pkeyopt', 'ec_paramgen_curve:P-256', '-nodes', '-keyout', `${name}.key`, '-out', `${name}.pem`, '-days', '30', '-subj', `/CN=${name}`, '-addext', 'basicConstraints=critical,CA:TRUE', '-addext', 'keyUsage=critical,keyCertSign,cRLSign'];
  const r = sh('openssl', args);
  assert.equal(r.status, 0, r.stderr);
};
ca('root');
ca('leaf', 'root');

const nginxVersion = /nginx\/(\d+\.\d+\.\d+)/.exec(sh('nginx', ['-v']).stderr)?.[1] ?? '0';
const atLeast = (v: string, min: string): boolean => v.split('.').map(Number).reduce((d, n, i) => d || n - Number(min.split('.')[i]), 0) >= 0;

/** The snippet made runnable: every /etc/nginx/ssl path is a real file, upstreams are local. */
function runnable(text: string): string {
  let out = text.replace(/\/etc\/nginx\/ssl\/[\w.-]+/g, (p) => (/key/.test(p) ? join(dir, 'leaf.key') : /ca|issuer|trusted/.test(p) ? join(dir, 'root.pem') : join(dir, 'leaf.pem')));
  out = out.replace(/(proxy_pass https:\/\/)[a-z][\w.-]*/g, '$1127.0.0.1'); // nginx resolves upstream names at start-up
  out = out.replace(/listen (\[::\]:)?443/g, (_m, v6: string | undefined) => `listen ${v6 ? '[::1]:' : '127.0.0.1:'}18443`);
  if (!atLeast(nginxVersion, '1.25.1')) out = out.replace(/^\s*http2 on;\n/m, ''); // older nginx: `listen ... http2`
  return out;
}

function wrap(text: string): string {
  if (/^server \{/.test(text)) return `events {}\nhttp {\n${text}\n}\n`;
  const body = /^location /.test(text) ? text : `listen 127.0.0.1:18443 ssl;\nssl_certificate ${join(dir, 'leaf.pem')};\nssl_certificate_key ${join(dir, 'leaf.key')};\n${text}`;
  return `events {}\nhttp {\nserver {\n${/^location /.test(text) ? `listen 127.0.0.1:18080;\n` : ''}${body}\n}\n}\n`;
}

const snippets = JSON.parse(readFileSync('snippets/nginx.code-snippets', 'utf8')) as Record<string, { body: string[] }>;
for (const [name, snippet] of Object.entries(snippets)) {
  test(`nginx snippet "${name}": real nginx accepts it, tlsnet has no error or warning`, () => {
    const conf = wrap(runnable(expandSnippet(snippet.body.join('\n'))));
    const file = join(dir, 'nginx.conf');
    writeFileSync(file, conf);
    const r = sh('nginx', ['-t', '-q', '-p', dir, '-c', file, '-e', 'stderr', '-g', `pid ${dir}/nginx.pid;`]);
    assert.equal(r.status, 0, `nginx -t refused:\n${r.stderr}\n${conf}`);
    const files: Record<string, string> = { [file]: conf };
    for (const f of ['root.pem', 'leaf.pem', 'leaf.key']) files[join(dir, f)] = readFileSync(join(dir, f), 'utf8');
    const findings = analyzeNginx(file, conf, {
      host: memoryHost(files, [dir]),
      settings: normalizeSettings({}),
      onError: (rule, e) => assert.fail(`${rule} threw ${String(e)}`),
    }).findings.filter((f) => f.severity === 'error' || f.severity === 'warning');
    assert.deepEqual(findings.map((f) => `${f.rule}: ${f.message}`), []);
  });
}
