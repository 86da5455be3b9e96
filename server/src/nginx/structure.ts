/**
 * What the structure rules (unknown-directive, invalid-context, invalid-arguments,
 * duplicate-directive, deprecated/removed-directive) share: each directive of the expanded config
 * once, with the catalogue entries that apply where it stands.
 */
import type { Edit } from '../core/finding';
import type { Arg, Directive } from './ast';
import { LISTEN_PARAMS, specsIn, type DirectiveSpec, type ListenParam } from './catalogue';
import { placeDirectives, type PlacedDirective } from './contexts';
import type { ExpandedConfig } from './include';

export interface Checked extends PlacedDirective {
  /** Catalogue entries of this name allowed in one of the directive's possible contexts. */
  specs: DirectiveSpec[];
}

// Five rules walk the same list: place each config's directives once.
const placed = new WeakMap<ExpandedConfig, Checked[]>();

/**
 * Simple directives in a context nginx checks, each once even when its file is included twice.
 * Directives inside blocks nginx does not read as directives (map, types...) are left out.
 */
export function checkedDirectives(config: ExpandedConfig): Checked[] {
  const hit = placed.get(config);
  if (hit) return hit;
  const seen = new Set<string>();
  const out: Checked[] = [];
  placed.set(config, out);
  for (const p of placeDirectives(config.directives)) {
    const d = p.directive;
    if (d.block || !p.contexts.size) continue;
    const key = `${d.file}\0${d.span.start}`;
    if (seen.has(key)) continue;
    seen.add(key);
    out.push({ ...p, specs: specsIn(d.name, p.contexts) });
  }
  return out;
}

/** Optimal-string-alignment distance: a swap of neighbours counts as one edit, as typos do. */
export function editDistance(a: string, b: string): number {
  const d: number[][] = Array.from({ length: a.length + 1 }, (_, i) => [i, ...Array<number>(b.length).fill(0)]);
  for (let j = 1; j <= b.length; j++) d[0][j] = j;
  for (let i = 1; i <= a.length; i++) {
    for (let j = 1; j <= b.length; j++) {
      const cost = a[i - 1] === b[j - 1] ? 0 : 1;
      d[i][j] = Math.min(d[i - 1][j] + 1, d[i][j - 1] + 1, d[i - 1][j - 1] + cost);
      if (i > 1 && j > 1 && a[i - 1] === b[j - 2] && a[i - 2] === b[j - 1]) d[i][j] = Math.min(d[i][j], d[i - 2][j - 2] + 1);
    }
  }
  return d[a.length][b.length];
}

/** An edit deleting a directive: its whole line when it stands alone on it. */
export function removeDirective(config: ExpandedConfig, d: Directive): Edit {
  const text = config.files.get(d.file)?.text ?? '';
  let start = d.span.start;
  let e = d.span.end;
  while (start > 0 && (text[start - 1] === ' ' || text[start - 1] === '\t')) start--;
  while (e < text.length && (text[e] === ' ' || text[e] === '\t')) e++;
  const alone = (start === 0 || text[start - 1] === '\n') && (e === text.length || text[e] === '\n' || text[e] === '\r');
  if (!alone) return { file: d.file, span: { start: d.span.start, end: d.span.end }, newText: '' };
  const end = text[e] === '\r' && text[e + 1] === '\n' ? e + 2 : e < text.length ? e + 1 : e;
  return { file: d.file, span: { start, end }, newText: '' };
}

/** The version-sensitive parameters of a `listen` directive, for the protocol(s) it may be in. */
export function listenParams(c: Checked): { param: ListenParam; arg: Arg }[] {
  if (c.directive.name !== 'listen') return [];
  const protocols = new Set<string>();
  if (c.contexts.has('server')) protocols.add('http');
  if (c.contexts.has('stream-server')) protocols.add('stream');
  if (c.contexts.has('mail-server')) protocols.add('mail');
  const out: { param: ListenParam; arg: Arg }[] = [];
  for (const arg of c.directive.args.slice(1)) {
    const param = LISTEN_PARAMS.find((p) => p.name === arg.value);
    if (param && param.protocols.some((p) => protocols.has(p))) out.push({ param, arg });
  }
  return out;
}
