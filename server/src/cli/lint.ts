import { closeSync, openSync, readdirSync, readFileSync, readSync, statSync } from 'node:fs';
import { isAbsolute, relative, resolve, sep } from 'node:path';
import { analyzeDocument } from '../analysis';
import type { SharedAnalyses } from '../nginx/analyze';
import type { Finding, Severity } from '../core/finding';
import { detectLanguage } from '../core/languages';
import type { Language } from '../core/rule';
import { normalizeSettings, settingsFromEntries, type Settings } from '../core/settings';
import { MAX_ANALYZED_BYTES } from '../core/limits';
import { LineIndex } from '../core/text';
import { fsHost } from '../node/fsHost';
import { buildIncludeIndex } from '../nginx/workspace';
import { absoluteMappings, folderSettings } from '../node/vscodeSettings';

/** A finding as the CLI reports it: 1-based line/column in UTF-16 code units, end exclusive. */
export interface CliFinding {
  file: string;
  line: number;
  column: number;
  endLine: number;
  endColumn: number;
  severity: Severity;
  rule: string;
  message: string;
}

export interface LintResult {
  findings: CliFinding[];
  /** The absolute path of each finding's file, index for index (SARIF wants paths from the run's root). */
  absolutePaths: string[];
  filesChecked: number;
  /** Problems reading inputs (missing path, unreadable file): exit code 2. */
  ioErrors: string[];
}

const SKIP_DIRS = new Set(['node_modules', '.git', '.hg', '.svn']);

interface Target {
  abs: string;
  /** How the file is named in output: as given, or relative to the directory given. */
  shown: string;
  base: string;
  explicit: boolean;
}

function collect(arg: string, ioErrors: string[]): Target[] {
  const abs = resolve(arg);
  let st;
  try {
    st = statSync(abs);
  } catch {
    ioErrors.push(`${arg}: no such file or directory`);
    return [];
  }
  if (st.isFile()) return [{ abs, shown: arg, base: resolve(abs, '..'), explicit: true }];
  const out: Target[] = [];
  const walk = (dir: string): void => {
    let names: string[];
    try {
      names = readdirSync(dir).sort();
    } catch {
      ioErrors.push(`${dir}: cannot read directory`);
      return;
    }
    for (const n of names) {
      const p = `${dir}${sep}${n}`;
      let s;
      try {
        s = statSync(p);
      } catch {
        continue;
      }
      if (s.isDirectory()) {
        if (!SKIP_DIRS.has(n)) walk(p);
      } else if (s.isFile()) out.push({ abs: p, shown: relative(abs, p).split(sep).join('/'), base: abs, explicit: false });
    }
  };
  walk(abs);
  return out;
}

export interface LintOptions {
  language?: Language;
  /** `--setting KEY=VALUE` pairs (full `tlsnet.` keys); they override the folder's settings.json. */
  settings?: [string, unknown][];
}

/** Lints files and directories with the same core as the editor. */
export function lint(paths: string[], opts: LintOptions = {}): LintResult {
  const ioErrors: string[] = [];
  const targets = paths.flatMap((p) => collect(p, ioErrors));
  const overrides = (opts.settings ?? []).map(([k, v]): [string, unknown] => [k, k === 'tlsnet.nginx.pathMappings' ? absoluteMappings(v, process.cwd()) : v]);
  const settingsByDir = new Map<string, Settings>();
  const settingsFor = (file: string): Settings => {
    const dir = resolve(file, '..');
    let s = settingsByDir.get(dir);
    if (!s) {
      const folder = folderSettings(dir);
      if (folder.error && !ioErrors.includes(folder.error)) ioErrors.push(folder.error);
      s = normalizeSettings(settingsFromEntries([...folder.entries, ...overrides]));
      settingsByDir.set(dir, s);
    }
    return s;
  };
  const shownByAbs = new Map(targets.map((t) => [t.abs, t]));
  const seen = new Set<string>();
  const found: { cli: CliFinding; abs: string }[] = [];
  const texts = new Map<string, LineIndex>();
  let filesChecked = 0;
  const roots = [...new Set(targets.map((t) => t.base))];
  const host = fsHost({ roots });
  const includes = buildIncludeIndex(host);
  const shared: SharedAnalyses = new Map();
  for (const t of targets) {
    let text: string;
    let size: number;
    try {
      size = statSync(t.abs).size;
      // A huge file is read only as far as needed to name its language and refuse it politely.
      text = size > MAX_ANALYZED_BYTES ? readHead(t.abs, 64 * 1024) : readFileSync(t.abs, 'utf8');
    } catch {
      ioErrors.push(`${t.shown}: cannot read file`);
      continue;
    }
    const language = opts.language && t.explicit ? opts.language : detectLanguage(t.abs, text);
    if (!language) continue;
    filesChecked++;
    const result = analyzeDocument({ path: t.abs, text, language, size }, { host, settings: settingsFor(t.abs), includes, shared, log: (m) => process.stderr.write(`tlsnet: internal error: ${m}\n`) });
    for (const f of result.findings) {
      const key = `${f.file}\0${f.rule}\0${f.span.start}\0${f.span.end}\0${f.message}`;
      if (seen.has(key)) continue;
      seen.add(key);
      const cli = toCli(f, f.file === t.abs ? text : host.readFile(f.file) ?? '', shownName(f.file, t, shownByAbs), texts);
      found.push({ cli, abs: f.file });
    }
  }
  found.sort((a, b) => a.cli.file.localeCompare(b.cli.file) || a.cli.line - b.cli.line || a.cli.column - b.cli.column);
  return { findings: found.map((f) => f.cli), absolutePaths: found.map((f) => f.abs), filesChecked, ioErrors };
}

function readHead(path: string, bytes: number): string {
  const fd = openSync(path, 'r');
  try {
    const buf = Buffer.alloc(bytes);
    const n = readSync(fd, buf, 0, bytes, 0);
    return buf.subarray(0, n).toString('utf8');
  } finally {
    closeSync(fd);
  }
}

function shownName(file: string, via: Target, byAbs: Map<string, Target>): string {
  const own = byAbs.get(file);
  if (own) return own.shown;
  const rel = relative(via.base, file);
  return rel.startsWith('..') || isAbsolute(rel) ? file : rel.split(sep).join('/');
}

function toCli(f: Finding, text: string, shown: string, cache: Map<string, LineIndex>): CliFinding {
  let index = cache.get(f.file);
  if (!index || index.text !== text) cache.set(f.file, (index = new LineIndex(text)));
  const s = index.positionAt(f.span.start);
  const e = index.positionAt(f.span.end);
  return { file: shown, line: s.line + 1, column: s.character + 1, endLine: e.line + 1, endColumn: e.character + 1, severity: f.severity, rule: f.rule, message: f.message };
}
