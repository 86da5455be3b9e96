#!/usr/bin/env node
// `npm start` (after the build and `npm run package`): opens the examples/ workspace in VS Code with tlsnet.
//
// - If a desktop `code` command is on PATH: `code --extensionDevelopmentPath=<repo> examples/`.
// - Otherwise: a real VS Code in the browser, served locally. Runs scripts/vscode-host/setup.sh if its
//   cache is incomplete (first time: a few minutes, npm registry + Debian apt only), installs the packaged
//   tlsnet-*.vsix into a dedicated extensions dir, starts the VS Code server (code-server's
//   lib/vscode/out/server-main.js on Node 24) on 127.0.0.1 and prints the URL to open. Ctrl+C stops it.
//
// Env: TLSNET_PORT (default 8080; a free port is used when it is taken), TLSNET_START_MODE=web to skip
//      the desktop `code` check, TLSNET_NO_TOKEN=1 to serve without a connection token,
//      TLSNET_VSCODE_HOST (cache dir of the web host), TLSNET_VSIX (a .vsix to install instead of the newest
//      tlsnet-*.vsix in the repository root).
import { spawn, spawnSync } from 'node:child_process';
import { randomBytes } from 'node:crypto';
import fs from 'node:fs';
import path from 'node:path';
import {
  CACHE, ensureSetup, HOST, killGroup, killGroupSync, makeSessionDir, NODE24, pickPort, PROJECT_ROOT,
  SERVER_MAIN, startServer, workbenchUrl,
} from './vscode-host/host.mjs';

const examples = path.join(PROJECT_ROOT, 'examples');

function onPath(cmd) {
  for (const dir of (process.env.PATH || '').split(path.delimiter)) {
    const p = path.join(dir, cmd);
    try { fs.accessSync(p, fs.constants.X_OK); return p; } catch { /* next */ }
  }
  return undefined;
}

function newestVsix() {
  if (process.env.TLSNET_VSIX) return path.resolve(process.env.TLSNET_VSIX);
  const found = fs.readdirSync(PROJECT_ROOT)
    .filter((f) => /^tlsnet-.*\.vsix$/.test(f))
    .map((f) => ({ f: path.join(PROJECT_ROOT, f), t: fs.statSync(path.join(PROJECT_ROOT, f)).mtimeMs }))
    .sort((a, b) => b.t - a.t);
  return found[0]?.f;
}

// 1. Desktop VS Code ------------------------------------------------------------------------------------
const code = process.env.TLSNET_START_MODE === 'web' ? undefined : onPath('code');
if (code) {
  console.log(`Opening ${examples} in VS Code (${code}) with the extension from ${PROJECT_ROOT}`);
  const r = spawnSync(code, [`--extensionDevelopmentPath=${PROJECT_ROOT}`, examples], { stdio: 'inherit' });
  process.exit(r.status ?? 1);
}

// 2. VS Code in the browser, served on 127.0.0.1 -------------------------------------------------------
ensureSetup();
const extensionsDir = path.join(CACHE, 'start', 'extensions');
const session = makeSessionDir('tlsnet-start-', { 'workbench.startupEditor': 'readme', 'files.autoSave': 'off' });
session.extensions = extensionsDir; // persistent: the installed .vsix survives between runs
fs.mkdirSync(extensionsDir, { recursive: true });

const vsix = newestVsix();
let payload;
if (vsix) {
  console.log(`Installing ${path.basename(vsix)} into ${extensionsDir}`);
  const r = spawnSync(NODE24, [SERVER_MAIN, '--install-extension', vsix, '--force',
    '--extensions-dir', extensionsDir, '--user-data-dir', session.userData, '--server-data-dir', session.serverData,
    '--accept-server-license-terms'], { stdio: 'inherit', env: { ...process.env, EXTENSIONS_GALLERY: '{}' } });
  if (r.status !== 0) {
    console.error(`Installing ${vsix} failed (exit ${r.status ?? r.signal}).`);
    process.exit(1);
  }
} else {
  // No package: load the extension from the working tree, as an extension development host.
  console.log(`No tlsnet-*.vsix in ${PROJECT_ROOT} (npm run package makes one); loading the extension from the working tree.`);
  if (!fs.existsSync(path.join(PROJECT_ROOT, 'dist', 'client.js'))) {
    console.error('dist/client.js is missing: run `npm run build` first.');
    process.exit(1);
  }
}

const wanted = Number(process.env.TLSNET_PORT || 8080);
const port = await pickPort(wanted);
if (port !== wanted) console.log(`Port ${wanted} is taken; using ${port}.`);
const token = process.env.TLSNET_NO_TOKEN ? undefined : randomBytes(16).toString('hex');
let server;
let stopping = false;
const stopAll = async (code) => {
  if (stopping) return;
  stopping = true;
  await killGroup(server?.proc);
  fs.rmSync(session.dir, { recursive: true, force: true });
  process.exit(code);
};
process.on('exit', () => killGroupSync(server?.proc));
for (const sig of ['SIGINT', 'SIGTERM', 'SIGHUP']) process.on(sig, () => { console.log('\nStopping VS Code…'); void stopAll(0); });

try {
  server = await startServer({
    port, session, token,
    // the payload (development extension) is only honoured with the smoke-test driver switched on
    extraArgs: vsix ? [] : ['--enable-smoke-test-driver'],
  });
} catch (e) {
  console.error(String(e.message || e));
  await stopAll(1);
}
if (!vsix) payload = [['extensionDevelopmentPath', `vscode-remote://${HOST}:${server.port}${PROJECT_ROOT}`]];
server.proc.on('exit', (c, s) => {
  if (stopping) return;
  console.error(`VS Code server exited (${c ?? s}).`);
  void stopAll(1);
});

const url = workbenchUrl(server.port, { folder: examples, payload, token });
const bar = '─'.repeat(Math.min(100, url.length + 4));
console.log(`
VS Code with tlsnet is running (cache: ${CACHE}).
Open this address in your browser to try the examples (see examples/README.md):

${bar}
  ${url}
${bar}

It listens on ${HOST} only. Press Ctrl+C to stop.`);
// keep running until Ctrl+C (the child process keeps the event loop alive)
