/**
 * LSP glue for the DHCP dialects: hover, code lenses, refactorings and the `tlsnet/computeRoutes`
 * request, over the pure features in dhcp/. Parses each open document once per version.
 */
import { CodeActionKind, type CodeAction, type CodeLens, type Hover, type Position, type WorkspaceEdit } from 'vscode-languageserver';
import type { TextDocument } from 'vscode-languageserver-textdocument';
import type { Edit } from '../core/finding';
import { MAX_ANALYZED_BYTES } from '../core/limits';
import type { Language } from '../core/rule';
import type { Settings } from '../core/settings';
import { LineIndex, type Span } from '../core/text';
import { dhcpRefactors } from '../dhcp/actions';
import { computeRoutes, suggestedRoutes } from '../dhcp/compute';
import { dhcpHover } from '../dhcp/hover';
import { dhcpLenses } from '../dhcp/lens';
import type { DhcpDialect, DhcpFile } from '../dhcp/model';
import { parseDhcp } from '../dhcp/parse';
import type { RouteFormat } from '../dhcp/route121';
import { toRange } from './convert';

export const COMPUTE_ROUTES = 'tlsnet/computeRoutes';

export interface ComputeRoutesParams {
  /** The document to write into; without it only the spellings are computed. */
  uri?: string;
  position?: Position;
  /** Routes, one per line or separated by `;`. Empty asks only for `suggestion`. */
  input: string;
}

export interface ComputeRoutesResult {
  /** Problems with the input, `line` being the 1-based route. */
  errors: Array<{ line: number; message: string }>;
  /** Writes the routes into the document in its dialect; absent when it is no DHCP config. */
  edit?: WorkspaceEdit;
  spellings: Partial<Record<RouteFormat, string>>;
  /** What the input box should start with: the pool's routes, or the default route via its router. */
  suggestion?: string;
  /** The document's dialect, when it is a DHCP config. */
  dialect?: DhcpDialect;
}

const DIALECTS: ReadonlySet<string> = new Set<DhcpDialect>(['dhcpd', 'cisco-ios', 'kea', 'dnsmasq', 'mikrotik']);

export function isDhcp(language: Language | undefined): language is DhcpDialect {
  return language !== undefined && DIALECTS.has(language);
}

export class DhcpFeatures {
  private readonly parsed = new Map<string, { version: number; file: DhcpFile }>();

  constructor(private readonly pathOf: (uri: string) => string) {}

  /** The parsed document; undefined above the analysis limit, where the linter does not go either. */
  private fileOf(doc: TextDocument, dialect: DhcpDialect): DhcpFile | undefined {
    if (doc.getText().length > MAX_ANALYZED_BYTES) return undefined;
    const cached = this.parsed.get(doc.uri);
    if (cached && cached.version === doc.version && cached.file.dialect === dialect) return cached.file;
    const file = parseDhcp(dialect, this.pathOf(doc.uri), doc.getText());
    this.parsed.set(doc.uri, { version: doc.version, file });
    return file;
  }

  forget(uri: string): void {
    this.parsed.delete(uri);
  }

  hover(doc: TextDocument, dialect: DhcpDialect, position: Position, settings: Settings): Hover | null {
    const file = this.fileOf(doc, dialect);
    const h = file && dhcpHover(file, doc.offsetAt(position), settings);
    return file && h ? { contents: { kind: 'markdown', value: h.markdown }, range: toRange(new LineIndex(file.text), h.span) } : null;
  }

  /** Lenses show text only: their command does nothing when clicked. */
  lenses(doc: TextDocument, dialect: DhcpDialect): CodeLens[] {
    const file = this.fileOf(doc, dialect);
    if (!file) return [];
    const index = new LineIndex(file.text);
    return dhcpLenses(file).map((l) => ({ range: toRange(index, l.span), command: { title: l.title, command: '' } }));
  }

  refactors(doc: TextDocument, dialect: DhcpDialect, range: { start: Position; end: Position }, settings: Settings): CodeAction[] {
    const file = this.fileOf(doc, dialect);
    if (!file) return [];
    const span: Span = { start: doc.offsetAt(range.start), end: doc.offsetAt(range.end) };
    return dhcpRefactors(file, span, settings).map((r) => ({
      title: r.title,
      kind: CodeActionKind.RefactorRewrite,
      ...(r.preferred ? { isPreferred: true } : {}),
      edit: workspaceEdit(doc, r.edits),
    }));
  }

  compute(params: ComputeRoutesParams, doc: TextDocument | undefined, dialect: DhcpDialect | undefined, settings: Settings): ComputeRoutesResult {
    const input = typeof params.input === 'string' ? params.input : '';
    const file = doc && dialect ? this.fileOf(doc, dialect) : undefined;
    const offset = doc && params.position ? doc.offsetAt(params.position) : 0;
    if (!input.trim()) return { errors: [], spellings: {}, ...(file ? { suggestion: suggestedRoutes(file, offset), dialect } : {}) };
    const r = computeRoutes(input, settings, file && doc ? { file, offset } : undefined);
    return {
      errors: r.errors,
      spellings: r.spellings,
      ...(doc && r.edits?.length ? { edit: workspaceEdit(doc, r.edits) } : {}),
      ...(file ? { dialect } : {}),
    };
  }
}

/** Edits in one open document, versioned so the client refuses them if the text moved on. */
function workspaceEdit(doc: TextDocument, edits: readonly Edit[]): WorkspaceEdit {
  const index = new LineIndex(doc.getText());
  return { documentChanges: [{ textDocument: { uri: doc.uri, version: doc.version }, edits: edits.map((e) => ({ range: toRange(index, e.span), newText: e.newText })) }] };
}
