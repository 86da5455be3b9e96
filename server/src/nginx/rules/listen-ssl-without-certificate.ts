/**
 * nginx ngx_http_ssl_module / ngx_stream_ssl_module: a server that listens with `ssl` (or `quic`)
 * needs a certificate; `nginx -t` fails with `no "ssl_certificate" is defined for the
 * "listen ... ssl" directive`. `ssl_reject_handshake on` (1.19.4) is the one exception.
 *
 *     server { listen 443 ssl; server_name a.example; }   # flagged: no certificate
 */
import { effective, listenSockets, sslSockets } from '../contexts';
import { insertLineNextTo } from '../edits';
import type { NginxRule } from '../rule';

export const listenSslWithoutCertificate: NginxRule = {
  meta: {
    id: 'nginx/listen-ssl-without-certificate',
    language: 'nginx',
    description: 'A server listens with `ssl` or `quic` but no `ssl_certificate` is in effect (and it does not reject handshakes).',
    severity: 'error',
    fixable: true,
    citation: 'nginx ngx_http_ssl_module / ngx_stream_ssl_module: ssl_certificate; ngx_http_core_module: listen ... ssl',
  },
  check(ctx, report) {
    const ssl = sslSockets(ctx.servers);
    for (const server of ctx.servers) {
      if (!server.server) continue; // a fragment: the includer may hold the certificate
      if (effective(server, 'ssl_certificate') || effective(server, 'ssl_reject_handshake')?.args[0]?.value === 'on') continue;
      const sockets = listenSockets(server);
      const own = sockets.find((l) => l.ssl || l.listen.args.some((a) => a.value === 'quic'));
      const shared = own ? undefined : sockets.find((l) => ssl.has(l.socket));
      const listen = (own ?? shared)?.listen;
      if (!listen) continue;
      const kind = own && !own.ssl ? 'quic' : 'ssl';
      report({
        file: listen.file,
        span: listen.span,
        message: shared
          ? `This server listens on ${listen.args[0].value}, where another server declares "ssl": the socket is TLS for every server on it, and this one has no "ssl_certificate" in effect, so nginx refuses to start (no "ssl_certificate" is defined for the "listen ... ssl" directive). Add "ssl_certificate" and "ssl_certificate_key", or "ssl_reject_handshake on;".`
          : `This server listens with "${kind}" but no "ssl_certificate" is in effect: nginx refuses to start (no "ssl_certificate" is defined for the "listen ... ${kind}" directive). Add "ssl_certificate" and "ssl_certificate_key", or "ssl_reject_handshake on;" for a catch-all server.`,
        fixes: [
          {
            title: 'Add ssl_certificate and ssl_certificate_key',
            preferred: true,
            edits: [insertLineNextTo(ctx.config, listen, ['ssl_certificate ${1:/etc/nginx/ssl/server-chain.pem};', 'ssl_certificate_key ${2:/etc/nginx/ssl/server.key.pem};'], 'after', true)],
          },
          { title: 'Reject TLS handshakes (catch-all server)', edits: [insertLineNextTo(ctx.config, listen, 'ssl_reject_handshake on;', 'after')] },
        ],
      });
    }
  },
};
