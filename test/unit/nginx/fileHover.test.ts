import assert from 'node:assert/strict';
import { test } from 'node:test';
import { memoryHost } from '../../../server/src/core/host';
import { normalizeSettings } from '../../../server/src/core/settings';
import { hoverFilePath } from '../../../server/src/nginx/fileHover';
import { expandIncludes } from '../../../server/src/nginx/include';
import { parseNginx } from '../../../server/src/nginx/parser';
import { fixture, sslFiles } from '../pki/fixtures';
import { NOW } from '../ruleTester';

const conf = 'server {\n    listen 443 ssl;\n    ssl_certificate ssl/server-chain.pem;\n    ssl_certificate_key ssl/server.key;\n    ssl_client_certificate ssl/client-ca-chain.pem;\n    ssl_crl ssl/missing.crl;\n}\n';
const files = sslFiles('server-chain.pem', 'server.key', 'client-ca-chain.pem');
const host = memoryHost({ ...files, '/ws/nginx.conf': conf }, ['/ws']);
const ctx = { config: expandIncludes(parseNginx(conf, '/ws/nginx.conf'), host), host, settings: normalizeSettings({}), now: NOW };
const at = (s: string): string | undefined => hoverFilePath(ctx, '/ws/nginx.conf', conf.indexOf(s) + 2);

test('file hover: certificate bundle with validity, SANs, fingerprint and chain', () => {
  const md = at('ssl/server-chain.pem') ?? '';
  assert.match(md, /Certificate 1 of 2:\*\* `O=tlsnet test,CN=api.example.com`/);
  assert.match(md, /dns:api.example.com/);
  assert.match(md, /214 days left/);
  assert.match(md, /SHA-256: `[0-9a-f]{64}`/);
  assert.match(md, /\*\*Chain:\*\* leaf first/);
});

test('file hover: key shows type and match, never key material', () => {
  const md = at('ssl/server.key') ?? '';
  assert.match(md, /\*\*Private key:\*\* EC P-256 — matches `ssl\/server-chain.pem`/);
  const body = fixture('server.key').split('\n')[1];
  assert.ok(!md.includes(body.slice(10, 30)));
});

test('file hover: CA list summary, missing file, and nothing off a path', () => {
  assert.match(at('ssl/client-ca-chain.pem') ?? '', /2 CA certificates \(1 self-signed root, 1 intermediate\); longest chain 2/);
  assert.match(at('ssl/missing.crl') ?? '', /Not found\. Looked in:\n- `\/ws\/ssl\/missing.crl`/);
  assert.equal(at('listen'), undefined);
});
