/**
 * nginx ngx_http_ssl_module (also stream, and proxy_/grpc_/uwsgi_ssl_certificate upstream): each
 * `ssl_certificate` needs its `ssl_certificate_key`; certificates and keys pair up in order.
 * `nginx -t` fails with `no "ssl_certificate_key" is defined for certificate "X"` — even in a
 * server without `listen ... ssl`. A key without any certificate is never used.
 *
 *     server { listen 443 ssl; ssl_certificate s.pem; }   # flagged: no key for s.pem
 */
import type { Directive } from '../ast';
import type { ServerContext } from '../contexts';
import { insertLineNextTo } from '../edits';
import { upstreamTlsPasses } from '../locations';
import type { NginxRule } from '../rule';

const SERVER_PAIR: [string, string] = ['ssl_certificate', 'ssl_certificate_key'];
// Upstream client certificates are loaded only where nginx opens TLS to the upstream.
const upstreamPair = (m: string): [string, string] => [`${m}_ssl_certificate`, `${m}_ssl_certificate_key`];

/** An array directive as nginx merges it: the innermost level that sets it replaces the rest. */
function inEffect(scope: ServerContext, name: string): Directive[] {
  for (let i = scope.levels.length - 1; i >= 0; i--) {
    const own = scope.levels[i].filter((d) => d.name === name && !d.block);
    if (own.length) return own;
  }
  return [];
}

export const certificateWithoutKey: NginxRule = {
  meta: {
    id: 'nginx/certificate-without-key',
    language: 'nginx',
    description: 'An `ssl_certificate` (or `proxy_ssl_certificate`) has no matching `*_certificate_key`, or a key is set with no certificate.',
    severity: 'error',
    fixable: true,
    citation: 'nginx ngx_http_ssl_module: ssl_certificate, ssl_certificate_key; ngx_http_proxy_module: proxy_ssl_certificate_key',
  },
  check(ctx, report) {
    const seen = new Set<Directive>();
    const used = new Map<Directive, [string, string]>();
    const unused = new Map<Directive, [string, string]>();
    const scopes: [ServerContext, [string, string]][] = [
      ...ctx.servers.map((s): [ServerContext, [string, string]] => [s, SERVER_PAIR]),
      ...upstreamTlsPasses(ctx.servers).map((p): [ServerContext, [string, string]] => [p.scope, upstreamPair(p.module)]),
    ];
    for (const [scope, [certName, keyName]] of scopes) {
      const certs = inEffect(scope, certName);
      const keys = inEffect(scope, keyName);
      for (const cert of certs.slice(keys.length)) {
        if (seen.has(cert) || !scope.server) continue; // a fragment's includer may set the key
        seen.add(cert);
        const path = cert.args[0]?.value ?? '';
        report({
          file: cert.file,
          span: cert.span,
          message: `No "${keyName}" for certificate "${path}": nginx refuses to start (no "${keyName}" is defined for certificate "${path}"). Add the key it was issued for; certificates and keys pair up in order.`,
          fixes: [{ title: `Add ${keyName}`, preferred: true, edits: [insertLineNextTo(ctx.config, cert, `${keyName} \${1:${keyPathFor(path)}};`, 'after', true)] }],
        });
      }
      if (!scope.server) continue;
      for (const key of keys) (certs.length ? used : unused).set(key, [certName, keyName]);
    }
    // A key inherited by servers with and without certificates is in use: only never-used keys count.
    for (const [key, [certName, keyName]] of unused) {
      if (used.has(key)) continue;
      report({
        file: key.file,
        span: key.span,
        severity: 'warning',
        message: `"${keyName}" is set but no "${certName}" is in effect where it applies, so nginx never uses this key. Add the certificate it belongs to, or remove the key.`,
      });
    }
  },
};

/** `/etc/nginx/ssl/api-chain.pem` → `/etc/nginx/ssl/api.key`: a starting point the user edits. */
function keyPathFor(cert: string): string {
  if (!cert || cert.includes('$') || cert.startsWith('data:')) return '/etc/nginx/ssl/server.key';
  return cert.replace(/([-_.](chain|fullchain|bundle|cert|crt))?\.(pem|crt|cer)$/i, '') + '.key';
}
