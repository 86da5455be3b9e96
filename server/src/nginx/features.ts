import type { Span } from '../core/text';
import type { Directive, ParsedFile } from './ast';
import { DIRECTIVES, directiveDocsUrl } from './directives.data';

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

/** Hover on a TLS directive's name: syntax, default, contexts and what it does. */
export function nginxHover(file: ParsedFile, offset: number): HoverResult | undefined {
  const d = directiveAt(file.directives, offset);
  if (!d || offset < d.nameSpan.start || offset > d.nameSpan.end) return undefined;
  const info = DIRECTIVES[d.name];
  if (!info) return undefined;
  const lines = [
    '```nginx',
    info.syntax,
    '```',
    info.summary,
    '',
    `Default: \`${info.default ?? '—'}\` · Context: ${info.contexts.join(', ')} · [nginx docs](${directiveDocsUrl(d.name)})`,
  ];
  return { markdown: lines.join('\n'), span: d.nameSpan };
}

export interface CompletionResult {
  label: string;
  kind: 'directive' | 'value';
  detail?: string;
  documentation?: string;
}

/** Directive names at the start of a statement; fixed values after a known directive. */
export function nginxCompletions(file: ParsedFile, offset: number): CompletionResult[] {
  const text = file.text;
  let i = offset;
  while (i > 0 && /[A-Za-z0-9_]/.test(text[i - 1])) i--;
  let j = i;
  while (j > 0 && (text[j - 1] === ' ' || text[j - 1] === '\t')) j--;
  const before = text[j - 1];
  const atStatementStart = j === 0 || before === '\n' || before === '\r' || before === ';' || before === '{' || before === '}';
  if (atStatementStart) {
    return Object.entries(DIRECTIVES).map(([name, info]) => ({ label: name, kind: 'directive', detail: info.syntax, documentation: info.summary }));
  }
  const lineStart = Math.max(text.lastIndexOf('\n', i - 1), text.lastIndexOf(';', i - 1), text.lastIndexOf('{', i - 1)) + 1;
  const name = text.slice(lineStart, i).trim().split(/\s+/)[0];
  const info = DIRECTIVES[name];
  return (info?.values ?? []).map((v) => ({ label: v, kind: 'value', detail: info!.syntax }));
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
