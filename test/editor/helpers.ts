// Helpers for the in-editor suite. Everything waits on VS Code events with a deadline that fails the
// test; nothing sleeps for a fixed time.
import * as assert from 'node:assert/strict';
import * as vscode from 'vscode';

export const EXTENSION_ID = 'tlsnet.tlsnet';
export const SOURCE = 'tlsnet';
const DEFAULT_WAIT_MS = 30_000;

export function workspaceRoot(): vscode.Uri {
  const folder = vscode.workspace.workspaceFolders?.[0];
  assert.ok(folder, 'the fixture workspace (test/fixtures/editor-workspace) must be open');
  return folder.uri;
}

export function fixture(...segments: string[]): vscode.Uri {
  return vscode.Uri.joinPath(workspaceRoot(), ...segments);
}

export async function activateExtension(): Promise<vscode.Extension<unknown>> {
  const ext = vscode.extensions.getExtension(EXTENSION_ID);
  assert.ok(ext, `extension ${EXTENSION_ID} is not installed in the extension host`);
  await ext.activate();
  return ext;
}

export async function open(uri: vscode.Uri): Promise<vscode.TextDocument> {
  const doc = await vscode.workspace.openTextDocument(uri);
  await vscode.window.showTextDocument(doc, { preview: false });
  return doc;
}

export function tlsnetDiagnostics(uri: vscode.Uri): vscode.Diagnostic[] {
  return vscode.languages.getDiagnostics(uri).filter((d) => d.source === SOURCE);
}

export function codeValue(d: vscode.Diagnostic): string | number | undefined {
  return typeof d.code === 'object' ? d.code.value : d.code;
}

function describeDiagnostics(ds: vscode.Diagnostic[]): string {
  if (ds.length === 0) return '(none)';
  return ds.map((d) => `  ${d.range.start.line + 1}:${d.range.start.character + 1} ${vscode.DiagnosticSeverity[d.severity]} ${String(codeValue(d))} ${d.message}`).join('\n');
}

/**
 * Resolves with the tlsnet diagnostics of `uri` as soon as `predicate` holds for them: checks now and
 * on every onDidChangeDiagnostics event for `uri`. Rejects after `timeoutMs`.
 */
export function waitForDiagnostics(
  uri: vscode.Uri,
  predicate: (ds: vscode.Diagnostic[]) => boolean,
  what: string,
  timeoutMs = DEFAULT_WAIT_MS,
): Promise<vscode.Diagnostic[]> {
  return new Promise((resolve, reject) => {
    // `finish` runs only after `timer` and `sub` below are initialised (events and timers fire later)
    const finish = (err?: Error, ds?: vscode.Diagnostic[]) => {
      clearTimeout(timer);
      sub.dispose();
      if (err) reject(err);
      else resolve(ds!);
    };
    const timer = setTimeout(() => {
      finish(new Error(`timed out after ${timeoutMs} ms waiting for ${what} on ${vscode.workspace.asRelativePath(uri)}; tlsnet diagnostics now:\n${describeDiagnostics(tlsnetDiagnostics(uri))}`));
    }, timeoutMs);
    const sub = vscode.languages.onDidChangeDiagnostics((e) => {
      if (!e.uris.some((u) => u.toString() === uri.toString())) return;
      const ds = tlsnetDiagnostics(uri);
      if (predicate(ds)) finish(undefined, ds);
    });
    const now = tlsnetDiagnostics(uri);
    if (predicate(now)) finish(undefined, now);
  });
}

export const hasCode = (code: string) => (ds: vscode.Diagnostic[]) => ds.some((d) => codeValue(d) === code);
export const lacksCode = (code: string) => (ds: vscode.Diagnostic[]) => !ds.some((d) => codeValue(d) === code);

/** Resolves when `doc` changes so that `predicate(doc)` holds (checks now, then on each change). */
export function waitForText(doc: vscode.TextDocument, predicate: (text: string) => boolean, what: string, timeoutMs = DEFAULT_WAIT_MS): Promise<void> {
  return new Promise((resolve, reject) => {
    const finish = (err?: Error) => { clearTimeout(timer); sub.dispose(); if (err) reject(err); else resolve(); };
    const timer = setTimeout(() => finish(new Error(`timed out after ${timeoutMs} ms waiting for ${what}; text now:\n${doc.getText()}`)), timeoutMs);
    const sub = vscode.workspace.onDidChangeTextDocument((e) => { if (e.document === doc && predicate(doc.getText())) finish(); });
    if (predicate(doc.getText())) finish();
  });
}

export function lineOf(doc: vscode.TextDocument, needle: string): number {
  for (let i = 0; i < doc.lineCount; i++) if (doc.lineAt(i).text.includes(needle)) return i;
  assert.fail(`"${needle}" not found in ${vscode.workspace.asRelativePath(doc.uri)}`);
}

/** The code actions VS Code offers at `range`, with up to 20 lazily resolved (so `edit` is filled in). */
export async function codeActions(uri: vscode.Uri, range: vscode.Range): Promise<vscode.CodeAction[]> {
  const all = await vscode.commands.executeCommand<(vscode.CodeAction | vscode.Command)[]>(
    'vscode.executeCodeActionProvider', uri, range, undefined, 20);
  // a bare Command has `command: string`; a CodeAction's optional `command` is an object
  return (all ?? []).filter((a): a is vscode.CodeAction => typeof (a as { command?: unknown }).command !== 'string');
}

/** Applies a code action the way the lightbulb does: its edit first, then its command. */
export async function applyCodeAction(action: vscode.CodeAction): Promise<void> {
  assert.ok(action.edit || action.command, `code action "${action.title}" has neither an edit nor a command`);
  if (action.edit) assert.equal(await vscode.workspace.applyEdit(action.edit), true, `applyEdit for "${action.title}" failed`);
  if (action.command) await vscode.commands.executeCommand(action.command.command, ...(action.command.arguments ?? []));
}

/** Throws away unsaved changes to `doc` (the file on disk was never written) and closes its editor. */
export async function revertAndClose(doc: vscode.TextDocument): Promise<void> {
  if (doc.isClosed) return;
  await vscode.window.showTextDocument(doc, { preview: false });
  if (doc.isDirty) await vscode.commands.executeCommand('workbench.action.files.revert');
  assert.equal(doc.isDirty, false, `${vscode.workspace.asRelativePath(doc.uri)} is still dirty after revert`);
  await vscode.commands.executeCommand('workbench.action.closeActiveEditor');
}

export function hoverText(hovers: vscode.Hover[] | undefined): string {
  return (hovers ?? []).flatMap((h) => h.contents).map((c) => {
    if (typeof c === 'string') return c;
    return c.value; // MarkdownString or { language, value }
  }).join('\n');
}
