/**
 * nginx ssl_verify_depth (default 1) → SSL_CTX_set_verify_depth: since OpenSSL 1.1.0 the depth
 * is the number of intermediate CAs allowed between the peer's certificate and the trust anchor
 * (before 1.1.0 the anchor counted too). A CA list holding root → intermediate → intermediate
 * needs depth 2: with the default, every client of the lower intermediate fails verification.
 * The same holds for proxy_ssl_verify_depth against proxy_ssl_trusted_certificate.
 *
 *     ssl_client_certificate ca-chain.pem;   # root, int-1, int-2 (issued by int-1)
 *     ssl_verify_client on;                  # flagged: ssl_verify_depth 1 (default) is too short
 */
import { atLeast } from '../../core/version';
import { summarizeCaList } from '../../pki/chain';
import type { Directive } from '../ast';
import { effective, tlsEffective, VERIFYING } from '../contexts';
import { insertLineNextTo } from '../edits';
import type { NginxContext, NginxRule } from '../rule';
import { certificatesIn, effectiveIn, levelsOf } from '../tlsFiles';
import type { Reporter } from '../../core/rule';

const UPSTREAM = ['proxy', 'grpc', 'uwsgi'];

export const verifyDepthTooShort: NginxRule = {
  meta: {
    id: 'nginx/verify-depth-too-short',
    language: 'nginx',
    description: '`ssl_verify_depth` (or `proxy_ssl_verify_depth`) is shorter than the CA chain in the CA list needs.',
    severity: 'warning',
    fixable: true,
    citation: 'nginx ngx_http_ssl_module: ssl_verify_depth; OpenSSL SSL_CTX_set_verify_depth (1.1.0+: intermediates between leaf and trust anchor)',
  },
  check(ctx, report) {
    const seen = new Set<string>();
    for (const server of ctx.servers) {
      const verify = tlsEffective(server, 'ssl_verify_client', VERIFYING);
      if (!verify) continue;
      const cas = ['ssl_client_certificate', 'ssl_trusted_certificate'].map((n) => effective(server, n)).filter((d): d is Directive => !!d);
      check(ctx, report, seen, { verify, cas, depth: effective(server, 'ssl_verify_depth'), depthName: 'ssl_verify_depth', who: 'client' });
    }
    for (const { level, ancestors } of levelsOf(ctx.config)) {
      for (const m of UPSTREAM) {
        const trusted = level.filter((d) => d.name === `${m}_ssl_trusted_certificate`).at(-1);
        if (!trusted) continue;
        const levels = [...ancestors, level];
        const verify = effectiveIn(levels, `${m}_ssl_verify`);
        if (verify?.args[0]?.value !== 'on') continue;
        check(ctx, report, seen, { verify, cas: [trusted], depth: effectiveIn(levels, `${m}_ssl_verify_depth`), depthName: `${m}_ssl_verify_depth`, who: 'upstream server' });
      }
    }
  },
};

interface Target {
  verify: Directive;
  cas: Directive[];
  depth: Directive | undefined;
  depthName: string;
  who: string;
}

function check(ctx: NginxContext, report: Reporter, seen: Set<string>, t: Target): void {
  const certs = t.cas.flatMap((d) => certificatesIn(ctx, d));
  if (!certs.length) return;
  const { longestChain } = summarizeCaList(certs);
  const v = ctx.settings.nginx.opensslVersion;
  const anchorCounts = v !== undefined && !atLeast(v, '1.1.0');
  const required = anchorCounts ? longestChain : longestChain - 1;
  const current = t.depth ? Number.parseInt(t.depth.args[0]?.value ?? '', 10) : 1;
  if (!Number.isFinite(current) || required <= current) return;
  const anchor = t.depth ?? t.verify;
  const key = `${anchor.file}:${anchor.span.start}:${required}`;
  if (seen.has(key)) return;
  seen.add(key);
  const files = t.cas.map((d) => `"${d.name} ${d.args[0]?.value ?? ''}"`).join(' and ');
  const edit = t.depth?.args[0]
    ? { file: t.depth.file, span: t.depth.args[0].span, newText: String(required) }
    : insertLineNextTo(ctx.config, t.verify, `${t.depthName} ${required};`, 'after');
  report({
    file: anchor.file,
    span: anchor.span,
    message: `${t.depth ? `"${t.depthName} ${current}"` : `${t.depthName} is 1 (the default)`}, but ${files} holds a chain of ${longestChain} CA certificates: a ${t.who} certificate issued by the lowest CA needs ${t.depthName} ${required}, or its verification fails. Set "${t.depthName} ${required};".`,
    fixes: [{ title: `Set ${t.depthName} ${required}`, preferred: true, edits: [edit] }],
  });
}
