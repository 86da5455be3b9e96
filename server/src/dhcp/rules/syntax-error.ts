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
 */
import type { DhcpFile, ParseProblem } from '../model';
import type { DhcpRule } from '../rule';
import { includedFile, placeOf } from './addressing';

type Located = { in: DhcpFile; problem: ParseProblem } | undefined;

export const syntaxError: DhcpRule = {
  meta: {
    id: 'dhcp/syntax-error',
    language: 'dhcp',
    description: 'Text the DHCP server cannot read, or a statement it refuses to load.',
    severity: 'error',
    fixable: false,
    citation: 'dhcpd.conf(5); Kea ARM, DHCPv4 configuration; dnsmasq(8); Cisco IOS IP Addressing: DHCP Configuration Guide',
  },
  check(ctx, report) {
    const { file } = ctx;
    for (const p of file.problems) report({ file: file.path, span: p.span, message: p.message, severity: p.severity });
    const memo = new Map<DhcpFile, Located>();
    // The first error in a file or, depth first, in the files it includes; each file visited once.
    const firstError = (f: DhcpFile, seen: Set<DhcpFile>): Located => {
      if (memo.has(f)) return memo.get(f);
      seen.add(f);
      const own = f.problems.find((p) => p.severity === 'error');
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
