import { spawn, type ChildProcess } from 'node:child_process';
import { join } from 'node:path';
import { pathToFileURL } from 'node:url';
import { createMessageConnection, StreamMessageReader, StreamMessageWriter, type MessageConnection } from 'vscode-jsonrpc/node';

/** The bundled language server spawned over stdio, spoken to in JSON-RPC as an editor would. */
export interface LspSession {
  conn: MessageConnection;
  proc: ChildProcess;
  stderr: () => string;
  /** Resolves with the next publishDiagnostics for `uri` that satisfies `pred`. */
  diagnostics(uri: string, pred?: (d: Diag[]) => boolean, timeoutMs?: number): Promise<Diag[]>;
  close(): Promise<number | null>;
}

export interface Diag {
  range: { start: { line: number; character: number }; end: { line: number; character: number } };
  severity: number;
  code: string;
  source: string;
  message: string;
  codeDescription?: { href: string };
}

export const ROOT = process.cwd();
export const uriOf = (p: string): string => pathToFileURL(p).href;

export async function startServer(opts: { workspace: string; capabilities?: Record<string, unknown>; initializationOptions?: unknown; entry?: string[] }): Promise<LspSession> {
  const args = opts.entry ?? [join(ROOT, 'dist/server.js'), '--stdio'];
  const proc = spawn(process.execPath, args, { stdio: ['pipe', 'pipe', 'pipe'] });
  let err = '';
  proc.stderr!.on('data', (d) => (err += d));
  const conn = createMessageConnection(new StreamMessageReader(proc.stdout!), new StreamMessageWriter(proc.stdin!));
  const waiters: { uri: string; pred: (d: Diag[]) => boolean; resolve: (d: Diag[]) => void }[] = [];
  const latest = new Map<string, Diag[]>();
  conn.onNotification('textDocument/publishDiagnostics', (p: { uri: string; diagnostics: Diag[] }) => {
    latest.set(p.uri, p.diagnostics);
    for (const w of [...waiters]) {
      if (w.uri === p.uri && w.pred(p.diagnostics)) {
        waiters.splice(waiters.indexOf(w), 1);
        w.resolve(p.diagnostics);
      }
    }
  });
  conn.onRequest('workspace/configuration', (p: { items: unknown[] }) => p.items.map(() => ({ rules: {} })));
  conn.onRequest('client/registerCapability', () => null);
  conn.onRequest('workspace/diagnostic/refresh', () => null);
  conn.listen();
  await conn.sendRequest('initialize', {
    processId: process.pid,
    rootUri: uriOf(opts.workspace),
    workspaceFolders: [{ uri: uriOf(opts.workspace), name: 'ws' }],
    capabilities: opts.capabilities ?? { workspace: { configuration: true, workspaceEdit: { documentChanges: true, snippetEditSupport: true } } },
    initializationOptions: opts.initializationOptions,
  });
  await conn.sendNotification('initialized', {});
  return {
    conn,
    proc,
    stderr: () => err,
    diagnostics(uri, pred = () => true, timeoutMs = 10000) {
      return new Promise((resolve, reject) => {
        const now = latest.get(uri);
        if (now && pred(now)) return resolve(now);
        const timer = setTimeout(() => reject(new Error(`no matching diagnostics for ${uri} within ${timeoutMs} ms; last: ${JSON.stringify(latest.get(uri))}`)), timeoutMs);
        waiters.push({ uri, pred, resolve: (d) => (clearTimeout(timer), resolve(d)) });
      });
    },
    async close() {
      const exited = new Promise<number | null>((r) => proc.on('exit', (code) => r(code)));
      await conn.sendRequest('shutdown');
      await conn.sendNotification('exit');
      const code = await exited;
      conn.dispose();
      return code;
    },
  };
}
