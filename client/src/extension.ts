import * as path from 'node:path';
import * as vscode from 'vscode';
import { LanguageClient, TransportKind, type LanguageClientOptions, type ServerOptions } from 'vscode-languageclient/node';
import { registerCommands } from './commands';
import { watchCiscoContent } from './ciscoDetect';

let client: LanguageClient | undefined;

const LANGUAGES = ['nginx', 'dhcpd', 'cisco-ios', 'dnsmasq', 'pem'];
// YAML and JSON are served, not taken over: the server recognises Istio and Kea by content.
const SHARED = ['yaml', 'json', 'jsonc'];

export async function activate(context: vscode.ExtensionContext): Promise<void> {
  const output = vscode.window.createOutputChannel('tlsnet', { log: true });
  const module = context.asAbsolutePath(path.join('dist', 'server.js'));
  const serverOptions: ServerOptions = {
    run: { module, transport: TransportKind.ipc },
    debug: { module, transport: TransportKind.ipc, options: { execArgv: ['--nolazy', '--inspect=6019'] } },
  };
  const clientOptions: LanguageClientOptions = {
    documentSelector: [
      ...LANGUAGES.flatMap((language) => [{ scheme: 'file', language }, { scheme: 'untitled', language }]),
      ...SHARED.map((language) => ({ scheme: 'file', language })),
    ],
    synchronize: {
      configurationSection: 'tlsnet',
      fileEvents: vscode.workspace.createFileSystemWatcher('**/*.{conf,nginx,pem,crt,cer,key,csr,crl}'),
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
  await client.start();
}

export async function deactivate(): Promise<void> {
  await client?.stop();
  client = undefined;
}
