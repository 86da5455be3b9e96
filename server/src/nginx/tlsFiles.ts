/**
 * The TLS files a config names, resolved on the host and decoded once per analysis, for the
 * rules that look inside them (key match, expiry, chain order, CA lists, CRLs).
 */
import type { Directive } from './ast';
import { resolveConfigPath, type ResolvedPath } from './files';
import type { ExpandedConfig } from './include';
import type { NginxContext } from './rule';
import { FILE_DIRECTIVES, type FileRole } from './tlsFiles.data';
import { certificatesOf, decodePkiBytesCached, type PkiFile } from '../pki/file';
import type { ParsedCertificate } from '../pki/describe';

export interface FileDirective {
  directive: Directive;
  role: FileRole;
  /** The path argument as written (unquoted). */
  value: string;
}

export interface LoadedFile {
  resolved: ResolvedPath;
  /** Decoded content for files that were found and read. */
  pki?: PkiFile;
}

type Inputs = Pick<NginxContext, 'config' | 'host' | 'settings'>;

const cache = new WeakMap<ExpandedConfig, Map<string, LoadedFile>>();

/** Every file-naming directive in the expanded config, at any depth, in source order. */
export function fileDirectives(config: ExpandedConfig): FileDirective[] {
  const out: FileDirective[] = [];
  const walk = (list: Directive[]): void => {
    for (const d of list) {
      if (d.block) {
        if (!d.raw) walk(d.block.children);
        continue;
      }
      const role = FILE_DIRECTIVES[d.name];
      if (role && d.args.length === 1) out.push({ directive: d, role, value: d.args[0].value });
    }
  };
  walk(config.directives);
  return out;
}

export function resolveDirectivePath(ctx: Inputs, d: Directive): ResolvedPath {
  return resolveConfigPath(d.args[0]?.value ?? '', { host: ctx.host, settings: ctx.settings, mainFile: ctx.config.root.file, fromFile: d.file });
}

/** The directive's file, resolved and decoded; the same object for every rule in one analysis. */
export function loadDirectiveFile(ctx: Inputs, d: Directive): LoadedFile {
  let byKey = cache.get(ctx.config);
  if (!byKey) cache.set(ctx.config, (byKey = new Map()));
  const key = `${d.file}\0${d.args[0]?.value ?? ''}`;
  const hit = byKey.get(key);
  if (hit) return hit;
  const resolved = resolveDirectivePath(ctx, d);
  let loaded: LoadedFile = { resolved };
  if (resolved.kind === 'file') {
    const bytes = ctx.host.readBytes(resolved.path);
    if (bytes) loaded = { resolved, pki: decodePkiBytesCached(bytes) };
  }
  byKey.set(key, loaded);
  return loaded;
}

/** Certificates of a directive's file (none when missing or unreadable). */
export function certificatesIn(ctx: Inputs, d: Directive): ParsedCertificate[] {
  const f = loadDirectiveFile(ctx, d).pki;
  return f ? certificatesOf(f) : [];
}

/** Every certificate in any certificate or CA file the config names: what tells an intermediate from a root. */
export function knownCertificates(ctx: Inputs): ParsedCertificate[] {
  return fileDirectives(ctx.config)
    .filter((f) => f.role === 'certificate' || f.role === 'ca-list')
    .flatMap((f) => certificatesIn(ctx, f.directive));
}

/** The span to report a finding about a directive's file at: its path argument. */
export function pathSpan(d: Directive): Directive['span'] {
  return d.args[0]?.span ?? d.span;
}

/** Each directive list (the main level and every block body) with its enclosing lists, outermost first. */
export function levelsOf(config: ExpandedConfig): { level: Directive[]; ancestors: Directive[][] }[] {
  const out: { level: Directive[]; ancestors: Directive[][] }[] = [];
  const walk = (level: Directive[], ancestors: Directive[][]): void => {
    out.push({ level, ancestors });
    for (const d of level) if (d.block && !d.raw) walk(d.block.children, [...ancestors, level]);
  };
  walk(config.directives, []);
  return out;
}

/** The `name` directives nginx uses at the last of `levels`: those of the innermost level that has any (array directives do not merge). */
export function innermostList(levels: Directive[][], name: string): Directive[] {
  for (let i = levels.length - 1; i >= 0; i--) {
    const own = levels[i].filter((d) => d.name === name && !d.block);
    if (own.length) return own;
  }
  return [];
}

/** The `name` directive in effect at the last of `levels` (innermost level, last occurrence). */
export function effectiveIn(levels: Directive[][], name: string): Directive | undefined {
  return innermostList(levels, name).at(-1);
}
