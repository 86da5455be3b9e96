#!/usr/bin/env node
// Side-by-side timings on a generated ~10,000-line nginx tree, against real `nginx -t` as anchor:
//   (a) nginx -t on the tree                            (median of N runs)
//   (b) node dist/cli.js lint TREE                      (cold process, median of N)
//   (c) language server over stdio: edit a 2,000-line file, time until its diagnostics
//       (pull: textDocument/diagnostic answer; push: publishDiagnostics for that version, which
//       includes the server's 100 ms debounce)
//   (d) in-process analyzeDocument of nginx.conf, includes and all (warm median)
// Targets: (c) pull < 50 ms; (b) and (d) < 1 s, aiming for half of nginx -t.
// Needs dist/ (`node esbuild.mjs`). BENCH_RUNS=N changes the number of runs (default 7).
import { spawn, spawnSync } from 'node:child_process';
import { existsSync, mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { pathToFileURL } from 'node:url';
import { generateTree } from './generate-nginx-tree.mjs';
import { loadSources, median, ROOT, time } from './lib.mjs';

const RUNS = Number(process.env.BENCH_RUNS ?? 7);

for (const f of ['dist/cli.js', 'dist/server.js']) {
  if (!existsSync(join(ROOT, f))) {
    process.stderr.write(`${f} is missing: run \`node esbuild.mjs\` first\n`);
    process.exit(2);
  }
}

const work = mkdtempSync(join(tmpdir(), 'tlsnet-bench-'));
try {
  const tree = generateTree(join(work, 'tree'));
  process.stdout.write(`tree: ${tree.lines} lines, ${tree.servers} servers, ${tree.big} has ${readFileSync(tree.big, 'utf8').split('\n').length} lines\n`);

  // (a) nginx -t
  const nginxArgs = ['-t', '-q', '-p', join(work, 'tree') + '/', '-c', tree.main, '-e', 'stderr', '-g', `pid ${join(work, 'nginx.pid')};`];
  const check = spawnSync('nginx', nginxArgs, { encoding: 'utf8' });
  if (check.error || check.status !== 0) throw new Error(`nginx -t must accept the generated tree: ${check.error?.message ?? check.stderr}`);
  const nginxMs = median(Array.from({ length: RUNS }, () => time(() => spawnSync('nginx', nginxArgs))));

  // (b) CLI, cold process, whole tree
  const cliArgs = [join(ROOT, 'dist/cli.js'), 'lint', join(work, 'tree'), '--format', 'json'];
  const cliRun = spawnSync(process.execPath, cliArgs, { encoding: 'utf8', maxBuffer: 64 << 20 });
  const cliFindings = JSON.parse(cliRun.stdout || '{"findings":[]}').findings ?? [];
  const cliMs = median(Array.from({ length: RUNS }, () => time(() => spawnSync(process.execPath, cliArgs, { maxBuffer: 64 << 20 }))));

  // (d) in-process analyzeDocument, bundled from the TypeScript sources for this run
  const core = await loadSources("export { analyzeDocument } from './server/src/analysis'; export { fsHost } from './server/src/node/fsHost'; export { DEFAULT_SETTINGS } from './server/src/core/settings';", work);
  const host = core.fsHost({ roots: [join(work, 'tree')] });
  const mainText = readFileSync(tree.main, 'utf8');
  const env = { host, settings: core.DEFAULT_SETTINGS, log: (m) => process.stderr.write(m + '\n') };
  const analyze = () => core.analyzeDocument({ path: tree.main, text: mainText, language: 'nginx' }, env);
  const firstMs = time(analyze);
  const inProcMs = median(Array.from({ length: RUNS * 2 }, () => time(analyze)));
  const bigText = readFileSync(tree.big, 'utf8');
  const bigInProcMs = median(Array.from({ length: RUNS * 2 }, () => time(() => core.analyzeDocument({ path: tree.big, text: bigText.replace('keepalive 16;', `keepalive ${Math.random() > 0.5 ? 16 : 17};`), language: 'nginx' }, env))));

  // (c) language server over stdio
  const lsp = await lspLatency(join(work, 'tree'), tree.big);

  const rows = [
    ['(a) nginx -t, whole tree', nginxMs, ''],
    ['(b) tlsnet lint (CLI, cold process), whole tree', cliMs, `${cliFindings.length} findings`],
    ['(c) LSP edit -> diagnostics, 2,000-line file (pull)', lsp.pull, 'target < 50 ms'],
    ['(c) LSP edit -> publishDiagnostics (push, 100 ms debounce)', lsp.push, ''],
    ['(d) analyzeDocument in-process, whole tree (warm)', inProcMs, `first run ${firstMs.toFixed(0)} ms; target < 1 s`],
    ['(d) analyzeDocument in-process, 2,000-line file', bigInProcMs, ''],
  ];
  process.stdout.write(`\n${'measurement'.padEnd(60)} ${'ms'.padStart(8)} ${'x nginx -t'.padStart(11)}  note\n`);
  for (const [name, ms, note] of rows) process.stdout.write(`${name.padEnd(60)} ${ms.toFixed(1).padStart(8)} ${(ms / nginxMs).toFixed(2).padStart(11)}  ${note}\n`);
  process.stdout.write(`\nmedians of ${RUNS} runs (in-process: ${RUNS * 2}); node ${process.version}; ${spawnSync('nginx', ['-v'], { encoding: 'utf8' }).stderr.trim()}\n`);
} finally {
  rmSync(work, { recursive: true, force: true });
}

/** Speaks JSON-RPC to `node dist/server.js --stdio`; returns median edit-to-diagnostics latency. */
async function lspLatency(workspace, file) {
  const run = async (pull) => {
    const proc = spawn(process.execPath, [join(ROOT, 'dist/server.js'), '--stdio'], { stdio: ['pipe', 'pipe', 'inherit'] });
    let buf = Buffer.alloc(0);
    let id = 0;
    const waiting = new Map();
    const listeners = [];
    const send = (msg) => {
      const body = Buffer.from(JSON.stringify({ jsonrpc: '2.0', ...msg }));
      proc.stdin.write(`Content-Length: ${body.length}\r\n\r\n`);
      proc.stdin.write(body);
    };
    const request = (method, params) => new Promise((res) => {
      waiting.set(++id, res);
      send({ id, method, params });
    });
    proc.stdout.on('data', (d) => {
      buf = Buffer.concat([buf, d]);
      for (;;) {
        const end = buf.indexOf('\r\n\r\n');
        if (end < 0) return;
        const len = Number(/Content-Length: (\d+)/i.exec(buf.subarray(0, end).toString())[1]);
        if (buf.length < end + 4 + len) return;
        const msg = JSON.parse(buf.subarray(end + 4, end + 4 + len).toString());
        buf = buf.subarray(end + 4 + len);
        if (msg.id !== undefined && msg.method) {
          const result = msg.method === 'workspace/configuration' ? msg.params.items.map(() => ({})) : null;
          send({ id: msg.id, result });
        } else if (msg.id !== undefined) {
          waiting.get(msg.id)?.(msg.result);
          waiting.delete(msg.id);
        } else if (msg.method === 'textDocument/publishDiagnostics') {
          for (const l of [...listeners]) l(msg.params);
        }
      }
    });
    const uri = pathToFileURL(file).href;
    await request('initialize', {
      processId: process.pid,
      rootUri: pathToFileURL(workspace).href,
      workspaceFolders: [{ uri: pathToFileURL(workspace).href, name: 'bench' }],
      capabilities: { workspace: { configuration: true }, textDocument: pull ? { diagnostic: {} } : {} },
    });
    send({ method: 'initialized', params: {} });
    const published = (version) => new Promise((res) => {
      const l = (p) => {
        if (p.uri === uri && (p.version === version || p.version === undefined)) {
          listeners.splice(listeners.indexOf(l), 1);
          res(p);
        }
      };
      listeners.push(l);
    });
    const text = readFileSync(file, 'utf8');
    const lines = text.split('\n');
    const opened = pull ? undefined : published(1);
    send({ method: 'textDocument/didOpen', params: { textDocument: { uri, languageId: 'nginx', version: 1, text } } });
    if (pull) await request('textDocument/diagnostic', { textDocument: { uri } });
    else await opened;
    const times = [];
    for (let v = 2; v < 2 + RUNS * 2; v++) {
      // A typical keystroke-sized edit in the middle of the file.
      const edited = [...lines];
      edited[1000] = `${lines[1000]} # edit ${v}`;
      const t0 = performance.now();
      const done = pull ? undefined : published(v);
      send({ method: 'textDocument/didChange', params: { textDocument: { uri, version: v }, contentChanges: [{ text: edited.join('\n') }] } });
      if (pull) await request('textDocument/diagnostic', { textDocument: { uri } });
      else await done;
      times.push(performance.now() - t0);
    }
    await request('shutdown', null);
    send({ method: 'exit' });
    proc.kill();
    return median(times.slice(1));
  };
  return { pull: await run(true), push: await run(false) };
}
