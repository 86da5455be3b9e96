import { ruleTester } from '../../ruleTester';
import { tls } from './fixtures';

ruleTester('nginx/unknown-ecdh-curve', {
  valid: [
    { name: 'auto (gixy auto_fp)', code: tls('        ssl_ecdh_curve auto;\n') },
    { name: 'classic curves (gixy classic_curves_fp)', code: tls('        ssl_ecdh_curve X25519:prime256v1:secp384r1;\n') },
    { name: 'aliases', code: tls('        ssl_ecdh_curve x25519:P-384:ffdhe2048;\n') },
    { name: 'ML-KEM hybrid on OpenSSL 3.5', code: tls('        ssl_ecdh_curve X25519MLKEM768:X25519;\n'), settings: { 'nginx.opensslVersion': '3.5.1' } },
    { name: '? prefix on 3.3+ (gixy pq_hybrid_with_prefix_fp)', code: tls('        ssl_ecdh_curve ?X25519MLKEM768:?SecP256r1MLKEM768:X25519:prime256v1;\n'), settings: { 'nginx.opensslVersion': '3.3.0' } },
  ],
  invalid: [
    {
      name: 'hybrid on OpenSSL 3.0 (gixy pq_hybrid_without_prefix): error, fix to safe list',
      code: tls('        ssl_ecdh_curve X25519MLKEM768:X25519:prime256v1;\n'),
      lines: [6],
      severity: 'error',
      settings: { 'nginx.opensslVersion': '3.0.13' },
      output: tls('        ssl_ecdh_curve X25519:prime256v1:secp384r1;\n'),
    },
    { name: 'hybrid, OpenSSL unknown: info', code: tls('        ssl_ecdh_curve X25519MLKEM768:X25519;\n'), lines: [6], severity: 'info' },
    { name: 'Kyber draft no OpenSSL knows (gixy kyber_draft_without_prefix)', code: 'http {\n    ssl_ecdh_curve X25519Kyber768Draft00:X25519;\n    server {\n        listen 443 ssl;\n        ssl_certificate s.pem;\n    }\n}\n', lines: [2], severity: 'error' },
    { name: 'unknown name', code: tls('        ssl_ecdh_curve X25519:nocurve;\n'), lines: [6], severity: 'error' },
    { name: 'wrong case', code: tls('        ssl_ecdh_curve SECP384R1;\n'), lines: [6], severity: 'error' },
    { name: 'duplicate group', code: tls('        ssl_ecdh_curve prime256v1:P-256;\n'), lines: [6], severity: 'error' },
    { name: '? prefix on 3.0: the prefix and the group', code: tls('        ssl_ecdh_curve ?X25519MLKEM768:X25519;\n'), lines: [6, 6], severity: 'error', settings: { 'nginx.opensslVersion': '3.0.2' } },
  ],
});
