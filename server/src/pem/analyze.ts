import type { Finding } from '../core/finding';
import type { FileHost } from '../core/host';
import { runRules } from '../core/rule';
import { DEFAULT_SETTINGS, type Settings } from '../core/settings';
import { suppressFindings, type CommentLike } from '../core/suppress';
import { findEmbeddedObjects, type EmbeddedObject } from './embedded';
import type { CertificateUse, PemContext } from './rule';
import { PEM_RULES } from './rules';

export interface PemEnv {
  host: FileHost;
  settings?: Settings;
  now?: Date;
  /** A PEM file (language `pem`), read whole as OpenSSL reads it; otherwise blocks embedded in another document. */
  standalone: boolean;
  uses?: CertificateUse[];
  onError: (rule: string, e: unknown) => void;
  /** The objects when the caller already found them. */
  objects?: EmbeddedObject[];
}

/** Runs every certificate rule over the objects written in one document. Never throws. */
export function analyzePem(path: string, text: string, env: PemEnv): Finding[] {
  const objects = env.objects ?? findEmbeddedObjects(text);
  if (!objects.length) return [];
  const ctx: PemContext = { path, text, objects, standalone: env.standalone, uses: env.uses ?? [], host: env.host, settings: env.settings ?? DEFAULT_SETTINGS, now: env.now ?? new Date() };
  const findings = runRules(PEM_RULES, ctx, env.onError).filter((f) => f.file === path);
  return suppressFindings(findings, new Map([[path, { text, comments: comments(text, objects) }]]));
}

/**
 * `#` comments (PEM files — OpenSSL skips text between blocks —, YAML, nginx, dhcpd) and `//`
 * comments (JSONC), outside the objects: `# tlsnet-disable-next-line pem/certificate-expiry`
 * above a BEGIN line silences that rule for the block.
 */
function comments(text: string, objects: EmbeddedObject[]): CommentLike[] {
  const out: CommentLike[] = [];
  for (const m of text.matchAll(/(?:^|[ \t])((?:#|\/\/)[^\r\n]*)/gm)) {
    const start = m.index + m[0].length - m[1].length;
    if (objects.some((o) => start >= o.span.start && start < o.span.end)) continue;
    out.push({ text: m[1], span: { start, end: start + m[1].length } });
  }
  return out;
}
