/**
 * OpenSSL X509_check_private_key / nginx "SSL_CTX_use_PrivateKey ... key values mismatch": a file
 * holding a certificate and a private key (a combined .pem, a Secret's tls.crt beside tls.key in
 * one manifest) is used as a pair; the key must belong to the first certificate (the leaf).
 *
 *     -----BEGIN PRIVATE KEY-----   # flagged: not the key of "CN=api.example.com" above
 */
import { matchKeyToCertificate } from '../../pki/match';
import type { PemRule } from '../rule';
import { bundles, certName, headSpan } from '../model';

export const keyMismatch: PemRule = {
  meta: {
    id: 'pem/key-mismatch',
    language: 'pem',
    description: 'A private key sits next to a certificate it does not belong to.',
    severity: 'warning',
    fixable: false,
    citation: 'OpenSSL X509_check_private_key; nginx ssl_certificate_key',
  },
  check(ctx, report) {
    const leaves = bundles(ctx).map((b) => b[0]);
    if (!leaves.length) return;
    for (const object of ctx.objects) {
      if (object.item?.kind !== 'private-key') continue;
      const key = object.item.key;
      const results = leaves.map((l) => matchKeyToCertificate(key, l.cert));
      if (!results.some((r) => r.result === 'mismatch') || results.some((r) => r.result !== 'mismatch')) continue;
      const all = leaves.map((l) => certName(l.cert)).join(', ');
      const first = results[0];
      report({
        file: ctx.path,
        span: headSpan(ctx.text, object),
        message: `This private key does not belong to ${leaves.length === 1 ? 'the certificate' : 'any of the certificates'} ${all} next to it${first.result === 'mismatch' ? ` (${first.reason})` : ''}: a server given this pair refuses to start ("key values mismatch"). Put the key generated with the certificate here.`,
      });
    }
  },
};
