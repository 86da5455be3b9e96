import assert from 'node:assert/strict';
import { existsSync, readdirSync, readFileSync, statSync } from 'node:fs';
import { join, resolve } from 'node:path';
import { test } from 'node:test';
import type { Directive } from '../../../server/src/nginx/ast';
import { parseNginx } from '../../../server/src/nginx/parser';

const names = (ds: Directive[]): unknown[] => ds.map((d) => (d.block && !d.raw ? [d.name, names(d.block.children)] : d.name));

test('parser: nested blocks, arguments and exact spans', () => {
  const text = 'http {\n  server {\n    listen 443 ssl;\n    location ~ \\.php$ { return 404; }\n  }\n}\n';
  const p = parseNginx(text, '/x.conf');
  assert.deepEqual(p.errors, []);
  assert.deepEqual(names(p.directives), [['http', [['server', ['listen', ['location', ['return']]]]]]]);
  const listen = p.directives[0].block!.children[0].block!.children[0];
  assert.equal(text.slice(listen.span.start, listen.span.end), 'listen 443 ssl;');
  assert.deepEqual(listen.args.map((a) => a.value), ['443', 'ssl']);
  const loc = p.directives[0].block!.children[0].block!.children[1];
  assert.deepEqual(loc.args.map((a) => a.value), ['~', '\\.php$'], 'nginx keeps backslashes before ordinary characters');
});

test('parser: quotes, escapes, ${var} braces and # inside words', () => {
  const p = parseNginx('set $a "x\\"y;z";\nreturn 200 \'it\\\'s\';\nset $b ${host}#tail;\nadd_header X a#b; # real comment\n', '/x.conf');
  assert.deepEqual(p.errors, []);
  assert.deepEqual(p.directives.map((d) => d.args.map((a) => a.value)), [['$a', 'x"y;z'], ['200', "it's"], ['$b', '${host}#tail'], ['X', 'a#b']]);
  assert.deepEqual(p.comments.map((c) => c.text), [' real comment']);
});

test('parser: errors carry positions and parsing goes on', () => {
  const text = 'events {\n  worker_connections 10\n}\nhttp { server { listen 80; }\n';
  const p = parseNginx(text, '/x.conf');
  assert.equal(p.errors.length, 2);
  assert.match(p.errors[0].message, /not terminated by ";"/);
  assert.equal(text.slice(p.errors[0].span.start, p.errors[0].span.start + 18), 'worker_connections');
  assert.match(p.errors[1].message, /unexpected end of file/);
  assert.deepEqual(names(p.directives), [['events', ['worker_connections']], ['http', [['server', ['listen']]]]]);
});

test('parser: never throws and never hangs on hostile input', () => {
  const inputs = ['{'.repeat(5000), '}'.repeat(5000), '"'.repeat(999), "'\\", 'a\\', '${', 'x {'.repeat(2000), '\u0000\uffff\ud800', 'content_by_lua_block {', 'content_by_lua_block { --[[ ', '#'.repeat(10000)];
  for (const input of inputs) {
    const p = parseNginx(input, '/x.conf');
    assert.ok(Array.isArray(p.directives));
  }
  const big = 'server { listen 80; location / { return 200; } }\n'.repeat(20000);
  const p = parseNginx(big, '/big.conf');
  assert.equal(p.directives.length, 20000);
});

const corpus = resolve(process.cwd(), '../shared/corpus/nginx');
function files(dir: string, out: string[] = []): string[] {
  for (const n of readdirSync(dir)) {
    const p = join(dir, n);
    if (statSync(p).isDirectory()) files(p, out);
    else if (/\.(conf|nginx|sample|types)$|nginx\.conf|_params$|\/site-[^/]*$/.test(p)) out.push(p);
  }
  return out;
}

test('parser: every corpus nginx file parses without throwing', { skip: !existsSync(corpus) && 'shared corpus not present' }, () => {
  const all = files(corpus);
  assert.ok(all.length > 300, `corpus has ${all.length} nginx files`);
  for (const f of all) parseNginx(readFileSync(f, 'utf8'), f);
});

test('parser: certbot round-trip data all parse cleanly (upstream expectation)', { skip: !existsSync(corpus) && 'shared corpus not present' }, () => {
  const dir = join(corpus, 'certbot/certbot-compatibility-test/nginx/nginx-roundtrip-testdata');
  const broken = files(dir)
    .map((f) => ({ f, errors: parseNginx(readFileSync(f, 'utf8'), f).errors }))
    .filter((r) => r.errors.length)
    .map((r) => `${r.f.slice(dir.length)}: ${r.errors[0].message}`);
  assert.deepEqual(broken, []);
});

test('parser: crossplane cases give the errors crossplane and nginx give, on their lines', { skip: !existsSync(corpus) && 'shared corpus not present' }, () => {
  const line = (f: string): number[] => {
    const text = readFileSync(join(corpus, 'crossplane/tests/configs', f), 'utf8');
    return parseNginx(text, f).errors.map((e) => text.slice(0, e.span.start).split('\n').length);
  };
  assert.deepEqual(line('missing-semicolon/broken-above.conf'), [4]);
  assert.deepEqual(line('missing-semicolon/broken-below.conf'), [7]);
  for (const ok of ['lua-block-simple/nginx.conf', 'lua-block-larger/nginx.conf', 'lua-block-tricky/nginx.conf', 'quoted-right-brace/nginx.conf', 'comments-between-args/nginx.conf', 'russian-text/nginx.conf', 'empty-value-map/nginx.conf']) {
    assert.deepEqual(line(ok), [], ok);
  }
});

test('parser: blocks nested thousands deep give one syntax error, not a stack overflow', () => {
  const deep = 'http {\n' + 'location / {\n'.repeat(20000) + '}\n'.repeat(20001);
  const f = parseNginx(deep, '/deep.conf');
  assert.equal(f.errors.length, 1);
  assert.match(f.errors[0].message, /nested more than 100 levels/);
  const orphans = '{'.repeat(20000) + '}'.repeat(20000);
  assert.ok(parseNginx(orphans, '/o.conf').errors.length >= 1);
});
