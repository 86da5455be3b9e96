/**
 * nginx's configuration grammar (ngx_conf_file.c): directives end with ";" or a "{...}" block,
 * quotes and braces must balance. `nginx -t` refuses a file that breaks it.
 *
 *     location / { proxy_pass http://up }   # flagged: directive "proxy_pass" is not terminated by ";"
 */
import type { NginxRule } from '../rule';

export const syntaxError: NginxRule = {
  meta: {
    id: 'nginx/syntax-error',
    language: 'nginx',
    description: 'The file does not follow nginx configuration syntax (unbalanced braces or quotes, a missing ";").',
    severity: 'error',
    fixable: false,
    citation: 'nginx: Configuration file measurement units and syntax (ngx_conf_file.c)',
  },
  check(ctx, report) {
    for (const file of ctx.config.files.values()) {
      for (const e of file.errors) report({ file: file.file, span: e.span, message: e.message });
    }
  },
};
