import type { Span } from './text';

export type Severity = 'error' | 'warning' | 'info' | 'hint';
export const SEVERITIES: readonly Severity[] = ['error', 'warning', 'info', 'hint'];

/** A text edit in one file. `snippet` marks `newText` as an LSP snippet ($1, ${1:default}). */
export interface Edit {
  file: string;
  span: Span;
  newText: string;
  snippet?: boolean;
}

/** A quick fix the user may apply; `edits` may touch several files. */
export interface Fix {
  title: string;
  edits: Edit[];
  /** The fix the editor should offer first for this finding. */
  preferred?: boolean;
}

/** One problem found by one rule, in one file, before severity overrides are applied. */
export interface Finding {
  rule: string;
  /** Absolute path (or URI-less identifier) of the file the finding is in. */
  file: string;
  span: Span;
  message: string;
  severity: Severity;
  fixes?: Fix[];
}
