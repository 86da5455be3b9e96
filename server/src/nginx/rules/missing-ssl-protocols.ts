/**
 * nginx ssl_protocols default: "TLSv1 TLSv1.1 TLSv1.2" before 1.23.4, "TLSv1.2 TLSv1.3" since.
 * A TLS server that leaves it unset gets whatever its nginx release defaults to, which may not be
 * the configured Mozilla profile.
 *
 *     server { listen 443 ssl; ssl_certificate s.pem; }   # flagged on nginx 1.22 (TLSv1/1.1 on)
 */
import { MOZILLA_PROFILES, nginxDefaultProtocols } from '../../tls/profiles.data';
import type { NginxRule } from '../rule';
import { reportUnsetInTlsServers } from '../tls-use';

export const missingSslProtocols: NginxRule = {
  meta: {
    id: 'nginx/missing-ssl-protocols',
    language: 'nginx',
    description: 'A TLS server with no `ssl_protocols`, whose nginx default differs from the configured Mozilla profile.',
    severity: 'info',
    fixable: true,
    citation: 'nginx ngx_http_ssl_module ssl_protocols (default by version); Mozilla Server Side TLS',
  },
  check(ctx, report) {
    const name = ctx.settings.tls.profile;
    const want = MOZILLA_PROFILES[name].protocols;
    const version = ctx.settings.nginx.version;
    const dflt = nginxDefaultProtocols(version);
    if (dflt.join(' ') === want.join(' ')) return;
    reportUnsetInTlsServers(ctx, report, 'ssl_protocols', {
      message: `This TLS server sets no "ssl_protocols", so nginx ${version}${ctx.settings.nginx.versionAssumed ? ' (assumed; set tlsnet.nginx.version)' : ''} uses its default "${dflt.join(' ')}"; the Mozilla ${name} profile is "${want.join(' ')}".`,
      title: `Add ssl_protocols ${want.join(' ')}`,
      line: `ssl_protocols ${want.join(' ')};`,
    });
  },
};
