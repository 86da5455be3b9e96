// The certificate viewer (a custom editor with a webview) in a real VS Code: a DER file opens in
// it by default, the language server decodes it, and the page itself reports what it displayed.
import * as assert from 'node:assert/strict';
import * as vscode from 'vscode';
import { activateExtension, fixture, open } from './helpers';

const VIEW_TYPE = 'tlsnet.certificateViewer';
const TEXT_VIEW_TYPE = 'tlsnet.certificateViewer.text';
const STATE_COMMAND = 'tlsnet.certificateViewer.testState';
const WAIT_MS = 30_000;

/** What the extension's test-only command returns (client/src/viewer/provider.ts ViewerState). */
interface ViewerState {
  viewType: string;
  model: { file: string; format: string; locked?: string; objects: { kind: string; label: string; role?: string; validity?: { state: string } }[]; chains: { path: number[]; issuerOutside?: string }[]; errors: string[] };
  html: string;
  rendered?: { headings: string[]; text: string };
  prompting?: boolean;
  prompts?: number;
}

const isViewerTab = (tab: vscode.Tab, uri: vscode.Uri, viewType: string): boolean =>
  tab.input instanceof vscode.TabInputCustom && tab.input.viewType === viewType && tab.input.uri.toString() === uri.toString();

/** Resolves when a tab shows `uri` in the custom editor `viewType` (checks now, then on each tab change). */
function waitForViewerTab(uri: vscode.Uri, viewType: string): Promise<vscode.Tab> {
  return new Promise((resolve, reject) => {
    const find = () => vscode.window.tabGroups.all.flatMap((g) => g.tabs).find((t) => isViewerTab(t, uri, viewType));
    const finish = (err?: Error, tab?: vscode.Tab) => {
      clearTimeout(timer);
      sub.dispose();
      if (err) reject(err);
      else resolve(tab!);
    };
    const timer = setTimeout(() => {
      const tabs = vscode.window.tabGroups.all.flatMap((g) => g.tabs).map((t) => `${t.label} (${t.input?.constructor?.name ?? '?'})`);
      finish(new Error(`timed out after ${WAIT_MS} ms waiting for ${vscode.workspace.asRelativePath(uri)} in ${viewType}; tabs now: ${tabs.join(', ') || '(none)'}`));
    }, WAIT_MS);
    const sub = vscode.window.tabGroups.onDidChangeTabs(() => {
      const tab = find();
      if (tab) finish(undefined, tab);
    });
    const now = find();
    if (now) finish(undefined, now);
  });
}

/** The viewer's state once its page has reported what it rendered (the command waits on that event). */
async function renderedState(uri: vscode.Uri): Promise<ViewerState & { rendered: NonNullable<ViewerState['rendered']> }> {
  const state = await vscode.commands.executeCommand<ViewerState | undefined>(STATE_COMMAND, uri.toString(), WAIT_MS);
  assert.ok(state, `the viewer recorded nothing for ${vscode.workspace.asRelativePath(uri)}`);
  assert.ok(state.rendered, `the viewer page for ${vscode.workspace.asRelativePath(uri)} never reported its rendering; html starts:\n${state.html.slice(0, 300)}`);
  return state as ViewerState & { rendered: NonNullable<ViewerState['rendered']> };
}

describe('certificate viewer', () => {
  before(() => activateExtension());
  afterEach(() => vscode.commands.executeCommand('workbench.action.closeAllEditors'));

  it('shows a DER certificate: chain picture, validity timeline and every field', async () => {
    const uri = fixture('certs', 'server.der');
    const tab = waitForViewerTab(uri, VIEW_TYPE);
    await vscode.commands.executeCommand('vscode.openWith', uri, VIEW_TYPE);
    await tab;
    const state = await renderedState(uri);

    assert.equal(state.viewType, VIEW_TYPE);
    assert.equal(state.model.format, 'der');
    assert.deepEqual(state.model.errors, []);
    assert.deepEqual(state.model.objects.map((o) => [o.kind, o.label, o.role]), [['certificate', 'secure.example', 'leaf']]);
    assert.equal(state.model.objects[0].validity?.state, 'valid');
    assert.deepEqual(state.model.chains, [{ path: [0], issuerOutside: 'CN=tlsnet test server CA,O=tlsnet test' }]);

    // What the page displayed, as the webview reported it (document.body.innerText).
    const { headings, text } = state.rendered;
    assert.deepEqual(headings.slice(0, 5), ['server.der', 'Chain', 'Validity', 'Details', '#1 Certificate: secure.example']);
    assert.match(text, /not in this file\s+tlsnet test server CA/i); // the role line is styled upper-case
    assert.match(text, /today/);
    for (const field of ['Subject alternative names', 'Serial number', 'Signature algorithm', 'Key usage', 'Extended key usage', 'Subject key identifier', 'Authority key identifier', 'SHA-256 fingerprint', 'SHA-1 fingerprint']) {
      assert.ok(text.includes(field), `the page shows "${field}"`);
    }
    assert.match(text, /DNS: secure\.example/);
    assert.match(text, /EC P-256/);
    assert.match(text, /ecdsa-with-SHA256/);
  });

  it('opens DER files by default and PEM files in the text editor, with a command for the viewer', async () => {
    const der = fixture('certs', 'server.der');
    const byDefault = waitForViewerTab(der, VIEW_TYPE);
    await vscode.commands.executeCommand('vscode.open', der);
    await byDefault;
    await vscode.commands.executeCommand('workbench.action.closeAllEditors');

    const pem = fixture('certs', 'server-ca.pem');
    const doc = await open(pem);
    assert.equal(vscode.window.activeTextEditor?.document, doc, 'a .pem file opens as text');
    const viewer = waitForViewerTab(pem, TEXT_VIEW_TYPE);
    await vscode.commands.executeCommand('tlsnet.openCertificateViewer');
    await viewer;
    const state = await renderedState(pem);
    assert.deepEqual(state.model.objects.map((o) => [o.kind, o.role]), [['certificate', 'root']]);
    assert.match(state.rendered.text, /self-signed/);
  });

  it('asks for the password of a PKCS#12 file that the empty password does not open, and stays locked on Esc', async () => {
    const uri = fixture('certs', 'server.p12');
    const tab = waitForViewerTab(uri, VIEW_TYPE);
    await vscode.commands.executeCommand('vscode.open', uri);
    await tab;
    const prompting = await vscode.commands.executeCommand<ViewerState | undefined>(STATE_COMMAND, uri.toString(), WAIT_MS, 'prompting');
    assert.equal(prompting?.prompting, true, 'a password input box is open');
    assert.equal(prompting?.model.locked, 'password-required');
    await vscode.commands.executeCommand('workbench.action.closeQuickOpen');
    const state = await renderedState(uri);
    assert.equal(state.model.locked, 'password-required');
    assert.deepEqual(state.model.objects, []);
    assert.match(state.rendered.text, /protected by a password/);
    assert.match(state.rendered.text, /Enter password/);
  });

  it('opens a PKCS#12 file with its password, asking again after a wrong one', async () => {
    const uri = fixture('certs', 'server.p12');
    // Nothing can type into the input box from here: the extension's test hook answers the prompts.
    await vscode.commands.executeCommand('tlsnet.certificateViewer.testAnswers', ['not the password', 'tlsnet-viewer']);
    const tab = waitForViewerTab(uri, VIEW_TYPE);
    await vscode.commands.executeCommand('vscode.open', uri);
    await tab;
    const state = await renderedState(uri);
    assert.equal(state.prompts, 2, 'asked twice: the wrong password, then the right one');
    assert.equal(state.model.locked, undefined);
    assert.equal(state.model.format, 'pkcs12');
    assert.deepEqual(state.model.objects.map((o) => [o.kind, o.label]), [['certificate', 'secure.example'], ['certificate', 'tlsnet test server CA'], ['private-key', 'Private key']]);
    assert.match(state.rendered.text, /Matching certificate\s+#1 secure\.example/);
    assert.ok(!state.html.includes('tlsnet-viewer') && !state.rendered.text.includes('tlsnet-viewer'), 'the password is not echoed');
  });
});
