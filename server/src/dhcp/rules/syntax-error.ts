/**
 * Each dialect's own grammar (dhcpd.conf(5), the Kea Dhcp4 JSON schema, dnsmasq(8) options, IOS
 * `ip dhcp` commands): what the parser cannot read, or the server refuses, is reported here with
 * the parser's severity; an include whose file has such errors is flagged at the include.
 *
 *     subnet 192.168.0.0 netmask 255.255.255.0 { range 192.168.0.10 }   # flagged: missing ";"
 */
import type { DhcpFile, ParseProblem } from '../model';
import type { DhcpRule } from '../rule';
import { includedFile, placeOf } from './addressing';

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
    // A server reading this file reads its includes too: their errors stop it as well.
    const firstError = new Map<DhcpFile, { in: DhcpFile; problem: ParseProblem } | undefined>();
    const errorBelow = (f: DhcpFile, seen: Set<DhcpFile>): { in: DhcpFile; problem: ParseProblem } | undefined => {
      if (firstError.has(f)) return firstError.get(f);
      seen.add(f);
      const own = f.problems.find((p) => p.severity === 'error');
      let found = own ? { in: f, problem: own } : undefined;
      for (const inc of f.includes) {
        if (found) break;
        const g = includedFile(ctx, f, inc);
        if (g && !seen.has(g)) found = errorBelow(g, seen);
      }
      firstError.set(f, found);
      return found;
    };
    for (const inc of file.includes) {
      const g = includedFile(ctx, file, inc);
      if (!g || g === file) continue;
      const e = errorBelow(g, new Set([file]));
      if (!e) continue;
      report({ file: file.path, span: inc.span, message: `The included file has an error at ${placeOf(e.in, e.problem.span.start, file)}: ${e.problem.message}` });
    }
  },
};
