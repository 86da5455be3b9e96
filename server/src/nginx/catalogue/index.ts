/**
 * The TLS directive catalogue: every entry of the module tables, with lookups by name and by the
 * context a directive stands in. One name may have several entries (http, stream and mail
 * `ssl_certificate`); which applies depends on where it stands.
 */
import { atLeast } from '../../core/version';
import { CORE_TLS } from './core';
import { HTTP_SSL, MAIL_SSL, MAIN_SSL, STREAM_SSL } from './server-ssl';
import type { Context, DirectiveSpec } from './types';
import { UPSTREAM_SSL } from './upstream-ssl';
import { SSL_VARIABLES, type VariableSpec } from './variables';

export { docsUrl, ALL_CONTEXTS } from './types';
export type { ArgKind, Context, DirectiveSpec } from './types';
export { LISTEN_PARAMS, type ListenParam } from './core';
export type { VariableSpec } from './variables';

export const CATALOGUE: readonly DirectiveSpec[] = [...MAIN_SSL, ...HTTP_SSL, ...UPSTREAM_SSL, ...STREAM_SSL, ...MAIL_SSL, ...CORE_TLS];

const BY_NAME = new Map<string, DirectiveSpec[]>();
for (const d of CATALOGUE) BY_NAME.set(d.name, [...(BY_NAME.get(d.name) ?? []), d]);

/**
 * Name prefixes nginx reserves for its own TLS directives: a directive with one of these that is
 * not in the catalogue is a typo (or one nginx never had), not a third-party module's.
 */
export const CATALOGUE_PREFIXES: readonly string[] = ['ssl_', 'proxy_ssl_', 'grpc_ssl_', 'uwsgi_ssl_', 'quic_', 'http3_'];

export function isCatalogued(name: string): boolean {
  return BY_NAME.has(name);
}

export function specsNamed(name: string): readonly DirectiveSpec[] {
  return BY_NAME.get(name) ?? [];
}

/** Every catalogued name, once. */
export function catalogueNames(): string[] {
  return [...BY_NAME.keys()];
}

/** The entries of `name` allowed in at least one of `contexts`. */
export function specsIn(name: string, contexts: ReadonlySet<Context>): DirectiveSpec[] {
  return specsNamed(name).filter((d) => d.contexts.some((c) => contexts.has(c)));
}

/** The directive exists in that nginx version: added by then and not yet removed. */
export function knownIn(spec: DirectiveSpec, version: string): boolean {
  if (spec.since && !atLeast(version, spec.since)) return false;
  return !(spec.removed && atLeast(version, spec.removed));
}

const VARS = new Map<string, VariableSpec>(SSL_VARIABLES.map((v) => [v.name, v]));

/** An embedded variable by name (without `$`). */
export function variableNamed(name: string): VariableSpec | undefined {
  return VARS.get(name);
}

export function variables(): readonly VariableSpec[] {
  return SSL_VARIABLES;
}

/**
 * Third-party directives that share nginx's TLS prefixes (OpenResty's `*_by_lua*`, nginx-ct,
 * Tengine NTLS/async, Cloudflare's dynamic record sizing): never reported as unknown.
 */
const THIRD_PARTY = new Set([
  'ssl_ct', 'ssl_ct_static_scts', 'ssl_async', 'ssl_ntls', 'ssl_sign_certificate', 'ssl_sign_certificate_key', 'ssl_enc_certificate', 'ssl_enc_certificate_key',
  'ssl_dyn_rec_enable', 'ssl_dyn_rec_size_hi', 'ssl_dyn_rec_size_lo', 'ssl_dyn_rec_threshold', 'ssl_dyn_rec_timeout', 'proxy_ssl_ntls', 'ssl_ja3', 'ssl_fingerprint',
]);

export function isThirdParty(name: string): boolean {
  return THIRD_PARTY.has(name) || /_by_(lua|njs|perl)/.test(name);
}
