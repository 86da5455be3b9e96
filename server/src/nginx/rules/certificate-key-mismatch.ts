/**
 * nginx ngx_ssl_certificate: each ssl_certificate is paired with the ssl_certificate_key of the
 * same position; OpenSSL checks that the key belongs to the first certificate of the file, and
 * `nginx -t` fails with "SSL_CTX_use_PrivateKey(...) failed (... key values mismatch)".
 *
 *     ssl_certificate     /etc/nginx/ssl/a.example.com.pem;
 *     ssl_certificate_key /etc/nginx/ssl/b.example.com.key;   # flagged: another certificate's key
 */
import { matchKeyToCertificate } from '../../pki/match';
import { certificatesOf, privateKeysOf } from '../../pki/file';
import type { NginxRule } from '../rule';
import { CERTIFICATE_KEY_PAIRS } from '../tlsFiles.data';
import { innermostList, levelsOf, loadDirectiveFile, pathSpan } from '../tlsFiles';

export const certificateKeyMismatch: NginxRule = {
  meta: {
    id: 'nginx/certificate-key-mismatch',
    language: 'nginx',
    description: 'The private key named by `ssl_certificate_key` does not belong to the certificate of the matching `ssl_certificate`.',
    severity: 'error',
    fixable: false,
    citation: 'nginx ngx_http_ssl_module: ssl_certificate, ssl_certificate_key; OpenSSL SSL_CTX_use_PrivateKey (X509_check_private_key)',
  },
  check(ctx, report) {
    const seen = new Set<string>();
    for (const { level, ancestors } of levelsOf(ctx.config)) {
      for (const [certName, keyName] of CERTIFICATE_KEY_PAIRS) {
        const certs = level.filter((d) => d.name === certName && d.args.length === 1);
        if (!certs.length) continue;
        const keys = innermostList([...ancestors, level], keyName);
        certs.forEach((certDirective, i) => {
          const keyDirective = keys[i];
          if (!keyDirective || keyDirective.args.length !== 1) return;
          const pairKey = `${certDirective.file}:${certDirective.span.start}|${keyDirective.file}:${keyDirective.span.start}`;
          if (seen.has(pairKey)) return;
          seen.add(pairKey);
          const certFile = loadDirectiveFile(ctx, certDirective).pki;
          const keyFile = loadDirectiveFile(ctx, keyDirective).pki;
          const chain = certFile ? certificatesOf(certFile) : [];
          const key = keyFile ? privateKeysOf(keyFile)[0] : undefined;
          if (!chain.length || !key) return;
          const m = matchKeyToCertificate(key, chain[0]);
          if (m.result !== 'mismatch') return;
          const other = chain.findIndex((c, j) => j > 0 && matchKeyToCertificate(key, c).result === 'match');
          const hint = other > 0 ? ` The key belongs to certificate #${other + 1} of the file ("${chain[other].description.subject}"): put the leaf first.` : ' Name the key that was generated with this certificate, or the certificate issued for this key.';
          report({
            file: keyDirective.file,
            span: pathSpan(keyDirective),
            message: `"${keyName} ${keyDirective.args[0].value}" does not match the certificate "${chain[0].description.subject}" of "${certName} ${certDirective.args[0].value}": ${m.reason}. nginx refuses to start ("key values mismatch").${hint}`,
          });
        });
      }
    }
  },
};
