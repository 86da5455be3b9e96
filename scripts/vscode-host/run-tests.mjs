#!/usr/bin/env node
// Offline equivalent of @vscode/test-electron's runTests() for tlsnet's in-editor suite.
//
//   node scripts/vscode-host/run-tests.mjs --extensionDevelopmentPath . \
//        --extensionTestsPath out/test/test/editor/index.js --folder test/fixtures/editor-workspace \
//        [--screenshot file.png] [--timeout SECONDS]
//
// Runs the REAL VS Code (1.139.1, the server + web workbench shipped in the npm package code-server)
// instead of VS Code desktop, which cannot be downloaded here: server-main.js on Node 24 with
// --enable-smoke-test-driver, bound to 127.0.0.1 on a free port, with a fresh user-data dir; the web
// workbench is opened in headless chromium with a `payload` URL parameter naming the
// extensionDevelopmentPath and extensionTestsPath; the workbench calls window.codeAutomationExit(code)
// when the test module's run() settles. The extension host is a Node process, so the
// vscode-languageclient/node client starts the language server exactly as on the desktop.
//
// Prints the extension host console (mocha's spec reporter output included), then
//   editor: N passed, M failed
// Exit code 0 only if the workbench reported success AND mocha reported ≥1 passing and 0 failing.
// Env: TLSNET_VSCODE_HOST (cache dir, see setup.sh), TLSNET_VERBOSE=1 (unfiltered browser console),
//      TLSNET_KEEP_HOST_DIR=1 (keep the temp user-data/server-data dir for inspection).
import fs from 'node:fs';
import path from 'node:path';
import {
  consoleLine, ensureSetup, killGroup, killGroupSync, launchChromium, makeSessionDir, remoteUri,
  startServer, tailLogs, workbenchUrl,
} from './host.mjs';

function parseArgs(argv) {
  const out = {};
  for (let i = 0; i < argv.length; i++) {
    const a = argv[i];
    if (!a.startsWith('--')) throw new Error(`unexpected argument: ${a}`);
    const eq = a.indexOf('=');
    if (eq > 0) out[a.slice(2, eq)] = a.slice(eq + 1);
    else out[a.slice(2)] = argv[++i];
  }
  return out;
}

const args = parseArgs(process.argv.slice(2));
if (!args.extensionDevelopmentPath || !args.extensionTestsPath) {
  console.error('usage: run-tests.mjs --extensionDevelopmentPath DIR --extensionTestsPath FILE [--folder DIR] [--screenshot PNG] [--timeout SECONDS]');
  process.exit(2);
}
const devPath = path.resolve(args.extensionDevelopmentPath);
const testsPath = path.resolve(args.extensionTestsPath);
const folder = args.folder ? path.resolve(args.folder) : undefined;
const timeoutMs = Number(args.timeout || process.env.TLSNET_EDITOR_TIMEOUT || 300) * 1000;
for (const [what, p] of [['extensionDevelopmentPath', devPath], ['extensionTestsPath', testsPath], ['folder', folder]]) {
  if (p && !fs.existsSync(p)) {
    console.error(`[runner] ${what} does not exist: ${p}${what === 'extensionTestsPath' ? ' (build the tests first: node esbuild.mjs --tests)' : ''}`);
    console.log('editor: 0 passed, 0 failed');
    process.exit(1);
  }
}

const t0 = Date.now();
const elapsed = () => `${((Date.now() - t0) / 1000).toFixed(1)} s`;
let server;
let browser;
let session;
let passing = null;
let failing = null;
let pending = null;

function summary() {
  const p = passing ?? 0;
  const f = failing ?? 0;
  console.log(`[runner] mocha reported: ${passing ?? 'no'} passing, ${failing ?? 0} failing${pending ? `, ${pending} pending` : ''}`);
  console.log(`editor: ${p} passed, ${f} failed`);
}

async function cleanup() {
  await browser?.close().catch(() => {});
  await killGroup(server?.proc);
  if (session && !process.env.TLSNET_KEEP_HOST_DIR) fs.rmSync(session.dir, { recursive: true, force: true });
  else if (session) console.log(`[runner] kept ${session.dir}`);
}

// Hard timeout for the whole run, including setup of the server and browser.
const hardTimer = setTimeout(async () => {
  console.error(`[runner] HARD TIMEOUT after ${timeoutMs / 1000} s; killing VS Code`);
  if (session) console.error(tailLogs(session));
  await cleanup();
  summary();
  process.exit(1);
}, timeoutMs);
hardTimer.unref();
process.on('exit', () => killGroupSync(server?.proc));
for (const sig of ['SIGINT', 'SIGTERM', 'SIGHUP']) {
  process.on(sig, async () => { console.error(`[runner] ${sig}`); await cleanup(); summary(); process.exit(130); });
}

let exitCode = 1;
try {
  ensureSetup((m) => console.log(m));
  session = makeSessionDir('tlsnet-editor-test-');
  server = await startServer({ session, extraArgs: ['--enable-smoke-test-driver'] });
  console.log(`[runner] VS Code server on 127.0.0.1:${server.port} after ${elapsed()}`);

  browser = await launchChromium(session);
  const page = await browser.newPage({ viewport: { width: 1400, height: 900 } });
  let settle;
  const exited = new Promise((r) => (settle = r));
  await page.exposeFunction('codeAutomationExit', async (code) => settle(code));
  page.on('console', (m) => {
    const line = consoleLine(m.text(), m.type());
    if (line === null) return;
    console.log(line);
    // mocha spec reporter epilogue: "  12 passing (3s)", "  1 failing", "  2 pending"
    for (const l of line.split('\n')) {
      let r;
      if ((r = /^\s*(\d+) passing\b/.exec(l))) passing = Number(r[1]);
      else if ((r = /^\s*(\d+) failing\b/.exec(l))) failing = Number(r[1]);
      else if ((r = /^\s*(\d+) pending\b/.exec(l))) pending = Number(r[1]);
    }
  });
  page.on('pageerror', (e) => console.log(`[browser pageerror] ${String(e).slice(0, 500)}`));

  const payload = [
    ['extensionDevelopmentPath', remoteUri(server.port, devPath)],
    ['extensionTestsPath', remoteUri(server.port, testsPath)],
  ];
  await page.goto(workbenchUrl(server.port, { folder, payload }));
  const code = await exited;
  console.log(`[runner] codeAutomationExit(${code}) after ${elapsed()}`);
  if (args.screenshot) {
    await page.screenshot({ path: path.resolve(args.screenshot) }).then(
      () => console.log(`[runner] screenshot ${path.resolve(args.screenshot)}`),
      (e) => console.log(`[runner] screenshot failed: ${e.message}`));
  }
  const ok = code === 0 && (passing ?? 0) > 0 && (failing ?? 0) === 0;
  if (!ok) {
    if (passing === null) console.log('[runner] no mocha summary seen: did the test bundle load? (extension host log follows)');
    console.log(tailLogs(session));
  }
  exitCode = ok ? 0 : 1;
} catch (e) {
  console.error(`[runner] ${e.stack || e}`);
  if (session) console.error(tailLogs(session));
  exitCode = 1;
} finally {
  clearTimeout(hardTimer);
  await cleanup();
  console.log(`[runner] done in ${elapsed()}, exit ${exitCode}`);
  summary(); // last line: "editor: N passed, M failed"
}
process.exit(exitCode);
