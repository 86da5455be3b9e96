/**
 * OpenSSL SSL_CTX_set_cipher_list(3): the call fails when the string has a syntax error or leaves
 * no TLS ≤ 1.2 suite ("no cipher match"); nginx then refuses to start ("SSL_CTX_set_cipher_list
 * failed"). TLS 1.3 suite names are not part of this list and match nothing.
 *
 *     ssl_ciphers TLS_AES_128_GCM_SHA256;        # flagged: error, nginx -t fails
 *     ssl_ciphers HIGH:!aNULL:AES128-GMC-SHA256; # flagged: warning, the typo matches nothing
 */
import { cipherStringFails, evaluateCipherString } from '../../tls/cipher-string';
import type { NginxRule } from '../rule';
import { tlsDirectiveUses, useMozillaCiphers, valueSpan } from '../tls-use';

export const CIPHER_DIRECTIVES = ['ssl_ciphers', 'proxy_ssl_ciphers', 'grpc_ssl_ciphers', 'uwsgi_ssl_ciphers'] as const;

export const cipherStringEmpty: NginxRule = {
  meta: {
    id: 'nginx/cipher-string-empty',
    language: 'nginx',
    description: 'An `ssl_ciphers` (or `proxy_`/`grpc_`/`uwsgi_ssl_ciphers`) string OpenSSL rejects or that enables no TLS 1.2-and-below suite; also words in it that match nothing.',
    severity: 'error',
    fixable: true,
    citation: 'OpenSSL openssl-ciphers(1) "CIPHER LIST FORMAT", SSL_CTX_set_cipher_list(3); nginx ngx_http_ssl_module ssl_ciphers',
  },
  check(ctx, report) {
    for (const { directive: d, inUse } of tlsDirectiveUses(ctx, CIPHER_DIRECTIVES)) {
      const arg = d.args[0];
      if (!arg || d.args.length !== 1 || arg.value.includes('$')) continue;
      const e = evaluateCipherString(arg.value);
      const at = valueSpan(arg).start;
      if (cipherStringFails(e)) {
        const tls13 = e.tokens.flatMap((t) => t.tls13);
        const why = e.error
          ? e.error.message
          : tls13.length && e.tokens.every((t) => t.op !== 'add' || t.tls13.length || t.matched === 0)
            ? `"${tls13.join('", "')}" ${tls13.length > 1 ? 'are' : 'is'} a TLS 1.3 suite; "${d.name}" only sets TLS 1.2-and-below suites (TLS 1.3 suites are set with "ssl_conf_command Ciphersuites"), so it enables nothing.`
            : 'it enables no TLS 1.2-and-below cipher suite (OpenSSL: "no cipher match").';
        report({
          file: d.file,
          span: arg.span,
          message: `"${d.name} ${arg.value}": ${why} ${inUse ? 'nginx refuses to start with this configuration.' : 'nginx does not read it yet (no TLS server or upstream uses it) but will refuse to start once one does.'}`,
          severity: inUse ? 'error' : 'warning',
          fixes: [useMozillaCiphers(ctx.settings.tls.profile, d.file, arg.span)],
        });
        continue;
      }
      for (const t of e.tokens) {
        if (t.expanded || t.op === 'special') continue;
        const bad = [...t.unknown, ...(t.op === 'add' ? t.tls13 : [])];
        if (!bad.length) continue;
        const why = t.tls13.length && !t.unknown.length
          ? `is a TLS 1.3 suite, which "${d.name}" cannot set (use "ssl_conf_command Ciphersuites")`
          : 'is no cipher suite or alias OpenSSL knows (a typo?)';
        report({
          file: d.file,
          span: { start: at + t.start, end: at + t.end },
          message: `"${bad.join('", "')}" in "${d.name}" ${why}: OpenSSL ignores it, so the list is not what it reads like.`,
          severity: 'warning',
        });
      }
    }
  },
};
