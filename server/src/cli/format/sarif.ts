import type { RuleMeta } from '../../core/rule';
import type { Severity } from '../../core/finding';
import type { LintResult } from '../lint';

const LEVEL: Record<Severity, 'error' | 'warning' | 'note'> = { error: 'error', warning: 'warning', info: 'note', hint: 'note' };

export interface SarifOptions {
  version: string;
  rules: readonly RuleMeta[];
  /** The docs page's Markdown for a rule, shown by code scanning as the rule's help. */
  docs: (rule: string) => string | undefined;
  /** Where docs pages are published, if anywhere; becomes each rule's helpUri. */
  docsBaseUrl?: string;
  /** The directory relative paths are taken from (%SRCROOT%): the working directory. */
  root: string;
  relative: (from: string, to: string) => string;
}

/** SARIF 2.1.0, as GitHub code scanning accepts it: relative URIs against %SRCROOT%, UTF-16 columns. */
export function formatSarif(r: LintResult, o: SarifOptions): string {
  const ruleIndex = new Map(o.rules.map((m, i) => [m.id, i]));
  const sarif = {
    $schema: 'https://json.schemastore.org/sarif-2.1.0.json',
    version: '2.1.0',
    runs: [
      {
        tool: {
          driver: {
            name: 'tlsnet',
            version: o.version,
            semanticVersion: o.version,
            rules: o.rules.map((m) => {
              const md = o.docs(m.id);
              return {
                id: m.id,
                name: m.id.split('/')[1].replace(/(^|-)([a-z0-9])/g, (_s, _d, c: string) => c.toUpperCase()),
                shortDescription: { text: m.description.replace(/`/g, '') },
                fullDescription: { text: m.description.replace(/`/g, '') },
                ...(md ? { help: { text: md, markdown: md } } : {}),
                ...(o.docsBaseUrl ? { helpUri: `${o.docsBaseUrl.replace(/\/$/, '')}/${m.id}.md` } : {}),
                defaultConfiguration: { level: LEVEL[m.severity] },
                properties: { tags: [m.language, 'tls'], precision: 'high', citation: m.citation },
              };
            }),
          },
        },
        columnKind: 'utf16CodeUnits',
        originalUriBaseIds: { '%SRCROOT%': { description: { text: 'The directory tlsnet was run from.' } } },
        results: r.findings.map((f, i) => ({
          ruleId: f.rule,
          ...(ruleIndex.has(f.rule) ? { ruleIndex: ruleIndex.get(f.rule) } : {}),
          level: LEVEL[f.severity],
          message: { text: f.message },
          locations: [
            {
              physicalLocation: {
                artifactLocation: artifact(r.absolutePaths[i], o),
                region: { startLine: f.line, startColumn: f.column, endLine: f.endLine, endColumn: f.endColumn },
              },
            },
          ],
        })),
      },
    ],
  };
  return JSON.stringify(sarif, null, 2) + '\n';
}

function artifact(abs: string, o: SarifOptions): { uri: string; uriBaseId?: string } {
  const rel = o.relative(o.root, abs).split('\\').join('/');
  if (rel.startsWith('../') || rel.startsWith('/')) return { uri: `file://${encodeURI(abs)}` };
  return { uri: encodeURI(rel), uriBaseId: '%SRCROOT%' };
}
