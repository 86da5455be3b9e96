/**
 * A directive the configured nginx does not have is an `unknown directive` at startup: removed
 * ones (`ssl`, removed in 1.25.1) and ones added later (`ssl_ocsp` needs 1.19.0, `http2 on` 1.25.1).
 * Likewise listen parameters (`spdy` gone since 1.9.5, `quic` needs 1.25.0: "invalid parameter").
 *
 *     ssl on;          # flagged with nginx 1.25.1 and newer
 *     http2 on;        # flagged with tlsnet.nginx.version 1.22.1
 *
 * With no nginx version set (latest stable assumed), "added later" is never reported and
 * "removed" is a warning: the real release may be older.
 */
import type { Severity } from '../../core/finding';
import { atLeast, compareVersions } from '../../core/version';
import { knownIn } from '../catalogue';
import type { NginxRule } from '../rule';
import { checkedDirectives, listenParams } from '../structure';
import { sslOnFix } from './deprecated-directive';

export const removedDirective: NginxRule = {
  meta: {
    id: 'nginx/removed-directive',
    language: 'nginx',
    description: 'A TLS directive or listen parameter the configured nginx version does not have (removed, or added later): nginx refuses to start.',
    severity: 'error',
    fixable: true,
    citation: 'nginx CHANGES; "This directive appeared in version" notes on nginx.org',
  },
  check(ctx, report) {
    const { version, versionAssumed } = ctx.settings.nginx;
    const removedSeverity: Severity | undefined = versionAssumed ? 'warning' : undefined;
    const assumed = versionAssumed ? ` (assuming nginx ${version}; set tlsnet.nginx.version to your release)` : '';
    for (const c of checkedDirectives(ctx.config)) {
      const d = c.directive;
      if (c.specs.length && !c.specs.some((s) => knownIn(s, version) || s.commercial)) {
        const gone = c.specs.find((s) => s.removed && atLeast(version, s.removed));
        if (gone) {
          const fix = d.name === 'ssl' && c.parent?.name !== 'http' ? sslOnFix(ctx.config, d, c.level) : undefined;
          report({
            file: d.file,
            span: d.span,
            severity: removedSeverity,
            message: `"${d.name}" was removed in nginx ${gone.removed}${assumed}: nginx ${version} stops with "unknown directive". Use ${gone.replacement ?? 'its replacement'} instead.`,
            fixes: fix ? [fix] : undefined,
          });
        } else if (!versionAssumed) {
          const since = c.specs.map((s) => s.since).filter((s): s is string => !!s).sort(compareVersions)[0];
          report({ file: d.file, span: d.nameSpan, message: `"${d.name}" appeared in nginx ${since}; nginx ${version} (tlsnet.nginx.version) stops with "unknown directive". Remove it or upgrade nginx.` });
        }
      }
      for (const { param, arg } of listenParams(c)) {
        if (param.removed && atLeast(version, param.removed)) {
          report({ file: d.file, span: arg.span, severity: removedSeverity, message: `the "${param.name}" parameter of "listen" was removed in nginx ${param.removed}${assumed}: nginx stops with invalid parameter "${param.name}". Use ${param.replacement ?? 'its replacement'} instead.` });
        } else if (!versionAssumed && param.since && !atLeast(version, param.since)) {
          report({ file: d.file, span: arg.span, message: `the "${param.name}" parameter of "listen" appeared in nginx ${param.since}; nginx ${version} (tlsnet.nginx.version) stops with invalid parameter "${param.name}".` });
        }
      }
    }
  },
};
