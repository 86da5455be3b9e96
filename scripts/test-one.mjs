#!/usr/bin/env node
// Builds the given *.test.ts files into a private temp directory and runs them with node's test
// runner: a quick loop for one area while other work goes on in the tree.
//   node scripts/test-one.mjs test/unit/rules/nginx/foo.test.ts [more.test.ts ...]
import * as esbuild from 'esbuild';
import { spawnSync } from 'node:child_process';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';

const entries = process.argv.slice(2);
if (!entries.length) {
  process.stderr.write('usage: node scripts/test-one.mjs FILE.test.ts...\n');
  process.exit(2);
}
const outdir = mkdtempSync(join(tmpdir(), 'tlsnet-test-'));
try {
  await esbuild.build({ entryPoints: entries, outdir, outbase: '.', bundle: true, platform: 'node', target: 'node20', format: 'cjs', sourcemap: true, logLevel: 'warning', mainFields: ['module', 'main'], external: ['vscode-textmate', 'vscode-oniguruma'] });
  const files = entries.map((e) => join(outdir, e.replace(/\.ts$/, '.js')));
  // The grammar libraries stay external: let the bundles outside the tree find node_modules.
  const env = { ...process.env, NODE_PATH: [join(process.cwd(), 'node_modules'), process.env.NODE_PATH].filter(Boolean).join(':') };
  const r = spawnSync(process.execPath, ['--enable-source-maps', '--test', ...files], { stdio: 'inherit', cwd: process.cwd(), env });
  process.exitCode = r.status ?? 1;
} finally {
  rmSync(outdir, { recursive: true, force: true });
}
