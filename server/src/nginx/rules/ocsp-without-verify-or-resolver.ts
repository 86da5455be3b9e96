/**
 * nginx ngx_http_ssl_module, ssl_ocsp (1.19.0): OCSP checks of client certificates run only while
 * `ssl_verify_client` is `on` or `optional` (with `optional_no_ca` nginx -t fails: "ssl_ocsp" is
 * incompatible), and the responder named in each client certificate is looked up with `resolver`
 * at run time — without one every check fails ("no resolver defined").
 *
 *     ssl_verify_client on; ssl_ocsp on;   # flagged: no resolver, every client is refused
 */
import type { Directive } from '../ast';
import { effective, tlsEffective } from '../contexts';
import { insertLineNextTo } from '../edits';
import type { NginxRule } from '../rule';
import { DEFAULT_RESOLVER } from './stapling-without-resolver';

export const ocspWithoutVerifyOrResolver: NginxRule = {
  meta: {
    id: 'nginx/ocsp-without-verify-or-resolver',
    language: 'nginx',
    description: '`ssl_ocsp on|leaf` where client certificates are not verified, or with no `resolver` to reach the OCSP responder.',
    severity: 'warning',
    fixable: true,
    citation: 'nginx ngx_http_ssl_module: ssl_ocsp, ssl_ocsp_responder, ssl_verify_client; ngx_http_core_module: resolver',
  },
  check(ctx, report) {
    const seen = new Set<string>();
    const once = (d: Directive, kind: string): boolean => {
      const key = `${d.file}:${d.span.start}:${kind}`;
      if (seen.has(key)) return false;
      seen.add(key);
      return true;
    };
    for (const s of ctx.servers) {
      const ocsp = tlsEffective(s, 'ssl_ocsp', ['on', 'leaf']);
      if (!ocsp) continue;
      const mode = ocsp.args[0].value;
      const verify = effective(s, 'ssl_verify_client')?.args[0]?.value ?? 'off';
      if (verify === 'optional_no_ca') {
        if (once(ocsp, verify)) {
          report({
            file: ocsp.file,
            span: ocsp.span,
            severity: 'error',
            message: `"ssl_ocsp ${mode}" with "ssl_verify_client optional_no_ca": nginx refuses to start ("ssl_ocsp" is incompatible with "ssl_verify_client optional_no_ca"). Use "ssl_verify_client on" or "optional" with a CA list, or remove "ssl_ocsp".`,
          });
        }
      } else if (verify !== 'on' && verify !== 'optional') {
        if (once(ocsp, 'off')) {
          report({
            file: ocsp.file,
            span: ocsp.span,
            message: `"ssl_ocsp ${mode}" has no effect: client certificates are not requested ("ssl_verify_client" is ${verify === 'off' ? 'off' : `"${verify}"`}), so nginx never checks their OCSP status. Turn on "ssl_verify_client" or remove "ssl_ocsp".`,
          });
        }
      } else if (!effective(s, 'resolver') && !effective(s, 'ssl_ocsp_responder') && once(ocsp, 'resolver')) {
        report({
          file: ocsp.file,
          span: ocsp.span,
          message: `"ssl_ocsp ${mode}" has no "resolver": nginx cannot look up the OCSP responder named in client certificates, every check fails ("no resolver defined") and clients with valid certificates are refused. Add "resolver" (or "ssl_ocsp_responder").`,
          fixes: [{ title: 'Add resolver', preferred: true, edits: [insertLineNextTo(ctx.config, ocsp, `resolver \${1:${DEFAULT_RESOLVER}};`, 'before', true)] }],
        });
      }
    }
  },
};
