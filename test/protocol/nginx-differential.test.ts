import assert from 'node:assert/strict';
import { spawnSync } from 'node:child_process';
import { existsSync, mkdirSync, mkdtempSync, readdirSync, readFileSync, rmSync, statSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { basename, join, relative, resolve } from 'node:path';
import { after, before, test } from 'node:test';
import type { Finding } from '../../server/src/core/finding';
import type { Span } from '../../server/src/core/text';
import { normalizeSettings } from '../../server/src/core/settings';
import { analyzeNginx } from '../../server/src/nginx/analyze';
import type { Directive } from '../../server/src/nginx/ast';
import { expandIncludes } from '../../server/src/nginx/include';
import { parseNginx } from '../../server/src/nginx/parser';
import { fsHost } from '../../server/src/node/fsHost';
import { cloneCase, directivesAtLine, isTlsDirective, isTlsFailure, lineOf, makeFixtures, nginxT, pool, prepareCase, repair, type Case, type Located, type Verdict } from './nginxOracle';

// Differential test against real `nginx -t` (Debian nginx 1.22.1, OpenSSL 3.0) over the corpus,
// the repo's fixtures and TLS mistakes injected into corpus servers. What nginx refuses for a TLS
// reason we must report as an error on the directive at fault; what nginx accepts we must not
// report as an error. Configs nginx refuses for other reasons (third-party modules, syntax) are
// counted apart. The summary goes to stdout and out/nginx-differential.json.

const ROOT = process.cwd();
const CORPUS = resolve(ROOT, '../shared/corpus/nginx');
const FIXTURES = join(ROOT, 'test/fixtures/nginx-differential');
const PER_MUTATION = 6;

/** One TLS mistake, put right after the `{` of the block it targets. */
interface Mutation {
  id: string;
  target: 'tls-server' | 'server' | 'http';
  text: string;
}

const MUTATIONS: Mutation[] = [
  { id: 'verify-client-without-ca', target: 'tls-server', text: 'ssl_verify_client on;' },
  { id: 'unknown-ssl-directive', target: 'server', text: 'ssl_verify_clients on;' },
  { id: 'verify-client-yes', target: 'tls-server', text: 'ssl_verify_client yes;' },
  { id: 'session-cache-no-size', target: 'server', text: 'ssl_session_cache shared:X;' },
  { id: 'duplicate-protocols', target: 'server', text: 'ssl_protocols TLSv1.2; ssl_protocols TLSv1.3;' },
  { id: 'protocol-unknown', target: 'server', text: 'ssl_protocols TLSv1.2 TLSv1.4;' },
  { id: 'certificate-in-location', target: 'server', text: 'location /tlsnet-mutation { ssl_certificate @FIX@/server.crt; }' },
  { id: 'proxy-ssl-verify-without-ca', target: 'server', text: 'location /tlsnet-upstream { proxy_pass https://127.0.0.1:9443; proxy_ssl_verify on; }' },
  { id: 'proxy-certificate-without-key', target: 'server', text: 'location /tlsnet-upstream { proxy_pass https://127.0.0.1:9443; proxy_ssl_certificate @FIX@/server.crt; }' },
  { id: 'proxy-protocol-unknown', target: 'server', text: 'location /tlsnet-upstream { proxy_pass https://127.0.0.1:9443; proxy_ssl_protocols TLSv9; }' },
  { id: 'ciphers-match-nothing', target: 'tls-server', text: 'ssl_ciphers NOPE-NULL-NOTHING;' },
  { id: 'ciphers-tls13-names-only', target: 'tls-server', text: 'ssl_ciphers TLS_AES_128_GCM_SHA256;' },
  { id: 'ecdh-curve-unknown', target: 'tls-server', text: 'ssl_ecdh_curve X25519:nocurve;' },
  { id: 'conf-command-unknown', target: 'tls-server', text: 'ssl_conf_command NoSuchCommand on;' },
  { id: 'dhparam-missing', target: 'tls-server', text: 'ssl_dhparam @FIX@/no-such-dhparam.pem;' },
  { id: 'password-file-missing', target: 'tls-server', text: 'ssl_password_file @FIX@/no-such-password.txt;' },
  { id: 'trusted-certificate-not-pem', target: 'tls-server', text: 'ssl_trusted_certificate @FIX@/password.txt;' },
  { id: 'verify-depth-not-number', target: 'server', text: 'ssl_verify_depth deep;' },
  { id: 'prefer-server-ciphers-maybe', target: 'server', text: 'ssl_prefer_server_ciphers maybe;' },
  { id: 'session-timeout-bad', target: 'server', text: 'ssl_session_timeout 5x;' },
  { id: 'buffer-size-bad', target: 'server', text: 'ssl_buffer_size big;' },
  { id: 'key-mismatch', target: 'http', text: 'server { listen 127.0.0.1:18443 ssl; server_name mismatch.test; ssl_certificate @FIX@/server.crt; ssl_certificate_key @FIX@/other.key; }' },
  { id: 'listen-ssl-without-certificate', target: 'http', text: 'server { listen 127.0.0.1:18444 ssl; server_name nocert.test; }' },
  { id: 'certificate-without-key', target: 'http', text: 'server { listen 127.0.0.1:18445 ssl; server_name nokey.test; ssl_certificate @FIX@/server.crt; }' },
  // nginx accepts these (some with a warning): we must not call them errors.
  { id: 'ok-stapling-without-responder', target: 'tls-server', text: 'ssl_stapling on;' },
  { id: 'ok-ssl-on-deprecated', target: 'tls-server', text: 'ssl on;' },
  { id: 'ok-client-ca-without-verify', target: 'tls-server', text: 'ssl_client_certificate @FIX@/ca.crt;' },
  { id: 'ok-verify-optional-no-ca', target: 'tls-server', text: 'ssl_verify_client optional_no_ca;' },
  { id: 'ok-early-data', target: 'tls-server', text: 'ssl_early_data on;' },
  { id: 'ok-reject-handshake', target: 'http', text: 'server { listen 127.0.0.1:18446 ssl; server_name reject.test; ssl_reject_handshake on; }' },
  { id: 'ok-sslv3-listed', target: 'server', text: 'ssl_protocols SSLv3 TLSv1.2;' },
  { id: 'ok-full-mtls', target: 'http', text: 'server { listen 127.0.0.1:18447 ssl; server_name mtls.test; ssl_certificate @FIX@/server.crt; ssl_certificate_key @FIX@/server.key; ssl_client_certificate @FIX@/ca.crt; ssl_verify_client on; ssl_crl @FIX@/ca.crl; }' },
  { id: 'ok-proxy-verify-with-ca', target: 'server', text: 'location /tlsnet-upstream { proxy_pass https://127.0.0.1:9443; proxy_ssl_verify on; proxy_ssl_trusted_certificate @FIX@/ca.crt; }' },
];

const NGINX_FILE = /\.(conf|sample|vhost|com|net|nginx|disabled)$|^nginx\.conf|^default$/;
const NOT_NGINX = /_params$|mime\.types|\.rules$|^koi-|^win-utf/;

function sources(dir: string, project: string, out: { id: string; source: string; project: string }[] = []) {
  if (!existsSync(dir)) return out;
  for (const name of readdirSync(dir).sort()) {
    const p = join(dir, name);
    if (statSync(p).isDirectory()) sources(p, project, out);
    else if ((NGINX_FILE.test(name) || /sites-(enabled|available)$/.test(dir)) && !NOT_NGINX.test(name)) out.push({ id: relative(resolve(ROOT, '..'), p), source: p, project });
  }
  return out;
}

// 'rejected-missing-file': nginx cannot open a file a TLS directive names. The issue makes a
// missing file a warning, never an error (it may exist only on the server), so for these we ask
// for nginx/file-not-found on the directive naming that file, at warning severity or above.
type Outcome = 'accepted' | 'rejected-tls' | 'rejected-missing-file' | 'rejected-other';

/** The path nginx could not open, from `BIO_new_file("...") failed` or `open() "..." failed (2: ...)`. */
const missingFileOf = (message = ''): string | undefined =>
  /No such file or directory/.test(message) ? /(?:BIO_new_file\(|open\(\) )"([^"]+)"/.exec(message)?.[1] : undefined;

interface Row {
  id: string;
  nginx: Outcome;
  message?: string;
  at?: string;
  repairs: string[];
  errors: string[];
  agree?: boolean;
  why?: string;
}

const work = mkdtempSync(join(tmpdir(), 'tlsnet-diff-'));
const rows: Row[] = [];
let skipped = 0;

function walk(list: Directive[], f: (d: Directive) => void): void {
  for (const d of list) {
    f(d);
    if (d.block && !d.raw) walk(d.block.children, f);
  }
}

const overlaps = (a: Span, b: Span) => a.start <= b.end && a.end >= b.start;
const head = (d: Directive): Span => ({ start: d.nameSpan.start, end: d.block ? d.block.open + 1 : d.span.end });

function nginxVersions(): { nginx: string; openssl: string } {
  const r = spawnSync('nginx', ['-V'], { encoding: 'utf8' });
  assert.notEqual(r.error?.message.includes('ENOENT'), true, 'nginx must be installed (scripts/ensure-oracles.sh)');
  const out = r.stdout + r.stderr;
  return { nginx: /nginx\/(\d+\.\d+\.\d+)/.exec(out)?.[1] ?? '1.22.1', openssl: /OpenSSL (\d+\.\d+\.\d+)/.exec(out)?.[1] ?? '3.0' };
}

/**
 * Where to inject a mutation: after the `{` of the first matching block, found in the tree with
 * includes expanded. A block that already holds the directive (itself or through an include) is
 * passed over: the case should test the mistake, not "directive is duplicate".
 */
function injectionPoint(c: Case, m: Mutation): { file: string; at: number } | undefined {
  const name = /^\w+/.exec(m.text)![0];
  const expanded = expandIncludes(parseNginx(readFileSync(c.main, 'utf8'), c.main), fsHost({ roots: [c.dir] })).directives;
  let found: { file: string; at: number } | undefined;
  walk(expanded, (d) => {
    if (found || !d.block || d.raw || d.name !== (m.target === 'http' ? 'http' : 'server')) return;
    const kids = d.block.children;
    if (m.target === 'tls-server' && !kids.some((x) => x.name === 'listen' && x.args.some((a) => a.value === 'ssl'))) return;
    if (m.target !== 'http' && kids.some((x) => x.name === name && !x.block)) return;
    found = { file: d.file, at: d.block.open + 1 };
  });
  return found;
}

function compare(c: Case, v: Verdict, settings: ReturnType<typeof normalizeSettings>): Row {
  const missing = v.ok ? undefined : missingFileOf(v.message);
  const nginx: Outcome = v.ok ? 'accepted' : missing ? 'rejected-missing-file' : isTlsFailure(v) ? 'rejected-tls' : 'rejected-other';
  const row: Row = { id: c.id, nginx, message: v.message, at: v.file ? `${relative(c.dir, v.file)}:${v.line}` : undefined, repairs: c.repairs, errors: [] };
  if (nginx === 'rejected-other') return row;
  const thrown: string[] = [];
  const { findings } = analyzeNginx(c.main, readFileSync(c.main, 'utf8'), { host: fsHost({ roots: [c.dir] }), settings, now: new Date(), onError: (rule, e) => thrown.push(`${rule} threw ${String(e)}`) });
  const errors = findings.filter((f) => f.severity === 'error');
  const texts = new Map<string, string>();
  const textOf = (f: string) => texts.get(f) ?? texts.set(f, readFileSync(f, 'utf8')).get(f)!;
  const where = (f: Finding) => `${f.rule} ${relative(c.dir, f.file)}:${lineOf(textOf(f.file), f.span.start)}`;
  row.errors = [...errors.map(where), ...thrown];
  if (thrown.length) return { ...row, agree: false, why: 'a rule threw' };
  if (nginx === 'accepted') return { ...row, agree: !errors.length, why: errors.length ? 'error finding on a config nginx accepts' : undefined };
  if (nginx === 'rejected-missing-file') {
    const named = findings.filter((f) => f.rule === 'nginx/file-not-found' && (f.severity === 'error' || f.severity === 'warning'));
    row.errors = named.map(where);
    const ok = named.some((f) => textOf(f.file).slice(f.span.start, f.span.end).includes(basename(missing ?? '')));
    return { ...row, agree: ok, why: ok ? undefined : `no file-not-found warning for ${missing}` };
  }
  if (!errors.length) return { ...row, agree: false, why: 'no error finding' };
  const candidates = v.file && v.line ? directivesAtLine(v.file, v.line) : [];
  const onTls = (f: Finding, within?: Span) => {
    let hit = false;
    walk(parseNginx(textOf(f.file), f.file).directives, (d) => (hit ||= isTlsDirective(d) && overlaps(f.span, head(d)) && (!within || overlaps(head(d), within))));
    return hit;
  };
  if (candidates.length) {
    // nginx names a server block for what is wrong inside it (a "listen ... ssl" without a certificate).
    const hit = (at: Located, f: Finding) => overlaps(f.span, at.head) || (!!at.directive.block && onTls(f, { start: at.head.start, end: at.directive.span.end }));
    const ok = errors.some((f) => f.file === v.file && candidates.some((at) => hit(at, f)));
    return { ...row, agree: ok, why: ok ? undefined : `no error on ${candidates.map((at) => `"${at.directive.name}"`).join(' or ')} at ${row.at}` };
  }
  const ok = errors.some((f) => onTls(f));
  return { ...row, agree: ok, why: ok ? undefined : 'errors, but none on a TLS directive' };
}

before(async () => {
  const versions = nginxVersions();
  const settings = normalizeSettings({ nginx: { version: versions.nginx, opensslVersion: versions.openssl } });
  const fx = makeFixtures(join(work, 'fx'), join(FIXTURES, 'dhparam.pem'), join(CORPUS, 'nginx/conf'));
  const inputs = [
    ...(existsSync(CORPUS) ? readdirSync(CORPUS).sort().flatMap((p) => sources(join(CORPUS, p), join(CORPUS, p))) : []),
    ...sources(join(ROOT, 'test/fixtures/editor-workspace/nginx'), join(ROOT, 'test/fixtures/editor-workspace')),
    ...sources(join(ROOT, 'examples/nginx'), join(ROOT, 'examples')),
  ];
  const cases: Case[] = [];
  inputs.forEach((s, i) => {
    const c = prepareCase(s.id, s.source, s.project, join(work, `c${String(i).padStart(4, '0')}`), fx);
    if (c) cases.push(c);
    else skipped++;
  });
  const judge = async (c: Case, fix: boolean) => {
    let v = await nginxT(c);
    for (let i = 0; fix && i < 16 && repair(c, v); i++) v = await nginxT(c);
    return v;
  };
  const verdicts = await pool(cases, 4, (c) => judge(c, true));
  const bases = cases.filter((_, i) => verdicts[i].ok);
  const mutants: Case[] = [];
  MUTATIONS.forEach((m, k) => {
    let used = 0;
    for (let j = 0; j < bases.length && used < PER_MUTATION; j++) {
      const base = bases[(j + k * 7) % bases.length];
      const point = injectionPoint(base, m);
      if (!point) continue;
      const before = readFileSync(point.file, 'utf8');
      const text = before.slice(0, point.at) + `\n    ${m.text.split('@FIX@').join(fx.dir)}` + before.slice(point.at);
      mutants.push(cloneCase(base, `${m.id} @ ${base.id}`, join(work, `m${String(mutants.length).padStart(4, '0')}`), { file: point.file, text }));
      used++;
    }
  });
  const mutantVerdicts = await pool(mutants, 4, (c) => judge(c, false));
  [...cases, ...mutants].forEach((c, i) => rows.push(compare(c, [...verdicts, ...mutantVerdicts][i], settings)));
  report(versions);
});

after(() => rmSync(work, { recursive: true, force: true }));

function report(versions: { nginx: string; openssl: string }): void {
  const count = (o: Outcome, agree?: boolean) => rows.filter((r) => r.nginx === o && (agree === undefined || r.agree === agree)).length;
  const bad = rows.filter((r) => r.agree === false);
  const summary = {
    nginx: versions.nginx,
    openssl: versions.openssl,
    cases: rows.length,
    skippedNotNginx: skipped,
    repaired: rows.filter((r) => r.repairs.length).length,
    accepted: { total: count('accepted'), agree: count('accepted', true) },
    rejectedTls: { total: count('rejected-tls'), agree: count('rejected-tls', true) },
    rejectedMissingFile: { total: count('rejected-missing-file'), agree: count('rejected-missing-file', true) },
    rejectedOther: count('rejected-other'),
    disagreements: bad,
    rejectedOtherCases: rows.filter((r) => r.nginx === 'rejected-other').map((r) => ({ id: r.id, message: r.message, at: r.at })),
  };
  mkdirSync(join(ROOT, 'out'), { recursive: true });
  writeFileSync(join(ROOT, 'out/nginx-differential.json'), JSON.stringify(summary, null, 2) + '\n');
  const lines = [
    `nginx differential (nginx ${versions.nginx}, OpenSSL ${versions.openssl}): ${rows.length} configs, ${skipped} files skipped (no directives)`,
    `  nginx accepts         ${String(summary.accepted.total).padStart(4)}  we agree ${summary.accepted.agree}`,
    `  nginx rejects (TLS)   ${String(summary.rejectedTls.total).padStart(4)}  we agree ${summary.rejectedTls.agree}`,
    `  nginx rejects (file)  ${String(summary.rejectedMissingFile.total).padStart(4)}  we warn ${summary.rejectedMissingFile.agree} (nginx/file-not-found)`,
    `  nginx rejects (other) ${String(summary.rejectedOther).padStart(4)}  not compared`,
    `  disagreements: ${bad.length} (details in out/nginx-differential.json)`,
    ...bad.map((r) => `    [${r.nginx}] ${r.id}: ${r.why}; nginx: ${r.message ?? 'ok'}${r.at ? ` (${r.at})` : ''}; ours: ${r.errors.join(', ') || 'none'}`),
  ];
  process.stdout.write(lines.join('\n') + '\n');
}

const list = (o: Outcome) =>
  rows
    .filter((r) => r.nginx === o && !r.agree)
    .map((r) => `${r.id}: ${r.why}; nginx: ${r.message ?? 'ok'}${r.at ? ` (${r.at})` : ''}; ours: ${r.errors.join(', ') || 'none'}`)
    .join('\n');

test('differential: the harness compared real configs both ways', () => {
  assert.ok(rows.filter((r) => r.nginx === 'accepted').length >= 10, 'too few configs nginx accepts: the preparation is broken');
  assert.ok(rows.filter((r) => r.nginx === 'rejected-tls').length >= 10, 'too few TLS rejections: the mutations did not apply');
});

test('differential: no config nginx accepts gets an error-severity finding from us', () => {
  assert.equal(list('accepted'), '');
});

test('differential: every config nginx rejects for a TLS reason gets an error on the directive at fault', () => {
  assert.equal(list('rejected-tls'), '');
});

test('differential: every config nginx rejects for a missing certificate, key or other TLS file gets nginx/file-not-found there', () => {
  assert.ok(rows.some((r) => r.nginx === 'rejected-missing-file'), 'the missing-file mutations applied');
  assert.equal(list('rejected-missing-file'), '');
});
