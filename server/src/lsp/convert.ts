import {
  CodeActionKind,
  DiagnosticSeverity,
  type CodeAction,
  type Diagnostic,
  type Range,
  type SnippetTextEdit,
  type TextEdit,
  type WorkspaceEdit,
} from 'vscode-languageserver';
import type { Edit, Finding, Fix, Severity } from '../core/finding';
import type { LineIndex, Span } from '../core/text';

const SEVERITY: Record<Severity, DiagnosticSeverity> = {
  error: DiagnosticSeverity.Error,
  warning: DiagnosticSeverity.Warning,
  info: DiagnosticSeverity.Information,
  hint: DiagnosticSeverity.Hint,
};

export function toRange(index: LineIndex, span: Span): Range {
  return { start: index.positionAt(span.start), end: index.positionAt(span.end) };
}

/** Finding → Diagnostic: source tlsnet, code = rule id, codeDescription = the rule's docs page. */
export function toDiagnostic(f: Finding, index: LineIndex, docsUrl: (rule: string) => string): Diagnostic {
  return {
    range: toRange(index, f.span),
    severity: SEVERITY[f.severity],
    source: 'tlsnet',
    code: f.rule,
    codeDescription: { href: docsUrl(f.rule) },
    message: f.message,
  };
}

export interface EditTarget {
  uri: string;
  index: LineIndex;
  /** The version of an open document, so the client refuses the edit if the text moved on. */
  version: number | null;
}

/** A quick fix as a CodeAction; snippet edits become SnippetTextEdits when the client takes them. */
export function toCodeAction(fix: Fix, diagnostic: Diagnostic, target: (file: string) => EditTarget | undefined, snippets: boolean): CodeAction | undefined {
  const byUri = new Map<string, { t: EditTarget; edits: Edit[] }>();
  for (const e of fix.edits) {
    const t = target(e.file);
    if (!t) return undefined;
    const entry = byUri.get(t.uri) ?? { t, edits: [] };
    entry.edits.push(e);
    byUri.set(t.uri, entry);
  }
  const documentChanges: WorkspaceEdit['documentChanges'] = [];
  for (const { t, edits } of byUri.values()) {
    documentChanges.push({
      textDocument: { uri: t.uri, version: t.version },
      edits: edits.map((e): TextEdit | SnippetTextEdit => {
        const range = toRange(t.index, e.span);
        if (e.snippet && snippets) return { range, snippet: { kind: 'snippet', value: forSnippetIndentation(e.newText, t.index, e.span.start) } };
        return { range, newText: e.snippet ? snippetToText(e.newText) : e.newText };
      }),
    });
  }
  return { title: fix.title, kind: CodeActionKind.QuickFix, diagnostics: [diagnostic], isPreferred: fix.preferred, edit: { documentChanges } };
}

/**
 * VS Code inserts a snippet the way it inserts a typed one: every line after the first gets the
 * leading whitespace of the text before the insertion point. Our edits carry their own
 * indentation, so that prefix comes off first — otherwise a fix inserted after an indented line
 * would be indented twice.
 */
export function forSnippetIndentation(snippet: string, index: LineIndex, offset: number): string {
  const line = index.positionAt(offset).line;
  const before = index.text.slice(index.lineStart(line), offset);
  const lead = /^[ \t]*/.exec(before)?.[0] ?? '';
  if (!lead || !snippet.includes('\n')) return snippet;
  return snippet.replace(/(\r?\n)([ \t]*)/g, (m, eol: string, ws: string) => (ws.startsWith(lead) ? eol + ws.slice(lead.length) : m));
}

/** The text a snippet inserts when every placeholder keeps its default. */
export function snippetToText(snippet: string): string {
  let out = '';
  for (let i = 0; i < snippet.length; i++) {
    const c = snippet[i];
    if (c === '\\' && i + 1 < snippet.length) {
      out += snippet[++i];
    } else if (c === '$' && snippet[i + 1] === '{') {
      const m = /^\$\{\d+:?/.exec(snippet.slice(i));
      if (!m) {
        out += c;
        continue;
      }
      let depth = 1;
      let j = i + m[0].length;
      let body = '';
      while (j < snippet.length && depth > 0) {
        if (snippet[j] === '\\') body += snippet[++j];
        else if (snippet[j] === '}' && --depth === 0) break;
        else {
          if (snippet[j] === '{') depth++;
          body += snippet[j];
        }
        j++;
      }
      out += body;
      i = j;
    } else if (c === '$' && /\d/.test(snippet[i + 1] ?? '')) {
      while (/\d/.test(snippet[i + 1] ?? '')) i++;
    } else out += c;
  }
  return out;
}
