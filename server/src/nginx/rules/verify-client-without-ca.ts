/**
 * nginx ngx_http_ssl_module, ssl_verify_client: `on` and `optional` verify the client certificate
 * against `ssl_client_certificate` or `ssl_trusted_certificate`; without either, `nginx -t` fails
 * ("no ssl_client_certificate for ssl_verify_client").
 *
 *     server { listen 443 ssl; ssl_certificate s.pem; ssl_certificate_key s.key;
 *              ssl_verify_client on; }          # flagged: no CA list to verify against
 */
import { atLeast } from '../../core/version';
import { effective, verifyClientInEffect, VERIFYING, type ServerContext } from '../contexts';
import { insertLineNextTo } from '../edits';
import type { NginxRule } from '../rule';

export const DEFAULT_CLIENT_CA_PATH = '/etc/nginx/ssl/client-ca-chain.pem';

/**
 * The first release assumed to accept `ssl_trusted_certificate` alone for `ssl_verify_client`.
 * 1.22.1 (Debian 12) is verified to refuse it; current releases print "no ssl_client_certificate
 * or ssl_trusted_certificate". The exact release in between is not pinned down (see the docs page).
 */
export const TRUSTED_CA_SUFFICES_SINCE = '1.27.0';

export const verifyClientWithoutCa: NginxRule = {
  meta: {
    id: 'nginx/verify-client-without-ca',
    language: 'nginx',
    description: '`ssl_verify_client on` or `optional` with no `ssl_client_certificate` or `ssl_trusted_certificate` in effect.',
    severity: 'error',
    fixable: true,
    citation: 'nginx ngx_http_ssl_module / ngx_stream_ssl_module: ssl_verify_client, ssl_client_certificate',
  },
  check(ctx, report) {
    // Older nginx wants ssl_client_certificate itself; a trusted-certificate file alone is refused.
    const { version, versionAssumed } = ctx.settings.nginx;
    const trustedIsEnough = versionAssumed || atLeast(version, TRUSTED_CA_SUFFICES_SINCE);
    const withoutCa = (s: ServerContext): boolean => !effective(s, 'ssl_client_certificate') && (!trustedIsEnough || !effective(s, 'ssl_trusted_certificate'));
    for (const verify of verifyClientInEffect(ctx.servers, VERIFYING, withoutCa)) {
      const mode = verify.args[0].value;
      const server = ctx.servers.find((s) => effective(s, 'ssl_verify_client') === verify);
      const trustedOnly = server !== undefined && effective(server, 'ssl_trusted_certificate') !== undefined;
      report({
        file: verify.file,
        span: verify.span,
        message: trustedOnly
          ? `"ssl_verify_client ${mode}" has only "ssl_trusted_certificate": nginx ${version} requires "ssl_client_certificate" for client verification ("no ssl_client_certificate for ssl_verify_client") and refuses to start; releases from ${TRUSTED_CA_SUFFICES_SINCE} accept either.`
          : `"ssl_verify_client ${mode}" has no CA to verify client certificates against: add "ssl_client_certificate" (or "ssl_trusted_certificate"). nginx refuses to start with this configuration.`,
        fixes: [
          {
            title: 'Add ssl_client_certificate',
            preferred: true,
            edits: [insertLineNextTo(ctx.config, verify, `ssl_client_certificate \${1:${DEFAULT_CLIENT_CA_PATH}};`, 'before', true)],
          },
        ],
      });
    }
  },
};
