import * as vscode from 'vscode';
import type { LanguageClient } from 'vscode-languageclient/node';

export function registerCommands(context: vscode.ExtensionContext, client: () => LanguageClient | undefined, output: vscode.OutputChannel): void {
  context.subscriptions.push(
    vscode.commands.registerCommand('tlsnet.restartServer', async () => {
      await client()?.restart();
    }),
    vscode.commands.registerCommand('tlsnet.showOutput', () => output.show(true)),
    vscode.commands.registerCommand('tlsnet.openRuleDocs', async (rule?: string) => {
      const id = rule ?? (await vscode.window.showInputBox({ prompt: 'Rule id, e.g. nginx/verify-client-without-ca' }));
      if (!id || !/^[a-z-]+\/[a-z0-9-]+$/.test(id)) return;
      const uri = vscode.Uri.joinPath(context.extensionUri, 'docs', 'rules', `${id}.md`);
      await vscode.commands.executeCommand('markdown.showPreview', uri);
    }),
  );
}
