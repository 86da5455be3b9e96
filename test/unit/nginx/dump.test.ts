import assert from 'node:assert/strict';
import { test } from 'node:test';
import { memoryHost } from '../../../server/src/core/host';
import { LineIndex } from '../../../server/src/core/text';
import { analyzeNginx } from '../../../server/src/nginx/analyze';
import { dumpSections } from '../../../server/src/nginx/dump';

const DUMP = [
  'nginx: the configuration file /etc/nginx/nginx.conf syntax is ok',
  'nginx: configuration file /etc/nginx/nginx.conf test is successful',
  '# configuration file /etc/nginx/nginx.conf:',
  'events {}',
  'http {',
  '    include mime.types;',
  '    include /etc/nginx/conf.d/*.conf;',
  '}',
  '',
  '# configuration file /etc/nginx/mime.types:',
  'types {',
  '    text/html html;',
  '}',
  '',
  '# configuration file /etc/nginx/conf.d/api.conf:',
  'server {',
  '    listen 443 ssl;',
  '    ssl_certificate /etc/nginx/ssl/s.pem;',
  '    ssl_certificate_key /etc/nginx/ssl/s.key;',
  '    # tlsnet-disable-next-line nginx/client-ca-without-verify',
  '    ssl_verify_client on;',
  '}',
  '',
].join('\n');

function analyze(text: string) {
  const errors: string[] = [];
  const r = analyzeNginx('/ws/dump.txt', text, { host: memoryHost({ '/ws/dump.txt': text }, ['/ws']), onError: (id, e) => errors.push(`${id}: ${String(e)}`) });
  assert.deepEqual(errors, []);
  const index = new LineIndex(text);
  // Errors only: the certificate files named here are not in the workspace (file-not-found warns).
  return r.findings.filter((f) => f.severity === 'error').map((f) => ({ rule: f.rule, file: f.file, line: index.positionAt(f.span.start).line + 1 }));
}

test('nginx -T dump: sections found after nginx status lines', () => {
  const s = dumpSections(DUMP);
  assert.deepEqual(s?.map((x) => x.path), ['/etc/nginx/nginx.conf', '/etc/nginx/mime.types', '/etc/nginx/conf.d/api.conf']);
  assert.equal(DUMP.slice(s![2].start).split('\n')[0], 'server {');
});

test('nginx -T dump: includes resolve to sections and findings point into the dump', () => {
  const found = analyze(DUMP);
  assert.deepEqual(found, [{ rule: 'nginx/verify-client-without-ca', file: '/ws/dump.txt', line: 21 }]);
});

test('nginx -T dump: a syntax error in one section is reported at its line in the dump', () => {
  const broken = DUMP.replace('    text/html html;', '    text/html html');
  assert.ok(analyze(broken).some((f) => f.rule === 'nginx/syntax-error' && f.line === 12));
});

test('an ordinary config with a "configuration file" comment is not a dump', () => {
  assert.equal(dumpSections('user nginx;\n# configuration file /etc/nginx/x.conf:\nevents {}\n'), undefined);
});
