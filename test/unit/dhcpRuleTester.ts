import assert from 'node:assert/strict';
import { test } from 'node:test';
import { analyzeDocument } from '../../server/src/analysis';
import type { Finding } from '../../server/src/core/finding';
import { memoryHost } from '../../server/src/core/host';
import { normalizeSettings } from '../../server/src/core/settings';
import { LineIndex } from '../../server/src/core/text';
import type { DhcpDialect } from '../../server/src/dhcp/model';
import { applyEdits, NOW } from './ruleTester';

/**
 * ESLint-style tester for one `dhcp/` rule, through the entry point the editor and the CLI share
 * (analyzeDocument). Each case is written in one dialect; the document is the dialect's usual
 * file name under /ws (below). `valid` cases give no finding of the rule; `invalid` cases list the
 * 1-based lines flagged and, where the rule fixes, the text after the first fix.
 */
export const DIALECT_PATHS: Record<DhcpDialect, string> = {
  dhcpd: '/ws/dhcpd.conf',
  'cisco-ios': '/ws/router.ios',
  kea: '/ws/kea-dhcp4.json',
  dnsmasq: '/ws/dnsmasq.conf',
  mikrotik: '/ws/router.rsc',
};

export interface DhcpCase {
  name: string;
  dialect: DhcpDialect;
  code: string;
  /** Other workspace files by absolute path (included files). */
  files?: Record<string, string>;
  /** `tlsnet` settings as a client sends them: `{ 'dhcp.windowsClients': true }`. */
  settings?: Record<string, unknown>;
}

export interface DhcpInvalidCase extends DhcpCase {
  lines: number[];
  severity?: Finding['severity'];
  /** A substring every message of the rule holds. */
  message?: string;
  /** The text after applying the first finding's first fix. */
  output?: string;
}

export function dhcpFindingsOf(rule: string, c: DhcpCase): Finding[] {
  const path = DIALECT_PATHS[c.dialect];
  const host = memoryHost({ ...(c.files ?? {}), [path]: c.code }, ['/ws']);
  const errors: string[] = [];
  const r = analyzeDocument({ path, text: c.code, language: c.dialect }, { host, settings: normalizeSettings(c.settings ?? {}), now: NOW, log: (m) => errors.push(m) });
  assert.deepEqual(errors, [], 'no rule may throw');
  return r.findings.filter((f) => f.rule === rule && f.file === path);
}

export function dhcpRuleTester(rule: string, cases: { valid: DhcpCase[]; invalid: DhcpInvalidCase[] }): void {
  for (const c of cases.valid) {
    test(`${rule} not flagged: ${c.name} (${c.dialect})`, () => {
      assert.deepEqual(dhcpFindingsOf(rule, c).map((f) => f.message), []);
    });
  }
  for (const c of cases.invalid) {
    test(`${rule} flagged: ${c.name} (${c.dialect})`, () => {
      const found = dhcpFindingsOf(rule, c);
      const index = new LineIndex(c.code);
      assert.deepEqual(found.map((f) => index.positionAt(f.span.start).line + 1), c.lines, found.map((f) => f.message).join('\n'));
      if (c.severity) for (const f of found) assert.equal(f.severity, c.severity);
      if (c.message) for (const f of found) assert.ok(f.message.includes(c.message), f.message);
      if (c.output !== undefined) {
        const fix = found[0]?.fixes?.[0];
        assert.ok(fix, 'a fix is offered');
        assert.equal(applyEdits(c.code, fix.edits.filter((e) => e.file === DIALECT_PATHS[c.dialect])), c.output);
      }
    });
  }
}
