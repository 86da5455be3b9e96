/**
 * The shape of the directive catalogue: what nginx knows about a directive (module, contexts,
 * argument count and kinds, default, versions), as data for rules, hover and completion.
 */

/**
 * Where a directive may stand. `server`, `location` and `if` are the http ones; the stream and
 * mail levels are prefixed, since the same name (`ssl_certificate`) lives in all three modules.
 */
export type Context =
  | 'main'
  | 'http'
  | 'server'
  | 'location'
  | 'if'
  | 'limit_except'
  | 'upstream'
  | 'stream'
  | 'stream-server'
  | 'stream-upstream'
  | 'mail'
  | 'mail-server';

export const ALL_CONTEXTS: readonly Context[] = ['main', 'http', 'server', 'location', 'if', 'limit_except', 'upstream', 'stream', 'stream-server', 'stream-upstream', 'mail', 'mail-server'];

/**
 * How nginx reads the arguments. `flag` is on|off, `enum` one of `values`, `bitmask` each argument
 * one of `values`; `time` seconds (ngx_conf_set_sec_slot), `msec` milliseconds; `size` k/m
 * suffixes; the rest have their own syntax checked in arguments.ts.
 */
export type ArgKind =
  | 'flag'
  | 'enum'
  | 'bitmask'
  | 'time'
  | 'msec'
  | 'size'
  | 'number'
  | 'file'
  | 'string'
  | 'url'
  | 'session-cache'
  | 'ocsp-cache'
  | 'object-cache'
  | 'listen'
  | 'resolver';

export interface DirectiveSpec {
  name: string;
  /** nginx module, e.g. `ngx_http_ssl_module`; the docs page is named after it. */
  module: string;
  contexts: readonly Context[];
  /** As nginx.org writes it, without the trailing `;`. */
  syntax: string;
  /** Argument count; `max` is Infinity for "one or more". */
  min: number;
  max: number;
  kind: ArgKind;
  /** Allowed literal values for `flag`, `enum` and `bitmask` (first argument, or every one for bitmask). */
  values?: readonly string[];
  default?: string;
  /** The nginx version that added it (absent: older than any release that matters). */
  since?: string;
  /** The version from which nginx warns that it is deprecated. */
  deprecated?: string;
  /** The version from which nginx no longer knows it ("unknown directive"). */
  removed?: string;
  /** What to use instead, for deprecated and removed directives. */
  replacement?: string;
  /** nginx accepts it several times at one level (otherwise: "is duplicate"). */
  repeatable?: boolean;
  /** Only in the commercial NGINX Plus build: never reported as unknown or version-gated. */
  commercial?: boolean;
  /** One or two sentences in tlsnet's words. */
  summary: string;
  /** What each literal value means, for hover on the current value. */
  valueHelp?: Readonly<Record<string, string>>;
}

/** The nginx.org page and anchor of a directive. */
export function docsUrl(spec: Pick<DirectiveSpec, 'name' | 'module'>): string {
  const area = spec.module.startsWith('ngx_stream') ? 'stream' : spec.module.startsWith('ngx_mail') ? 'mail' : spec.module === 'ngx_core_module' || spec.module === 'ngx_openssl_module' ? '' : 'http';
  const page = spec.module === 'ngx_openssl_module' ? 'ngx_core_module' : spec.module;
  return `https://nginx.org/en/docs/${area ? `${area}/` : ''}${page}.html#${spec.name}`;
}

export const HTTP_SRV: readonly Context[] = ['http', 'server'];
export const HTTP_LOC: readonly Context[] = ['http', 'server', 'location'];
export const STREAM_SRV: readonly Context[] = ['stream', 'stream-server'];
export const MAIL_SRV: readonly Context[] = ['mail', 'mail-server'];

export const FLAG = ['on', 'off'] as const;

/** Shorthands so the tables stay one entry per directive. */
export function flag(name: string, module: string, contexts: readonly Context[], def: 'on' | 'off', summary: string, extra: Partial<DirectiveSpec> = {}): DirectiveSpec {
  return { name, module, contexts, syntax: `${name} on | off`, min: 1, max: 1, kind: 'flag', values: FLAG, default: def, summary, ...extra };
}

export function one(name: string, module: string, contexts: readonly Context[], kind: ArgKind, param: string, summary: string, extra: Partial<DirectiveSpec> = {}): DirectiveSpec {
  return { name, module, contexts, syntax: `${name} ${param}`, min: 1, max: 1, kind, summary, ...extra };
}
