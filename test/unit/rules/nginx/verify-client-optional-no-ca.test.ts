import { ruleTester } from '../../ruleTester';

const tls = (body: string): string => `server {\n    listen 443 ssl;\n    ssl_certificate s.pem;\n${body}}\n`;

ruleTester('nginx/verify-client-optional-no-ca', {
  valid: [
    { name: 'on with a CA', code: tls('    ssl_client_certificate ca.pem;\n    ssl_verify_client on;\n') },
    { name: 'plain HTTP server', code: 'server {\n    listen 80;\n    ssl_verify_client optional_no_ca;\n}\n' },
  ],
  invalid: [{ name: 'optional_no_ca', code: tls('    ssl_verify_client optional_no_ca;\n'), lines: [4], severity: 'warning' }],
});
