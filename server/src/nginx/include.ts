import type { FileHost } from '../core/host';
import { dirname, isAbsolute, joinPath } from '../core/paths';
import type { Directive, ParsedFile } from './ast';
import { parseNginx } from './parser';

/** A directive as seen after `include` expansion: the include chain that brought it in is kept. */
export interface IncludeIssue {
  directive: Directive;
  message: string;
}

export interface ExpandedConfig {
  root: ParsedFile;
  /** nginx's prefix for relative paths: the main config's directory (the dump's first file's, for a dump). */
  prefix: string;
  /** Every file read, keyed by path (the root included). */
  files: Map<string, ParsedFile>;
  includeIssues: IncludeIssue[];
  /** Top-level directives with includes replaced by what they include, recursively. */
  directives: Directive[];
}

const MAX_DEPTH = 16;
const MAX_FILES = 500;

/**
 * Expands `include` like nginx: a glob pattern, relative paths against the main config's
 * directory (nginx's conf prefix), then the including file's directory, then workspace roots.
 * Cycles and runaway depth stop with an issue, not a stack overflow.
 */
export function expandIncludes(root: ParsedFile, host: FileHost, dump?: { prefix: string; sections: Map<string, ParsedFile> }): ExpandedConfig {
  const files = new Map<string, ParsedFile>([[root.file, root]]);
  const includeIssues: IncludeIssue[] = [];
  const prefix = dump?.prefix ?? dirname(root.file);
  if (dump) host = withSections(host, dump.sections);

  const load = (path: string): ParsedFile | undefined => {
    let f = files.get(path) ?? dump?.sections.get(path);
    if (f) {
      files.set(path, f);
      return f;
    }
    if (files.size >= MAX_FILES) return undefined;
    const text = host.readFile(path);
    if (text === undefined) return undefined;
    f = parseCached(text, path);
    files.set(path, f);
    return f;
  };

  const expand = (list: Directive[], stack: string[]): Directive[] => {
    const out: Directive[] = [];
    for (const d of list) {
      if (d.name !== 'include' || d.block) {
        if (d.block && !d.raw) out.push({ ...d, block: { ...d.block, children: expand(d.block.children, stack) } });
        else out.push(d);
        continue;
      }
      if (d.args.length !== 1) continue; // argument count is the structure rules' business
      const pattern = d.args[0].value;
      const paths = resolveInclude(pattern, d.file, prefix, host);
      if (!paths.length) {
        if (/[*?[]/.test(pattern)) continue; // nginx accepts a glob that matches nothing
        includeIssues.push({ directive: d, message: `include "${pattern}" matches no file in the workspace (it may exist only on the server)` });
        continue;
      }
      for (const p of paths) {
        if (stack.includes(p)) {
          includeIssues.push({ directive: d, message: `include "${pattern}" includes "${p}" again: an include cycle` });
          continue;
        }
        if (stack.length >= MAX_DEPTH) {
          includeIssues.push({ directive: d, message: `include "${pattern}" is nested more than ${MAX_DEPTH} levels deep` });
          continue;
        }
        const f = load(p);
        if (f) out.push(...expand(f.directives, [...stack, p]));
      }
    }
    return out;
  };

  const directives = expand(root.directives, [dump ? [...dump.sections.keys()][0] : root.file]);
  return { root, prefix, files, includeIssues, directives };
}

/** The host as a dump's includes see it: the files the dump holds exist, whatever the disk says. */
function withSections(host: FileHost, sections: Map<string, ParsedFile>): FileHost {
  const dirs = new Map<string, Set<string>>();
  for (const p of sections.keys()) {
    for (let child = p, dir = dirname(p); dir && dir !== child; child = dir, dir = dirname(dir)) {
      const names = dirs.get(dir) ?? new Set<string>();
      names.add(child.slice(child.lastIndexOf('/') + 1));
      dirs.set(dir, names);
    }
  }
  return {
    ...host,
    isFile: (p) => sections.has(p) || host.isFile(p),
    isDirectory: (p) => dirs.has(p) || host.isDirectory(p),
    listDir: (p) => (dirs.has(p) ? [...new Set([...(dirs.get(p) ?? []), ...(host.listDir(p) ?? [])])] : host.listDir(p)),
  };
}

export function resolveInclude(pattern: string, fromFile: string, prefix: string, host: FileHost): string[] {
  const bases = isAbsolute(pattern) ? [''] : unique([prefix, dirname(fromFile), ...host.roots]);
  for (const base of bases) {
    const full = base ? joinPath(base, pattern) : pattern;
    const found = /[*?[]/.test(full) ? glob(full, host) : host.isFile(full) ? [full] : [];
    if (found.length) return found;
  }
  return [];
}

/** glob(3) as nginx uses it: wildcards within path segments, results sorted. */
function glob(pattern: string, host: FileHost): string[] {
  const segs = pattern.split('/');
  let current = [segs[0] === '' ? '/' : segs[0]];
  for (let i = 1; i < segs.length; i++) {
    const seg = segs[i];
    if (seg === '') continue;
    const last = i === segs.length - 1;
    const next: string[] = [];
    for (const dir of current) {
      if (!/[*?[]/.test(seg)) {
        const p = joinPath(dir, seg);
        if (last ? host.isFile(p) : host.isDirectory(p)) next.push(p);
        continue;
      }
      const re = segmentRegex(seg);
      for (const name of host.listDir(dir) ?? []) {
        if (name.startsWith('.') && !seg.startsWith('.')) continue;
        const p = joinPath(dir, name);
        if (re.test(name) && (last ? host.isFile(p) : host.isDirectory(p))) next.push(p);
      }
    }
    current = next;
  }
  return current.sort();
}

function segmentRegex(seg: string): RegExp {
  let re = '';
  for (let i = 0; i < seg.length; i++) {
    const c = seg[i];
    if (c === '*') re += '[^/]*';
    else if (c === '?') re += '[^/]';
    else if (c === '[') {
      const close = seg.indexOf(']', i + 2);
      if (close < 0) re += '\\[';
      else {
        const body = seg.slice(i + 1, close).replace(/^!/, '^').replace(/\\/g, '\\\\');
        re += `[${body}]`;
        i = close;
      }
    } else re += c.replace(/[.+^${}()|\\]/g, '\\$&');
  }
  return new RegExp(`^${re}$`);
}

// Included files rarely change while one file is edited: parse each text once. Parsed files are
// never mutated (expansion copies the blocks it fills in), so analyses may share them.
const parsedByPath = new Map<string, ParsedFile>();

function parseCached(text: string, path: string): ParsedFile {
  const hit = parsedByPath.get(path);
  if (hit && hit.text === text) return hit;
  if (parsedByPath.size >= 1000) parsedByPath.delete(parsedByPath.keys().next().value as string);
  const f = parseNginx(text, path);
  parsedByPath.set(path, f);
  return f;
}

function unique<T>(xs: T[]): T[] {
  return [...new Set(xs)];
}
