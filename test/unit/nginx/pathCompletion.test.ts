import assert from 'node:assert/strict';
import { test } from 'node:test';
import { memoryHost } from '../../../server/src/core/host';
import { normalizeSettings } from '../../../server/src/core/settings';
import { nginxPathCompletions } from '../../../server/src/nginx/pathCompletion';
import { parseNginx } from '../../../server/src/nginx/parser';

const host = memoryHost({ '/ws/nginx/nginx.conf': '', '/ws/nginx/ssl/server.pem': 'x', '/ws/nginx/ssl/server.key': 'x', '/ws/nginx/ssl/notes.md': 'x', '/ws/certs/ca.pem': 'x' }, ['/ws']);
const at = (text: string, settings: Record<string, unknown> = {}) => {
  const offset = text.indexOf('|');
  const clean = text.replace('|', '');
  return nginxPathCompletions(parseNginx(clean, '/ws/nginx/nginx.conf'), offset, host, normalizeSettings(settings)).map((c) => `${c.kind}:${c.label}`);
};

test('path completion: relative to the config, folders first listed with a slash, certificate files only', () => {
  assert.deepEqual(at('server {\n    ssl_certificate ssl/|;\n}\n'), ['file:server.key', 'file:server.pem']);
  assert.ok(at('server {\n    ssl_certificate |\n}\n').includes('folder:ssl/'));
});

test('path completion: a server path under a path mapping lists the mapped workspace folder', () => {
  assert.deepEqual(at('ssl_client_certificate /etc/nginx/ssl/c|;\n', { nginx: { pathMappings: { '/etc/nginx/ssl': '/ws/certs' } } }), ['file:ca.pem']);
});

test('path completion: not for directives that take no file, and not for the directive name', () => {
  assert.deepEqual(at('ssl_protocols TLS|;\n'), []);
  assert.deepEqual(at('ssl_certif|'), []);
});
