#!/usr/bin/env node
// `npm test`: build, type-check, lint, then the three test tiers; ends with one pass/fail line.
//   1. unit tests on the pure core         (node --test, out/test/{server,test/unit})
//   2. protocol tests: the bundled server over stdio, the CLI, real nginx/openssl as oracles
//   3. in-editor tests in a real VS Code   (scripts/vscode-host/run-tests.mjs)
// TLSNET_SKIP_EDITOR=1 skips tier 3 (it is reported as skipped, never as passed).
import { spawnSync } from 'node:child_process';
import { existsSync, readdirSync, statSync } from 'node:fs';
import { join } from 'node:path';

const totals = { passed: 0, failed: 0, skipped: 0 };
const timings = [];
let broken = false;

function step(name, cmd, args, opts = {}) {
  const t0 = Date.now();
  process.stdout.write(`\n=== ${name}: ${cmd} ${args.join(' ')}\n`);
  const r = spawnSync(cmd, args, { stdio: opts.capture ? ['ignore', 'pipe', 'inherit'] : 'inherit', encoding: 'utf8', maxBuffer: 256 * 1024 * 1024, env: { ...process.env, ...opts.env } });
  if (opts.capture) process.stdout.write(r.stdout ?? '');
  const secs = ((Date.now() - t0) / 1000).toFixed(1);
  timings.push(`${name} ${secs}s`);
  if (r.status !== 0) {
    process.stdout.write(`=== ${name} FAILED (exit ${r.status ?? r.signal}) after ${secs}s\n`);
    broken = true;
  }
  return r;
}

function files(dir, re, out = []) {
  if (!existsSync(dir)) return out;
  for (const n of readdirSync(dir)) {
    const p = join(dir, n);
    if (statSync(p).isDirectory()) files(p, re, out);
    else if (re.test(n)) out.push(p);
  }
  return out;
}

/** Runs node's test runner (TAP) and adds its counts to the totals. */
function tier(name, testFiles) {
  if (!testFiles.length) {
    process.stdout.write(`=== ${name}: no test files found\n`);
    broken = true;
    return;
  }
  const r = step(name, process.execPath, ['--test', '--test-reporter=tap', ...testFiles], { capture: true });
  const count = (k) => Number((new RegExp(`^# ${k} (\\d+)$`, 'm').exec(r.stdout ?? '') ?? [])[1] ?? 0);
  const passed = count('pass');
  const failed = count('fail') + count('cancelled');
  totals.passed += passed;
  totals.failed += failed;
  totals.skipped += count('skipped') + count('todo');
  if (r.status !== 0 && failed === 0) totals.failed++;
  process.stdout.write(`=== ${name}: ${passed} passed, ${failed} failed\n`);
}

const npx = (bin, args, name) => step(name, join('node_modules', '.bin', bin), args);

step('oracles', 'bash', ['scripts/ensure-oracles.sh']);
step('build', process.execPath, ['esbuild.mjs', '--tests']);
if (!broken) {
  npx('tsc', ['-p', '.'], 'typecheck');
  npx('eslint', ['--max-warnings', '0', '.'], 'eslint');
  tier('unit', [...files('out/test/server', /\.test\.js$/), ...files('out/test/test/unit', /\.test\.js$/)]);
  tier('protocol', files('out/test/test/protocol', /\.test\.js$/));
  if (process.env.TLSNET_SKIP_EDITOR === '1') {
    process.stdout.write('\n=== editor: skipped (TLSNET_SKIP_EDITOR=1)\n');
    totals.skipped++;
  } else {
    const r = step('editor', process.execPath, ['scripts/vscode-host/run-tests.mjs', '--extensionDevelopmentPath', '.', '--extensionTestsPath', 'out/test/test/editor/index.js', '--folder', 'test/fixtures/editor-workspace'], { capture: true });
    const m = /^editor: (\d+) passed, (\d+) failed$/m.exec(r.stdout ?? '');
    totals.passed += m ? Number(m[1]) : 0;
    totals.failed += m ? Number(m[2]) : 1;
    if (r.status !== 0 && m && Number(m[2]) === 0) totals.failed++;
  }
}
if (broken && totals.failed === 0) totals.failed++;
process.stdout.write(`\nTimings: ${timings.join(', ')}\n`);
process.stdout.write(`tests: ${totals.passed} passed, ${totals.failed} failed${totals.skipped ? `, ${totals.skipped} skipped` : ''}\n`);
process.exit(broken || totals.failed ? 1 : 0);
