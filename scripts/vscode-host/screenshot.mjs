#!/usr/bin/env node
// Takes the README screenshot from a REAL VS Code (the offline web host, see setup.sh): opens the
// examples/ workspace with tlsnet, opens examples/nginx/nginx.conf through Quick Open like a person,
// waits for the error squiggle on `ssl_verify_client on;`, opens the Problems panel, hovers the squiggle
// and saves a PNG once the hover shows the tlsnet diagnostic.
//
//   node scripts/vscode-host/screenshot.mjs [--out docs/images/screenshot.png] [--vsix tlsnet-x.y.z.vsix]
//                                           [--file nginx/nginx.conf] [--theme "Default Dark Modern"]
//
// The extension is loaded from the newest tlsnet-*.vsix in the repository root (or --vsix), installed
// with the server's --install-extension; without a .vsix, the working tree (dist/) is linked into the
// extensions dir so it loads as an installed extension (no "Extension Development Host" title).
// Exit code 0 only if the hover with the diagnostic was seen and the PNG written.
import fs from 'node:fs';
import path from 'node:path';
import { spawnSync } from 'node:child_process';
import {
  consoleLine, ensureSetup, killGroup, killGroupSync, launchChromium, makeSessionDir, NODE24, PROJECT_ROOT,
  SERVER_MAIN, startServer, workbenchUrl,
} from './host.mjs';

const argv = process.argv.slice(2);
const opt = (name, dflt) => {
  const i = argv.indexOf(`--${name}`);
  return i >= 0 ? argv[i + 1] : dflt;
};
const out = path.resolve(opt('out', path.join(PROJECT_ROOT, 'docs/images/screenshot.png')));
const file = opt('file', 'nginx/nginx.conf');
const expected = opt('expect', 'verify-client-without-ca');
const theme = opt('theme', 'Default Dark Modern');
const folder = path.join(PROJECT_ROOT, 'examples');
const timeoutMs = Number(opt('timeout', 180)) * 1000;

const t0 = Date.now();
const log = (m) => console.log(`[screenshot ${((Date.now() - t0) / 1000).toFixed(1)}s] ${m}`);
let server;
let browser;
let session;
const cleanup = async () => {
  await browser?.close().catch(() => {});
  await killGroup(server?.proc);
  if (session) fs.rmSync(session.dir, { recursive: true, force: true });
};
process.on('exit', () => killGroupSync(server?.proc));
const hard = setTimeout(async () => { console.error('[screenshot] timed out'); await cleanup(); process.exit(1); }, timeoutMs);
hard.unref();

function installExtension() {
  const vsix = opt('vsix') ?? fs.readdirSync(PROJECT_ROOT).filter((f) => /^tlsnet-.*\.vsix$/.test(f))
    .map((f) => path.join(PROJECT_ROOT, f)).sort((a, b) => fs.statSync(b).mtimeMs - fs.statSync(a).mtimeMs)[0];
  if (vsix) {
    log(`installing ${path.relative(PROJECT_ROOT, path.resolve(vsix))}`);
    const r = spawnSync(NODE24, [SERVER_MAIN, '--install-extension', path.resolve(vsix), '--force',
      '--extensions-dir', session.extensions, '--user-data-dir', session.userData,
      '--server-data-dir', session.serverData, '--accept-server-license-terms'],
    { stdio: 'inherit', env: { ...process.env, EXTENSIONS_GALLERY: '{}' } });
    if (r.status !== 0) throw new Error(`--install-extension failed (${r.status ?? r.signal})`);
    return;
  }
  if (!fs.existsSync(path.join(PROJECT_ROOT, 'dist/client.js'))) throw new Error('no .vsix and no dist/client.js: run npm run build');
  const pkg = JSON.parse(fs.readFileSync(path.join(PROJECT_ROOT, 'package.json'), 'utf8'));
  const dir = path.join(session.extensions, `${pkg.publisher}.${pkg.name}-${pkg.version}`);
  fs.mkdirSync(session.extensions, { recursive: true });
  fs.symlinkSync(PROJECT_ROOT, dir);
  log(`no .vsix: linked the working tree as ${path.basename(dir)}`);
}

let ok = false;
let page;
try {
  ensureSetup();
  session = makeSessionDir('tlsnet-screenshot-', {
    'workbench.colorTheme': theme,
    'window.commandCenter': true,
    'editor.minimap.enabled': false,
    'workbench.activityBar.location': 'default',
    'editor.fontSize': 14,
    'editor.hover.delay': 150,
    'breadcrumbs.enabled': true,
    'workbench.layoutControl.enabled': false,
  });
  installExtension();
  server = await startServer({ session });
  log(`VS Code server on 127.0.0.1:${server.port}`);
  browser = await launchChromium(session);
  page = await browser.newPage({ viewport: { width: 1280, height: 800 }, deviceScaleFactor: 1 });
  page.on('console', (m) => {
    if (m.type() !== 'error' && !process.env.TLSNET_VERBOSE) return;
    const line = consoleLine(m.text(), m.type());
    if (line) console.log(line.slice(0, 300));
  });
  await page.goto(workbenchUrl(server.port, { folder }));
  await page.waitForSelector('.monaco-workbench', { timeout: 60000 });
  await page.waitForSelector('.explorer-folders-view .monaco-list-row', { timeout: 60000 });
  log('workbench ready');

  // Open the file through Quick Open, like a person would.
  await page.keyboard.press('Control+P');
  await page.waitForSelector('.quick-input-widget input', { timeout: 20000 });
  await page.keyboard.type(file, { delay: 15 });
  await page.waitForSelector('.quick-input-list .monaco-list-row', { timeout: 20000 });
  await page.keyboard.press('Enter');
  await page.waitForSelector(`.tabs-container .tab[aria-label*="${path.basename(file)}"]`, { timeout: 20000 });
  await page.waitForSelector('.editor-instance .view-line', { timeout: 20000 });
  log(`${file} open`);

  // The language server's diagnostic shows as a squiggle.
  await page.waitForSelector('.editor-instance .squiggly-error', { timeout: 60000 });
  log('error squiggle visible');

  // Problems panel at the bottom (Ctrl+Shift+M); clicking the error there reveals its line in the editor.
  await page.keyboard.press('Control+Shift+M');
  const row = page.locator('.markers-panel .monaco-list-row', { hasText: expected }).first();
  await row.waitFor({ timeout: 20000 });
  await row.click({ position: { x: 80, y: 10 } }); // on the message, not on the rule's docs link
  await page.waitForSelector('.editor-instance .squiggly-error', { state: 'visible', timeout: 20000 });
  log('Problems panel open, error line revealed');
  // clicking the problem selected its range; put the cursor on the next line so the squiggle shows plainly
  const sq = await page.locator('.editor-instance .squiggly-error').first().boundingBox({ timeout: 5000 });
  await page.mouse.click(sq.x + sq.width + 150, sq.y + sq.height * 1.5);

  // Hover the squiggle until the hover shows the rule id.
  let hoverText = '';
  for (let i = 0; i < 30 && !ok; i++) {
    const box = await page.locator('.editor-instance .squiggly-error').first().boundingBox({ timeout: 2000 }).catch(() => null);
    if (!box) { await page.waitForTimeout(300); continue; }
    const x = box.x + Math.min(box.width / 2, 60);
    const y = box.y + box.height / 2;
    await page.mouse.move(x - 4, y);
    await page.mouse.move(x, y);
    try {
      await page.waitForSelector('.monaco-hover .hover-row, .monaco-hover .rendered-markdown', { timeout: 3000 });
      hoverText = await page.locator('.monaco-hover').first().innerText();
      ok = hoverText.includes(expected);
    } catch { /* retry */ }
  }
  log(`hover: ${JSON.stringify(hoverText.slice(0, 300))}`);
  if (!ok) throw new Error(`hover with "${expected}" did not appear`);
  await page.mouse.move(0, 0, { steps: 0 }).catch(() => {});
  // mouse back over the squiggle so the hover stays up for the picture
  const box = await page.locator('.editor-instance .squiggly-error').first().boundingBox({ timeout: 5000 });
  await page.mouse.move(box.x + Math.min(box.width / 2, 60), box.y + box.height / 2);
  await page.waitForSelector('.monaco-hover .rendered-markdown, .monaco-hover .hover-row', { timeout: 5000 });
  fs.mkdirSync(path.dirname(out), { recursive: true });
  await page.screenshot({ path: out });
  log(`wrote ${path.relative(process.cwd(), out)}`);
} catch (e) {
  ok = false;
  console.error(`[screenshot] ${e.stack || e}`);
  const failed = out.replace(/\.png$/, '') + '.failed.png';
  await page?.screenshot({ path: failed }).then(() => console.error(`[screenshot] page at failure: ${failed}`), () => {});
} finally {
  clearTimeout(hard);
  await cleanup();
}
process.exit(ok ? 0 : 1);
