/**
 * RFC 8996 (TLS 1.0 and 1.1 deprecated), RFC 7568 (SSLv3), RFC 6176 (SSLv2); Mozilla server-side
 * TLS profiles: modern allows TLSv1.3 only, intermediate TLSv1.2 and TLSv1.3, old TLSv1 and up.
 *
 *     ssl_protocols TLSv1 TLSv1.1 TLSv1.2;   # flagged under intermediate: TLSv1, TLSv1.1
 */
import { MOZILLA_PROFILES } from '../../tls/profiles.data';
import type { NginxRule } from '../rule';
import { allDirectives, argsSpan } from '../tls-use';

const PROTOCOL_DIRECTIVES = ['ssl_protocols', 'proxy_ssl_protocols', 'grpc_ssl_protocols', 'uwsgi_ssl_protocols'];
const ALWAYS_WEAK = new Set(['SSLv2', 'SSLv3']);
const DEPRECATED = new Set(['SSLv2', 'SSLv3', 'TLSv1', 'TLSv1.1']);
const WHY: Record<string, string> = {
  SSLv2: 'SSLv2 is broken (RFC 6176, DROWN)',
  SSLv3: 'SSLv3 is broken (RFC 7568, POODLE)',
  TLSv1: 'TLS 1.0 is deprecated (RFC 8996; BEAST, no AEAD suites)',
  'TLSv1.1': 'TLS 1.1 is deprecated (RFC 8996)',
  'TLSv1.2': 'the modern profile allows TLS 1.3 only',
};

export const weakProtocols: NginxRule = {
  meta: {
    id: 'nginx/weak-protocols',
    language: 'nginx',
    description: '`ssl_protocols` (or `proxy_`/`grpc_`/`uwsgi_ssl_protocols`) enables SSLv2, SSLv3, TLSv1 or TLSv1.1, or anything below the configured Mozilla profile.',
    severity: 'warning',
    fixable: true,
    citation: 'RFC 8996; RFC 7568; Mozilla Server Side TLS guidelines (modern / intermediate / old)',
  },
  check(ctx, report) {
    const name = ctx.settings.tls.profile;
    const profile = MOZILLA_PROFILES[name];
    for (const d of allDirectives(ctx.config.directives, PROTOCOL_DIRECTIVES)) {
      const span = argsSpan(d);
      if (!span) continue;
      const upstream = d.name !== 'ssl_protocols';
      // Upstreams are other people's servers: hold them to the deprecations, not to the profile.
      const allowed = upstream ? (name === 'old' ? profile.protocols : ['TLSv1.2', 'TLSv1.3']) : profile.protocols;
      const weak = d.args.map((a) => a.value).filter((p) => ALWAYS_WEAK.has(p) || (!allowed.includes(p) && (DEPRECATED.has(p) || p === 'TLSv1.2')));
      if (!weak.length) continue;
      const target = upstream ? allowed : profile.protocols;
      report({
        file: d.file,
        span,
        message: `"${d.name}" enables ${weak.join(', ')}: ${weak.map((p) => WHY[p] ?? p).join('; ')}. The Mozilla ${name} profile uses "${target.join(' ')}"${weak.includes('SSLv2') ? ' (nginx with OpenSSL 1.1+ ignores SSLv2, but it still reads as enabled)' : ''}.`,
        fixes: [{ title: `Use "${target.join(' ')}" (Mozilla ${name})`, preferred: true, edits: [{ file: d.file, span, newText: target.join(' ') }] }],
      });
    }
  },
};
