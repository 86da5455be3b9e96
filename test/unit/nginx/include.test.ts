import assert from 'node:assert/strict';
import { test } from 'node:test';
import { memoryHost } from '../../../server/src/core/host';
import { expandIncludes } from '../../../server/src/nginx/include';
import { parseNginx } from '../../../server/src/nginx/parser';

test('include: globs resolve against the main config directory, sorted, dotfiles skipped', () => {
  const host = memoryHost({
    '/etc/nginx/nginx.conf': 'http { include conf.d/*.conf; }',
    '/etc/nginx/conf.d/b.conf': 'server { listen 2; }',
    '/etc/nginx/conf.d/a.conf': 'server { listen 1; }',
    '/etc/nginx/conf.d/.hidden.conf': 'server { listen 3; }',
    '/etc/nginx/conf.d/c.txt': 'server { listen 4; }',
  });
  const root = parseNginx(host.readFile('/etc/nginx/nginx.conf')!, '/etc/nginx/nginx.conf');
  const x = expandIncludes(root, host);
  const servers = x.directives[0].block!.children;
  assert.deepEqual(servers.map((s) => s.block!.children[0].args[0].value), ['1', '2']);
  assert.equal(servers[0].file, '/etc/nginx/conf.d/a.conf');
  assert.deepEqual(x.includeIssues, []);
});

test('include: relative to the including file, then the workspace roots; cycles stop', () => {
  const host = memoryHost(
    {
      '/ws/site/main.conf': 'include snippets/tls.conf;',
      '/ws/site/snippets/tls.conf': 'include ../loop.conf; include shared.conf;',
      '/ws/site/loop.conf': 'include /ws/site/main.conf;',
      '/ws/shared.conf': 'ssl_protocols TLSv1.3;',
    },
    ['/ws'],
  );
  const x = expandIncludes(parseNginx(host.readFile('/ws/site/main.conf')!, '/ws/site/main.conf'), host);
  assert.deepEqual(x.directives.map((d) => d.name), ['ssl_protocols']);
  assert.equal(x.includeIssues.length, 1);
  assert.match(x.includeIssues[0].message, /cycle/);
});
