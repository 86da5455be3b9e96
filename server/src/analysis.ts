import type { Finding } from './core/finding';
import type { FileHost } from './core/host';
import { detectLanguage } from './core/languages';
import { fileTooLarge, MAX_ANALYZED_BYTES } from './core/limits';
import type { Language, RuleMeta } from './core/rule';
import { applySeverity, type Settings } from './core/settings';
import { analyzeNginx } from './nginx/analyze';
import { NGINX_RULES } from './nginx/rules';

/** Every rule tlsnet has, for docs, settings and SARIF. */
export const ALL_RULES: readonly RuleMeta[] = [...NGINX_RULES.map((r) => r.meta), fileTooLarge];

export function ruleMeta(id: string): RuleMeta | undefined {
  return ALL_RULES.find((r) => r.id === id);
}

export interface AnalysisInput {
  path: string;
  text: string;
  /** The editor's language id when it knows one; otherwise detected from path and content. */
  language?: Language;
  /** The file's size when only its head was read (the CLI does not read huge files whole). */
  size?: number;
}

export interface AnalysisResult {
  language?: Language;
  /** Findings in this file and in files it includes, severities already resolved. */
  findings: Finding[];
}

export type ErrorLog = (message: string) => void;

/** The one entry point the editor and the CLI share. Never throws. `now` is the clock for expiry checks. */
export function analyzeDocument(input: AnalysisInput, host: FileHost, settings: Settings, log: ErrorLog, now: Date = new Date()): AnalysisResult {
  const language = input.language ?? detectLanguage(input.path, input.text);
  if (!language) return { language, findings: [] };
  const size = input.size ?? input.text.length;
  if (size > MAX_ANALYZED_BYTES) {
    const mb = (size / 1024 / 1024).toFixed(1);
    const finding: Finding = {
      rule: fileTooLarge.id,
      file: input.path,
      span: { start: 0, end: 0 },
      severity: fileTooLarge.severity,
      message: `This file is ${mb} MB; tlsnet analyses files up to ${MAX_ANALYZED_BYTES / 1024 / 1024} MB and skipped it.`,
    };
    return { language, findings: applySeverity([finding], settings) };
  }
  const onRuleError = (rule: string, e: unknown): void => log(`rule ${rule} failed on ${input.path}: ${e instanceof Error ? e.stack ?? e.message : String(e)}`);
  let findings: Finding[] = [];
  try {
    if (language === 'nginx') findings = analyzeNginx(input.path, input.text, { host, settings, now, onError: onRuleError }).findings;
  } catch (e) {
    log(`analysis of ${input.path} failed: ${e instanceof Error ? e.stack ?? e.message : String(e)}`);
  }
  return { language, findings: applySeverity(findings, settings) };
}
