/**
 * nginx ngx_http_proxy_module (and grpc, uwsgi, ngx_stream_proxy_module), proxy_ssl_server_name:
 * the default is `off`, so nginx sends no SNI to a TLS upstream. Upstreams that pick the
 * certificate by name (CDNs, ingress controllers, shared hosting) then answer with a default
 * certificate or refuse the handshake.
 *
 *     location / { proxy_pass https://api.example.com; }   # flagged: no SNI sent
 */
import { effective } from '../contexts';
import { upstreamTlsPasses } from '../locations';
import type { NginxRule } from '../rule';
import { isFragment, isIpLiteral, switchOnForPass, upstreamBlockNames, upstreamSsl } from '../upstream-tls';

export const proxySslServerNameOff: NginxRule = {
  meta: {
    id: 'nginx/proxy-ssl-server-name-off',
    language: 'nginx',
    description: 'A TLS upstream named by a DNS host name with `proxy_ssl_server_name` off (the default): nginx sends no SNI.',
    severity: 'warning',
    fixable: true,
    citation: 'nginx ngx_http_proxy_module: proxy_ssl_server_name (and the grpc_/uwsgi_/stream equivalents); RFC 6066 §3 (Server Name Indication)',
  },
  check(ctx, report) {
    const upstreams = upstreamBlockNames(ctx.config.directives);
    const fragment = isFragment(ctx.config);
    for (const p of upstreamTlsPasses(ctx.servers)) {
      const host = p.host?.toLowerCase();
      if (!host || isIpLiteral(host) || host === 'localhost' || upstreams.has(host)) continue;
      if (/^[a-z]+:\/\/unix:|^unix:/i.test(p.pass.args[0]?.value ?? '')) continue;
      // A dotless name in a fragment may be an upstream {} block of the including file.
      if (fragment && !host.includes('.')) continue;
      const name = upstreamSsl(p.module, 'server_name');
      // An explicit `off` is a decision (an upstream that rejects SNI); only the silent default is flagged.
      if (effective(p.scope, name)) continue;
      const passText = `${p.pass.name} ${p.pass.args[0]?.value ?? ''}`.trim();
      report({
        file: p.pass.file,
        span: p.pass.span,
        message: `"${passText}" connects with TLS but sends no SNI ("${name}" is off by default): an upstream that chooses its certificate by name (CDN, ingress, virtual hosts) answers with the wrong certificate or fails the handshake. Add "${name} on;".`,
        fixes: [{ title: `Add ${name} on`, preferred: true, edits: switchOnForPass(ctx.config, p, name) }],
      });
    }
  },
};
