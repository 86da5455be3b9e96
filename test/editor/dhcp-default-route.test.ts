// The rule that bites everyone, end to end in a real VS Code: option 121 with a default router but
// no 0.0.0.0/0 route. The diagnostic (with its docs link), the preferred quick fix appending the
// default route in the value's own spelling, and the diagnostic going away — in a Cisco IOS pool,
// and in a Kea file VS Code knows only as JSON (tlsnet recognises it by content).
import * as assert from 'node:assert/strict';
import * as vscode from 'vscode';
import { activateExtension, applyCodeAction, codeActions, codeValue, fixture, hasCode, lacksCode, lineOf, open, revertAndClose, SOURCE, waitForDiagnostics, waitForText } from './helpers';

const RULE = 'dhcp/route121-without-default';

function describeDefaultRouteFix(name: string, file: string, languageId: string, flagged: string, fixed: string): void {
  describe(`${RULE} in ${name}`, () => {
    let doc: vscode.TextDocument | undefined;
    before(() => activateExtension());
    after(async () => {
      if (doc) await revertAndClose(doc);
    });

    it('is reported with its docs link, and the preferred fix appends the default route', async () => {
      doc = await open(fixture('dhcp', file));
      assert.equal(doc.languageId, languageId);
      const ds = await waitForDiagnostics(doc.uri, hasCode(RULE), RULE);
      const [d] = ds.filter((x) => codeValue(x) === RULE);
      assert.equal(d.source, SOURCE);
      assert.equal(d.severity, vscode.DiagnosticSeverity.Warning);
      assert.equal(d.range.start.line, lineOf(doc, flagged));
      const { target } = d.code as { value: string; target: vscode.Uri };
      assert.ok(target.path.endsWith(`docs/rules/${RULE}.md`), target.toString());

      const actions = await codeActions(doc.uri, d.range);
      const fix = actions.find((a) => a.isPreferred && a.title.startsWith('Add the default route 0.0.0.0/0'));
      assert.ok(fix, `no preferred default-route fix; offered: ${JSON.stringify(actions.map((a) => a.title))}`);
      await applyCodeAction(fix);
      await waitForText(doc, (t) => t.includes(fixed), `the value to become ${fixed}`);
      await waitForDiagnostics(doc.uri, lacksCode(RULE), `${RULE} to disappear after the fix`);
    });
  });
}

describeDefaultRouteFix('a Cisco IOS pool', 'guest.ios', 'cisco-ios', 'option 121 hex', 'option 121 hex 18c0.a80a.0a1e.00fe.000a.1e00.01');
describeDefaultRouteFix('Kea JSON', 'kea-dhcp4.json', 'json', '"code": 121', '"data": "18c0a80a0a1400fe000a140001"');
