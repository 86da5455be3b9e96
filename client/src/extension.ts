import * as path from 'node:path';
import * as vscode from 'vscode';
import { LanguageClient, TransportKind, type LanguageClientOptions, type ServerOptions } from 'vscode-languageclient/node';
import { registerCommands } from './commands';
import { registerComputeRoutes } from './commands/computeRoutes';
import { watchCiscoContent } from './ciscoDetect';
import { registerCertificateViewer } from './viewer/provider';

let client: LanguageClient | undefined;

export async function activate(context: vscode.ExtensionContext): Promise<void> {
  const output = vscode.window.createOutputChannel('tlsnet', { log: true });
  const module = context.asAbsolutePath(path.join('dist', 'server.js'));
  const serverOptions: ServerOptions = {
    run: { module, transport: TransportKind.ipc },
    debug: { module, transport: TransportKind.ipc, options: { execArgv: ['--nolazy', '--inspect=6019'] } },
  };
  const clientOptions: LanguageClientOptions = {
    // Every file and untitled document, whatever its language: certificates are decoded on hover
    // wherever they are pasted. The server lints only the languages above (and Istio/Kea by content).
    documentSelector: [{ scheme: 'file' }, { scheme: 'untitled' }],
    synchronize: {
      configurationSection: 'tlsnet',
      fileEvents: vscode.workspace.createFileSystemWatcher('**/*.{conf,nginx,pem,crt,cer,der,cert,key,csr,crl}'),
    },
    initializationOptions: { trusted: vscode.workspace.isTrusted },
    outputChannel: output,
  };
  client = new LanguageClient('tlsnet', 'tlsnet', serverOptions, clientOptions);
  context.subscriptions.push(
    output,
    vscode.workspace.onDidGrantWorkspaceTrust(() => void client?.sendNotification('tlsnet/trustChanged', { trusted: true })),
    watchCiscoContent(),
  );
  registerCommands(context, () => client, output);
  registerComputeRoutes(context, () => client);
  registerCertificateViewer(context, () => client);
  await client.start();
}

export async function deactivate(): Promise<void> {
  await client?.stop();
  client = undefined;
}
