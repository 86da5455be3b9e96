import type { Finding } from '../core/finding';
import type { FileHost } from '../core/host';
import { runRules } from '../core/rule';
import { DEFAULT_SETTINGS, type Settings } from '../core/settings';
import { suppressFindings } from '../core/suppress';
import type { ParsedFile } from './ast';
import { serverContexts } from './contexts';
import { expandIncludes, type ExpandedConfig } from './include';
import { parseNginx } from './parser';
import { NGINX_RULES } from './rules';

export interface NginxAnalysis {
  parsed: ParsedFile;
  config: ExpandedConfig;
  findings: Finding[];
}

export interface NginxEnv {
  host: FileHost;
  settings?: Settings;
  now?: Date;
  onError: (rule: string, e: unknown) => void;
}

/** Parses one nginx file, expands its includes through `env.host`, and runs every nginx rule. */
export function analyzeNginx(file: string, text: string, env: NginxEnv): NginxAnalysis {
  const parsed = parseNginx(text, file);
  const config = expandIncludes(parsed, env.host);
  const ctx = { config, servers: serverContexts(config.directives), host: env.host, settings: env.settings ?? DEFAULT_SETTINGS, now: env.now ?? new Date() };
  const findings = suppressFindings(runRules(NGINX_RULES, ctx, env.onError), config.files);
  return { parsed, config, findings };
}
