import type { Span } from '../core/text';

/** One argument as nginx sees it after unquoting, with the exact text span it came from. */
export interface Arg {
  value: string;
  span: Span;
  quoted: boolean;
}

/** A simple or block directive. `span` runs from the name to the `;` or the closing `}`. */
export interface Directive {
  name: string;
  nameSpan: Span;
  args: Arg[];
  span: Span;
  /** Present for block directives; `children` in source order. */
  block?: Block;
  /** The file the directive was read from (absolute path or document key). */
  file: string;
  /** For `*_by_lua_block` and similar: the block body is kept as raw text, not parsed. */
  raw?: boolean;
}

export interface Block {
  /** Offset of `{`. */
  open: number;
  /** Offset just past the closing `}`, or undefined if the file ended first. */
  close?: number;
  children: Directive[];
}

export interface Comment {
  /** The text after `#`. */
  text: string;
  span: Span;
}

export interface SyntaxIssue {
  message: string;
  span: Span;
}

export interface ParsedFile {
  file: string;
  text: string;
  directives: Directive[];
  comments: Comment[];
  errors: SyntaxIssue[];
}
