import assert from 'node:assert/strict';
import { test } from 'node:test';
import { memoryHost } from '../../../server/src/core/host';
import { normalizeSettings } from '../../../server/src/core/settings';
import { certificatePathHover, pathAt } from '../../../server/src/pem/paths';
import { fixture } from '../pki/fixtures';
import { NOW } from '../ruleTester';

const host = memoryHost({ '/ws/k8s/certs/ca.pem': fixture('root.crt'), '/ws/tls/server.key': fixture('server.key'), '/ws/etc/istio/ca.crt': fixture('server-chain.pem') }, ['/ws']);
const ctx = { now: NOW, settings: normalizeSettings({}), host, file: '/ws/k8s/values.yaml' };
const hover = (text: string, needle: string): string => certificatePathHover(text, text.indexOf(needle) + 3, ctx)?.markdown ?? '';

test('paths: quoted, YAML and Istio field values; relative to the file, then the roots, absolute under a root', () => {
  assert.match(hover('caFile: "certs/ca.pem"\n', 'certs'), /File: `\/ws\/k8s\/certs\/ca\.pem`[\s\S]*\*\*Certificate:\*\*/);
  assert.equal(hover('{"key": "tls/server.key"}', 'tls/'), '', '.key is not a certificate extension outside the Istio fields');
  assert.match(hover('      privateKey: tls/server.key\n', 'tls/'), /\*\*Private key:\*\* EC P-256/);
  assert.match(hover('      caCertificates: /etc/istio/ca.crt\n', '/etc'), /File: `\/ws\/etc\/istio\/ca\.crt`[\s\S]*Certificate 1 of 2[\s\S]*\*\*Bundle of 2:\*\* leaf first/);
  assert.match(hover('ca: missing/ca.pem\n', 'missing'), /Not found in the workspace\. Looked in:\n- `\/ws\/k8s\/missing\/ca\.pem`\n- `\/ws\/missing\/ca\.pem`/);
});

test('paths: what is not a certificate path', () => {
  assert.equal(pathAt('name: web.example.com\n', 3), undefined);
  assert.equal(pathAt('image: nginx:1.27\n', 10), undefined);
  assert.deepEqual(pathAt("  - 'a b/c.crt'", 7), { value: 'a b/c.crt', span: { start: 5, end: 14 }, key: '' });
});
