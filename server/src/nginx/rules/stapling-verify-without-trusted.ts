/**
 * nginx ngx_http_ssl_module, ssl_stapling_verify: "For verification to work, the certificate of
 * the server certificate issuer, the root certificate, and all intermediate certificates should be
 * configured as trusted using the ssl_trusted_certificate directive." nginx checks OCSP responses
 * against the server's certificate store, which only `ssl_trusted_certificate` (and
 * `ssl_client_certificate` while client verification is on) fill.
 *
 *     ssl_stapling on; ssl_stapling_verify on;   # flagged: no ssl_trusted_certificate
 */
import { effective, tlsServersWith, type ServerContext } from '../contexts';
import { insertLineNextTo } from '../edits';
import type { NginxRule } from '../rule';

export const DEFAULT_TRUSTED_CHAIN_PATH = '/etc/nginx/ssl/ca-chain.pem';

/** `ssl_client_certificate` is loaded into the store only when client certificates are requested. */
function clientCaLoaded(s: ServerContext): boolean {
  const verify = effective(s, 'ssl_verify_client')?.args[0]?.value;
  return effective(s, 'ssl_client_certificate') !== undefined && verify !== undefined && verify !== 'off';
}

/** Stapling on and OCSP responses verified with nothing trusted to verify them against. */
function verifiesWithoutTrusted(s: ServerContext): boolean {
  if (effective(s, 'ssl_stapling')?.args[0]?.value !== 'on') return false;
  // A response read from ssl_stapling_file is stapled as is, never verified.
  return !effective(s, 'ssl_stapling_file') && !effective(s, 'ssl_trusted_certificate') && !clientCaLoaded(s);
}

export const staplingVerifyWithoutTrusted: NginxRule = {
  meta: {
    id: 'nginx/stapling-verify-without-trusted',
    language: 'nginx',
    description: '`ssl_stapling_verify on` with stapling on and no `ssl_trusted_certificate` to verify OCSP responses against.',
    severity: 'warning',
    fixable: true,
    citation: 'nginx ngx_http_ssl_module: ssl_stapling_verify, ssl_trusted_certificate',
  },
  check(ctx, report) {
    for (const { directive: verify } of tlsServersWith(ctx.servers, 'ssl_stapling_verify', ['on'], verifiesWithoutTrusted)) {
      report({
        file: verify.file,
        span: verify.span,
        message: `"ssl_stapling_verify on" has no "ssl_trusted_certificate": nginx verifies OCSP responses against trusted certificates only, so a response signed by a delegated OCSP responder fails verification and nothing is stapled. Add "ssl_trusted_certificate" with the issuer and root of the server certificate.`,
        fixes: [
          {
            title: 'Add ssl_trusted_certificate',
            preferred: true,
            edits: [insertLineNextTo(ctx.config, verify, `ssl_trusted_certificate \${1:${DEFAULT_TRUSTED_CHAIN_PATH}};`, 'after', true)],
          },
        ],
      });
    }
  },
};
