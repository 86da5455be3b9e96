// Shared plumbing for the offline VS Code host (see setup.sh): paths of the cached pieces, running
// setup when they are missing, starting the real VS Code server (code-server's lib/vscode/out/server-main.js
// on Node 24) bound to 127.0.0.1, opening the web workbench in headless Debian chromium through
// playwright-core, and tearing everything down (the server's whole process group).
//
// Used by run-tests.mjs (in-editor mocha suite), screenshot.mjs (README image) and ../start.mjs (npm start).
import { spawn, spawnSync } from 'node:child_process';
import { createRequire } from 'node:module';
import fs from 'node:fs';
import net from 'node:net';
import os from 'node:os';
import path from 'node:path';
import { fileURLToPath } from 'node:url';

export const HERE = path.dirname(fileURLToPath(import.meta.url));
export const PROJECT_ROOT = path.resolve(HERE, '..', '..');
export const CACHE = process.env.TLSNET_VSCODE_HOST || path.join(os.homedir(), '.cache', 'tlsnet-vscode-host');
export const NODE24 = path.join(CACHE, 'node24/node_modules/node/bin/node');
export const SERVER_DIR = path.join(CACHE, 'cs/node_modules/code-server/lib/vscode');
export const SERVER_MAIN = path.join(SERVER_DIR, 'out/server-main.js');
export const PLAYWRIGHT_CORE = path.join(CACHE, 'tools/node_modules/playwright-core');
export const CHROMIUM = process.env.CHROMIUM || '/usr/bin/chromium';
export const HOST = '127.0.0.1'; // never bind anything else

/** Chromium flags that keep a headless run offline and quiet. */
export const CHROMIUM_ARGS = ['--headless', '--no-sandbox', '--disable-gpu', '--disable-quic', '--no-first-run',
  '--disable-background-networking', '--disable-component-update', '--disable-sync', '--disable-default-apps',
  '--no-default-browser-check', '--disable-extensions'];

/** Settings for a fresh user-data dir: no tips, no trust prompt, no update or telemetry traffic. */
export const QUIET_SETTINGS = {
  'workbench.startupEditor': 'none',
  'security.workspace.trust.enabled': false,
  'telemetry.telemetryLevel': 'off',
  'extensions.autoCheckUpdates': false,
  'extensions.autoUpdate': 'off', // (VS Code migrates `false` to 'off' by rewriting settings.json)
  'extensions.ignoreRecommendations': true,
  'update.mode': 'none',
  'workbench.tips.enabled': false,
  'workbench.enableExperiments': false,
  'chat.disableAIFeatures': true,
  'git.enabled': false,
  'npm.autoDetect': 'off',
  'workbench.secondarySideBar.defaultVisibility': 'hidden', // the (empty) chat side bar
};

export function setupComplete() {
  const missing = [
    [path.join(CACHE, '.setup-complete'), 'setup stamp'],
    [NODE24, 'Node 24'],
    [SERVER_MAIN, 'VS Code server'],
    [path.join(SERVER_DIR, 'node_modules'), "code-server's postinstall (lib/vscode/node_modules)"],
    [path.join(PLAYWRIGHT_CORE, 'package.json'), 'playwright-core'],
    [CHROMIUM, 'chromium'],
  ].filter(([p]) => !fs.existsSync(p)).map(([, what]) => what);
  return missing;
}

/** Runs setup.sh (inheriting stdio) when any cached piece is missing. Throws if it fails. */
export function ensureSetup(log = console.log) {
  const missing = setupComplete();
  if (missing.length === 0) return false;
  log(`[vscode-host] cache incomplete at ${CACHE} (missing: ${missing.join(', ')}); running setup.sh`);
  const r = spawnSync('bash', [path.join(HERE, 'setup.sh')], { stdio: 'inherit', env: { ...process.env, CI: process.env.CI || 'true' } });
  if (r.status !== 0) throw new Error(`setup.sh failed (exit ${r.status ?? r.signal})`);
  const still = setupComplete();
  if (still.length) throw new Error(`setup.sh finished but still missing: ${still.join(', ')}`);
  return true;
}

export function loadPlaywright() {
  return createRequire(import.meta.url)(PLAYWRIGHT_CORE);
}

/** A fresh temp dir with user-data (settings.json), server-data and extensions dirs. */
export function makeSessionDir(prefix, settings = {}) {
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), prefix));
  const userData = path.join(dir, 'user-data');
  fs.mkdirSync(path.join(userData, 'User'), { recursive: true });
  fs.writeFileSync(path.join(userData, 'User', 'settings.json'), JSON.stringify({ ...QUIET_SETTINGS, ...settings }, null, 2));
  const tmp = path.join(dir, 'tmp');
  fs.mkdirSync(tmp);
  return { dir, userData, tmp, serverData: path.join(dir, 'server-data'), extensions: path.join(dir, 'extensions') };
}

/** Resolves `preferred` if it is free on 127.0.0.1, else a free port chosen by the OS. */
export async function pickPort(preferred) {
  const tryListen = (port) => new Promise((resolve) => {
    const srv = net.createServer();
    srv.once('error', () => resolve(null));
    srv.listen(port, HOST, () => { const p = srv.address().port; srv.close(() => resolve(p)); });
  });
  if (preferred) {
    const p = await tryListen(preferred);
    if (p) return p;
  }
  return tryListen(0);
}

/**
 * Starts server-main.js on Node 24 in its own process group. Resolves { port, proc, log(), stop() }
 * once it prints "Extension host agent listening on PORT".
 */
export async function startServer({ port = 0, session, extraArgs = [], token, startTimeoutMs = 90000, onOutput } = {}) {
  const args = [SERVER_MAIN, '--host', HOST, '--port', String(port),
    ...(token ? ['--connection-token', token] : ['--without-connection-token']),
    '--accept-server-license-terms', '--disable-telemetry', '--disable-workspace-trust',
    '--user-data-dir', session.userData, '--server-data-dir', session.serverData,
    '--extensions-dir', session.extensions, ...extraArgs];
  const proc = spawn(NODE24, args, {
    stdio: ['ignore', 'pipe', 'pipe'], detached: true, cwd: PROJECT_ROOT,
    // keep the extension host from inheriting a parent VS Code's IPC/ELECTRON variables
    env: {
      ...Object.fromEntries(Object.entries(process.env).filter(([k]) => !/^(VSCODE_|ELECTRON_)/.test(k))),
      // code-server's build defaults the marketplace to open-vsx.org: switch the gallery off so the
      // server makes no outbound requests (everything stays on 127.0.0.1)
      EXTENSIONS_GALLERY: process.env.TLSNET_EXTENSIONS_GALLERY || '{}',
      // VS Code leaves vscode-ipc-*.sock and vscode-typescript* behind in the temp dir when it is
      // killed: keep them inside the session dir, which is removed afterwards
      TMPDIR: session.tmp,
    },
  });
  let out = '';
  const stop = () => killGroup(proc);
  const listening = new Promise((resolve, reject) => {
    const onData = (d) => {
      out += d;
      onOutput?.(String(d));
      const m = /Extension host agent listening on (\d+)/.exec(out);
      if (m) resolve(Number(m[1]));
    };
    proc.stdout.on('data', onData);
    proc.stderr.on('data', onData);
    proc.once('exit', (c, s) => reject(new Error(`VS Code server exited early (${c ?? s})\n${out}`)));
    proc.once('error', reject);
    setTimeout(() => reject(new Error(`VS Code server did not start within ${startTimeoutMs} ms\n${out}`)), startTimeoutMs).unref();
  });
  try {
    const actual = await listening;
    return { port: actual, proc, log: () => out, stop };
  } catch (e) {
    stop();
    throw e;
  }
}

/** SIGTERM the whole process group (server, extension host, language server, file watchers), SIGKILL after 3 s. */
export function killGroup(proc) {
  if (!proc || proc.pid === undefined) return Promise.resolve();
  const alive = () => { try { process.kill(-proc.pid, 0); return true; } catch { return false; } };
  if (!alive()) return Promise.resolve();
  try { process.kill(-proc.pid, 'SIGTERM'); } catch { /* gone */ }
  return new Promise((resolve) => {
    const t0 = Date.now();
    const poll = setInterval(() => {
      if (!alive()) { clearInterval(poll); resolve(); return; }
      if (Date.now() - t0 > 3000) {
        try { process.kill(-proc.pid, 'SIGKILL'); } catch { /* gone */ }
        clearInterval(poll);
        resolve();
      }
    }, 100);
  });
}

/** Synchronous variant for process 'exit' handlers. */
export function killGroupSync(proc) {
  if (!proc || proc.pid === undefined) return;
  try { process.kill(-proc.pid, 'SIGKILL'); } catch { /* gone */ }
}

export async function launchChromium(session) {
  const { chromium } = loadPlaywright();
  return chromium.launch({
    executablePath: CHROMIUM, headless: true, args: CHROMIUM_ARGS,
    ...(session ? { env: { ...process.env, TMPDIR: session.tmp } } : {}),
  });
}

/** `vscode-remote://127.0.0.1:PORT/abs/path`, the form the web workbench's payload expects. */
export function remoteUri(port, absPath) {
  return `vscode-remote://${HOST}:${port}${absPath.split(path.sep).map(encodeURIComponent).join('/')}`;
}

/** Workbench URL: folder to open plus an optional development payload (extensionDevelopmentPath, extensionTestsPath). */
export function workbenchUrl(port, { folder, payload, token } = {}) {
  const q = [];
  q.push(folder ? `folder=${encodeURIComponent(folder).replace(/%2F/g, '/')}` : 'ew=true');
  if (payload?.length) q.push(`payload=${encodeURIComponent(JSON.stringify(payload))}`);
  if (token) q.push(`tkn=${encodeURIComponent(token)}`);
  return `http://${HOST}:${port}/?${q.join('&')}`;
}

const NOISE_EXT = /^(Resolving|Resolved|Creating a socket|Updating additional|\[Service Worker\]|\[reconnection|\[AgentHost|\[AccountPolicyGate|Started local extension host|Extension host \(|\[LocalProcess|Settings Sync)/;
const NOISE = /open-vsx|ENOTFOUND|Failed to load resource|manifest\.json|ServiceWorker|iframe|404|Canceled: Canceled|marketplace|gallery|Ignoring the error while validating workspace folder/;

/**
 * Turns a browser console message into the line to print, or null to drop it. Extension-host console
 * output arrives as renderer logs like `%c INFO color: #33f <text>`; `TLSNET_VERBOSE=1` keeps everything.
 */
export function consoleLine(text, type) {
  const ext = /^(?:%c)?\s*(INFO|WARN|ERR|DEBUG|TRACE)\s+color: #\w+ (.*)$/s.exec(text);
  if (process.env.TLSNET_VERBOSE) return ext ? ext[2] : `[browser ${type}] ${text}`;
  if (ext && NOISE_EXT.test(ext[2])) return null;
  if (NOISE.test(text)) return null;
  return ext ? ext[2] : `[browser ${type}] ${text}`;
}

/** Last lines of the extension host / server logs under a session's server-data dir (for failures). */
export function tailLogs(session, lines = 40) {
  const found = [];
  const walk = (d) => {
    let entries = [];
    try { entries = fs.readdirSync(d, { withFileTypes: true }); } catch { return; }
    for (const e of entries) {
      const p = path.join(d, e.name);
      if (e.isDirectory()) walk(p);
      else if (/\.log$/.test(e.name)) found.push(p);
    }
  };
  walk(path.join(session.serverData, 'logs'));
  walk(path.join(session.userData, 'logs'));
  // the extension host log, the server log and tlsnet's own output channels
  return found
    .filter((f) => /^(remote)?exthost\.log$|^remoteagent\.log$/.test(path.basename(f)) || /tlsnet/i.test(path.relative(session.dir, f)))
    .map((f) => {
      const text = fs.readFileSync(f, 'utf8').trimEnd().split('\n')
        .filter((l) => !/sessions for all scopes|McpGateway|AgentHost|reconnection-grace-time/.test(l));
      return `--- ${f} (last ${Math.min(lines, text.length)} lines) ---\n${text.slice(-lines).join('\n')}`;
    }).join('\n');
}
