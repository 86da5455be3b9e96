/**
 * nginx ssl_dhparam: since nginx 1.11.0 there are no built-in DH parameters, so DHE suites are
 * only usable with `ssl_dhparam`; without it OpenSSL silently skips them (nginx CHANGES 1.11.0).
 *
 *     ssl_ciphers ECDHE+AESGCM:DHE+AESGCM;   # flagged when no ssl_dhparam is in effect
 */
import { atLeast } from '../../core/version';
import { cipherStringFails, evaluateCipherString } from '../../tls/cipher-string';
import { effective, tlsServersWith, type ServerContext } from '../contexts';
import { insertLineNextTo } from '../edits';
import type { NginxRule } from '../rule';
import { tls13Only } from '../tls-use';

/** A server that negotiates TLS 1.2 or below and has no `ssl_dhparam`. */
function withoutDhparam(s: ServerContext): boolean {
  return !effective(s, 'ssl_dhparam') && !tls13Only(effective(s, 'ssl_protocols'));
}

export const dheWithoutDhparam: NginxRule = {
  meta: {
    id: 'nginx/dhe-without-dhparam',
    language: 'nginx',
    description: '`ssl_ciphers` enables DHE suites but no `ssl_dhparam` is in effect, so nginx (1.11.0+) never uses them.',
    severity: 'warning',
    fixable: true,
    citation: 'nginx ngx_http_ssl_module ssl_dhparam; nginx CHANGES 1.11.0; RFC 7919 (ffdhe groups)',
  },
  check(ctx, report) {
    if (!atLeast(ctx.settings.nginx.version, '1.11.0')) return;
    for (const { directive: ciphers } of tlsServersWith(ctx.servers, 'ssl_ciphers', undefined, withoutDhparam)) {
      const value = ciphers.args[0]?.value;
      if (!value || value.includes('$')) continue;
      const e = evaluateCipherString(value);
      if (cipherStringFails(e)) continue;
      const dhe = e.suites.filter((c) => c.kx === 'DHE' || c.kx === 'DHEPSK');
      if (!dhe.length) continue;
      report({
        file: ciphers.file,
        span: ciphers.args[0].span,
        message: `"ssl_ciphers" enables ${dhe.length} DHE suite${dhe.length > 1 ? 's' : ''} (${dhe.slice(0, 3).map((c) => c.name).join(', ')}${dhe.length > 3 ? ', …' : ''}) but no "ssl_dhparam" is in effect: nginx 1.11.0+ has no built-in DH parameters, so clients can never use them. Add "ssl_dhparam" with an RFC 7919 ffdhe2048 file, or drop the DHE suites.`,
        fixes: [{ title: 'Add ssl_dhparam', preferred: true, edits: [insertLineNextTo(ctx.config, ciphers, 'ssl_dhparam ${1:/etc/nginx/ssl/ffdhe2048.pem};', 'after', true)] }],
      });
    }
  },
};
