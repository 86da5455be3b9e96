/**
 * The read-only certificate viewer: a custom editor whose page the language server's
 * `tlsnet/describeFile` data fills. PKCS#12 passwords are asked for with a password input box,
 * sent once to the server and kept nowhere.
 */
import { randomBytes } from 'node:crypto';
import * as vscode from 'vscode';
import { Trace, type LanguageClient } from 'vscode-languageclient/node';
import type { ViewModel } from '../../../server/src/pki/view';
import { escapeHtml, renderViewerHtml } from './render';

/** DER and binary files open here by default; text PEM files only on request. */
export const VIEW_TYPE = 'tlsnet.certificateViewer';
export const TEXT_VIEW_TYPE = 'tlsnet.certificateViewer.text';
const BINARY = /\.(der|cer|p7b|p7c|p12|pfx)$/i;
const PKCS12 = /\.(p12|pfx)$/i;

/** What the viewer last showed for a file: for the in-editor tests, through a command nobody sees. */
export interface ViewerState {
  viewType: string;
  model: ViewModel;
  html: string;
  /** What the page itself reported once it was displayed. */
  rendered?: { headings: string[]; text: string };
  /** A password input box is open for the file. */
  prompting?: boolean;
  /** How many password input boxes this editor has opened. */
  prompts?: number;
}

export const TEST_STATE_COMMAND = 'tlsnet.certificateViewer.testState';
/** Queues answers that the next password prompts return instead of opening an input box (tests cannot type into one). */
export const TEST_ANSWERS_COMMAND = 'tlsnet.certificateViewer.testAnswers';

export function registerCertificateViewer(context: vscode.ExtensionContext, client: () => LanguageClient | undefined): void {
  const states = new Map<string, ViewerState>();
  // Fires with a file's URI when its viewer state changes in a way tests wait for.
  const renderedEvent = new vscode.EventEmitter<string>();
  const answers: string[] = [];
  const provider = new CertificateViewerProvider(client, states, renderedEvent, answers);
  const options = { webviewOptions: { retainContextWhenHidden: false }, supportsMultipleEditorsPerDocument: true };
  context.subscriptions.push(
    renderedEvent,
    vscode.window.registerCustomEditorProvider(VIEW_TYPE, provider, options),
    vscode.window.registerCustomEditorProvider(TEXT_VIEW_TYPE, provider, options),
    vscode.commands.registerCommand('tlsnet.openCertificateViewer', async (target?: vscode.Uri) => {
      const uri = target instanceof vscode.Uri ? target : activeResource();
      if (!uri) {
        void vscode.window.showInformationMessage('Open a certificate, key, CRL or PKCS#12 file first.');
        return;
      }
      await vscode.commands.executeCommand('vscode.openWith', uri, BINARY.test(uri.path) ? VIEW_TYPE : TEXT_VIEW_TYPE);
    }),
    vscode.commands.registerCommand(TEST_ANSWERS_COMMAND, (queued: unknown) => {
      if (Array.isArray(queued)) answers.push(...queued.filter((a): a is string => typeof a === 'string'));
    }),
    // Resolves with the state once `until` holds for it: the page reported its rendering, or the
    // `minPrompts`th password prompt is open (at once without `waitMs`; as it is after `waitMs`).
    vscode.commands.registerCommand(TEST_STATE_COMMAND, (uri: string, waitMs = 0, until: 'rendered' | 'prompting' = 'rendered', minPrompts = 1): Promise<ViewerState | undefined> => {
      const done = (): boolean => {
        const s = states.get(uri);
        return until === 'rendered' ? !!s?.rendered : !!s?.prompting && (s.prompts ?? 0) >= minPrompts;
      };
      if (done() || !waitMs) return Promise.resolve(states.get(uri));
      return new Promise((resolve) => {
        const timer = setTimeout(() => {
          sub.dispose();
          resolve(states.get(uri));
        }, waitMs);
        const sub = renderedEvent.event((u) => {
          if (u !== uri || !done()) return;
          clearTimeout(timer);
          sub.dispose();
          resolve(states.get(uri));
        });
      });
    }),
  );
}

function activeResource(): vscode.Uri | undefined {
  const editor = vscode.window.activeTextEditor?.document.uri;
  if (editor) return editor;
  const input = vscode.window.tabGroups.activeTabGroup.activeTab?.input;
  return input instanceof vscode.TabInputText || input instanceof vscode.TabInputCustom ? input.uri : undefined;
}

class CertificateViewerProvider implements vscode.CustomReadonlyEditorProvider {
  constructor(
    private readonly client: () => LanguageClient | undefined,
    private readonly states: Map<string, ViewerState>,
    private readonly rendered: vscode.EventEmitter<string>,
    private readonly testAnswers: string[],
  ) {}

  openCustomDocument(uri: vscode.Uri): vscode.CustomDocument {
    return { uri, dispose: () => undefined };
  }

  resolveCustomEditor(document: vscode.CustomDocument, panel: vscode.WebviewPanel): void {
    const uri = document.uri;
    const key = uri.toString();
    const viewType = panel.viewType;
    panel.webview.options = { enableScripts: true, enableForms: false, localResourceRoots: [] };
    panel.webview.html = placeholder('Decoding…');
    let generation = 0;
    let prompts = 0;

    const show = (model: ViewModel): void => {
      const html = renderViewerHtml(model, { nonce: randomBytes(16).toString('base64') });
      this.states.set(key, { viewType, model, html, prompts });
      panel.webview.html = html;
    };

    const load = async (askPassword: boolean): Promise<void> => {
      const mine = ++generation;
      let model = await this.describe(uri);
      if (model.locked && askPassword && PKCS12.test(uri.path)) {
        let again = false;
        while (model.locked) {
          this.states.set(key, { viewType, model, html: '', prompting: true, prompts: ++prompts });
          this.rendered.fire(key);
          const password = this.testAnswers.length
            ? this.testAnswers.shift()
            : await vscode.window.showInputBox({
                password: true,
                ignoreFocusOut: true,
                title: `Password for ${basename(uri)}`,
                prompt: again ? 'The password was wrong. Try again (Esc to leave the file locked).' : 'The PKCS#12 file is protected by a password.',
              });
          const state = this.states.get(key);
          if (state) state.prompting = false;
          if (password === undefined || mine !== generation) break;
          model = await this.describe(uri, password);
          again = true;
        }
      }
      if (mine === generation) show(model);
    };

    const subs: vscode.Disposable[] = [
      panel.webview.onDidReceiveMessage((m: { type?: string; headings?: unknown; text?: unknown }) => {
        if (m?.type === 'password') void load(true);
        else if (m?.type === 'rendered') {
          const state = this.states.get(key);
          if (!state) return;
          state.rendered = { headings: Array.isArray(m.headings) ? m.headings.map(String) : [], text: typeof m.text === 'string' ? m.text : '' };
          this.rendered.fire(key);
        }
      }),
    ];
    if (uri.scheme === 'file') {
      const watcher = vscode.workspace.createFileSystemWatcher(new vscode.RelativePattern(vscode.Uri.joinPath(uri, '..'), basename(uri)));
      const reload = (): void => void load(false).catch(() => undefined);
      subs.push(watcher, watcher.onDidChange(reload), watcher.onDidCreate(reload));
    }
    panel.onDidDispose(() => {
      generation++;
      subs.forEach((s) => s.dispose());
      if (this.states.get(key)?.viewType === viewType) this.states.delete(key);
    });

    // Not awaited: the editor opens at once ("Decoding…") while a password prompt may be waiting.
    load(true).catch((e: unknown) => {
      panel.webview.html = placeholder(`The file could not be decoded: ${e instanceof Error ? e.message : String(e)}`);
    });
  }

  private async describe(uri: vscode.Uri, password?: string): Promise<ViewModel> {
    const client = this.client();
    if (!client) throw new Error('the tlsnet language server is not running');
    const params: { uri: string; content?: string; password?: string } = { uri: uri.toString() };
    if (uri.scheme !== 'file') params.content = Buffer.from(await vscode.workspace.fs.readFile(uri)).toString('base64');
    if (password === undefined) return client.sendRequest<ViewModel>('tlsnet/describeFile', params);
    // A verbose protocol trace prints request parameters: keep the password out of it.
    const verbose = vscode.workspace.getConfiguration('tlsnet').get<string>('trace.server') === 'verbose';
    if (verbose) await client.setTrace(Trace.Messages);
    try {
      return await client.sendRequest<ViewModel>('tlsnet/describeFile', { ...params, password });
    } finally {
      if (verbose) await client.setTrace(Trace.Verbose);
    }
  }
}

function basename(uri: vscode.Uri): string {
  return uri.path.slice(uri.path.lastIndexOf('/') + 1);
}

function placeholder(text: string): string {
  return `<!DOCTYPE html><html lang="en"><head><meta charset="utf-8"><meta http-equiv="Content-Security-Policy" content="default-src 'none'"></head><body><p>${escapeHtml(text)}</p></body></html>`;
}
