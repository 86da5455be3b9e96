import type { Finding } from '../core/finding';
import type { FileHost } from '../core/host';
import { runRules } from '../core/rule';
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

/** Parses one nginx file, expands its includes through `host`, and runs every nginx rule. */
export function analyzeNginx(file: string, text: string, host: FileHost, onError: (rule: string, e: unknown) => void): NginxAnalysis {
  const parsed = parseNginx(text, file);
  const config = expandIncludes(parsed, host);
  const ctx = { config, servers: serverContexts(config.directives), host };
  const findings = suppressFindings(runRules(NGINX_RULES, ctx, onError), config.files);
  return { parsed, config, findings };
}
