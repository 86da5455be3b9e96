import type { LintResult } from '../lint';

/** `file:line:col: severity: message [rule]`, one a line, then a summary, like compilers print. */
export function formatText(r: LintResult): string {
  const lines = r.findings.map((f) => `${f.file}:${f.line}:${f.column}: ${f.severity}: ${f.message} [${f.rule}]`);
  const count = (s: string): number => r.findings.filter((f) => f.severity === s).length;
  const errors = count('error');
  const warnings = count('warning');
  const other = r.findings.length - errors - warnings;
  const files = `${r.filesChecked} file${r.filesChecked === 1 ? '' : 's'} checked`;
  lines.push(
    r.findings.length
      ? `${r.findings.length} problem${r.findings.length === 1 ? '' : 's'} (${errors} error${errors === 1 ? '' : 's'}, ${warnings} warning${warnings === 1 ? '' : 's'}${other ? `, ${other} other` : ''}), ${files}`
      : `no problems, ${files}`,
  );
  return lines.join('\n') + '\n';
}
