/**
 * dhcpd.conf(5) `include "file";`, Kea `<?include "file"?>`, dnsmasq `conf-file=`: the server
 * reads the named file at start-up and refuses to start when it cannot (`dhcpd -t`: "Can't open",
 * `kea-dhcp4 -t`: "Can't open include file", `dnsmasq --test`: "cannot read").
 *
 *     include "/etc/dhcp/hosts.conf";      # flagged when no such file exists
 */
import type { DhcpRule } from '../rule';
import { includedFile, SERVER } from './addressing';

/** includes.ts reads at most this many files; past it, a missing file cannot be told from an unread one. */
const READ_LIMIT = 200;

export const includeUnresolved: DhcpRule = {
  meta: {
    id: 'dhcp/include-unresolved',
    language: 'dhcp',
    description: 'An included configuration file that cannot be found.',
    severity: 'error',
    fixable: false,
    citation: 'dhcpd.conf(5) include statement; Kea ARM, configuration file syntax (<?include?>); dnsmasq(8) --conf-file',
  },
  check(ctx, report) {
    if (ctx.files.length > READ_LIMIT) return;
    const { file } = ctx;
    for (const inc of file.includes) {
      // `conf-dir=` names a directory, which the analysis does not read; only files are checked.
      if (/^\s*conf-dir\b/.test(file.text.slice(inc.span.start, inc.span.end))) continue;
      if (includedFile(ctx, file, inc)) continue;
      report({
        file: file.path,
        span: inc.path.span,
        message: `The included file "${inc.path.value}" cannot be found (looked beside ${file.path} and in the workspace folders); ${SERVER[file.dialect]} refuses to start when an included file is missing.`,
      });
    }
  },
};
