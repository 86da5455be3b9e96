/**
 * nginx ngx_http_ssl_module, ssl_verify_client: `on` and `optional` verify the client certificate
 * against `ssl_client_certificate` or `ssl_trusted_certificate`; without either, `nginx -t` fails
 * ("no ssl_client_certificate for ssl_verify_client").
 *
 *     server { listen 443 ssl; ssl_certificate s.pem; ssl_certificate_key s.key;
 *              ssl_verify_client on; }          # flagged: no CA list to verify against
 */
import { effective, verifyClientInEffect, type ServerContext } from '../contexts';
import { insertLineNextTo } from '../edits';
import type { NginxRule } from '../rule';

export const DEFAULT_CLIENT_CA_PATH = '/etc/nginx/ssl/client-ca-chain.pem';

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
    const withoutCa = (s: ServerContext): boolean => !effective(s, 'ssl_client_certificate') && !effective(s, 'ssl_trusted_certificate');
    for (const verify of verifyClientInEffect(ctx.servers, ['on', 'optional'], withoutCa)) {
      const mode = verify.args[0].value;
      report({
        file: verify.file,
        span: verify.span,
        message: `"ssl_verify_client ${mode}" has no CA to verify client certificates against: add "ssl_client_certificate" (or "ssl_trusted_certificate"). nginx refuses to start with this configuration.`,
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
