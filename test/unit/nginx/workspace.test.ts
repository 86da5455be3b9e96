import assert from 'node:assert/strict';
import { test } from 'node:test';
import { memoryHost } from '../../../server/src/core/host';
import { analyzeNginx } from '../../../server/src/nginx/analyze';
import { buildIncludeIndex } from '../../../server/src/nginx/workspace';
import { normalizeSettings } from '../../../server/src/core/settings';

const files = {
  '/ws/nginx.conf': 'events {}\nhttp {\n    ssl_certificate /etc/nginx/ssl/s.pem;\n    ssl_certificate_key /etc/nginx/ssl/s.key;\n    include conf.d/*.conf;\n}\n',
  '/ws/conf.d/api.conf': 'server {\n    listen 443 ssl;\n    server_name api.example.com;\n}\n',
  '/ws/conf.d/bad.conf': 'server {\n    listen 8443 ssl;\n    ssl_verify_client on;\n}\n',
  '/ws/snippets/unused.conf': 'ssl_protocols TLSv1.2;\n',
};

// Errors only: what matters here is whether the fragment is judged with or without its includer.
const run = (file: keyof typeof files, withIndex: boolean) => {
  const host = memoryHost(files, ['/ws']);
  return analyzeNginx(file, files[file], { host, includes: withIndex ? buildIncludeIndex(host) : undefined, onError: (id, e) => assert.fail(`${id}: ${String(e)}`) }).findings.filter((f) => f.severity === 'error').map((f) => `${f.rule} ${f.file}`);
};

test('include index: conf.d files are included by nginx.conf; a file nothing includes has no includer', () => {
  const index = buildIncludeIndex(memoryHost(files, ['/ws']));
  assert.equal(index.includerOf('/ws/conf.d/api.conf'), '/ws/nginx.conf');
  assert.equal(index.includerOf('/ws/snippets/unused.conf'), undefined);
  assert.equal(index.includerOf('/ws/nginx.conf'), undefined);
});

test('include index: a fragment inherits the http-level certificate of the config that includes it', () => {
  assert.ok(run('/ws/conf.d/api.conf', false).includes('nginx/listen-ssl-without-certificate /ws/conf.d/api.conf'), 'alone, the fragment looks broken');
  assert.deepEqual(run('/ws/conf.d/api.conf', true), []);
});

test("include index: a fragment's own problems are still found, and only its own", () => {
  assert.deepEqual(run('/ws/conf.d/bad.conf', true), ['nginx/verify-client-without-ca /ws/conf.d/bad.conf']);
});

test('focused analysis of a fragment (the editor) finds what the whole-tree analysis (the CLI) finds', () => {
  const tree = {
    '/ws/nginx.conf': 'events {}\nhttp {\n    ssl_certificate /etc/nginx/ssl/s.pem;\n    ssl_certificate_key /etc/nginx/ssl/s.key;\n    include conf.d/*.conf;\n}\n',
    '/ws/conf.d/a.conf': 'server {\n    listen 4.8.2.6:57;\n    ssl_certificate_key x.key;\n    ssl_verify_client optional;\n}\n',
    '/ws/conf.d/b.conf': 'upstream api { server 10.0.0.1:443; }\nserver {\n    listen 4.8.2.6:57 ssl;\n    ssl_certificate b.pem;\n    ssl_verify_client on;\n    ssl_client_certificate ca.pem;\n}\nserver {\n    listen 8443 ssl;\n    location / { proxy_pass https://api.example.com; }\n    location /v2 { proxy_pass https://api; }\n}\n',
    '/ws/conf.d/maps.conf': 'map $ssl_client_verify $ok { default 0; SUCCESS 1; }\nssl_protocols TLSv1 TLSv1.2;\n',
  };
  const host = memoryHost(tree, ['/ws']);
  const includes = buildIncludeIndex(host);
  for (const file of Object.keys(tree).filter((f) => f.includes('conf.d'))) {
    const run = (focus: boolean) =>
      analyzeNginx(file, tree[file as keyof typeof tree], { host, includes, focus, settings: normalizeSettings({ nginx: { version: '1.24.0' } }), onError: (id, e) => assert.fail(`${id}: ${String(e)}`) })
        .findings.map((f) => `${f.rule} ${f.span.start} ${f.message}`)
        .sort();
    const whole = run(false);
    assert.ok(whole.length > 0, `${file} has findings to compare`);
    assert.deepEqual(run(true), whole, file);
  }
});
