/**
 * nginx ssl_ciphers default "HIGH:!aNULL:!MD5": with OpenSSL 3.0 that includes CBC, RSA key
 * exchange, CCM, ARIA and Camellia suites the Mozilla intermediate/old profiles leave out.
 *
 *     server { listen 443 ssl; ssl_certificate s.pem; }   # flagged (info): default cipher list
 */
import { evaluateCipherString } from '../../tls/cipher-string';
import { MOZILLA_PROFILES, NGINX_DEFAULT_CIPHERS } from '../../tls/profiles.data';
import { effective } from '../contexts';
import type { NginxRule } from '../rule';
import { reportUnsetInTlsServers, tls13Only } from '../tls-use';

export const missingSslCiphers: NginxRule = {
  meta: {
    id: 'nginx/missing-ssl-ciphers',
    language: 'nginx',
    description: 'A TLS server with no `ssl_ciphers`, whose nginx default (HIGH:!aNULL:!MD5) differs from the configured Mozilla profile.',
    severity: 'info',
    fixable: true,
    citation: 'nginx ngx_http_ssl_module ssl_ciphers (default HIGH:!aNULL:!MD5); Mozilla Server Side TLS',
  },
  check(ctx, report) {
    const name = ctx.settings.tls.profile;
    const want = MOZILLA_PROFILES[name].ciphers;
    if (!want) return; // modern: TLS 1.3 only, ssl_ciphers does not apply
    const dflt = evaluateCipherString(NGINX_DEFAULT_CIPHERS).suites.map((s) => s.name);
    const extra = dflt.filter((n) => !evaluateCipherString(want).suites.some((s) => s.name === n));
    if (!extra.length) return;
    reportUnsetInTlsServers(ctx, report, 'ssl_ciphers', {
      message: `This TLS server sets no "ssl_ciphers", so nginx uses "${NGINX_DEFAULT_CIPHERS}", which also enables ${extra.length} suites the Mozilla ${name} profile leaves out (e.g. ${extra.slice(0, 3).join(', ')}).`,
      title: `Add the Mozilla ${name} ssl_ciphers`,
      line: `ssl_ciphers ${want};`,
      skip: (s) => tls13Only(effective(s, 'ssl_protocols')),
    });
  },
};
