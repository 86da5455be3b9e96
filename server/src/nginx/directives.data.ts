/**
 * The directive view hover and older callers use: one entry per directive name, built from the
 * catalogue (server/src/nginx/catalogue). The http module's entry wins where a name exists in
 * several modules; `contexts` lists every context of every module that has it.
 */
import { catalogueNames, docsUrl, specsNamed, type Context } from './catalogue';

export interface DirectiveInfo {
  syntax: string;
  default?: string;
  contexts: string[];
  summary: string;
  /** Allowed literal values of the first argument, when they are a fixed set. */
  values?: string[];
  module: string;
}

/** Context names as nginx.org prints them (`stream-server` is the `server` inside `stream`). */
export function contextLabel(c: Context): string {
  return c === 'stream-server' || c === 'mail-server' ? `server (${c.slice(0, -'-server'.length)})` : c === 'stream-upstream' ? 'upstream (stream)' : c;
}

function build(): Record<string, DirectiveInfo> {
  const out: Record<string, DirectiveInfo> = {};
  for (const name of catalogueNames()) {
    const specs = specsNamed(name);
    const first = specs[0];
    const contexts = [...new Set(specs.flatMap((s) => s.contexts.map(contextLabel)))];
    out[name] = { syntax: `${first.syntax};`, default: first.default, contexts, summary: first.summary, values: first.values ? [...first.values] : undefined, module: first.module };
  }
  return out;
}

export const DIRECTIVES: Record<string, DirectiveInfo> = build();

export function directiveDocsUrl(name: string): string {
  const spec = specsNamed(name)[0];
  return spec ? docsUrl(spec) : 'https://nginx.org/en/docs/dirindex.html';
}
