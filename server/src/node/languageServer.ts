import { join } from 'node:path';
import { pathToFileURL } from 'node:url';
import { createConnection, ProposedFeatures } from 'vscode-languageserver/node';
import { docsPath } from '../core/rule';
import { startServer } from '../lsp/server';

/** The project root of the installed extension or package: dist/.. */
export const PACKAGE_ROOT = join(__dirname, '..');

/** Starts the language server on stdio, IPC or a socket, as the command line asks (--stdio, --node-ipc, --socket=N). */
export function runLanguageServer(): void {
  const connection = createConnection(ProposedFeatures.all);
  startServer(connection, { docsUrl: (rule) => pathToFileURL(join(PACKAGE_ROOT, docsPath(rule))).href });
}
