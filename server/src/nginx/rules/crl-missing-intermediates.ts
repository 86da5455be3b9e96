/**
 * nginx ssl_crl turns on X509_V_FLAG_CRL_CHECK | X509_V_FLAG_CRL_CHECK_ALL: OpenSSL then needs a
 * CRL from every CA in the client's chain, intermediates included, and rejects clients of a CA
 * without one ("unable to get certificate CRL").
 *
 *     ssl_client_certificate client-ca-chain.pem;   # root + client intermediate
 *     ssl_crl root.crl;                             # flagged: no CRL of the intermediate
 */
import { summarizeCaList } from '../../pki/chain';
import { nameKey } from '../../pki/asn1';
import { crlsOf } from '../../pki/file';
import type { Directive } from '../ast';
import { effective, tlsEffective, VERIFYING } from '../contexts';
import type { NginxRule } from '../rule';
import { certificatesIn, loadDirectiveFile, pathSpan } from '../tlsFiles';

export const crlMissingIntermediates: NginxRule = {
  meta: {
    id: 'nginx/crl-missing-intermediates',
    language: 'nginx',
    description: '`ssl_crl` has no CRL for one of the CAs in the client CA list, so clients of that CA fail verification.',
    severity: 'warning',
    fixable: false,
    citation: 'nginx ngx_http_ssl_module: ssl_crl; OpenSSL X509_V_FLAG_CRL_CHECK_ALL; RFC 5280 §6.3',
  },
  check(ctx, report) {
    const seen = new Set<string>();
    for (const server of ctx.servers) {
      const crl = effective(server, 'ssl_crl');
      if (!crl || !tlsEffective(server, 'ssl_verify_client', VERIFYING)) continue;
      const crlFile = loadDirectiveFile(ctx, crl).pki;
      if (!crlFile) continue;
      const crls = crlsOf(crlFile);
      const cas = ['ssl_client_certificate', 'ssl_trusted_certificate'].map((n) => effective(server, n)).filter((d): d is Directive => !!d);
      const missing = summarizeCaList(cas.flatMap((d) => certificatesIn(ctx, d))).cas.filter((ca) => !crls.some((c) => nameKey(c.issuer) === nameKey(ca.description.subject) && (!c.aki || !ca.description.ski || c.aki === ca.description.ski)));
      const key = `${crl.file}:${crl.span.start}:${missing.map((m) => m.description.fingerprints.sha256).join()}`;
      if (!missing.length || seen.has(key)) continue;
      seen.add(key);
      report({
        file: crl.file,
        span: pathSpan(crl),
        message: `"ssl_crl ${crl.args[0]?.value ?? ''}" has no CRL issued by ${missing.map((m) => `"${m.description.subject}"`).join(', ')}. With ssl_crl nginx checks revocation along the whole chain, so clients under ${missing.length === 1 ? 'that CA' : 'those CAs'} fail with "unable to get certificate CRL". Append each CA's CRL to the file.`,
      });
    }
  },
};
