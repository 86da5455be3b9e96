import { ruleTester } from '../../ruleTester';
import { tls } from './fixtures';

ruleTester('nginx/cipher-string-empty', {
  valid: [
    { name: 'nginx default', code: tls('        ssl_ciphers HIGH:!aNULL:!MD5;\n') },
    { name: 'Mozilla intermediate, quoted', code: tls('        ssl_ciphers "ECDHE-ECDSA-AES128-GCM-SHA256:ECDHE-RSA-AES128-GCM-SHA256";\n') },
    { name: 'exclusions of ciphers this OpenSSL lacks are harmless', code: tls('        ssl_ciphers HIGH:!aNULL:!RC4:!3DES:!EXPORT:!kECDH;\n') },
    { name: 'proxy_ssl_ciphers DEFAULT', code: 'http {\n    proxy_ssl_ciphers DEFAULT;\n}\n' },
  ],
  invalid: [
    {
      name: 'TLS 1.3 suite only: nginx -t fails, fix puts the profile list',
      code: tls('        ssl_ciphers TLS_AES_128_GCM_SHA256;  # keep\n'),
      lines: [6],
      severity: 'error',
      output: tls('        ssl_ciphers ECDHE-ECDSA-AES128-GCM-SHA256:ECDHE-RSA-AES128-GCM-SHA256:ECDHE-ECDSA-AES256-GCM-SHA384:ECDHE-RSA-AES256-GCM-SHA384:ECDHE-ECDSA-CHACHA20-POLY1305:ECDHE-RSA-CHACHA20-POLY1305;  # keep\n'),
    },
    { name: 'nothing matches', code: tls('        ssl_ciphers NOPE-NULL-NOTHING;\n'), lines: [6], severity: 'error' },
    { name: 'syntax error OpenSSL refuses', code: tls("        ssl_ciphers 'HIGH:!!aNULL';\n"), lines: [6], severity: 'error' },
    { name: 'only weak families absent from OpenSSL 3', code: tls('        ssl_ciphers RC4:3DES;\n'), lines: [6], severity: 'error' },
    { name: 'in http, no TLS server uses it: warning', code: 'http {\n    ssl_ciphers FOO;\n    server {\n        listen 80;\n    }\n}\n', lines: [2], severity: 'warning' },
    { name: 'proxy_ssl_ciphers used by an https upstream', code: 'http {\n    proxy_ssl_ciphers FOO;\n    server {\n        listen 80;\n        location / {\n            proxy_pass https://backend;\n        }\n    }\n}\n', lines: [2], severity: 'error' },
    { name: 'a typo among working words: warning on the word', code: tls('        ssl_ciphers HIGH:!aNULL:ECDHE-RSA-AES128-GMC-SHA256;\n'), lines: [6], severity: 'warning' },
    { name: 'a TLS 1.3 name among working words', code: tls('        ssl_ciphers TLS_AES_256_GCM_SHA384:HIGH:!aNULL;\n'), lines: [6], severity: 'warning' },
  ],
});
