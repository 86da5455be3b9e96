import assert from 'node:assert/strict';
import { test } from 'node:test';
import { nginxFolding } from '../../../server/src/nginx/folding';
import { parseNginx } from '../../../server/src/nginx/parser';

test('folding: nested blocks keep their closing line visible; comment runs fold', () => {
  const text = ['# TLS front end', '# for api.example.com', 'http {', '    server {', '        listen 443 ssl; # inline', '        location / {', '            return 200;', '        }', '    }', '}', ''].join('\n');
  assert.deepEqual(nginxFolding(parseNginx(text, '/a.conf')), [
    { startLine: 0, endLine: 1, kind: 'comment' },
    { startLine: 2, endLine: 8 },
    { startLine: 3, endLine: 7 },
    { startLine: 5, endLine: 6 },
  ]);
});

test('folding: an unclosed block folds to the end; a one-line block does not fold', () => {
  const text = 'events { worker_connections 8; }\nhttp {\n    server {\n        listen 80;\n';
  assert.deepEqual(nginxFolding(parseNginx(text, '/a.conf')), [
    { startLine: 1, endLine: 4 },
    { startLine: 2, endLine: 4 },
  ]);
});
