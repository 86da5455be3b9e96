/**
 * Each dialect's own grammar (dhcpd.conf(5), the Kea Dhcp4 JSON schema, dnsmasq(8) options, IOS
 * `ip dhcp` commands): what the parser cannot read, or the server refuses, is reported here with
 * the parser's severity. The server reads included files as part of this one, so an include whose
 * file (or a file it includes) has an error is flagged at the include.
 *
 *     subnet 192.168.0.0 netmask 255.255.255.0 { range 192.168.0.10 }   # flagged: missing ";"
 *
 * Included files are parsed as included (parse.ts): problems that depend on what the includer
 * defines are only warnings there, so only their errors are repeated here.
 *
 * Quick fixes match the parser's machine-readable `code` (model.ts ParseProblemCode), never the
 * message: an ISC route option used without its definition gets the definition line.
 * Version-dependent Kea problems are judged as `tlsnet.dhcp.keaVersion` says, and Kea option 121
 * that Kea 2.2 refuses gets a rewrite as code 121 hex (versionedProblems.ts).
 */
import type { Fix } from '../../core/finding';
import { LineIndex } from '../../core/text';
import type { DhcpFile, ParseProblem } from '../model';
import type { DhcpRule } from '../rule';
import { includedFile, placeOf } from './addressing';
import { problemsFor, versionedFixes } from './versionedProblems';

type Located = { in: DhcpFile; problem: ParseProblem } | undefined;

/**
 * `isc-undefined-route-option`: `option NAME code N = array of unsigned integer 8;` on its own
 * line at the top level, before the top-level statement holding the first use of NAME in the
 * file (dhcpd takes definitions only there, and only before use).
 */
function defineRouteOption(file: DhcpFile, p: ParseProblem): Fix[] | undefined {
  if (p.code !== 'isc-undefined-route-option' || !p.data) return undefined;
  const { option, optionCode } = p.data;
  const name = option.toLowerCase();
  const uses = file.problems.filter((q) => q.code === p.code && q.data?.option.toLowerCase() === name);
  const first = Math.min(...uses.map((q) => q.data?.topLevel ?? Infinity));
  const index = new LineIndex(file.text);
  const lineStart = index.lineStart(index.positionAt(first).line);
  // Only blanks before the statement on its line: the definition takes a line of its own above it.
  const at = /^[ \t]*$/.test(file.text.slice(lineStart, first)) ? lineStart : first;
  const eol = file.text.includes('\r\n') ? '\r\n' : '\n';
  const newText = `option ${option} code ${optionCode} = array of unsigned integer 8;${eol}`;
  return [{ title: `Define ${option} (code ${optionCode})`, preferred: true, edits: [{ file: file.path, span: { start: at, end: at }, newText }] }];
}

export const syntaxError: DhcpRule = {
  meta: {
    id: 'dhcp/syntax-error',
    language: 'dhcp',
    description: 'Text the DHCP server cannot read, or a statement it refuses to load.',
    severity: 'error',
    fixable: true,
    citation: 'dhcpd.conf(5); Kea ARM, DHCPv4 configuration; dnsmasq(8); Cisco IOS IP Addressing: DHCP Configuration Guide',
  },
  check(ctx, report) {
    const { file } = ctx;
    for (const p of problemsFor(file, ctx.settings)) report({ file: file.path, span: p.span, message: p.message, severity: p.severity, fixes: defineRouteOption(file, p) ?? versionedFixes(file, p) });
    const memo = new Map<DhcpFile, Located>();
    // The first error in a file or, depth first, in the files it includes; each file visited once.
    const firstError = (f: DhcpFile, seen: Set<DhcpFile>): Located => {
      if (memo.has(f)) return memo.get(f);
      seen.add(f);
      const own = problemsFor(f, ctx.settings).find((p) => p.severity === 'error');
      let found: Located = own ? { in: f, problem: own } : undefined;
      for (const inc of f.includes) {
        if (found) break;
        const g = includedFile(ctx, f, inc);
        if (g && !seen.has(g)) found = firstError(g, seen);
      }
      memo.set(f, found);
      return found;
    };
    for (const inc of file.includes) {
      const g = includedFile(ctx, file, inc);
      const e = g && g !== file ? firstError(g, new Set([file])) : undefined;
      if (e) report({ file: file.path, span: inc.span, message: `The included file has an error at ${placeOf(e.in, e.problem.span.start, file)}: ${e.problem.message}` });
    }
  },
};
