import type { Finding } from '../core/finding';
import type { FileHost } from '../core/host';
import { runRules } from '../core/rule';
import { DEFAULT_SETTINGS, type Settings } from '../core/settings';
import { suppressFindings } from '../core/suppress';
import type { Directive, ParsedFile } from './ast';
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
  /**
   * For one fragment being edited: analyse only the part of the includer's tree that can affect
   * it (see focusOn) instead of the whole tree. The editor sets it; the CLI shares whole trees.
   */
  focus?: boolean;
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
    if (env.focus) {
      const { config } = parseAndExpand(includer, includerText, env.host);
      if (config.files.has(file)) {
        const focused = focusOn(config, file) ?? config;
        return { parsed: config.files.get(file) ?? parseNginx(text, file), config, findings: check(focused, env).filter((f) => f.file === file) };
      }
    } else {
      const whole = wholeTree(includer, includerText, env);
      if (whole.config.files.has(file)) {
        return { parsed: whole.config.files.get(file) ?? parseNginx(text, file), config: whole.config, findings: whole.findings.filter((f) => f.file === file) };
      }
    }
  }
  const { parsed, config } = parseAndExpand(file, text, env.host);
  return { parsed, config, findings: check(config, env) };
}

function check(config: ExpandedConfig, env: NginxEnv): Finding[] {
  const ctx = { config, servers: serverContexts(config.directives), host: env.host, settings: env.settings ?? DEFAULT_SETTINGS, now: env.now ?? new Date() };
  return suppressFindings(runRules(NGINX_RULES, ctx, env.onError), config.files);
}

/**
 * The includer's tree cut down to what can affect `file`'s findings, when every directive of the
 * file stands inside a server: the servers holding it, the servers sharing a listen address with
 * them cut to their socket-level directives (TLS and session resumption belong to the socket), and
 * everything outside servers. Other
 * servers are inherited by none of these, so their removal changes none of the file's findings.
 * Undefined when the file has directives outside servers other than upstream {} blocks (those reach every server).
 */
/** What a server on a shared socket contributes to its neighbours' findings: TLS on the socket, client verification, resumption. */
const SOCKET_LEVEL = new Set(['listen', 'server_name', 'ssl', 'ssl_certificate', 'ssl_reject_handshake', 'ssl_verify_client', 'ssl_client_certificate', 'ssl_trusted_certificate', 'ssl_session_cache', 'ssl_session_tickets']);

export function focusOn(config: ExpandedConfig, file: string): ExpandedConfig | undefined {
  const holds = (d: Directive): boolean => d.file === file || (d.block !== undefined && !d.raw && d.block.children.some(holds));
  let outside = false;
  const scan = (list: Directive[], inServer: boolean): void => {
    for (const d of list) {
      // An upstream {} is named by passes, never inherited: it may stay outside servers.
      if (d.name === 'upstream' && !inServer) continue;
      if (d.file === file && !inServer && d.name !== 'server') outside = true;
      if (d.block && !d.raw) scan(d.block.children, inServer || d.name === 'server');
    }
  };
  scan(config.directives, false);
  if (outside) return undefined;
  const sockets = (server: Directive): string[] => (server.block?.children ?? []).filter((d) => d.name === 'listen' && d.args.length).map((d) => d.args[0].value.replace(/^(0\.0\.0\.0:|\*:)/, ''));
  const prune = (list: Directive[]): Directive[] => {
    const mine = new Set(list.filter((d) => d.name === 'server' && holds(d)).flatMap(sockets));
    const out: Directive[] = [];
    for (const d of list) {
      if (d.name !== 'server' || !d.block || holds(d)) out.push(d);
      // A neighbour on the same socket matters only through what it says about that socket.
      else if (sockets(d).some((x) => mine.has(x))) out.push({ ...d, block: { ...d.block, children: d.block.children.filter((c) => !c.block && SOCKET_LEVEL.has(c.name)) } });
    }
    return out;
  };
  const directives = prune(config.directives).map((d) => (d.block && !d.raw && (d.name === 'http' || d.name === 'stream') ? { ...d, block: { ...d.block, children: prune(d.block.children) } } : d));
  return { ...config, directives };
}