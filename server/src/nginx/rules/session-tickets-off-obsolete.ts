/**
 * nginx 1.23.2 (CHANGES: automatic rotation of TLS session ticket keys when using shared memory
 * in ssl_session_cache): the old hardening advice `ssl_session_tickets off` — given because nginx
 * kept one ticket key until restart, hurting forward secrecy — is obsolete where a shared cache
 * is set, and costs TLS 1.2/1.3 session resumption.
 *
 *     ssl_session_cache shared:SSL:10m;
 *     ssl_session_tickets off;          # flagged (info) with nginx 1.23.2 and newer
 */
import { atLeast } from '../../core/version';
import type { Directive } from '../ast';
import { effective } from '../contexts';
import type { NginxRule } from '../rule';

const ROTATION = '1.23.2';

export const sessionTicketsOffObsolete: NginxRule = {
  meta: {
    id: 'nginx/session-tickets-off-obsolete',
    language: 'nginx',
    description: '`ssl_session_tickets off` as old hardening advice, where nginx 1.23.2+ already rotates ticket keys through the shared ssl_session_cache.',
    severity: 'info',
    fixable: false,
    citation: 'nginx CHANGES 1.23.2: automatic rotation of TLS session ticket keys with a shared ssl_session_cache',
  },
  check(ctx, report) {
    if (!atLeast(ctx.settings.nginx.version, ROTATION)) return;
    const seen = new Set<Directive>();
    for (const server of ctx.servers) {
      const tickets = effective(server, 'ssl_session_tickets');
      if (!tickets || seen.has(tickets) || tickets.args[0]?.value.toLowerCase() !== 'off') continue;
      const cache = effective(server, 'ssl_session_cache');
      if (!cache?.args.some((a) => a.value.startsWith('shared:'))) continue;
      if (effective(server, 'ssl_session_ticket_key')) continue; // keys managed by hand: a deliberate setup
      seen.add(tickets);
      report({
        file: tickets.file,
        span: tickets.span,
        message: `"ssl_session_tickets off" is old advice: since nginx ${ROTATION} the ticket keys live in the shared ssl_session_cache and rotate automatically, so tickets no longer weaken forward secrecy for long. Turning them off only loses session resumption for clients that rely on tickets. Keep it off only if policy forbids stateless resumption or several nginx hosts behind one name cannot share tickets.`,
      });
    }
  },
};
