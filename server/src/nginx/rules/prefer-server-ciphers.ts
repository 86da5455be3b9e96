/**
 * Mozilla Server Side TLS: intermediate and modern say `ssl_prefer_server_ciphers off` (every
 * listed suite is strong, so the client may pick, e.g. ChaCha20 on phones without AES hardware);
 * old says `on`, to keep weak legacy suites last.
 *
 *     ssl_prefer_server_ciphers on;   # flagged under intermediate/modern (info)
 */
import { MOZILLA_PROFILES } from '../../tls/profiles.data';
import { effective } from '../contexts';
import type { NginxRule } from '../rule';
import { allDirectives } from '../tls-use';

export const preferServerCiphers: NginxRule = {
  meta: {
    id: 'nginx/prefer-server-ciphers',
    language: 'nginx',
    description: '`ssl_prefer_server_ciphers` set against the configured Mozilla profile (off for modern/intermediate, on for old).',
    severity: 'info',
    fixable: true,
    citation: 'Mozilla Server Side TLS guidelines, "Server cipher preference"',
  },
  check(ctx, report) {
    const name = ctx.settings.tls.profile;
    const want = MOZILLA_PROFILES[name].preferServerCiphers ? 'on' : 'off';
    // Options PrioritizeChaCha keeps the client's ChaCha20 choice under server preference.
    const chacha = (d: { args: { value: string }[] }): boolean => d.args[0]?.value.toLowerCase() === 'options' && /(^|,)\s*PrioritizeChaCha/i.test(d.args[1]?.value ?? '');
    for (const d of allDirectives(ctx.config.directives, ['ssl_prefer_server_ciphers'])) {
      const arg = d.args[0];
      if (!arg || (arg.value !== 'on' && arg.value !== 'off') || arg.value === want) continue;
      if (arg.value === 'on' && ctx.servers.some((s) => effective(s, 'ssl_prefer_server_ciphers') === d && allDirectives(s.levels.flat(), ['ssl_conf_command']).some(chacha))) continue;
      const why = want === 'off'
        ? 'with a list of only strong suites the client should choose (ChaCha20 on devices without AES hardware)'
        : 'the old profile keeps legacy suites last, which only server preference guarantees';
      report({
        file: d.file,
        span: arg.span,
        message: `"ssl_prefer_server_ciphers ${arg.value}": the Mozilla ${name} profile says ${want} — ${why}.`,
        fixes: [{ title: `Set ssl_prefer_server_ciphers ${want}`, preferred: true, edits: [{ file: d.file, span: arg.span, newText: want }] }],
      });
    }
  },
};
