/**
 * nginx ngx_http_ssl_module / ngx_stream_ssl_module: a server that listens with `ssl` (or `quic`)
 * needs a certificate; `nginx -t` fails with `no "ssl_certificate" is defined for the
 * "listen ... ssl" directive`. `ssl_reject_handshake on` (1.19.4) is the one exception.
 *
 *     server { listen 443 ssl; server_name a.example; }   # flagged: no certificate
 */
import { effective, ownLevel } from '../contexts';
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
    for (const server of ctx.servers) {
      if (!server.server) continue; // a fragment: the includer may hold the certificate
      if (effective(server, 'ssl_certificate') || effective(server, 'ssl_reject_handshake')?.args[0]?.value === 'on') continue;
      const listen = ownLevel(server).find((d) => d.name === 'listen' && d.args.some((a) => a.value === 'ssl' || a.value === 'quic'));
      if (!listen) continue;
      const kind = listen.args.some((a) => a.value === 'ssl') ? 'ssl' : 'quic';
      report({
        file: listen.file,
        span: listen.span,
        message: `This server listens with "${kind}" but no "ssl_certificate" is in effect: nginx refuses to start (no "ssl_certificate" is defined for the "listen ... ${kind}" directive). Add "ssl_certificate" and "ssl_certificate_key", or "ssl_reject_handshake on;" for a catch-all server.`,
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
