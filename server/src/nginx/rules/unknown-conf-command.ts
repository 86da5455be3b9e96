/**
 * nginx ssl_conf_command (1.19.4) hands name and value to OpenSSL SSL_CONF_cmd(3) in its
 * configuration-file form; an unknown name fails with "unknown cmd name" and nginx refuses to
 * start.
 *
 *     ssl_conf_command SessionTicket off;   # flagged: not a file-form command (Options -SessionTicket)
 */
import { compareVersions } from '../../core/version';
import { CONF_COMMAND_HINTS, findConfCommand } from '../../tls/conf-commands.data';
import type { NginxRule } from '../rule';
import { tlsDirectiveUses } from '../tls-use';

const NAMES = ['ssl_conf_command', 'proxy_ssl_conf_command', 'grpc_ssl_conf_command', 'uwsgi_ssl_conf_command'];

export const unknownConfCommand: NginxRule = {
  meta: {
    id: 'nginx/unknown-conf-command',
    language: 'nginx',
    description: '`ssl_conf_command` (or `proxy_`/`grpc_`/`uwsgi_ssl_conf_command`) with a command name OpenSSL does not know.',
    severity: 'error',
    fixable: false,
    citation: 'OpenSSL SSL_CONF_cmd(3) "SUPPORTED CONFIGURATION FILE COMMANDS"; nginx ssl_conf_command',
  },
  check(ctx, report) {
    const openssl = ctx.settings.nginx.opensslVersion;
    for (const { directive: d, inUse } of tlsDirectiveUses(ctx, NAMES)) {
      const nameArg = d.args[0];
      if (!nameArg || nameArg.value.includes('$')) continue;
      const cmd = findConfCommand(nameArg.value);
      const fatal = inUse ? 'nginx refuses to start with it' : 'nginx will refuse to start once a TLS server or upstream uses it';
      if (!cmd) {
        const hint = CONF_COMMAND_HINTS[nameArg.value.toLowerCase()];
        report({
          file: d.file,
          span: nameArg.span,
          message: `"${d.name} ${nameArg.value}": OpenSSL has no configuration command "${nameArg.value}" (SSL_CONF_cmd: unknown cmd name)${hint ? `; did you mean ${hint}?` : ''}: ${fatal}.`,
          severity: inUse ? 'error' : 'warning',
        });
      } else if (openssl && compareVersions(openssl, cmd.since) < 0) {
        report({
          file: d.file,
          span: nameArg.span,
          message: `"${d.name} ${nameArg.value}": "${cmd.name}" needs OpenSSL ${cmd.since}+; tlsnet.nginx.opensslVersion is ${openssl}: ${fatal}.`,
          severity: inUse ? 'error' : 'warning',
        });
      }
    }
  },
};
