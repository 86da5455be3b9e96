import assert from 'node:assert/strict';
import { test } from 'node:test';
import { memoryHost } from '../../../server/src/core/host';
import { analyzeNginx } from '../../../server/src/nginx/analyze';
import { buildIncludeIndex } from '../../../server/src/nginx/workspace';

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
