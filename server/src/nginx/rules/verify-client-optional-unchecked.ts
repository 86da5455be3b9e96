/**
 * nginx ngx_http_ssl_module, ssl_verify_client `optional`: the handshake succeeds with no
 * certificate or a failed one, and only `$ssl_client_verify` (SUCCESS, FAILED:reason, NONE) tells
 * them apart. A server that never reads it lets every client through.
 *
 *     server { listen 443 ssl; ... ssl_verify_client optional;
 *              location / { proxy_pass http://app; } }   # flagged: nobody checks the result
 */
import type { Directive } from '../ast';
import type { ServerContext } from '../contexts';
import { verifyClientInEffect } from '../contexts';
import type { ExpandedConfig } from '../include';
import type { NginxRule } from '../rule';

const VARIABLE = /\$\{?ssl_client_verify\b/;

/** Whether `$ssl_client_verify` is read anywhere the server sees: its body, or maps and settings above it. */
function readsVerifyResult(config: ExpandedConfig, server: ServerContext): boolean {
  const uses = (list: Directive[]): boolean =>
    list.some((d) => {
      if (d.raw) return /ssl_client_verify/.test(config.files.get(d.file)?.text.slice(d.span.start, d.span.end) ?? '');
      if (d.args.some((a) => VARIABLE.test(a.value))) return true;
      // Enclosing levels count only through what they hand down: maps, headers, variables — not other servers.
      return d.block !== undefined && d.name !== 'server' && uses(d.block.children);
    });
  const own = server.levels[server.levels.length - 1];
  return uses(own) || server.levels.slice(0, -1).some((level) => uses(level));
}

export const verifyClientOptionalUnchecked: NginxRule = {
  meta: {
    id: 'nginx/verify-client-optional-unchecked',
    language: 'nginx',
    description: '`ssl_verify_client optional` in a server that never reads `$ssl_client_verify`, so unverified clients get through.',
    severity: 'warning',
    fixable: false,
    citation: 'nginx ngx_http_ssl_module: ssl_verify_client optional, embedded variable $ssl_client_verify',
  },
  check(ctx, report) {
    const unchecked = (s: ServerContext): boolean => s.server !== undefined && !readsVerifyResult(ctx.config, s);
    for (const verify of verifyClientInEffect(ctx.servers, ['optional'], unchecked)) {
      report({
        file: verify.file,
        span: verify.span,
        message: '"ssl_verify_client optional" lets clients without a valid certificate complete the handshake, and this server never reads $ssl_client_verify. Reject them (if ($ssl_client_verify != SUCCESS) { return 403; }), pass $ssl_client_verify to the application and check it there, or use "ssl_verify_client on".',
      });
    }
  },
};
