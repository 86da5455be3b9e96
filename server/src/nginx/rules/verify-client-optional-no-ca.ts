/**
 * nginx ngx_http_ssl_module, ssl_verify_client: `optional_no_ca` requests a client certificate
 * but does not require it to be signed by a trusted CA; nothing is verified unless the
 * application checks the certificate itself.
 *
 *     ssl_verify_client optional_no_ca;   # flagged: any self-made certificate is accepted
 */
import { verifyClientInEffect } from '../contexts';
import type { NginxRule } from '../rule';

export const verifyClientOptionalNoCa: NginxRule = {
  meta: {
    id: 'nginx/verify-client-optional-no-ca',
    language: 'nginx',
    description: '`ssl_verify_client optional_no_ca` accepts client certificates without checking them against any CA.',
    severity: 'warning',
    fixable: false,
    citation: 'nginx ngx_http_ssl_module: ssl_verify_client',
  },
  check(ctx, report) {
    for (const verify of verifyClientInEffect(ctx.servers, ['optional_no_ca'])) {
      report({
        file: verify.file,
        span: verify.span,
        message: '"ssl_verify_client optional_no_ca" does not verify client certificates against any CA: any certificate, even a self-signed one, is accepted. Use "on" or "optional" with "ssl_client_certificate", or make sure the application checks $ssl_client_cert itself.',
      });
    }
  },
};
