import type { Finding, Severity } from './finding';
import { SEVERITIES } from './finding';
import { isVersion } from './version';

export type RuleLevel = Severity | 'off';
export type TlsProfile = 'modern' | 'intermediate' | 'old';
export const TLS_PROFILES: readonly TlsProfile[] = ['modern', 'intermediate', 'old'];

/** The nginx stable release assumed when `tlsnet.nginx.version` is unset (1.30.1, May 2026). */
export const LATEST_NGINX_STABLE = '1.30.1';

export interface NginxSettings {
  /** `tlsnet.nginx.version`: the nginx the config is deployed with; latest stable when unset. */
  version: string;
  /** True when `version` is the default, not the user's: version-only findings stay cautious. */
  versionAssumed: boolean;
  /** `tlsnet.nginx.opensslVersion`: the OpenSSL nginx is linked against; unknown when unset. */
  opensslVersion?: string;
  /** `tlsnet.nginx.pathMappings`: server path prefix → workspace folder (absolute, or relative to the first root). */
  pathMappings: Record<string, string>;
}

/** The user's settings as the core sees them: already resolved for one file (`tlsnet.*`). */
export interface Settings {
  /** Per-rule overrides keyed by rule id (`tlsnet.rules` in the editor). */
  rules: Record<string, RuleLevel>;
  nginx: NginxSettings;
  tls: { profile: TlsProfile };
  certificates: { expiryWarningDays: number };
  dhcp: DhcpSettings;
}

export interface DhcpSettings {
  /** `tlsnet.dhcp.windowsClients`: Windows clients that read option 249 are served, so 121 wants a 249 twin. */
  windowsClients: boolean;
  /** `tlsnet.dhcp.keaVersion`: the Kea the config is for; unset means before 2.6 (Debian 12 ships 2.2), which has no built-in `classless-static-route` definition. */
  keaVersion?: string;
}

export const DEFAULT_SETTINGS: Settings = {
  rules: {},
  nginx: { version: LATEST_NGINX_STABLE, versionAssumed: true, pathMappings: {} },
  tls: { profile: 'intermediate' },
  certificates: { expiryWarningDays: 30 },
  dhcp: { windowsClients: false },
};

const obj = (x: unknown): Record<string, unknown> => (x && typeof x === 'object' && !Array.isArray(x) ? (x as Record<string, unknown>) : {});
const str = (x: unknown): string | undefined => (typeof x === 'string' && x.trim() ? x.trim() : undefined);

/**
 * Accepts the `tlsnet` section as a client sent it (nested objects, or flat dotted keys as in
 * settings.json: `"nginx.version": "1.22.1"`) and keeps only well-formed values.
 */
export function normalizeSettings(raw: unknown): Settings {
  const r = nest(obj(raw));
  const rules: Record<string, RuleLevel> = {};
  for (const [id, level] of Object.entries(obj(r.rules))) {
    if (level === 'off' || (SEVERITIES as readonly unknown[]).includes(level)) rules[id] = level as RuleLevel;
  }
  const nginx = obj(r.nginx);
  const version = str(nginx.version);
  const openssl = str(nginx.opensslVersion);
  const pathMappings: Record<string, string> = {};
  for (const [from, to] of Object.entries(obj(nginx.pathMappings))) if (str(from) && str(to)) pathMappings[from.trim()] = (to as string).trim();
  const profile = obj(r.tls).profile;
  const days = obj(r.certificates).expiryWarningDays;
  const dhcp = obj(r.dhcp);
  const kea = str(dhcp.keaVersion);
  return {
    rules,
    nginx: {
      version: version && isVersion(version) ? version : LATEST_NGINX_STABLE,
      versionAssumed: !(version && isVersion(version)),
      ...(openssl && isVersion(openssl.replace(/[a-z]$/i, '')) ? { opensslVersion: openssl } : {}),
      pathMappings,
    },
    tls: { profile: (TLS_PROFILES as readonly unknown[]).includes(profile) ? (profile as TlsProfile) : DEFAULT_SETTINGS.tls.profile },
    certificates: { expiryWarningDays: typeof days === 'number' && Number.isFinite(days) && days >= 0 ? Math.floor(days) : DEFAULT_SETTINGS.certificates.expiryWarningDays },
    dhcp: { windowsClients: dhcp.windowsClients === true, ...(kea && isVersion(kea) ? { keaVersion: kea } : {}) },
  };
}

/**
 * Settings from `KEY=VALUE` pairs and settings.json entries with full keys (`tlsnet.nginx.version`).
 * Later entries win; keys outside `tlsnet.` are ignored. Values are JSON when they parse as JSON.
 */
export function settingsFromEntries(entries: Iterable<[string, unknown]>): Record<string, unknown> {
  const out: Record<string, unknown> = {};
  for (const [key, value] of entries) {
    if (!key.startsWith('tlsnet.')) continue;
    const k = key.slice('tlsnet.'.length);
    if (k === 'rules' && value && typeof value === 'object') out.rules = { ...obj(out.rules), ...obj(value) };
    else if (k.startsWith('rules.')) out.rules = { ...obj(out.rules), [k.slice('rules.'.length)]: value };
    else out[k] = value;
  }
  return out;
}

/** `{"nginx.version": x}` → `{nginx: {version: x}}`; rule ids (which hold `/`) stay keys of `rules`. */
function nest(flat: Record<string, unknown>): Record<string, unknown> {
  const out: Record<string, unknown> = {};
  for (const [key, value] of Object.entries(flat)) {
    if (key === 'rules') {
      out.rules = { ...obj(out.rules), ...obj(value) };
      continue;
    }
    const parts = key.split('.');
    let at = out;
    for (const p of parts.slice(0, -1)) at = (at[p] = { ...obj(at[p]) });
    const last = parts[parts.length - 1];
    at[last] = value && typeof value === 'object' && !Array.isArray(value) && last !== 'pathMappings' ? { ...obj(at[last]), ...nest(obj(value)) } : value;
  }
  return out;
}

const SETTING_KEYS = ['tlsnet.rules', 'tlsnet.nginx.version', 'tlsnet.nginx.opensslVersion', 'tlsnet.nginx.pathMappings', 'tlsnet.tls.profile', 'tlsnet.certificates.expiryWarningDays', 'tlsnet.dhcp.windowsClients', 'tlsnet.dhcp.keaVersion'];

/** Why a `KEY=VALUE` setting from a command line cannot be used, or undefined when it can. */
export function settingProblem(key: string, value: unknown, isRule: (id: string) => boolean): string | undefined {
  const known = `${SETTING_KEYS.join(', ')}, tlsnet.rules.<rule id>`;
  if (key.startsWith('tlsnet.rules.')) {
    const id = key.slice('tlsnet.rules.'.length);
    if (!isRule(id)) return `unknown rule "${id}" in ${key} (tlsnet rules lists them)`;
    return value === 'off' || (SEVERITIES as readonly unknown[]).includes(value) ? undefined : `${key} must be error, warning, info, hint or off`;
  }
  if (!SETTING_KEYS.includes(key)) return `unknown setting "${key}" (known: ${known})`;
  if (key === 'tlsnet.dhcp.windowsClients' && typeof value !== 'boolean') return `${key} must be true or false, got ${JSON.stringify(value)}`;
  if ((key === 'tlsnet.nginx.version' || key === 'tlsnet.nginx.opensslVersion' || key === 'tlsnet.dhcp.keaVersion') && !(typeof value === 'string' && isVersion(value.replace(/[a-z]$/i, '')))) return `${key} must be a version such as 1.22.1, got ${JSON.stringify(value)}`;
  if (key === 'tlsnet.tls.profile' && !(TLS_PROFILES as readonly unknown[]).includes(value)) return `${key} must be ${TLS_PROFILES.join(', ')}, got ${JSON.stringify(value)}`;
  if (key === 'tlsnet.certificates.expiryWarningDays' && !(typeof value === 'number' && value >= 0)) return `${key} must be a number of days, got ${JSON.stringify(value)}`;
  if ((key === 'tlsnet.nginx.pathMappings' || key === 'tlsnet.rules') && !(value && typeof value === 'object' && !Array.isArray(value))) return `${key} must be a JSON object`;
  return undefined;
}

/** The one place severity is decided: the rule's default, then the user's override. */
export function applySeverity(findings: Finding[], settings: Settings): Finding[] {
  const out: Finding[] = [];
  for (const f of findings) {
    const level = settings.rules[f.rule];
    if (level === 'off') continue;
    out.push(level ? { ...f, severity: level } : f);
  }
  return out;
}
