/**
 * tlsnet: Compute classless static routes. The user types routes (`10.0.0.0/8 via 192.168.0.1;
 * 0.0.0.0/0 via 192.168.0.1` — input boxes are one line, so `;` separates routes); the language
 * server checks them, writes them into the active DHCP config in its dialect, and returns every
 * vendor's spelling for the copy menu. Scripts and tests pass the routes (and the spelling to
 * copy) as arguments instead of typing them.
 */
import * as vscode from 'vscode';
import type { LanguageClient } from 'vscode-languageclient/node';
import type { ComputeRoutesParams, ComputeRoutesResult } from '../../../server/src/lsp/dhcp';

export const COMPUTE_ROUTES_COMMAND = 'tlsnet.computeClasslessRoutes';
const REQUEST = 'tlsnet/computeRoutes';

/** What one run did, returned to callers of the command (scripts, tests). */
export interface ComputeRoutesOutcome {
  errors: ComputeRoutesResult['errors'];
  inserted: boolean;
  spellings: ComputeRoutesResult['spellings'];
  copied?: string;
}

const FORMAT_LABELS: Record<string, string> = {
  hex: 'raw hex',
  cisco: 'Cisco IOS (option 121 hex)',
  isc: 'ISC dhcpd',
  kea: 'Kea option-data',
  dnsmasq: 'dnsmasq',
  mikrotik: 'MikroTik (0x…)',
};

const describe = (errors: ComputeRoutesResult['errors'], count: number): string =>
  errors.map((e) => (count > 1 ? `route ${e.line}: ${e.message}` : e.message)).join('; ');

export function registerComputeRoutes(context: vscode.ExtensionContext, client: () => LanguageClient | undefined): void {
  context.subscriptions.push(
    vscode.commands.registerCommand(COMPUTE_ROUTES_COMMAND, async (routesText?: unknown, copyAs?: unknown): Promise<ComputeRoutesOutcome | undefined> => {
      const c = client();
      if (!c?.isRunning()) {
        void vscode.window.showErrorMessage('The tlsnet language server is not running.');
        return undefined;
      }
      const editor = vscode.window.activeTextEditor;
      const at: Omit<ComputeRoutesParams, 'input'> = editor ? { uri: editor.document.uri.toString(), position: c.code2ProtocolConverter.asPosition(editor.selection.active) } : {};
      const ask = (params: ComputeRoutesParams): Promise<ComputeRoutesResult> => c.sendRequest<ComputeRoutesResult>(REQUEST, params);
      const scripted = typeof routesText === 'string';
      let input = scripted ? routesText : undefined;
      if (input === undefined) {
        const first = await ask({ ...at, input: '' });
        input = await vscode.window.showInputBox({
          title: 'Compute classless static routes (DHCP option 121)',
          prompt: 'DEST/LEN via ROUTER, routes separated by ";". Clients that get option 121 ignore the default router, so keep 0.0.0.0/0 in the list.',
          placeHolder: '10.0.0.0/8 via 192.168.0.1; 0.0.0.0/0 via 192.168.0.1',
          value: first.suggestion || undefined,
          // The suggestion ends with the default route: the cursor waits before it for the other routes.
          valueSelection: [0, 0],
          ignoreFocusOut: true,
          validateInput: async (text) => {
            if (!text.trim()) return 'Enter at least one route, e.g. 10.0.0.0/8 via 192.168.0.1';
            const r = await ask({ input: text });
            return r.errors.length ? describe(r.errors, text.split(/[;\n]/).filter((s) => s.trim()).length) : undefined;
          },
        });
        if (input === undefined) return undefined;
      }
      const result = await ask({ ...at, input });
      if (result.errors.length) {
        if (!scripted) void vscode.window.showErrorMessage(`Routes not computed: ${describe(result.errors, 2)}`);
        return { errors: result.errors, inserted: false, spellings: {} };
      }
      let inserted = false;
      if (result.edit && editor) inserted = await vscode.workspace.applyEdit(await c.protocol2CodeConverter.asWorkspaceEdit(result.edit));
      let format = typeof copyAs === 'string' ? copyAs : undefined;
      if (!scripted) {
        const items = Object.entries(result.spellings).map(([f, text]) => ({ label: `Copy as ${FORMAT_LABELS[f] ?? f}`, detail: text.length > 120 ? `${text.slice(0, 117)}…` : text, format: f }));
        const where = inserted ? `Inserted into ${vscode.workspace.asRelativePath(editor!.document.uri)}.` : editor ? 'The active file is no DHCP config: nothing inserted.' : '';
        const pick = await vscode.window.showQuickPick(items, { title: `${where} Copy the routes in another spelling?`.trim(), placeHolder: 'Copy as hex, Cisco, ISC, Kea, dnsmasq or MikroTik' });
        format = pick?.format;
      }
      const text = format !== undefined ? result.spellings[format as keyof ComputeRoutesResult['spellings']] : undefined;
      if (text !== undefined) await vscode.env.clipboard.writeText(text);
      return { errors: [], inserted, spellings: result.spellings, ...(text !== undefined ? { copied: format } : {}) };
    }),
  );
}
