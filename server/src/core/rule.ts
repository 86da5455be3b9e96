import type { Finding, Fix, Severity } from './finding';
import type { Span } from './text';

/**
 * The file types tlsnet analyses; the first segment of every rule id. `dhcp` is the rule family
 * shared by the DHCP dialects (dhcpd, cisco-ios, kea, dnsmasq, mikrotik): one rule checks them all.
 */
export type Language = 'nginx' | 'dhcpd' | 'cisco-ios' | 'dnsmasq' | 'kea' | 'mikrotik' | 'istio' | 'pem' | 'dhcp' | 'general';

/** What a rule is, apart from how it checks: id, docs, default severity, citation. */
export interface RuleMeta {
  /** `<language>/<kebab-name>`: diagnostic code, settings key, docs page and test name at once. */
  id: string;
  language: Language;
  /** One sentence: what the rule finds. */
  description: string;
  severity: Severity;
  fixable: boolean;
  /** The clause or document the rule enforces. */
  citation: string;
}

/** Collects one rule's findings; `severity` overrides the rule's default for this finding only. */
export interface Reporter {
  (r: { file: string; span: Span; message: string; fixes?: Fix[]; severity?: Severity }): void;
}

export interface Rule<Ctx> {
  meta: RuleMeta;
  check(ctx: Ctx, report: Reporter): void;
}

/** Relative path of a rule's docs page from the project root, e.g. `docs/rules/nginx/x.md`. */
export function docsPath(ruleId: string): string {
  return `docs/rules/${ruleId}.md`;
}

/** Runs rules over one context, never letting one rule's exception stop the others. */
export function runRules<Ctx>(rules: readonly Rule<Ctx>[], ctx: Ctx, onError: (rule: string, e: unknown) => void): Finding[] {
  const out: Finding[] = [];
  for (const rule of rules) {
    const report: Reporter = (r) =>
      out.push({ ...r, rule: rule.meta.id, severity: r.severity ?? rule.meta.severity });
    try {
      rule.check(ctx, report);
    } catch (e) {
      onError(rule.meta.id, e);
    }
  }
  return out;
}
