/**
 * RFC 8446 §8 and §E.5: 0-RTT early data can be replayed by an attacker; RFC 8470 defines the
 * `Early-Data: 1` header so the application can refuse (425 Too Early) non-idempotent requests.
 *
 *     ssl_early_data on;   # flagged unless $ssl_early_data is passed on somewhere
 */
import type { NginxRule } from '../rule';
import { allDirectives } from '../tls-use';

export const earlyData: NginxRule = {
  meta: {
    id: 'nginx/early-data',
    language: 'nginx',
    description: '`ssl_early_data on` (TLS 1.3 0-RTT) without `$ssl_early_data` passed to the application: early requests can be replayed.',
    severity: 'warning',
    fixable: true,
    citation: 'RFC 8446 §8 (0-RTT and anti-replay); RFC 8470 (Early-Data header, 425 Too Early)',
  },
  check(ctx, report) {
    const handled = [...ctx.config.files.values()].some((f) => f.text.includes('$ssl_early_data'));
    if (handled) return;
    for (const d of allDirectives(ctx.config.directives, ['ssl_early_data'])) {
      if (d.args[0]?.value !== 'on') continue;
      report({
        file: d.file,
        span: d.span,
        message: '"ssl_early_data on" accepts TLS 1.3 0-RTT requests, which an attacker can replay. Pass "proxy_set_header Early-Data $ssl_early_data;" so the application can answer 425 Too Early to non-idempotent requests, or turn it off.',
        fixes: [{ title: 'Turn ssl_early_data off', preferred: true, edits: [{ file: d.file, span: d.args[0].span, newText: 'off' }] }],
      });
    }
  },
};
