import type { Finding } from '../core/finding';
import type { FileHost } from '../core/host';
import { runRules } from '../core/rule';
import type { Settings } from '../core/settings';
import { suppressFindings } from '../core/suppress';
import type { DhcpDialect, DhcpFile } from './model';
import { parseDhcp } from './parse';
import { missingDirectories, resolveIncludes } from './includes';
import type { DhcpContext } from './rule';
import { DHCP_RULES } from './rules';

export interface DhcpEnv {
  host: FileHost;
  settings: Settings;
  onError: (rule: string, e: unknown) => void;
}

/** Parses a DHCP config and the files it includes, runs every `dhcp/` rule, keeps findings in this file. Never throws. */
export function analyzeDhcp(dialect: DhcpDialect, path: string, text: string, env: DhcpEnv): { file: DhcpFile; findings: Finding[] } {
  const file = parseDhcp(dialect, path, text);
  const files = [file, ...resolveIncludes(file, env.host)];
  const ctx: DhcpContext = { file, files, settings: env.settings, missingDirectories: missingDirectories(files, env.host) };
  const findings = unique(runRules(DHCP_RULES, ctx, env.onError).filter((f) => f.file === path));
  const comments = new Map([[path, { text, comments: file.comments.map((c) => ({ text: c.value, span: c.span })) }]]);
  return { file, findings: suppressFindings(findings, comments) };
}

/** A RouterOS option entry named by several networks is checked in each: the same finding is kept once. */
function unique(findings: Finding[]): Finding[] {
  const seen = new Set<string>();
  return findings.filter((f) => {
    const key = `${f.rule}\u0000${f.span.start}\u0000${f.span.end}\u0000${f.message}`;
    if (seen.has(key)) return false;
    seen.add(key);
    return true;
  });
}
