import assert from 'node:assert/strict';
import { test } from 'node:test';
import { hasCve202523419 } from '../../../../server/src/nginx/rules/shared-listen-verify-mismatch';
import { ruleTester } from '../../ruleTester';

const two = (second: string, listen2 = '443 ssl'): string =>
  `http {\n    server {\n        listen 443 ssl;\n        server_name public.example;\n        ssl_certificate p.pem;\n    }\n    server {\n        listen ${listen2};\n        server_name admin.example;\n        ssl_certificate a.pem;\n${second}    }\n}\n`;
const mtls = '        ssl_client_certificate ca.pem;\n        ssl_verify_client on;\n';

ruleTester('nginx/shared-listen-verify-mismatch', {
  valid: [
    { name: 'fixed nginx 1.26.3', code: two(mtls), settings: { 'nginx.version': '1.26.3' } },
    { name: 'version not set: latest stable is fixed', code: two(mtls) },
    { name: 'separate ports', code: two(mtls, '8443 ssl'), settings: { 'nginx.version': '1.24.0' } },
    { name: 'resumption off on the protected server', code: two(mtls + '        ssl_session_cache off;\n        ssl_session_tickets off;\n'), settings: { 'nginx.version': '1.24.0' } },
    { name: 'both servers verify alike', code: two(mtls).replace('        ssl_certificate p.pem;\n', '        ssl_certificate p.pem;\n' + mtls), settings: { 'nginx.version': '1.22.1' } },
  ],
  invalid: [
    { name: 'nginx 1.24.0, one socket, one server verifies', code: two(mtls), settings: { 'nginx.version': '1.24.0' }, lines: [12], severity: 'warning' },
    { name: 'mainline 1.27.3', code: two(mtls), settings: { 'nginx.version': '1.27.3' }, lines: [12] },
    { name: '443 and 0.0.0.0:443 are one socket', code: two(mtls, '0.0.0.0:443 ssl'), settings: { 'nginx.version': '1.22.1' }, lines: [12] },
  ],
});

test('nginx/shared-listen-verify-mismatch: affected versions', () => {
  assert.deepEqual(['1.11.3', '1.11.4', '1.22.1', '1.26.2', '1.26.3', '1.27.0', '1.27.3', '1.27.4', '1.28.0'].map(hasCve202523419), [false, true, true, true, false, true, true, false, false]);
});
