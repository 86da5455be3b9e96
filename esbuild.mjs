// Bundles the extension client, the language server and the CLI (and the test suites) with esbuild.
// `node esbuild.mjs` builds once; `--watch` rebuilds on change; `--tests` also builds test bundles.
import * as esbuild from 'esbuild';
import { readdirSync, rmSync, statSync } from 'node:fs';
import { join } from 'node:path';

const watch = process.argv.includes('--watch');
const tests = process.argv.includes('--tests');

function find(dir, re, out = []) {
  for (const name of readdirSync(dir)) {
    const p = join(dir, name);
    if (name === 'node_modules' || name === 'fixtures') continue;
    if (statSync(p).isDirectory()) find(p, re, out);
    else if (re.test(name)) out.push(p);
  }
  return out;
}

// 'module' first: jsonc-parser's UMD main cannot be bundled, its ESM build can.
const common = { bundle: true, platform: 'node', target: 'node20', format: 'cjs', sourcemap: true, logLevel: 'warning', mainFields: ['module', 'main'] };
const builds = [
  { ...common, entryPoints: { client: 'client/src/extension.ts' }, outdir: 'dist', external: ['vscode'] },
  { ...common, entryPoints: { server: 'server/src/node/main.ts' }, outdir: 'dist' },
  { ...common, entryPoints: { cli: 'server/src/cli/main.ts' }, outdir: 'dist', banner: { js: '#!/usr/bin/env node' } },
];
if (tests) {
  // A fresh out/test: the runner takes every bundle there, and one left from a deleted test would still run.
  rmSync('out/test', { recursive: true, force: true });
  // Unit and protocol tests: one bundle per *.test.ts, run by node's test runner from out/test.
  const unit = [...find('server/src', /\.test\.ts$/), ...find('test/unit', /\.test\.ts$/), ...find('test/protocol', /\.test\.ts$/)];
  builds.push({ ...common, entryPoints: unit, outdir: 'out/test', outbase: '.', external: ['vscode-textmate', 'vscode-oniguruma'] });
  // In-editor suite: loaded by VS Code's extension host, which provides `vscode`.
  builds.push({ ...common, entryPoints: find('test/editor', /\.ts$/), outdir: 'out/test', outbase: '.', external: ['vscode', 'mocha'] });
}

if (watch) {
  for (const b of builds) await (await esbuild.context(b)).watch();
} else {
  await Promise.all(builds.map((b) => esbuild.build(b)));
}
