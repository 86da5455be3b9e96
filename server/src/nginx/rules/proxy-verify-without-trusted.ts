/**
 * nginx ngx_http_proxy_module (and grpc, uwsgi, ngx_stream_proxy_module): `proxy_ssl_verify on`
 * for a TLS upstream needs `proxy_ssl_trusted_certificate`; without it `nginx -t` fails with
 * "no proxy_ssl_trusted_certificate for proxy_ssl_verify".
 *
 *     location / { proxy_pass https://api.internal; proxy_ssl_verify on; }   # flagged: no CA file
 */
import type { Directive } from '../ast';
import { effective, type ServerContext } from '../contexts';
import { insertLineNextTo } from '../edits';
import { upstreamTlsPasses, type UpstreamModule } from '../locations';
import type { NginxRule } from '../rule';
import { upstreamSsl } from '../upstream-tls';
import { DEFAULT_UPSTREAM_CA_PATH } from './proxy-ssl-verify-off';

export const proxyVerifyWithoutTrusted: NginxRule = {
  meta: {
    id: 'nginx/proxy-verify-without-trusted',
    language: 'nginx',
    description: '`proxy_ssl_verify on` (or `grpc_`/`uwsgi_`, or in `stream`) for a TLS upstream with no `proxy_ssl_trusted_certificate` in effect: nginx refuses to start.',
    severity: 'error',
    fixable: true,
    citation: 'nginx ngx_http_proxy_module / ngx_stream_proxy_module: proxy_ssl_verify, proxy_ssl_trusted_certificate',
  },
  check(ctx, report) {
    const scopes: { scope: ServerContext; module: UpstreamModule }[] = upstreamTlsPasses(ctx.servers);
    // A stream server with `proxy_ssl on` is checked by nginx even when it has no proxy_pass.
    for (const s of ctx.servers) if (s.protocol === 'stream' && s.server && effective(s, 'proxy_ssl')?.args[0]?.value === 'on') scopes.push({ scope: s, module: 'proxy' });
    const seen = new Set<Directive>();
    for (const { scope, module } of scopes) {
      const verifyName = upstreamSsl(module, 'verify');
      const trustedName = upstreamSsl(module, 'trusted_certificate');
      const verify = effective(scope, verifyName);
      if (!verify || seen.has(verify) || verify.args[0]?.value !== 'on' || effective(scope, trustedName)) continue;
      seen.add(verify);
      report({
        file: verify.file,
        span: verify.span,
        message: `"${verifyName} on" has no "${trustedName}" to verify the upstream certificate against: nginx refuses to start ("no ${trustedName} for ${verifyName}"). Add "${trustedName}" with the CA that issued the upstream certificate.`,
        fixes: [
          {
            title: `Add ${trustedName}`,
            preferred: true,
            edits: [insertLineNextTo(ctx.config, verify, `${trustedName} \${1:${DEFAULT_UPSTREAM_CA_PATH}};`, 'after', true)],
          },
        ],
      });
    }
  },
};
