import { ruleTester } from '../../ruleTester';
import { sslFiles } from '../../pki/fixtures';

// deep-ca-chain.pem: root → policy intermediate → issuing intermediate (two intermediates);
// client-ca-chain.pem: root → client intermediate (one). OpenSSL 1.1.0+ counts intermediates only.
const all = sslFiles('deep-ca-chain.pem', 'client-ca-chain.pem', 'root.crt');
const srv = (body: string): string => `server {\n    listen 443 ssl;\n    ssl_certificate s.pem;\n${body}}\n`;

ruleTester('nginx/verify-depth-too-short', {
  valid: [
    { name: 'one intermediate: the default depth 1 suffices (checked with nginx 1.22.1 / OpenSSL 3.0)', code: srv('    ssl_client_certificate ssl/client-ca-chain.pem;\n    ssl_verify_client on;\n'), files: all },
    { name: 'two intermediates with depth 2', code: srv('    ssl_client_certificate ssl/deep-ca-chain.pem;\n    ssl_verify_client on;\n    ssl_verify_depth 2;\n'), files: all },
    { name: 'verification off', code: srv('    ssl_client_certificate ssl/deep-ca-chain.pem;\n'), files: all },
    { name: 'root only', code: srv('    ssl_client_certificate ssl/root.crt;\n    ssl_verify_client on;\n'), files: all },
    { name: 'upstream with depth 2', code: 'http {\n    proxy_ssl_verify on;\n    proxy_ssl_verify_depth 2;\n    proxy_ssl_trusted_certificate ssl/deep-ca-chain.pem;\n}\n', files: all },
  ],
  invalid: [
    {
      name: 'two intermediates with the default depth: fix inserts the directive',
      code: srv('    ssl_client_certificate ssl/deep-ca-chain.pem;\n    ssl_verify_client on;\n'),
      files: all,
      lines: [5],
      severity: 'warning',
      output: srv('    ssl_client_certificate ssl/deep-ca-chain.pem;\n    ssl_verify_client on;\n    ssl_verify_depth 2;\n'),
    },
    {
      name: 'explicit depth 1: fix replaces the value',
      code: srv('    ssl_trusted_certificate ssl/deep-ca-chain.pem;\n    ssl_verify_client optional;\n    ssl_verify_depth 1;\n'),
      files: all,
      lines: [6],
      output: srv('    ssl_trusted_certificate ssl/deep-ca-chain.pem;\n    ssl_verify_client optional;\n    ssl_verify_depth 2;\n'),
    },
    { name: 'OpenSSL before 1.1.0 counts the trust anchor', code: srv('    ssl_client_certificate ssl/client-ca-chain.pem;\n    ssl_verify_client on;\n'), files: all, settings: { 'nginx.opensslVersion': '1.0.2u' }, lines: [5] },
    {
      name: 'upstream verification',
      code: 'http {\n    server {\n        location / {\n            proxy_ssl_verify on;\n            proxy_ssl_trusted_certificate ssl/deep-ca-chain.pem;\n        }\n    }\n}\n',
      files: all,
      lines: [4],
      output: 'http {\n    server {\n        location / {\n            proxy_ssl_verify on;\n            proxy_ssl_verify_depth 2;\n            proxy_ssl_trusted_certificate ssl/deep-ca-chain.pem;\n        }\n    }\n}\n',
    },
  ],
});
