import type { Finding } from './core/finding';
import type { FileHost } from './core/host';
import { detectLanguage } from './core/languages';
import { fileTooLarge, MAX_ANALYZED_BYTES } from './core/limits';
import type { Language, RuleMeta } from './core/rule';
import { applySeverity, type Settings } from './core/settings';
import { analyzeNginx, type SharedAnalyses } from './nginx/analyze';
import type { IncludeIndex } from './nginx/workspace';
import { NGINX_RULES } from './nginx/rules';
import { analyzeDhcp } from './dhcp/analyze';
import { DHCP_RULES } from './dhcp/rules';
import { isCertificateManifest, pemFindings } from './pem/documents';
import { PEM_RULES } from './pem/rules';

/** Every rule tlsnet has, for docs, settings and SARIF. */
export const ALL_RULES: readonly RuleMeta[] = [...NGINX_RULES.map((r) => r.meta), ...DHCP_RULES.map((r) => r.meta), ...PEM_RULES.map((r) => r.meta), fileTooLarge];

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

/** What the adapters hand the core besides the document: files, settings, logging, clock, include index. */
export interface AnalysisEnv {
  host: FileHost;
  settings: Settings;
  log: ErrorLog;
  /** The clock for expiry checks; now when omitted. */
  now?: Date;
  /** Which config includes which file (the adapters build it over the workspace). */
  includes?: IncludeIndex;
  /** Including configs' analyses to reuse while the files do not change (one CLI run). */
  shared?: SharedAnalyses;
  /** Analyse a fragment with only the part of its includer that can affect it (the editor, per keystroke). */
  focus?: boolean;
}

/** The one entry point the editor and the CLI share. Never throws. */
export function analyzeDocument(input: AnalysisInput, env: AnalysisEnv): AnalysisResult {
  const { host, settings, log, now, includes, shared, focus } = env;
  const language = input.language ?? detectLanguage(input.path, input.text);
  if (!language && !isCertificateManifest(input.path, input.text)) return { language, findings: [] };
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
    if (language === 'nginx') findings = analyzeNginx(input.path, input.text, { host, settings, now, includes, shared, focus, onError: onRuleError }).findings;
    else if (language === 'dhcpd' || language === 'cisco-ios' || language === 'kea' || language === 'dnsmasq' || language === 'mikrotik') findings = analyzeDhcp(language, input.path, input.text, { host, settings, onError: onRuleError }).findings;
    // Certificates in PEM files, and embedded in the documents tlsnet analyses (see pem/documents.ts).
    findings = [...findings, ...pemFindings(input.path, input.text, language, { host, settings, now, includes, onError: onRuleError })];
  } catch (e) {
    log(`analysis of ${input.path} failed: ${e instanceof Error ? e.stack ?? e.message : String(e)}`);
  }
  return { language, findings: applySeverity(findings, settings) };
}
