import { ruleTester } from '../../ruleTester';
import { fixture, sslFiles } from '../../pki/fixtures';

const srv = (body: string): string => `server {\n    listen 443 ssl;\n${body}    ssl_verify_client on;\n}\n`;

ruleTester('nginx/client-ca-not-ca', {
  valid: [
    { name: 'root and intermediate', code: srv('    ssl_client_certificate ssl/client-ca-chain.pem;\n'), files: sslFiles('client-ca-chain.pem') },
    { name: 'ssl_trusted_certificate is not checked', code: srv('    ssl_trusted_certificate ssl/server.crt;\n'), files: sslFiles('server.crt') },
  ],
  invalid: [
    { name: 'the server certificate as the client CA', code: srv('    ssl_client_certificate ssl/server.crt;\n'), files: sslFiles('server.crt'), lines: [3], severity: 'warning' },
    { name: 'a client leaf appended to the CA list', code: srv('    ssl_client_certificate ssl/ca.pem;\n'), files: { '/ws/ssl/ca.pem': fixture('client-ca-chain.pem') + fixture('client.crt') }, lines: [3] },
  ],
});
