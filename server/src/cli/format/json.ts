import type { LintResult } from '../lint';

/** The stable machine contract: exactly one object, `{"version": 1, "findings": [...]}`. */
export function formatJson(r: LintResult): string {
  return JSON.stringify({ version: 1, findings: r.findings }) + '\n';
}
