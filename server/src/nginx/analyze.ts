import type { Finding } from '../core/finding';
import type { FileHost } from '../core/host';
import { runRules } from '../core/rule';
import { DEFAULT_SETTINGS, type Settings } from '../core/settings';
import { suppressFindings } from '../core/suppress';
import type { ParsedFile } from './ast';
import { serverContexts } from './contexts';
import { expandIncludes, type ExpandedConfig } from './include';
import { parseNginx } from './parser';
import { dumpSections } from './dump';
import { dirname } from '../core/paths';
import { NGINX_RULES } from './rules';
import type { IncludeIndex } from './workspace';

export interface NginxAnalysis {
  parsed: ParsedFile;
  config: ExpandedConfig;
  findings: Finding[];
}

/** The file parsed and its includes expanded; an `nginx -T` dump is read as the tree it holds. */
export function parseAndExpand(file: string, text: string, host: FileHost): { parsed: ParsedFile; config: ExpandedConfig } {
  const sections = dumpSections(text);
  if (!sections) {
    const parsed = parseNginx(text, file);
    return { parsed, config: expandIncludes(parsed, host) };
  }
  const byPath = new Map<string, ParsedFile>();
  for (const s of sections) if (!byPath.has(s.path)) byPath.set(s.path, parseNginx(text, file, s));
  const first = [...byPath.values()][0];
  // The dump is one document: its first file is the root, and every section's comments count for suppression.
  const parsed: ParsedFile = { ...first, comments: [...byPath.values()].flatMap((f) => f.comments) };
  byPath.set(sections[0].path, parsed);
  return { parsed, config: expandIncludes(parsed, host, { prefix: dirname(sections[0].path), sections: byPath }) };
}

export interface NginxEnv {
  host: FileHost;
  settings?: Settings;
  now?: Date;
  onError: (rule: string, e: unknown) => void;
  /** Where fragments are included from; without it every file is read on its own. */
  includes?: IncludeIndex;
  /** Analyses of including configs to reuse, for as long as the caller keeps the map. */
  shared?: SharedAnalyses;
}

export type SharedAnalyses = Map<string, { text: string; settings: Settings | undefined; analysis: NginxAnalysis }>;

/** Parses one nginx file, expands its includes through `env.host`, and runs every nginx rule. */
/**
 * The includer's analysis, once per `env.shared` (a CLI run, an editor revalidation): linting
 * sixty conf.d files must not analyse their common nginx.conf sixty times.
 */
function wholeTree(file: string, text: string, env: NginxEnv): NginxAnalysis {
  const key = `${file}\0${text.length}`;
  const hit = env.shared?.get(key);
  if (hit && hit.text === text && hit.settings === env.settings) return hit.analysis;
  const analysis = analyzeNginx(file, text, { ...env, includes: undefined });
  env.shared?.set(key, { text, settings: env.settings, analysis });
  return analysis;
}

export function analyzeNginx(file: string, text: string, env: NginxEnv): NginxAnalysis {
  // A fragment is analysed as part of the config that includes it, keeping its own findings only.
  const includer = env.includes?.includerOf(file);
  const includerText = includer !== undefined ? env.host.readFile(includer) : undefined;
  if (includer !== undefined && includerText !== undefined) {
    const whole = wholeTree(includer, includerText, env);
    if (whole.config.files.has(file)) {
      return { parsed: whole.config.files.get(file) ?? parseNginx(text, file), config: whole.config, findings: whole.findings.filter((f) => f.file === file) };
    }
  }
  const { parsed, config } = parseAndExpand(file, text, env.host);
  const ctx = { config, servers: serverContexts(config.directives), host: env.host, settings: env.settings ?? DEFAULT_SETTINGS, now: env.now ?? new Date() };
  const findings = suppressFindings(runRules(NGINX_RULES, ctx, env.onError), config.files);
  return { parsed, config, findings };
}
