import { ruleTester } from '../../ruleTester';
import { nginxVersion } from './fixtures';

const srv = (body: string, http = ''): string => `http {\n${http}    server {\n        listen 443 ssl;\n        ssl_certificate s.pem;\n${body}    }\n}\n`;

ruleTester('nginx/session-tickets-off-obsolete', {
  valid: [
    { name: 'tickets off without a shared cache: keys would live until restart', code: srv('        ssl_session_tickets off;\n') },
    { name: 'before 1.23.2 the advice still holds', code: srv('        ssl_session_cache shared:SSL:10m;\n        ssl_session_tickets off;\n'), settings: nginxVersion('1.22.1') },
    { name: 'tickets on', code: srv('        ssl_session_cache shared:SSL:10m;\n        ssl_session_tickets on;\n') },
    { name: 'hand-managed ticket keys', code: srv('        ssl_session_cache shared:SSL:10m;\n        ssl_session_ticket_key t.key;\n        ssl_session_tickets off;\n') },
  ],
  invalid: [
    { name: 'shared cache and tickets off', code: srv('        ssl_session_cache shared:SSL:10m;\n        ssl_session_tickets off;\n'), lines: [6], severity: 'info' },
    { name: 'set at http level, reported once', code: 'http {\n    ssl_session_cache shared:SSL:10m;\n    ssl_session_tickets off;\n    server {\n        listen 443 ssl;\n    }\n    server {\n        listen 8443 ssl;\n    }\n}\n', lines: [3] },
  ],
});
