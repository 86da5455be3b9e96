import type { Finding, Severity } from './finding';
import { SEVERITIES } from './finding';

export type RuleLevel = Severity | 'off';

/** The user's settings as the core sees them: already resolved for one file. */
export interface Settings {
  /** Per-rule overrides keyed by rule id (`tlsnet.rules` in the editor). */
  rules: Record<string, RuleLevel>;
}

export const DEFAULT_SETTINGS: Settings = { rules: {} };

/** Accepts whatever a client sent and keeps only well-formed overrides. */
export function normalizeSettings(raw: unknown): Settings {
  const rules: Record<string, RuleLevel> = {};
  const r = raw && typeof raw === 'object' ? (raw as { rules?: unknown }).rules : undefined;
  if (r && typeof r === 'object') {
    for (const [id, level] of Object.entries(r as Record<string, unknown>)) {
      if (level === 'off' || (SEVERITIES as readonly unknown[]).includes(level)) rules[id] = level as RuleLevel;
    }
  }
  return { rules };
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
