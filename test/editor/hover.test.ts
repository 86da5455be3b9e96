// Directive hovers come from the language server.
import * as assert from 'node:assert/strict';
import * as vscode from 'vscode';
import { activateExtension, fixture, hasCode, hoverText, lineOf, open, waitForDiagnostics } from './helpers';

describe('hover', () => {
  before(async () => {
    await activateExtension();
    // the language server is up once it has published diagnostics for a file
    const probe = await open(fixture('nginx', 'sentinel-broken.conf'));
    await waitForDiagnostics(probe.uri, hasCode('nginx/verify-client-without-ca'), 'the language server to publish diagnostics');
  });
  after(() => vscode.commands.executeCommand('workbench.action.closeAllEditors'));

  it('explains the ssl_verify_client directive', async () => {
    const doc = await open(fixture('nginx', 'mtls-ok.conf'));
    const line = lineOf(doc, 'ssl_verify_client');
    const character = doc.lineAt(line).text.indexOf('ssl_verify_client') + 4;
    const hovers = await vscode.commands.executeCommand<vscode.Hover[]>('vscode.executeHoverProvider', doc.uri, new vscode.Position(line, character));
    const text = hoverText(hovers);
    assert.ok(text.trim().length > 0, 'hover is empty');
    assert.match(text, /ssl_verify_client/);
  });
});
