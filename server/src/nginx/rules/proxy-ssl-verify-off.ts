/**
 * nginx ngx_http_proxy_module (and grpc, uwsgi, ngx_stream_proxy_module), proxy_ssl_verify:
 * the default is `off`, so a TLS connection to the upstream accepts any certificate — anyone on
 * the path can present their own and read or change the traffic.
 *
 *     location / { proxy_pass https://api.internal; }   # flagged: upstream certificate not checked
 */
import { effective } from '../contexts';
import { upstreamTlsPasses } from '../locations';
import type { NginxRule } from '../rule';
import { switchOnForPass, upstreamSsl } from '../upstream-tls';

export const DEFAULT_UPSTREAM_CA_PATH = '/etc/ssl/certs/ca-certificates.crt';

export const proxySslVerifyOff: NginxRule = {
  meta: {
    id: 'nginx/proxy-ssl-verify-off',
    language: 'nginx',
    description: 'A TLS upstream (`proxy_pass https://`, `grpc_pass grpcs://`, `uwsgi_pass suwsgi://`, stream `proxy_ssl on`) whose certificate nginx does not verify.',
    severity: 'warning',
    fixable: true,
    citation: 'nginx ngx_http_proxy_module: proxy_ssl_verify, proxy_ssl_trusted_certificate (and the grpc_/uwsgi_/stream equivalents)',
  },
  check(ctx, report) {
    for (const p of upstreamTlsPasses(ctx.servers)) {
      const verifyName = upstreamSsl(p.module, 'verify');
      const verify = effective(p.scope, verifyName);
      if (verify?.args[0]?.value === 'on') continue;
      const trustedName = upstreamSsl(p.module, 'trusted_certificate');
      const hasTrusted = effective(p.scope, trustedName) !== undefined;
      const passText = `${p.pass.name} ${p.pass.args[0]?.value ?? ''}`.trim();
      const why = verify ? `"${verifyName} off" is in effect` : `"${verifyName}" is off by default`;
      report({
        file: p.pass.file,
        span: p.pass.span,
        message: `"${passText}" opens TLS to the upstream without checking its certificate (${why}): anyone between nginx and the upstream can impersonate it. Add "${verifyName} on;"${hasTrusted ? '' : ` and "${trustedName}" with the CA that issued the upstream certificate`}.`,
        fixes: [
          {
            title: hasTrusted ? `Add ${verifyName} on` : `Add ${verifyName} on and ${trustedName}`,
            preferred: true,
            edits: switchOnForPass(ctx.config, p, verifyName, hasTrusted ? [] : [`${trustedName} \${1:${DEFAULT_UPSTREAM_CA_PATH}};`]),
          },
        ],
      });
    }
  },
};
