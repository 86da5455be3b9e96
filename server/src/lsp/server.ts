import { fileURLToPath, pathToFileURL } from 'node:url';
import { sep } from 'node:path';
import {
  CompletionItemKind,
  InsertTextFormat,
  DocumentDiagnosticReportKind,
  FoldingRangeKind,
  LSPErrorCodes,
  ResponseError,
  SymbolKind,
  TextDocuments,
  TextDocumentSyncKind,
  type CancellationToken,
  type CodeAction,
  type Connection,
  type Diagnostic,
  type DocumentSymbol,
  type InitializeParams,
  type InitializeResult,
} from 'vscode-languageserver';
import { TextDocument } from 'vscode-languageserver-textdocument';
import { analyzeDocument, type AnalysisResult } from '../analysis';
import { detectByContent } from '../core/languages';
import type { Language } from '../core/rule';
import { DEFAULT_SETTINGS, normalizeSettings, type Settings } from '../core/settings';
import { LineIndex } from '../core/text';
import { directiveAt, nginxCompletions, nginxHover, nginxSymbols, type SymbolResult } from '../nginx/features';
import { nginxFolding } from '../nginx/folding';
import { nginxPathCompletions } from '../nginx/pathCompletion';
import { hoverFilePath } from '../nginx/fileHover';
import { parseAndExpand, type SharedAnalyses } from '../nginx/analyze';
import { parseNginx } from '../nginx/parser';
import { buildIncludeIndex, type IncludeIndex } from '../nginx/workspace';
import { isCertificateManifest } from '../pem/documents';
import { buildWorkspaceCertificates, type WorkspaceCertificates } from '../pem/workspaceCertificates';
import type { CertificatesForKey } from '../pki/match';
import type { FileHost } from '../core/host';
import { fsHost } from '../node/fsHost';
import { absoluteMappings } from '../node/vscodeSettings';
import { toCodeAction, toDiagnostic, toRange } from './convert';
import { CertificateHovers } from './certificateHover';
import { COMPUTE_ROUTES, DhcpFeatures, isDhcp, type ComputeRoutesParams, type ComputeRoutesResult } from './dhcp';
import { registerViewer } from './viewer';

export interface ServerRuntime {
  /** The URL of a rule's docs page (a file: URL into the installed extension by default). */
  docsUrl(rule: string): string;
}

const KNOWN: ReadonlySet<string> = new Set(['nginx', 'dhcpd', 'cisco-ios', 'dnsmasq', 'mikrotik', 'pem']);

/** The language server: glue between LSP and the analysis core, holding no rule logic. */
export function startServer(connection: Connection, runtime: ServerRuntime): void {
  const documents = new TextDocuments(TextDocument);
  const settingsCache = new Map<string, Promise<Settings>>();
  const analyses = new Map<string, { version: number; result: Promise<AnalysisResult> }>();
  let roots: string[] = [];
  let trusted = true;
  let pull = false;
  let configurationSupport = false;
  let snippetEdits = false;
  let completionSnippets = false;
  const log = (m: string): void => connection.console.error(m);

  const pathOf = (uri: string): string => (uri.startsWith('file:') ? fileURLToPath(uri) : uri);
  const uriOf = (path: string): string => {
    const open = documents.all().find((d) => pathOf(d.uri) === path);
    return open ? open.uri : path.startsWith('/') ? pathToFileURL(path).href : path;
  };

  function languageOf(doc: TextDocument): Language | undefined {
    if (KNOWN.has(doc.languageId)) return doc.languageId as Language;
    const name = pathOf(doc.uri).toLowerCase();
    return detectByContent(name.slice(name.lastIndexOf('/') + 1), doc.getText());
  }

  /** Mapping targets are relative to the file's workspace folder, as `${workspaceFolder}` is. */
  function withFolderPaths(settings: Settings, path: string): Settings {
    const folder = roots.filter((r) => path.startsWith(r.endsWith(sep) ? r : r + sep)).sort((a, b) => b.length - a.length)[0] ?? roots[0];
    if (!folder) return settings;
    return { ...settings, nginx: { ...settings.nginx, pathMappings: absoluteMappings(settings.nginx.pathMappings, folder) as Record<string, string> } };
  }

  function settingsFor(uri: string): Promise<Settings> {
    if (!configurationSupport) return Promise.resolve(DEFAULT_SETTINGS);
    let s = settingsCache.get(uri);
    if (!s) {
      s = connection.workspace
        .getConfiguration({ scopeUri: uri, section: 'tlsnet' })
        .then((raw: unknown) => withFolderPaths(normalizeSettings(raw), pathOf(uri)), () => DEFAULT_SETTINGS);
      settingsCache.set(uri, s);
    }
    return s;
  }

  const certificateHovers = new CertificateHovers();
  const dhcp = new DhcpFeatures(pathOf);

  // Including configs' analyses, shared by the open fragments until the next change.
  let shared: SharedAnalyses = new Map();

  // Which config includes which file: rebuilt when files change on disk or an open document's
  // include lines change (not on every keystroke).
  let includes: { index: IncludeIndex; signature: string } | undefined;
  function includeSignature(): string {
    return documents
      .all()
      .map((d) => `${d.uri}\0${(d.getText().match(/^[ \t]*include[ \t][^;]*;/gm) ?? []).join('\0')}`)
      .join('\n');
  }
  function includeIndex(host: FileHost): IncludeIndex {
    const signature = includeSignature();
    if (!includes || includes.signature !== signature) includes = { index: buildIncludeIndex(host), signature };
    return includes.index;
  }

  // Certificates by public key, for key hovers: built on the first key hover after files change on
  // disk (the document hovered is compared on its own, so its unsaved edits need no rebuild).
  let workspaceCertificates: WorkspaceCertificates | undefined;
  const certificatesForKey: CertificatesForKey = (key, exceptFile) => (workspaceCertificates ??= buildWorkspaceCertificates(hostFor())).forKey(key, exceptFile);
  function workspaceChanged(): void {
    includes = undefined;
    workspaceCertificates = undefined;
  }

  /** The file system as the core sees it: open documents over the disk, confined in Restricted Mode. */
  function hostFor(): FileHost {
    return fsHost({ roots, confineToRoots: !trusted, overlay: (p) => documents.all().find((d) => pathOf(d.uri) === p)?.getText() });
  }

  function analyze(doc: TextDocument): Promise<AnalysisResult> {
    const cached = analyses.get(doc.uri);
    if (cached && cached.version === doc.version) return cached.result;
    // Every document is synced (certificate hovers work in any file); only known languages and
    // Kubernetes Secrets holding TLS material are linted (see pem/documents.ts).
    const language = languageOf(doc);
    if (!language && !isCertificateManifest(pathOf(doc.uri), doc.getText())) return Promise.resolve({ findings: [] });
    const result = settingsFor(doc.uri).then((settings) => {
      const host = hostFor();
      return analyzeDocument({ path: pathOf(doc.uri), text: doc.getText(), language }, { host, settings, log, includes: includeIndex(host), shared, focus: true });
    });
    analyses.set(doc.uri, { version: doc.version, result });
    return result;
  }

  async function diagnosticsFor(doc: TextDocument): Promise<Diagnostic[]> {
    const { findings } = await analyze(doc);
    const path = pathOf(doc.uri);
    const index = new LineIndex(doc.getText());
    return findings.filter((f) => f.file === path).map((f) => toDiagnostic(f, index, runtime.docsUrl));
  }

  /** Runs a handler so that an exception is logged, never fatal, and cancellation is honoured. */
  async function runSafe<T>(name: string, token: CancellationToken | undefined, fallback: T, fn: () => Promise<T> | T): Promise<T | ResponseError<never>> {
    if (token?.isCancellationRequested) return new ResponseError<never>(LSPErrorCodes.RequestCancelled, 'cancelled');
    try {
      const r = await fn();
      if (token?.isCancellationRequested) return new ResponseError<never>(LSPErrorCodes.RequestCancelled, 'cancelled');
      return r;
    } catch (e) {
      log(`${name} failed: ${e instanceof Error ? e.stack ?? e.message : String(e)}`);
      return fallback;
    }
  }

  // Push mode: re-check every open document (includes make files depend on each other).
  let pending: ReturnType<typeof setTimeout> | undefined;
  function revalidate(): void {
    analyses.clear();
    shared = new Map();
    if (pull) {
      connection.languages.diagnostics.refresh().catch(() => undefined);
      return;
    }
    if (pending) clearTimeout(pending);
    pending = setTimeout(() => {
      pending = undefined;
      for (const doc of documents.all()) {
        void runSafe('diagnostics', undefined, undefined, async () => {
          const diagnostics = await diagnosticsFor(doc);
          if (documents.get(doc.uri)?.version === doc.version) await connection.sendDiagnostics({ uri: doc.uri, version: doc.version, diagnostics });
        });
      }
    }, 100);
  }

  connection.onInitialize((params: InitializeParams): InitializeResult => {
    const caps = params.capabilities;
    pull = !!caps.textDocument?.diagnostic;
    configurationSupport = !!caps.workspace?.configuration;
    snippetEdits = !!caps.workspace?.workspaceEdit?.snippetEditSupport;
    completionSnippets = !!caps.textDocument?.completion?.completionItem?.snippetSupport;
    const opts = (params.initializationOptions ?? {}) as { trusted?: boolean };
    trusted = opts.trusted !== false;
    const folders = params.workspaceFolders?.map((f) => f.uri) ?? (params.rootUri ? [params.rootUri] : []);
    roots = folders.filter((u) => u.startsWith('file:')).map((u) => fileURLToPath(u));
    return {
      capabilities: {
        textDocumentSync: TextDocumentSyncKind.Incremental,
        hoverProvider: true,
        codeActionProvider: { codeActionKinds: ['quickfix', 'refactor.rewrite'] },
        codeLensProvider: { resolveProvider: false },
        completionProvider: { triggerCharacters: [' ', '/'] },
        documentSymbolProvider: true,
        foldingRangeProvider: true,
        diagnosticProvider: pull ? { interFileDependencies: true, workspaceDiagnostics: false } : undefined,
        workspace: { workspaceFolders: { supported: true, changeNotifications: true } },
      },
      serverInfo: { name: 'tlsnet', version: '0.1.0' },
    };
  });

  connection.onDidChangeConfiguration(() => {
    settingsCache.clear();
    workspaceChanged();
    revalidate();
  });
  connection.onDidChangeWatchedFiles(() => {
    workspaceChanged();
    revalidate();
  });
  connection.onNotification('tlsnet/trustChanged', (p: { trusted?: boolean }) => {
    trusted = p?.trusted !== false;
    workspaceChanged();
    revalidate();
  });

  documents.onDidChangeContent(() => revalidate());
  documents.onDidClose((e) => {
    analyses.delete(e.document.uri);
    settingsCache.delete(e.document.uri);
    certificateHovers.forget(e.document.uri);
    dhcp.forget(e.document.uri);
    if (!pull) void connection.sendDiagnostics({ uri: e.document.uri, diagnostics: [] });
  });

  connection.languages.diagnostics.on(async (params, token) =>
    runSafe('diagnostics', token, { kind: DocumentDiagnosticReportKind.Full, items: [] }, async () => {
      const doc = documents.get(params.textDocument.uri);
      return { kind: DocumentDiagnosticReportKind.Full, items: doc ? await diagnosticsFor(doc) : [] };
    }),
  );

  connection.onHover((params, token) =>
    runSafe('hover', token, null, async () => {
      const doc = documents.get(params.textDocument.uri);
      if (!doc) return null;
      const path = pathOf(doc.uri);
      const offset = doc.offsetAt(params.position);
      const index = new LineIndex(doc.getText());
      // A certificate or key written in the document (any language), or a path to one outside nginx.
      const language = languageOf(doc);
      const nginx = language === 'nginx';
      const settings = await settingsFor(doc.uri);
      const forKey: CertificatesForKey = (key, exceptFile) => certificatesForKey(key, exceptFile ?? path);
      const cert = certificateHovers.hover({ uri: doc.uri, version: doc.version, text: doc.getText(), path, offset, settings, host: hostFor, paths: !nginx, certificatesForKey: forKey });
      if (cert) return { contents: { kind: 'markdown', value: cert.markdown }, range: toRange(index, cert.span) };
      if (isDhcp(language)) return dhcp.hover(doc, language, params.position, settings);
      if (!nginx) return null;
      // A certificate, key or CA path: the decoded file (never key material).
      const parsed = parseNginx(doc.getText(), path);
      const arg = directiveAt(parsed.directives, offset)?.args.find((a) => a.span.start <= offset && offset <= a.span.end);
      if (arg) {
        const host = hostFor();
        // In a fragment, relative paths resolve as in the config that includes it.
        const includer = includeIndex(host).includerOf(path);
        const includerText = includer !== undefined ? host.readFile(includer) : undefined;
        const whole = includer !== undefined && includerText !== undefined ? parseAndExpand(includer, includerText, host).config : undefined;
        const config = whole?.files.has(path) ? whole : parseAndExpand(path, doc.getText(), host).config;
        const file = hoverFilePath({ config, host, settings, now: new Date(), certificatesForKey: forKey }, path, offset);
        if (file) return { contents: { kind: 'markdown', value: file }, range: toRange(index, arg.span) };
      }
      const h = nginxHover(parsed, offset);
      if (!h) return null;
      return { contents: { kind: 'markdown', value: h.markdown }, range: toRange(index, h.span) };
    }),
  );

  connection.onCompletion((params, token) =>
    runSafe('completion', token, [], async () => {
      const doc = documents.get(params.textDocument.uri);
      if (!doc || languageOf(doc) !== 'nginx') return [];
      const path = pathOf(doc.uri);
      const parsed = parseNginx(doc.getText(), path);
      const offset = doc.offsetAt(params.position);
      const host = hostFor();
      const paths = nginxPathCompletions(parsed, offset, host, await settingsFor(doc.uri), includeIndex(host).includerOf(path) ?? path);
      if (paths.length) {
        const index = new LineIndex(doc.getText());
        return paths.map((c) => ({
          label: c.label,
          kind: c.kind === 'folder' ? CompletionItemKind.Folder : CompletionItemKind.File,
          textEdit: { range: toRange(index, c.replace), newText: c.label },
          // Keep completing into a folder.
          ...(c.kind === 'folder' ? { command: { title: 'Suggest', command: 'editor.action.triggerSuggest' } } : {}),
        }));
      }
      return nginxCompletions(parsed, offset).map((c) => ({
        label: c.label,
        kind: c.kind === 'directive' ? CompletionItemKind.Property : CompletionItemKind.EnumMember,
        detail: c.detail,
        documentation: c.documentation ? { kind: 'markdown' as const, value: c.documentation } : undefined,
        ...(c.insertText && completionSnippets ? { insertText: c.insertText, insertTextFormat: InsertTextFormat.Snippet } : {}),
      }));
    }),
  );

  connection.onDocumentSymbol((params, token) =>
    runSafe('symbols', token, [], () => {
      const doc = documents.get(params.textDocument.uri);
      if (!doc || languageOf(doc) !== 'nginx') return [];
      const index = new LineIndex(doc.getText());
      const kinds = { namespace: SymbolKind.Namespace, module: SymbolKind.Module, class: SymbolKind.Class, field: SymbolKind.Field };
      const path = pathOf(doc.uri);
      const convert = (s: SymbolResult): DocumentSymbol => ({
        name: s.name,
        detail: s.detail,
        kind: kinds[s.kind],
        range: toRange(index, s.span),
        selectionRange: toRange(index, s.selection),
        children: s.children.map(convert),
      });
      return nginxSymbols(parseNginx(doc.getText(), path).directives).map(convert);
    }),
  );

  connection.onFoldingRanges((params, token) =>
    runSafe('folding', token, [], () => {
      const doc = documents.get(params.textDocument.uri);
      if (!doc || languageOf(doc) !== 'nginx') return [];
      return nginxFolding(parseNginx(doc.getText(), pathOf(doc.uri))).map((r) => ({ startLine: r.startLine, endLine: r.endLine, ...(r.kind ? { kind: FoldingRangeKind.Comment } : {}) }));
    }),
  );

  connection.onCodeAction((params, token) =>
    runSafe('codeAction', token, [], async () => {
      const doc = documents.get(params.textDocument.uri);
      if (!doc) return [];
      const { findings } = await analyze(doc);
      const path = pathOf(doc.uri);
      const index = new LineIndex(doc.getText());
      const out: CodeAction[] = [];
      const language = languageOf(doc);
      const only = params.context.only;
      if (isDhcp(language) && (!only || only.some((k) => 'refactor.rewrite'.startsWith(k)))) out.push(...dhcp.refactors(doc, language, params.range, await settingsFor(doc.uri)));
      if (only && !only.some((k) => 'quickfix'.startsWith(k))) return out;
      const wanted = params.context.diagnostics.filter((d) => d.source === 'tlsnet');
      for (const f of findings) {
        if (f.file !== path || !f.fixes?.length) continue;
        const diagnostic = toDiagnostic(f, index, runtime.docsUrl);
        // Match by rule id and range, never by message text.
        const hit = wanted.find((d) => d.code === f.rule && d.range.start.line === diagnostic.range.start.line);
        const inRange = index.offsetAt(params.range.start) <= f.span.end && index.offsetAt(params.range.end) >= f.span.start;
        if (!hit && !inRange) continue;
        for (const fix of f.fixes) {
          const action = toCodeAction(fix, hit ?? diagnostic, (file) => target(file), snippetEdits);
          if (action) out.push(action);
        }
      }
      return out;
    }),
  );

  connection.onCodeLens((params, token) =>
    runSafe('codeLens', token, [], () => {
      const doc = documents.get(params.textDocument.uri);
      const language = doc && languageOf(doc);
      return doc && isDhcp(language) ? dhcp.lenses(doc, language) : [];
    }),
  );

  // The "Compute classless static routes" command: routes typed by the user, written in the document's dialect.
  connection.onRequest(COMPUTE_ROUTES, (params: ComputeRoutesParams, token) =>
    runSafe<ComputeRoutesResult>(COMPUTE_ROUTES, token, { errors: [{ line: 1, message: 'the routes could not be computed (see the tlsnet output)' }], spellings: {} }, async () => {
      const doc = typeof params?.uri === 'string' ? documents.get(params.uri) : undefined;
      const language = doc && languageOf(doc);
      const settings = doc ? await settingsFor(doc.uri) : DEFAULT_SETTINGS;
      return dhcp.compute(params ?? { input: '' }, doc, isDhcp(language) ? language : undefined, settings);
    }),
  );

  function target(file: string): { uri: string; index: LineIndex; version: number | null } | undefined {
    const uri = uriOf(file);
    const open = documents.get(uri);
    if (open) return { uri, index: new LineIndex(open.getText()), version: open.version };
    const text = fsHost({ roots, confineToRoots: !trusted }).readFile(file);
    return text === undefined ? undefined : { uri, index: new LineIndex(text), version: null };
  }

  registerViewer(connection, { host: hostFor, settings: settingsFor, log, certificatesForKey });
  documents.listen(connection);
  connection.listen();
}
