/**
 * dhcpd.conf(5) `include "file";`, Kea `<?include "file"?>`, dnsmasq `conf-file=` and `conf-dir=`:
 * the server reads the named file (or directory) at start-up and refuses to start when it cannot
 * (`dhcpd -t`: "Can't open", `kea-dhcp4 -t`: "Can't open include file", `dnsmasq --test`: "cannot
 * read", "cannot access directory").
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
    citation: 'dhcpd.conf(5) include statement; Kea ARM, configuration file syntax (<?include?>); dnsmasq(8) --conf-file, --conf-dir',
  },
  check(ctx, report) {
    if (ctx.files.length > READ_LIMIT) return;
    const { file } = ctx;
    for (const inc of file.includes) {
      // The analysis looks directories up without reading them (includes.ts).
      if (inc.directory) {
        if (ctx.missingDirectories?.has(inc)) {
          report({ file: file.path, span: inc.path.span, message: `The directory "${inc.path.value}" (conf-dir) cannot be found (looked beside ${file.path} and in the workspace folders); ${SERVER[file.dialect]} refuses to start ("cannot access directory").` });
        }
        continue;
      }
      if (includedFile(ctx, file, inc)) continue;
      report({
        file: file.path,
        span: inc.path.span,
        message: `The included file "${inc.path.value}" cannot be found (looked beside ${file.path} and in the workspace folders); ${SERVER[file.dialect]} refuses to start when an included file is missing.`,
      });
    }
  },
};
