import { ruleTester } from '../../ruleTester';
import { fixture, sslFiles } from '../../pki/fixtures';

const srv = (body: string): string => `server {\n    listen 443 ssl;\n    ssl_certificate s.pem;\n    ssl_client_certificate ssl/client-ca-chain.pem;\n${body}}\n`;
const all = { ...sslFiles('client-ca-chain.pem', 'root.crl', 'client-int.crl'), '/ws/ssl/both.crl': fixture('root.crl') + fixture('client-int.crl') };

ruleTester('nginx/crl-missing-intermediates', {
  valid: [
    { name: 'CRLs of the root and the intermediate', code: srv('    ssl_verify_client on;\n    ssl_crl ssl/both.crl;\n'), files: all },
    { name: 'no client verification', code: srv('    ssl_crl ssl/root.crl;\n'), files: all },
    { name: 'no ssl_crl', code: srv('    ssl_verify_client on;\n'), files: all },
  ],
  invalid: [
    { name: 'only the root CRL (nginx: "unable to get certificate CRL")', code: srv('    ssl_verify_client on;\n    ssl_crl ssl/root.crl;\n'), files: all, lines: [6], severity: 'warning' },
    { name: 'only the intermediate CRL', code: srv('    ssl_verify_client optional;\n    ssl_crl ssl/client-int.crl;\n'), files: all, lines: [6] },
  ],
});
