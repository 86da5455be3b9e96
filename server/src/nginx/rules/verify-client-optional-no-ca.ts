/**
 * nginx ngx_http_ssl_module, ssl_verify_client: `optional_no_ca` requests a client certificate
 * but does not require it to be signed by a trusted CA; nothing is verified unless the
 * application checks the certificate itself.
 *
 *     ssl_verify_client optional_no_ca;   # flagged: any self-made certificate is accepted
 */
import type { Directive } from '../ast';
import { effective, isTlsServer } from '../contexts';
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
    const seen = new Set<Directive>();
    for (const server of ctx.servers) {
      const verify = effective(server, 'ssl_verify_client');
      if (!verify || verify.args[0]?.value !== 'optional_no_ca' || seen.has(verify)) continue;
      if (server.server && !isTlsServer(server)) continue;
      seen.add(verify);
      report({
        file: verify.file,
        span: verify.span,
        message: '"ssl_verify_client optional_no_ca" does not verify client certificates against any CA: any certificate, even a self-signed one, is accepted. Use "on" or "optional" with "ssl_client_certificate", or make sure the application checks $ssl_client_cert itself.',
      });
    }
  },
};
