import { existsSync, readFileSync } from 'node:fs';
import { dirname, isAbsolute, join, resolve } from 'node:path';
import { parse, type ParseError } from 'jsonc-parser';

export interface FolderSettings {
  /** The folder whose `.vscode/settings.json` was read (the workspace folder), if any. */
  folder?: string;
  /** `tlsnet.*` entries as `[full key, value]`, in file order. */
  entries: [string, unknown][];
  /** A settings file that exists but does not parse. */
  error?: string;
}

/**
 * The `tlsnet.*` settings VS Code would apply to a file: those of the nearest enclosing folder
 * that has `.vscode/settings.json` (JSON with comments, as VS Code reads it).
 */
export function folderSettings(start: string): FolderSettings {
  for (let dir = resolve(start); ; dir = dirname(dir)) {
    const file = join(dir, '.vscode', 'settings.json');
    if (existsSync(file)) return readSettingsFile(file, dir);
    if (dirname(dir) === dir) return { entries: [] };
  }
}

function readSettingsFile(file: string, folder: string): FolderSettings {
  let text: string;
  try {
    text = readFileSync(file, 'utf8');
  } catch {
    return { folder, entries: [], error: `${file}: cannot read` };
  }
  const errors: ParseError[] = [];
  const json: unknown = parse(text, errors, { allowTrailingComma: true });
  if (errors.length || !json || typeof json !== 'object') return { folder, entries: [], error: `${file}: not valid JSON with comments (offset ${errors[0]?.offset ?? 0})` };
  const entries: [string, unknown][] = [];
  for (const [key, value] of Object.entries(json as Record<string, unknown>)) {
    if (key === 'tlsnet' && value && typeof value === 'object') {
      for (const [k, v] of Object.entries(value as Record<string, unknown>)) entries.push([`tlsnet.${k}`, v]);
    } else if (key.startsWith('tlsnet.')) entries.push([key, value]);
  }
  return { folder, entries: entries.map(([k, v]) => [k, k === 'tlsnet.nginx.pathMappings' ? absoluteMappings(v, folder) : v]) };
}

/** Mapping targets in a folder's settings are relative to that folder (`${workspaceFolder}` too). */
export function absoluteMappings(value: unknown, folder: string): unknown {
  if (!value || typeof value !== 'object') return value;
  const out: Record<string, unknown> = {};
  for (const [from, to] of Object.entries(value as Record<string, unknown>)) {
    if (typeof to !== 'string') continue;
    const t = to.replace(/\$\{workspaceFolder\}/g, folder);
    out[from] = isAbsolute(t) ? t : resolve(folder, t);
  }
  return out;
}

/** `KEY=VALUE` from `--setting`: the value is JSON when it parses as JSON, else a string. */
export function parseSettingArg(arg: string): [string, unknown] | undefined {
  const eq = arg.indexOf('=');
  if (eq <= 0) return undefined;
  const key = arg.slice(0, eq).trim();
  const raw = arg.slice(eq + 1);
  let value: unknown = raw;
  try {
    value = JSON.parse(raw);
  } catch {
    // a bare string such as 1.22.1 or intermediate
  }
  // 1.22 parses as a number; versions are strings.
  if (typeof value === 'number' && /version/i.test(key)) value = raw;
  return [key.startsWith('tlsnet.') ? key : `tlsnet.${key}`, value];
}
