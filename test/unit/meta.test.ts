import assert from 'node:assert/strict';
import { existsSync, readdirSync, readFileSync, statSync } from 'node:fs';
import { join } from 'node:path';
import { test } from 'node:test';
import { ALL_RULES } from '../../server/src/analysis';
import { EDITOR_LANGUAGES } from '../../server/src/core/languages';
import { docsPath } from '../../server/src/core/rule';

// One rule, one id, everywhere: code, settings key, docs page, test name.
const root = process.cwd();
const pkg = JSON.parse(readFileSync(join(root, 'package.json'), 'utf8'));

function walk(dir: string, out: string[] = []): string[] {
  for (const n of readdirSync(dir)) {
    const p = join(dir, n);
    if (statSync(p).isDirectory()) walk(p, out);
    else out.push(p);
  }
  return out;
}

test('meta: rule ids are <language>/<kebab-case> and unique', () => {
  const ids = ALL_RULES.map((r) => r.id);
  assert.equal(new Set(ids).size, ids.length);
  for (const r of ALL_RULES) {
    assert.match(r.id, /^[a-z-]+\/[a-z0-9]+(-[a-z0-9]+)*$/);
    assert.equal(r.id.split('/')[0], r.language);
    assert.ok(r.citation.length > 5, `${r.id} cites what it enforces`);
  }
});

test('meta: every rule has a docs page with what, why, how to fix and a reference', () => {
  for (const r of ALL_RULES) {
    const p = join(root, docsPath(r.id));
    assert.ok(existsSync(p), `${docsPath(r.id)} exists`);
    const md = readFileSync(p, 'utf8');
    assert.ok(md.startsWith(`# ${r.id}\n`), `${r.id} page is titled with its id`);
    for (const h of ['## What it finds', '## Why it matters', '## How to fix', '## Reference']) assert.ok(md.includes(h), `${r.id} page has "${h}"`);
    assert.ok(md.includes(`**Default severity:** ${r.severity}`), `${r.id} page states its default severity`);
  }
  const pages = walk(join(root, 'docs/rules')).map((p) => p.slice(root.length + 1));
  assert.deepEqual(pages.sort(), ALL_RULES.map((r) => docsPath(r.id)).sort(), 'no page without a rule');
});

test('meta: every rule is a settings key with its default severity', () => {
  const props = pkg.contributes.configuration.properties['tlsnet.rules'].properties;
  assert.deepEqual(Object.keys(props).sort(), ALL_RULES.map((r) => r.id).sort());
  for (const r of ALL_RULES) assert.equal(props[r.id].default, r.severity);
});

test('meta: every language rule has a test file named by its id, with flagged and not-flagged cases', () => {
  for (const r of ALL_RULES.filter((x) => x.language !== 'general')) {
    const p = join(root, 'test/unit/rules', `${r.id}.test.ts`);
    assert.ok(existsSync(p), `test/unit/rules/${r.id}.test.ts exists`);
    const src = readFileSync(p, 'utf8');
    assert.ok(src.includes(`'${r.id}'`) && /valid: \[\s*\{/.test(src) && /invalid: \[\s*\{/.test(src), `${r.id} has both kinds of case`);
  }
});

test('meta: the core and language modules import no LSP, VS Code or platform module', () => {
  // Pure libraries the core may use: they touch no editor, protocol, file system or network.
  const pureLibraries = /^(@peculiar\/(x509|asn1-[a-z0-9-]+)|node-forge|yaml|jsonc-parser)$/;
  const pure = ['core', 'nginx', 'tls', 'pki', 'dhcp', 'istio', 'pem'].map((d) => join(root, 'server/src', d)).filter(existsSync);
  const files = [...pure.flatMap((d) => walk(d)), join(root, 'server/src/analysis.ts')].filter((f) => f.endsWith('.ts') && !f.endsWith('.test.ts'));
  assert.ok(files.length > 10);
  for (const f of files) {
    const src = readFileSync(f, 'utf8');
    for (const m of src.matchAll(/from\s+'([^']+)'/g)) {
      assert.ok(m[1].startsWith('.') || pureLibraries.test(m[1]), `${f.slice(root.length)} imports ${m[1]}: the core may import only its own modules and pure libraries`);
      assert.ok(!/\/(lsp|cli|node)\//.test(m[1]), `${f.slice(root.length)} imports the adapter ${m[1]}`);
    }
  }
});

test('meta: the CLI detects languages with the patterns package.json gives the editor', () => {
  const contributed = Object.fromEntries(pkg.contributes.languages.map((l: Record<string, unknown>) => [l.id, l]));
  for (const [id, p] of Object.entries(EDITOR_LANGUAGES)) {
    const c = contributed[id];
    assert.ok(c, `${id} is contributed`);
    assert.deepEqual(c.filenames ?? [], p.filenames ?? [], `${id} filenames`);
    assert.deepEqual(c.extensions ?? [], p.extensions ?? [], `${id} extensions`);
    assert.deepEqual(c.filenamePatterns ?? [], p.filenamePatterns ?? [], `${id} filenamePatterns`);
    assert.equal(c.firstLine, p.firstLine, `${id} firstLine`);
  }
});
