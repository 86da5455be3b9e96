/**
 * nginx core module, include: the named file or glob is read at start-up; a plain path that does
 * not exist stops nginx. In a workspace the file may only exist on the server, so this warns,
 * and an include cycle (which nginx cannot load) is an error.
 *
 *     include snippets/tls.conf;   # flagged when no such file is in the workspace
 */
import type { NginxRule } from '../rule';

export const includeUnresolved: NginxRule = {
  meta: {
    id: 'nginx/include-unresolved',
    language: 'nginx',
    description: 'An `include` names no file that can be found in the workspace, or includes itself.',
    severity: 'warning',
    fixable: false,
    citation: 'nginx core module: include',
  },
  check(ctx, report) {
    for (const issue of ctx.config.includeIssues) {
      report({
        file: issue.directive.file,
        span: issue.directive.span,
        message: issue.message,
        severity: issue.message.includes('cycle') ? 'error' : undefined,
      });
    }
  },
};
