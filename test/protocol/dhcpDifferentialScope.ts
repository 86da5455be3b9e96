import { readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { applyEdits, findNodeAtOffset, getNodePath, modify, parseTree, type JSONPath, type Node } from 'jsonc-parser';
import type { Case } from './dhcpDifferentialCases';
import type { Verdict } from './dhcpOracles';
import { LATER_KEA_KEYWORDS as LATER_KEYWORD_SINCE } from '../../server/src/dhcp/kea/keywords.data';

// Why a server may refuse a config for a reason tlsnet does not judge, matched on the server's
// own message. Where the obstacle can be taken out (a Kea keyword of a later release, a hooks
// library or interface this machine lacks) the case is repaired and judged again, so the rest of
// the config is still compared; otherwise the case is counted apart, with this reason.

export interface OutOfScope {
  id: string;
  reason: string;
  matches: (v: Verdict, c: Case) => boolean;
  /** Edits the case so the server can judge the rest; returns what was done, or undefined. */
  repair?: (c: Case, v: Verdict) => string | undefined;
}

/**
 * Keywords the Kea documentation in the corpus (2.6/2.7) uses that Kea 2.2 does not know. Listed
 * one by one: an unknown keyword that is a typo stays in scope.
 */
export const LATER_KEA_KEYWORDS = Object.keys(LATER_KEYWORD_SINCE);

const message = (v: Verdict) => v.message ?? '';

/** Blanks Kea's `#` comments (outside strings), which JSON with comments does not have; offsets stay. */
export function maskHashComments(text: string): string {
  let out = '';
  let inString = false;
  for (let i = 0; i < text.length; i++) {
    const ch = text[i];
    if (inString) {
      if (ch === '\\') {
        out += text.slice(i, i + 2);
        i++;
        continue;
      }
      if (ch === '"') inString = false;
      out += ch;
    } else if (ch === '"') {
      inString = true;
      out += ch;
    } else if (ch === '#' || (ch === '/' && text[i + 1] === '/')) {
      const end = text.indexOf('\n', i);
      const stop = end < 0 ? text.length : end;
      out += ' '.repeat(stop - i);
      i = stop - 1;
    } else out += ch;
  }
  return out;
}

const offsetAt = (text: string, line: number, column: number): number => {
  let off = 0;
  for (let l = 1; l < line; l++) off = text.indexOf('\n', off) + 1;
  return off + column - 1;
};

/** Removes (or, with `value`, sets) the JSON value at `path` in the case's main file. */
function editJson(c: Case, path: JSONPath, value?: unknown): boolean {
  const text = readFileSync(c.main, 'utf8');
  const edits = modify(maskHashComments(text), path, value, { formattingOptions: { insertSpaces: true, tabSize: 2 } });
  if (!edits.length) return false;
  writeFileSync(c.main, applyEdits(text, edits));
  return true;
}

/** The property named `key` enclosing the position Kea names (`v.line`, `v.column`), as a path. */
function propertyAt(c: Case, v: Verdict, key: string): JSONPath | undefined {
  if (!v.line || !v.column) return undefined;
  const masked = maskHashComments(readFileSync(c.main, 'utf8'));
  const tree = parseTree(masked);
  if (!tree) return undefined;
  let n: Node | undefined = findNodeAtOffset(tree, offsetAt(masked, v.line, v.column) + 1, true);
  for (; n; n = n.parent) if (n.type === 'property' && n.children?.[0]?.value === key && n.children[1]) return getNodePath(n.children[1]);
  return undefined;
}

/** Paths of every `key` property directly in a `map` map (`subnet4`, `pools`, `loggers`, `Dhcp4`): Kea names one, all go at once. */
function propertiesIn(c: Case, key: string, map: string): JSONPath[] {
  const tree = parseTree(maskHashComments(readFileSync(c.main, 'utf8')));
  const out: JSONPath[] = [];
  const walk = (n: Node): void => {
    if (n.type === 'property' && n.children?.[0]?.value === key && n.children[1]) {
      const path = getNodePath(n.children[1]);
      if ([...path.slice(0, -1)].reverse().find((p) => typeof p === 'string') === map) out.push(path);
    }
    n.children?.forEach(walk);
  };
  if (tree) walk(tree);
  // Deepest and last first, so removing one leaves the others' paths valid.
  return out.reverse();
}

export const OUT_OF_SCOPE: OutOfScope[] = [
  {
    id: 'kea-later-keyword',
    reason: 'a keyword of a later Kea than 2.2 (the corpus documents Kea 2.6+); tlsnet does not validate Kea\'s whole schema: removed, then judged again',
    matches: (v) => LATER_KEA_KEYWORDS.includes(/got unexpected keyword "([\w-]+)" in [\w-]+ map/.exec(message(v))?.[1] ?? ''),
    repair: (c, v) => {
      const [, key, map] = /got unexpected keyword "([\w-]+)" in ([\w-]+) map/.exec(message(v)) ?? [];
      const paths = propertiesIn(c, key, map);
      const done = paths.filter((p) => editJson(c, p));
      return done.length ? `removed ${done.map((p) => `"${p.join('.')}"`).join(', ')} (${message(v)})` : undefined;
    },
  },
  {
    id: 'kea-hooks-library',
    reason: 'a hooks library this machine does not have: hooks-libraries removed, then judged again',
    matches: (v) => /hooks libraries failed to validate/.test(message(v)),
    repair: (c, v) => (editJson(c, ['Dhcp4', 'hooks-libraries']) ? `removed Dhcp4.hooks-libraries (${message(v)})` : undefined),
  },
  {
    id: 'kea-interface',
    reason: 'a network interface this machine does not have: interfaces emptied / interface removed, then judged again',
    matches: (v) => /interface '[^']+' doesn't exist in the system|network interface name \S+ for .* is not present in the system/.test(message(v)),
    repair: (c, v) => {
      if (/Failed to select interface/.test(message(v))) return editJson(c, ['Dhcp4', 'interfaces-config', 'interfaces'], []) ? `emptied Dhcp4.interfaces-config.interfaces (${message(v)})` : undefined;
      const path = propertyAt(c, v, 'interface');
      return path && editJson(c, path) ? `removed "${path.join('.')}" (${message(v)})` : undefined;
    },
  },
  {
    id: 'dnsmasq-not-dhcp',
    reason: 'dnsmasq refuses a directive that is not about DHCP (DNS, TFTP, interfaces): tlsnet lints the DHCP directives only',
    matches: (v, c) => c.oracle === 'dnsmasq' && !!v.line && !/^\s*(?:dhcp-|pxe-|bootp-|conf-)/.test(lineOf(c, v)),
  },
  {
    id: 'missing-file',
    reason: 'a file the server opens at start (leases, hosts, scripts) is missing on this machine; not an include',
    matches: (v, c) => !!missingFile(v) && !missingInclude(v, c),
  },
];

/** The path a server could not open, from its message. */
export function missingFile(v: Verdict): string | undefined {
  const m = /^Can't open (?:include file )?(.+?)(?:: No such file or directory)?$/.exec(message(v)) ?? /^cannot (?:read|access directory) (.+): No such file or directory$/.exec(message(v));
  return m?.[1];
}

/** Whether the missing file is one the config includes (ISC include, Kea <?include?>, dnsmasq conf-file/conf-dir). */
export function missingInclude(v: Verdict, c: Case): boolean {
  const path = missingFile(v);
  if (!path) return false;
  if (c.oracle === 'dhcpd' || c.oracle === 'dhcpd6' || c.oracle === 'kea') return true;
  const text = readFileSync(c.main, 'utf8');
  return text.split('\n').some((l) => /^\s*conf-(?:file|dir)\s*=/.test(l) && l.includes(path.replace(/\/$/, '')));
}

/** The text of the line the server names, in the file it names (relative to the case directory). */
function lineOf(c: Case, v: Verdict): string {
  try {
    return readFileSync(v.file ? join(c.dir, v.file) : c.main, 'utf8').split('\n')[(v.line ?? 1) - 1] ?? '';
  } catch {
    return '';
  }
}

export function outOfScope(v: Verdict, c: Case): OutOfScope | undefined {
  return v.ok ? undefined : OUT_OF_SCOPE.find((s) => s.matches(v, c));
}

/** The server's verdict on the case, after taking out the obstacles that can be (at most 16). */
export async function judge(c: Case, run: (c: Case) => Promise<Verdict>): Promise<{ verdict: Verdict; scope?: OutOfScope }> {
  let verdict = await run(c);
  for (let i = 0; i < 16; i++) {
    const scope = outOfScope(verdict, c);
    const done = scope?.repair?.(c, verdict);
    if (!done) return { verdict, scope };
    c.repairs.push(done);
    verdict = await run(c);
  }
  return { verdict, scope: outOfScope(verdict, c) };
}
