import * as vscode from 'vscode';

/** IOS configs rarely have a telling name: a plain-text file holding `ip dhcp pool` is one. */
export function watchCiscoContent(): vscode.Disposable {
  const check = (doc: vscode.TextDocument): void => {
    if (doc.languageId !== 'plaintext' || doc.lineCount > 200_000) return;
    if (/^ip dhcp pool \S/m.test(doc.getText())) void vscode.languages.setTextDocumentLanguage(doc, 'cisco-ios');
  };
  vscode.workspace.textDocuments.forEach(check);
  return vscode.workspace.onDidOpenTextDocument(check);
}
