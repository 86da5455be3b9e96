/**
 * Which documents get certificate findings, and how they are read:
 * - PEM files (language `pem`): the whole file is one bundle, and the uses configs in the
 *   workspace declare for it (server / client certificate) apply.
 * - Documents tlsnet analyses anyway (nginx, Istio YAML, Kea JSON, DHCP configs): the blocks and
 *   values embedded in them, each value its own bundle.
 * - Files tlsnet does not otherwise analyse (plain YAML/JSON, Helm values, .env, Markdown) get
 *   hovers but no findings — a README with an example certificate, or test data, must not light
 *   up — except Kubernetes Secret manifests: their `tls.crt`/`ca.crt`/`tls.key` are what the
 *   cluster deploys, so a broken or expired one is worth a squiggle.
 */
import type { Finding } from '../core/finding';
import type { FileHost } from '../core/host';
import type { Language } from '../core/rule';
import type { Settings } from '../core/settings';
import type { IncludeIndex } from '../nginx/workspace';
import { analyzePem } from './analyze';
import { buildUseIndex, NO_USES, type UseIndex } from './uses';

export interface PemDocumentEnv {
  host: FileHost;
  settings: Settings;
  now?: Date;
  includes?: IncludeIndex;
  uses?: UseIndex;
  onError: (rule: string, e: unknown) => void;
}

const K8S_SECRET = /^kind:[ \t]*["']?Secret\b/m;
const SECRET_KEYS = /^[ \t]+["']?(tls\.crt|tls\.key|ca\.crt)["']?[ \t]*:/m;

/** A Kubernetes Secret manifest holding TLS material, whatever the file is called. */
export function isCertificateManifest(path: string, text: string): boolean {
  return /\.(ya?ml|json)$/i.test(path) && K8S_SECRET.test(text) && SECRET_KEYS.test(text);
}

// A workspace's uses are built once per include index: the adapters rebuild that index when the
// workspace's files change, which is when the uses can change too.
const useIndexes = new WeakMap<IncludeIndex, UseIndex>();

function usesFor(env: PemDocumentEnv): UseIndex {
  if (env.uses) return env.uses;
  if (!env.includes) return NO_USES;
  let u = useIndexes.get(env.includes);
  if (!u) useIndexes.set(env.includes, (u = buildUseIndex(env.host, env.settings)));
  return u;
}

/** Certificate findings for one document, by the policy above; `language` as analyzeDocument decided it. */
export function pemFindings(path: string, text: string, language: Language | undefined, env: PemDocumentEnv): Finding[] {
  const base = { host: env.host, settings: env.settings, now: env.now, onError: env.onError };
  if (language === 'pem') return analyzePem(path, text, { ...base, standalone: true, uses: usesFor(env).usesOf(path) });
  if (language === undefined && !isCertificateManifest(path, text)) return [];
  return analyzePem(path, text, { ...base, standalone: false });
}
