/**
 * CVE-2025-23419 (nginx 1.11.4–1.26.2 and 1.27.0–1.27.3): servers that share one listen socket
 * share TLS session resumption, so a session established with a server that does not require a
 * client certificate resumes on one that does — client certificate authentication is bypassed.
 *
 *     server { listen 443 ssl; server_name public.example; ... }
 *     server { listen 443 ssl; server_name admin.example; ssl_verify_client on; ... }  # flagged on nginx 1.24.0
 */
import { compareVersions } from '../../core/version';
import type { Directive } from '../ast';
import { effective, isTlsServer, listenSockets, type ServerContext } from '../contexts';
import type { NginxRule } from '../rule';

/** Whether the configured nginx has the flaw: fixed in 1.26.3 (stable) and 1.27.4 (mainline). */
export function hasCve202523419(version: string): boolean {
  if (compareVersions(version, '1.11.4') < 0) return false;
  if (compareVersions(version, '1.26.3') < 0) return true;
  return compareVersions(version, '1.27.0') >= 0 && compareVersions(version, '1.27.4') < 0;
}

function verifyMode(server: ServerContext): string {
  const mode = effective(server, 'ssl_verify_client')?.args[0]?.value ?? 'off';
  if (mode === 'off' || mode === 'optional_no_ca') return mode;
  const ca = effective(server, 'ssl_client_certificate')?.args[0]?.value ?? effective(server, 'ssl_trusted_certificate')?.args[0]?.value ?? '';
  return `${mode} ${ca}`;
}

/** Resumption is off only when both the session cache and tickets are off. */
function resumes(server: ServerContext): boolean {
  const cache = effective(server, 'ssl_session_cache')?.args[0]?.value ?? 'none';
  const tickets = effective(server, 'ssl_session_tickets')?.args[0]?.value ?? 'on';
  return !(cache === 'off' && tickets === 'off');
}

const serverName = (s: ServerContext): string => effective(s, 'server_name')?.args.map((a) => a.value).join(' ') || '(no server_name)';

export const sharedListenVerifyMismatch: NginxRule = {
  meta: {
    id: 'nginx/shared-listen-verify-mismatch',
    language: 'nginx',
    description: 'Servers sharing one TLS listen socket verify client certificates differently on an nginx affected by CVE-2025-23419 (session resumption bypasses client authentication).',
    severity: 'warning',
    fixable: false,
    citation: 'CVE-2025-23419; nginx security advisory (February 2025), fixed in 1.26.3 and 1.27.4',
  },
  check(ctx, report) {
    const { version, versionAssumed } = ctx.settings.nginx;
    if (versionAssumed || !hasCve202523419(version)) return;
    const bySocket = new Map<string, ServerContext[]>();
    for (const s of ctx.servers) {
      if (s.protocol !== 'http' || !s.server || !isTlsServer(s)) continue;
      for (const socket of listenSockets(s).map((l) => l.socket)) bySocket.set(socket, [...(bySocket.get(socket) ?? []), s]);
    }
    const reported = new Set<Directive>();
    for (const [socket, group] of bySocket) {
      if (new Set(group.map(verifyMode)).size < 2) continue;
      for (const s of group) {
        const verify = effective(s, 'ssl_verify_client');
        const mode = verify?.args[0]?.value;
        if (!verify || (mode !== 'on' && mode !== 'optional') || reported.has(verify) || !resumes(s)) continue;
        reported.add(verify);
        const others = group.filter((o) => o !== s && verifyMode(o) !== verifyMode(s)).map(serverName);
        report({
          file: verify.file,
          span: verify.span,
          message: `nginx ${version} is affected by CVE-2025-23419: "${serverName(s)}" verifies client certificates but shares the listen socket ${socket.replace(/^\w+ /, '')} with ${others.join(', ')}, which verify differently; a TLS session resumed across them skips client certificate verification. Upgrade to nginx 1.26.3 / 1.27.4 or later, give this server its own listen address or port, or turn off resumption here ("ssl_session_cache off; ssl_session_tickets off;").`,
        });
      }
    }
  },
};
