import type { Span } from '../core/text';
import type { Arg, Directive, ParsedFile } from './ast';
import { catalogueNames, docsUrl, specsIn, specsNamed, variableNamed, type Context, type DirectiveSpec } from './catalogue';
import { innerContexts, rootContexts } from './contexts';
import { contextLabel } from './directives.data';

/** The innermost directive whose span holds `offset`, searching blocks depth-first. */
export function directiveAt(list: Directive[], offset: number): Directive | undefined {
  for (const d of list) {
    if (offset < d.span.start || offset > d.span.end) continue;
    if (d.block && !d.raw) {
      const inner = directiveAt(d.block.children, offset);
      if (inner) return inner;
    }
    return d;
  }
  return undefined;
}

export interface HoverResult {
  markdown: string;
  span: Span;
}

const fmtContexts = (specs: readonly DirectiveSpec[]): string => [...new Set(specs.flatMap((s) => s.contexts.map(contextLabel)))].join(', ');

/** What the directive's current value means, where the catalogue or the value itself says. */
function valueMeaning(spec: DirectiveSpec, d: Directive): string | undefined {
  const value = d.args[0]?.value;
  if (value === undefined) return undefined;
  if (spec.name.endsWith('verify_depth') && /^\d+$/.test(value)) {
    const n = Number(value);
    const whose = spec.name.startsWith('ssl_') ? 'client' : 'upstream';
    if (n === 0) return `Depth 0: only a ${whose} certificate that is itself in the trusted list is accepted.`;
    if (n === 1) return `Depth 1: the ${whose} certificate must be issued directly by a CA in the list; a chain through an intermediate CA fails.`;
    return `Depth ${n}: up to ${n - 1} intermediate CA${n - 1 > 1 ? 's' : ''} may stand between the ${whose} certificate and a CA in the list.`;
  }
  if (spec.kind === 'bitmask' && spec.valueHelp) {
    return d.args.map((a) => `\`${a.value}\`: ${spec.valueHelp?.[a.value] ?? 'unknown value'}`).join(' ');
  }
  const help = spec.valueHelp?.[value.toLowerCase()];
  if (help) return `\`${value}\`: ${help}`;
  if (spec.kind === 'flag' && spec.default && value.toLowerCase() === spec.default) return `\`${value}\` is the default.`;
  return undefined;
}

function directiveHover(d: Directive, specs: readonly DirectiveSpec[]): string {
  const spec = specs[0];
  const versions = [spec.since ? `since ${spec.since}` : '', spec.deprecated ? `deprecated in ${spec.deprecated}` : '', spec.removed ? `removed in ${spec.removed}` : '', spec.commercial ? 'NGINX Plus only' : ''].filter(Boolean).join(' · ');
  const meaning = valueMeaning(spec, d);
  return [
    '```nginx',
    `${spec.syntax};`,
    '```',
    spec.summary,
    ...(meaning ? ['', `**Here:** ${meaning}`] : []),
    '',
    `Default: \`${spec.default ?? '—'}\` · Context: ${fmtContexts(specs)}${versions ? ` · ${versions}` : ''} · [nginx docs](${docsUrl(spec)})`,
  ].join('\n');
}

/** The `$name` or `${name}` under `offset` inside an argument, if any. */
function variableAt(arg: Arg, text: string, offset: number): { name: string; span: Span } | undefined {
  const raw = text.slice(arg.span.start, arg.span.end);
  const re = /\$(?:\{([A-Za-z0-9_]+)\}|([A-Za-z0-9_]+))/g;
  for (let m = re.exec(raw); m; m = re.exec(raw)) {
    const start = arg.span.start + m.index;
    const end = start + m[0].length;
    if (offset >= start && offset <= end) return { name: m[1] ?? m[2], span: { start, end } };
  }
  return undefined;
}

/** The specs that apply to `d` where it stands in `file`, or every spec of the name if none fits. */
function specsHere(file: ParsedFile, d: Directive): readonly DirectiveSpec[] {
  const contexts = contextsOf(file.directives, d.span.start);
  const here = specsIn(d.name, contexts);
  return here.length ? here : specsNamed(d.name);
}

/** Hover on a TLS directive's name (syntax, default, contexts, versions, what its value means) or on a `$ssl_*` variable. */
export function nginxHover(file: ParsedFile, offset: number): HoverResult | undefined {
  const d = directiveAt(file.directives, offset);
  if (!d) return undefined;
  if (offset >= d.nameSpan.start && offset <= d.nameSpan.end) {
    const specs = specsHere(file, d);
    return specs.length ? { markdown: directiveHover(d, specs), span: d.nameSpan } : undefined;
  }
  const arg = d.args.find((a) => offset >= a.span.start && offset <= a.span.end);
  const v = arg && variableAt(arg, file.text, offset);
  const info = v && variableNamed(v.name);
  if (!v || !info) return undefined;
  const where = info.in.length === 2 ? 'http and stream' : info.in[0];
  return { markdown: [`\`$${info.name}\` — ${info.holds}`, '', `Embedded variable (${where})${info.since ? ` · since ${info.since}` : ''}`].join('\n'), span: v.span };
}

export interface CompletionResult {
  label: string;
  kind: 'directive' | 'value';
  detail?: string;
  documentation?: string;
  /** An LSP snippet (`${1|on,off|}` choices, `${1:file}` placeholders) to insert instead of the label. */
  insertText?: string;
}

/** The contexts of the position `offset`: from the file's top level through every block that holds it. */
export function contextsOf(top: Directive[], offset: number): ReadonlySet<Context> {
  let contexts = rootContexts(top);
  let level = top;
  for (;;) {
    const block = level.find((d) => d.block && !d.raw && offset > d.block.open && (d.block.close === undefined || offset < d.block.close));
    if (!block?.block) return contexts;
    contexts = innerContexts(contexts, block.name);
    level = block.block.children;
  }
}

function snippetOf(spec: DirectiveSpec): string {
  if (spec.values && (spec.kind === 'flag' || spec.kind === 'enum')) return `${spec.name} \${1|${spec.values.join(',')}|};`;
  const param = spec.syntax.slice(spec.name.length).trim().split(/\s+/)[0]?.replace(/[[\]|]/g, '') || 'value';
  return `${spec.name} \${1:${param.replace(/[$}\\]/g, '')}};`;
}

/** Directive names valid where the cursor is, at the start of a statement; fixed values after a known directive. */
export function nginxCompletions(file: ParsedFile, offset: number): CompletionResult[] {
  const text = file.text;
  let i = offset;
  while (i > 0 && /[A-Za-z0-9_]/.test(text[i - 1])) i--;
  let j = i;
  while (j > 0 && (text[j - 1] === ' ' || text[j - 1] === '\t')) j--;
  const before = text[j - 1];
  const atStatementStart = j === 0 || before === '\n' || before === '\r' || before === ';' || before === '{' || before === '}';
  const contexts = contextsOf(file.directives, offset);
  if (atStatementStart) {
    const out: CompletionResult[] = [];
    for (const name of catalogueNames()) {
      const spec = specsIn(name, contexts)[0];
      if (!spec || spec.removed) continue;
      out.push({ label: name, kind: 'directive', detail: `${spec.syntax};`, documentation: spec.summary, insertText: snippetOf(spec) });
    }
    return out;
  }
  const lineStart = Math.max(text.lastIndexOf('\n', i - 1), text.lastIndexOf(';', i - 1), text.lastIndexOf('{', i - 1)) + 1;
  const words = text.slice(lineStart, i).trim().split(/\s+/);
  const spec = specsIn(words[0], contexts)[0] ?? specsNamed(words[0])[0];
  if (!spec?.values || (words.length > 1 && spec.kind !== 'bitmask')) return [];
  return spec.values.map((v) => ({ label: v, kind: 'value', detail: `${spec.syntax};`, documentation: spec.valueHelp?.[v] }));
}

export interface SymbolResult {
  name: string;
  detail: string;
  kind: 'namespace' | 'module' | 'class' | 'field';
  span: Span;
  selection: Span;
  children: SymbolResult[];
}

/** An outline of blocks: http, stream, server (named by server_name and listen), location, upstream. */
export function nginxSymbols(list: Directive[]): SymbolResult[] {
  const out: SymbolResult[] = [];
  for (const d of list) {
    if (!d.block || d.raw) continue;
    const args = d.args.map((a) => a.value).join(' ');
    let name = args ? `${d.name} ${args}` : d.name;
    if (d.name === 'server') {
      const names = d.block.children.find((c) => c.name === 'server_name')?.args.map((a) => a.value).join(' ');
      const listen = d.block.children.filter((c) => c.name === 'listen').map((c) => c.args.map((a) => a.value).join(' '));
      name = `server ${names || '_'}`;
      out.push({ name, detail: listen.join(', '), kind: 'class', span: d.span, selection: d.nameSpan, children: nginxSymbols(d.block.children) });
      continue;
    }
    const kind = d.name === 'http' || d.name === 'stream' || d.name === 'events' ? 'namespace' : d.name === 'location' ? 'field' : 'module';
    out.push({ name, detail: '', kind, span: d.span, selection: d.nameSpan, children: nginxSymbols(d.block.children) });
  }
  return out;
}
