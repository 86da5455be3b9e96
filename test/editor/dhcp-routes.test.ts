// DHCP option 121 in a real VS Code: the route lens and hover from the language server, and the
// "Compute classless static routes" command writing into the open dhcpd.conf. Input boxes cannot
// be typed into from a test, so the command is run with its scripting arguments (routes, spelling
// to copy).
import * as assert from 'node:assert/strict';
import * as vscode from 'vscode';
import { activateExtension, fixture, hoverText, lineOf, open, revertAndClose, waitForText } from './helpers';

interface Outcome {
  errors: Array<{ line: number; message: string }>;
  inserted: boolean;
  spellings: Record<string, string>;
  copied?: string;
}

describe('dhcp option 121', () => {
  let doc: vscode.TextDocument | undefined;

  before(async () => {
    await activateExtension();
    doc = await open(fixture('dhcp', 'dhcpd.conf'));
    assert.equal(doc.languageId, 'dhcpd');
  });
  after(async () => {
    if (doc) await revertAndClose(doc);
  });

  it('shows the routes in a code lens and in the hover', async () => {
    const d = doc!;
    const line = lineOf(d, 'option rfc3442-classless-static-routes 24');
    const lenses = await vscode.commands.executeCommand<vscode.CodeLens[]>('vscode.executeCodeLensProvider', d.uri);
    assert.deepEqual((lenses ?? []).map((l) => [l.range.start.line, l.command?.title]), [[line, '121: 192.168.10.0/24 → 10.0.0.254 · 0.0.0.0/0 → 10.0.0.1']]);
    const character = d.lineAt(line).text.indexOf('24, 192') + 1;
    const text = hoverText(await vscode.commands.executeCommand<vscode.Hover[]>('vscode.executeHoverProvider', d.uri, new vscode.Position(line, character)));
    assert.match(text, /\| `192\.168\.10\.0\/24` \| `10\.0\.0\.254` \|/);
    assert.match(text, /\| `0\.0\.0\.0\/0` \(default route\) \| `10\.0\.0\.1` \|/);
  });

  it('computes routes into the subnet at the cursor and copies the chosen spelling', async () => {
    const d = doc!;
    const editor = await vscode.window.showTextDocument(d, { preview: false });
    const line = lineOf(d, 'option routers');
    editor.selection = new vscode.Selection(line, 4, line, 4);
    const outcome = await vscode.commands.executeCommand<Outcome>('tlsnet.computeClasslessRoutes', '172.16.0.0/12 via 10.0.0.254; 0.0.0.0/0 via 10.0.0.1', 'isc');
    assert.deepEqual(outcome.errors, []);
    assert.equal(outcome.inserted, true);
    assert.equal(outcome.copied, 'isc');
    assert.equal(outcome.spellings.cisco, 'option 121 hex 0cac.100a.0000.fe00.0a00.0001');
    // The subnet already had option 121: its value is replaced, under the file's own option name.
    await waitForText(d, (t) => t.includes('option rfc3442-classless-static-routes 12,172,16,10,0,0,254, 0,10,0,0,1;'), 'the computed option 121');
    assert.doesNotMatch(d.getText(), /24, 192, 168, 10/);
    assert.equal(await vscode.env.clipboard.readText(), outcome.spellings.isc);
  });

  it('reports bad routes and leaves the file alone', async () => {
    const d = doc!;
    const before = d.getText();
    const outcome = await vscode.commands.executeCommand<Outcome>('tlsnet.computeClasslessRoutes', '10.0.0.1/8 via 10.0.0.254');
    assert.deepEqual(outcome.errors, [{ line: 1, message: '10.0.0.1/8 has host bits set: the network is 10.0.0.0/8' }]);
    assert.equal(outcome.inserted, false);
    assert.equal(d.getText(), before);
  });
});
