// nginx mTLS rules end to end: diagnostics published by the language server, their docs links, the
// quick fixes offered by code actions, and the diagnostics going away once the fix is applied.
import * as assert from 'node:assert/strict';
import * as vscode from 'vscode';
import {
  activateExtension, applyCodeAction, codeActions, codeValue, fixture, hasCode, lacksCode, lineOf, open,
  revertAndClose, SOURCE, tlsnetDiagnostics, waitForDiagnostics, waitForText,
} from './helpers';

async function assertDocsLink(d: vscode.Diagnostic, rule: string): Promise<void> {
  assert.equal(typeof d.code, 'object', `diagnostic code should carry a docs link ({ value, target }), got ${JSON.stringify(d.code)}`);
  const { target } = d.code as { value: string | number; target: vscode.Uri };
  assert.ok(target instanceof vscode.Uri, `code.target should be a Uri, got ${String(target)}`);
  assert.ok(target.path.endsWith(`docs/rules/${rule}.md`), `code.target ${target.toString()} should end with docs/rules/${rule}.md`);
  if (target.scheme === 'file') {
    // a link into the extension's own docs must point at a page that exists
    const stat = await vscode.workspace.fs.stat(target).then((s) => s, () => undefined);
    assert.ok(stat, `docs page ${target.fsPath} does not exist`);
  }
}

function findAction(actions: vscode.CodeAction[], title: string): vscode.CodeAction {
  const action = actions.find((a) => a.title === title);
  assert.ok(action, `no code action titled "${title}"; offered: ${JSON.stringify(actions.map((a) => a.title))}`);
  assert.ok(action.kind && vscode.CodeActionKind.QuickFix.contains(action.kind), `"${title}" should be a quickfix, kind is ${action.kind?.value}`);
  return action;
}

interface QuickFixCase {
  rule: string;
  fixture: string;
  severity: vscode.DiagnosticSeverity;
  /** Text on the line the diagnostic must start on. */
  flagged: string;
  fixTitle: string;
  /** What the fix inserts, found by event before the checks below run. */
  inserted: string;
  /** Lines after the fix, as [offset from the flagged line, exact text]; `original` is the flagged line before it. */
  after: (indent: string, original: string) => [number, string][];
}

/** One rule end to end: the diagnostic, its docs link, its quick fix, and the diagnostic going away. */
function describeQuickFixRule(c: QuickFixCase): void {
  describe(c.rule, () => {
    let doc: vscode.TextDocument | undefined;

    before(() => activateExtension());
    after(async () => { if (doc) await revertAndClose(doc); });

    it(`reports ${vscode.DiagnosticSeverity[c.severity]} on "${c.flagged}"`, async () => {
      doc = await open(fixture('nginx', c.fixture));
      assert.equal(doc.languageId, 'nginx');
      const ds = await waitForDiagnostics(doc.uri, hasCode(c.rule), c.rule);
      const mine = ds.filter((d) => codeValue(d) === c.rule);
      assert.equal(mine.length, 1, `expected exactly one ${c.rule}, got ${mine.length}`);
      const [d] = mine;
      assert.equal(d.source, SOURCE);
      assert.equal(d.severity, c.severity);
      assert.equal(d.range.start.line, lineOf(doc, c.flagged));
      await assertDocsLink(d, c.rule);
    });

    it(`quick fix "${c.fixTitle}" edits the text and clears the diagnostic`, async () => {
      assert.ok(doc, 'previous test opened the document');
      const line = lineOf(doc, c.flagged);
      const original = doc.lineAt(line).text;
      const indent = /^\s*/.exec(original)![0];
      const [d] = tlsnetDiagnostics(doc.uri).filter((x) => codeValue(x) === c.rule);
      assert.ok(d, `${c.rule} is present before the fix`);

      const action = findAction(await codeActions(doc.uri, d.range), c.fixTitle);
      await applyCodeAction(action);
      await waitForText(doc, (t) => t.includes(c.inserted), `the text to contain "${c.inserted}"`);
      for (const [offset, text] of c.after(indent, original)) assert.equal(doc.lineAt(line + offset).text, text);
      await waitForDiagnostics(doc.uri, lacksCode(c.rule), `${c.rule} to disappear after the fix`);
    });
  });
}

// A snippet edit with its placeholder default, on its own line before ssl_verify_client, same indentation.
const CA_LINE = 'ssl_client_certificate /etc/nginx/ssl/client-ca-chain.pem;';
describeQuickFixRule({
  rule: 'nginx/verify-client-without-ca',
  fixture: 'mtls-broken.conf',
  severity: vscode.DiagnosticSeverity.Error,
  flagged: 'ssl_verify_client on;',
  fixTitle: 'Add ssl_client_certificate',
  inserted: CA_LINE,
  after: (indent) => [[0, `${indent}${CA_LINE}`], [1, `${indent}ssl_verify_client on;`]],
});

describeQuickFixRule({
  rule: 'nginx/client-ca-without-verify',
  fixture: 'client-ca-without-verify.conf',
  severity: vscode.DiagnosticSeverity.Warning,
  flagged: 'ssl_client_certificate',
  fixTitle: 'Add ssl_verify_client on;',
  inserted: 'ssl_verify_client on;',
  after: (indent, original) => [[0, original], [1, `${indent}ssl_verify_client on;`]],
});

// Two snippet lines after the listen line, each at its indentation, placeholders at their defaults.
describeQuickFixRule({
  rule: 'nginx/listen-ssl-without-certificate',
  fixture: 'listen-ssl-without-certificate.conf',
  severity: vscode.DiagnosticSeverity.Error,
  flagged: 'listen 8443 ssl;',
  fixTitle: 'Add ssl_certificate and ssl_certificate_key',
  inserted: 'ssl_certificate_key /etc/nginx/ssl/server.key.pem;',
  after: (indent, original) => [
    [0, original],
    [1, `${indent}ssl_certificate /etc/nginx/ssl/server-chain.pem;`],
    [2, `${indent}ssl_certificate_key /etc/nginx/ssl/server.key.pem;`],
  ],
});

describe('a correct mTLS server', () => {
  before(() => activateExtension());
  after(() => vscode.commands.executeCommand('workbench.action.closeAllEditors'));

  it('has no tlsnet diagnostics', async () => {
    const ok = await open(fixture('nginx', 'mtls-ok.conf'));
    assert.equal(ok.languageId, 'nginx');
    // The server handles documents in order: once a file opened after the clean one has its
    // diagnostics, the clean one has been analysed too.
    const sentinel = await open(fixture('nginx', 'sentinel-broken.conf'));
    await waitForDiagnostics(sentinel.uri, hasCode('nginx/verify-client-without-ca'), 'the sentinel file\'s diagnostic');
    assert.deepEqual(tlsnetDiagnostics(ok.uri).map((d) => `${d.range.start.line + 1}: ${String(codeValue(d))} ${d.message}`), []);
  });
});
