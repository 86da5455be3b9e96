import assert from 'node:assert/strict';
import { test } from 'node:test';
import type { Edit, Finding } from '../../server/src/core/finding';
import { memoryHost } from '../../server/src/core/host';
import { normalizeSettings } from '../../server/src/core/settings';
import { LineIndex } from '../../server/src/core/text';
import { analyzeNginx } from '../../server/src/nginx/analyze';
import { snippetToText } from '../../server/src/lsp/convert';

/**
 * ESLint-style tester for one nginx rule: `valid` texts must give no finding of the rule;
 * each `invalid` case lists the 1-based lines flagged and, where it fixes, the text after the
 * first fix (snippet placeholders at their defaults). Only the rule under test is looked at.
 */
export interface InvalidCase {
  name: string;
  code: string;
  lines: number[];
  severity?: Finding['severity'];
  output?: string;
  /** Other files, by absolute path, for includes. The case's own file is /ws/nginx.conf. */
  files?: Record<string, string>;
  /** `tlsnet` settings for this case, as a client sends them: `{ 'nginx.version': '1.22.1' }`. */
  settings?: Record<string, unknown>;
}

export interface ValidCase {
  name: string;
  code: string;
  files?: Record<string, string>;
  settings?: Record<string, unknown>;
}

const MAIN = '/ws/nginx.conf';
/** The clock every rule test runs at, so expiry findings do not drift. */
export const NOW = new Date('2026-06-01T00:00:00Z');

export function findingsOf(rule: string, code: string, files: Record<string, string> = {}, settings: Record<string, unknown> = {}): Finding[] {
  const host = memoryHost({ ...files, [MAIN]: code }, ['/ws']);
  const errors: string[] = [];
  const r = analyzeNginx(MAIN, code, { host, settings: normalizeSettings(settings), now: NOW, onError: (id, e) => errors.push(`${id}: ${String(e)}`) });
  assert.deepEqual(errors, [], 'no rule may throw');
  return r.findings.filter((f) => f.rule === rule);
}

export function applyEdits(text: string, edits: Edit[]): string {
  const sorted = [...edits].sort((a, b) => b.span.start - a.span.start);
  let out = text;
  for (const e of sorted) out = out.slice(0, e.span.start) + (e.snippet ? snippetToText(e.newText) : e.newText) + out.slice(e.span.end);
  return out;
}

export function ruleTester(rule: string, cases: { valid: ValidCase[]; invalid: InvalidCase[] }): void {
  for (const c of cases.valid) {
    test(`${rule} not flagged: ${c.name}`, () => {
      assert.deepEqual(findingsOf(rule, c.code, c.files, c.settings).map((f) => f.message), []);
    });
  }
  for (const c of cases.invalid) {
    test(`${rule} flagged: ${c.name}`, () => {
      const found = findingsOf(rule, c.code, c.files, c.settings).filter((f) => f.file === MAIN);
      const index = new LineIndex(c.code);
      assert.deepEqual(found.map((f) => index.positionAt(f.span.start).line + 1), c.lines);
      if (c.severity) for (const f of found) assert.equal(f.severity, c.severity);
      if (c.output !== undefined) {
        const fix = found[0].fixes?.[0];
        assert.ok(fix, 'a fix is offered');
        assert.equal(applyEdits(c.code, fix.edits.filter((e) => e.file === MAIN)), c.output);
      }
    });
  }
}
