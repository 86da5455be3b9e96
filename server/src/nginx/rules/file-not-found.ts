/**
 * nginx reads every file a TLS directive names at start-up; a missing one stops it. A warning where
 * the file should be visible (a mapped or relative path, or an absolute one whose directory exists
 * here, as when the CLI runs on the server); only info when the config is edited away from the
 * server (an unmapped absolute path in a directory this machine does not have).
 *
 *     ssl_certificate /etc/nginx/ssl/server-chain.pem;   # flagged: no such file in the workspace
 */
import { dirname } from '../../core/paths';
import type { NginxRule } from '../rule';
import { fileDirectives, loadDirectiveFile, pathSpan } from '../tlsFiles';

export const fileNotFound: NginxRule = {
  meta: {
    id: 'nginx/file-not-found',
    language: 'nginx',
    description: 'A certificate, key, CA, CRL, DH parameters or password file named by an `ssl_*` directive cannot be found in the workspace.',
    severity: 'warning',
    fixable: false,
    citation: 'nginx ngx_http_ssl_module / ngx_stream_ssl_module / ngx_http_proxy_module: ssl_certificate, ssl_certificate_key, ssl_client_certificate, ssl_trusted_certificate, ssl_crl, ssl_dhparam',
  },
  check(ctx, report) {
    for (const { directive, value } of fileDirectives(ctx.config)) {
      const r = loadDirectiveFile(ctx, directive).resolved;
      if (r.kind !== 'missing') continue;
      const tried = r.tried.length > 4 ? [...r.tried.slice(0, 4), `and ${r.tried.length - 4} more`] : r.tried;
      if (r.offHost) {
        report({
          file: directive.file,
          span: pathSpan(directive),
          severity: 'info',
          message: `"${directive.name} ${value}" is not on this machine and no "tlsnet.nginx.pathMappings" entry covers it, so tlsnet cannot check it. Map the server directory to a workspace folder (for example {"${dirname(value)}": "\${workspaceFolder}/certs"}) to check the file's content.`,
        });
        continue;
      }
      report({
        file: directive.file,
        span: pathSpan(directive),
        message: `"${directive.name} ${value}": no such file (looked in ${tried.join(', ')}). If it exists only on the server, map the server path to a workspace folder with the "tlsnet.nginx.pathMappings" setting so its content can be checked; nginx does not start when the file is missing.`,
      });
    }
  },
};
