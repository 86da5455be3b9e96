// The extension activates in a real VS Code and its languages are assigned by file name / extension.
import * as assert from 'node:assert/strict';
import * as vscode from 'vscode';
import { activateExtension, EXTENSION_ID, fixture } from './helpers';

describe('tlsnet extension', () => {
  it(`activates (${EXTENSION_ID})`, async () => {
    const ext = await activateExtension();
    assert.equal(ext.isActive, true);
  });

  const cases: [string[], string][] = [
    [['nginx', 'mtls-ok.conf'], 'nginx'],
    [['dhcp', 'dhcpd.conf'], 'dhcpd'],
    [['certs', 'client-ca.pem'], 'pem'],
    [['dnsmasq', 'dnsmasq.conf'], 'dnsmasq'],
  ];
  for (const [segments, languageId] of cases) {
    it(`opens ${segments.join('/')} as ${languageId}`, async () => {
      const doc = await vscode.workspace.openTextDocument(fixture(...segments));
      assert.equal(doc.languageId, languageId);
    });
  }
});
