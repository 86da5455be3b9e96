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

describe('nginx/verify-client-without-ca', () => {
  const RULE = 'nginx/verify-client-without-ca';
  const CA_LINE = 'ssl_client_certificate /etc/nginx/ssl/client-ca-chain.pem;';
  let doc: vscode.TextDocument | undefined;

  before(() => activateExtension());
  after(async () => { if (doc) await revertAndClose(doc); });

  it('reports an Error on "ssl_verify_client on;" when no CA is configured', async () => {
    doc = await open(fixture('nginx', 'mtls-broken.conf'));
    assert.equal(doc.languageId, 'nginx');
    const ds = await waitForDiagnostics(doc.uri, hasCode(RULE), RULE);
    const mine = ds.filter((d) => codeValue(d) === RULE);
    assert.equal(mine.length, 1, `expected exactly one ${RULE}, got ${mine.length}`);
    const [d] = mine;
    assert.equal(d.source, SOURCE);
    assert.equal(d.severity, vscode.DiagnosticSeverity.Error);
    assert.equal(d.range.start.line, lineOf(doc, 'ssl_verify_client on;'));
    await assertDocsLink(d, RULE);
  });

  it('quick fix "Add ssl_client_certificate" inserts the CA line above and clears the error', async () => {
    assert.ok(doc, 'previous test opened the document');
    const verifyLine = lineOf(doc, 'ssl_verify_client on;');
    const indent = /^\s*/.exec(doc.lineAt(verifyLine).text)![0];
    const [d] = tlsnetDiagnostics(doc.uri).filter((x) => codeValue(x) === RULE);
    assert.ok(d, `${RULE} is present before the fix`);

    const action = findAction(await codeActions(doc.uri, d.range), 'Add ssl_client_certificate');
    await applyCodeAction(action);
    await waitForText(doc, (t) => t.includes(CA_LINE), `the text to contain "${CA_LINE}"`);

    // a snippet edit with its placeholder default, on its own line before ssl_verify_client, same indentation
    assert.equal(doc.lineAt(verifyLine).text, `${indent}${CA_LINE}`);
    assert.equal(doc.lineAt(verifyLine + 1).text, `${indent}ssl_verify_client on;`);
    await waitForDiagnostics(doc.uri, lacksCode(RULE), `${RULE} to disappear after the fix`);
  });
});

describe('nginx/client-ca-without-verify', () => {
  const RULE = 'nginx/client-ca-without-verify';
  let doc: vscode.TextDocument | undefined;

  before(() => activateExtension());
  after(async () => { if (doc) await revertAndClose(doc); });

  it('warns on "ssl_client_certificate" when ssl_verify_client is missing', async () => {
    doc = await open(fixture('nginx', 'client-ca-without-verify.conf'));
    assert.equal(doc.languageId, 'nginx');
    const ds = await waitForDiagnostics(doc.uri, hasCode(RULE), RULE);
    const mine = ds.filter((d) => codeValue(d) === RULE);
    assert.equal(mine.length, 1, `expected exactly one ${RULE}, got ${mine.length}`);
    const [d] = mine;
    assert.equal(d.source, SOURCE);
    assert.equal(d.severity, vscode.DiagnosticSeverity.Warning);
    assert.equal(d.range.start.line, lineOf(doc, 'ssl_client_certificate'));
    await assertDocsLink(d, RULE);
  });

  it('quick fix "Add ssl_verify_client on;" adds the directive below and clears the warning', async () => {
    assert.ok(doc, 'previous test opened the document');
    const caLine = lineOf(doc, 'ssl_client_certificate');
    const indent = /^\s*/.exec(doc.lineAt(caLine).text)![0];
    const [d] = tlsnetDiagnostics(doc.uri).filter((x) => codeValue(x) === RULE);
    assert.ok(d, `${RULE} is present before the fix`);

    const action = findAction(await codeActions(doc.uri, d.range), 'Add ssl_verify_client on;');
    await applyCodeAction(action);
    await waitForText(doc, (t) => t.includes('ssl_verify_client on;'), 'the text to contain "ssl_verify_client on;"');

    assert.match(doc.lineAt(caLine).text, /^\s*ssl_client_certificate\s/);
    assert.equal(doc.lineAt(caLine + 1).text, `${indent}ssl_verify_client on;`);
    await waitForDiagnostics(doc.uri, lacksCode(RULE), `${RULE} to disappear after the fix`);
  });
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
