import assert from 'node:assert/strict';
import { existsSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { test } from 'node:test';
import { analyzeDocument } from '../../server/src/analysis';
import type { Finding } from '../../server/src/core/finding';
import { memoryHost } from '../../server/src/core/host';
import { normalizeSettings } from '../../server/src/core/settings';
import { LineIndex } from '../../server/src/core/text';
import { buildIncludeIndex } from '../../server/src/nginx/workspace';
import { NOW } from './ruleTester';

/**
 * ESLint-style tester for one certificate rule, through the same entry point as the editor and
 * the CLI (analyzeDocument): `valid` documents give no finding of the rule; each `invalid` case
 * lists the 1-based lines flagged. The document is /ws/certs/bundle.pem unless `path` says
 * otherwise (`/ws/secret.yaml` for a Kubernetes Secret, `/ws/nginx.conf`); `files` are other
 * workspace files, such as an nginx.conf naming the document, which is how uses are declared.
 */
export interface PemCase {
  name: string;
  code: string;
  path?: string;
  files?: Record<string, string>;
  settings?: Record<string, unknown>;
}

export interface PemInvalidCase extends PemCase {
  lines: number[];
  severity?: Finding['severity'];
  /** A substring every message of the rule holds. */
  message?: string;
}

export const DOC = '/ws/certs/bundle.pem';

export function pemFindingsOf(rule: string, c: PemCase): Finding[] {
  const path = c.path ?? DOC;
  const host = memoryHost({ ...(c.files ?? {}), [path]: c.code }, ['/ws']);
  const errors: string[] = [];
  const r = analyzeDocument({ path, text: c.code }, { host, settings: normalizeSettings(c.settings ?? {}), now: NOW, includes: buildIncludeIndex(host), log: (m) => errors.push(m) });
  assert.deepEqual(errors, [], 'no rule may throw');
  return r.findings.filter((f) => f.rule === rule && f.file === path);
}

export function pemRuleTester(rule: string, cases: { valid: PemCase[]; invalid: PemInvalidCase[] }): void {
  for (const c of cases.valid) {
    test(`${rule} not flagged: ${c.name}`, () => {
      assert.deepEqual(pemFindingsOf(rule, c).map((f) => f.message), []);
    });
  }
  for (const c of cases.invalid) {
    test(`${rule} flagged: ${c.name}`, () => {
      const found = pemFindingsOf(rule, c);
      const index = new LineIndex(c.code);
      assert.deepEqual(found.map((f) => index.positionAt(f.span.start).line + 1), c.lines, found.map((f) => f.message).join('\n'));
      if (c.severity) for (const f of found) assert.equal(f.severity, c.severity);
      if (c.message) for (const f of found) assert.ok(f.message.includes(c.message), f.message);
    });
  }
}

/** A certificate or key from test/fixtures/pem-rules (this suite's PKI) or test/fixtures/pki (issue 3's). */
export function pem(name: string): string {
  for (const dir of ['test/fixtures/pem-rules', 'test/fixtures/pki']) {
    const p = join(process.cwd(), dir, name);
    if (existsSync(p)) return readFileSync(p, 'utf8');
  }
  throw new Error(`no fixture ${name}`);
}

/** Certificates and keys concatenated as a bundle file. */
export const pems = (...names: string[]): string => names.map(pem).join('');

/** A PEM text indented as a YAML block scalar under `key: |`. */
export const indent = (text: string, by = '    '): string => text.trimEnd().split('\n').map((l) => by + l).join('\n') + '\n';

/** 1-based lines of every `-----BEGIN` in `code`, to say which block a case expects flagged. */
export const beginLines = (code: string): number[] => code.split('\n').flatMap((l, i) => (l.includes('-----BEGIN ') ? [i + 1] : []));
