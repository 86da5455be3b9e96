import { ruleTester } from '../../ruleTester';
import { tls } from './fixtures';

ruleTester('nginx/weak-ciphers', {
  valid: [
    { name: 'nginx default', code: tls('        ssl_ciphers HIGH:!aNULL:!MD5;\n') },
    { name: 'excluded weak families', code: tls('        ssl_ciphers HIGH:!aNULL:!eNULL:!RC4:!3DES:!MD5;\n') },
    { name: 'TLS 1.3 only: ssl_ciphers is never used', code: tls('        ssl_protocols TLSv1.3;\n        ssl_ciphers ALL;\n') },
    { name: 'old profile keeps DES-CBC3-SHA', code: tls('        ssl_ciphers ECDHE-RSA-AES128-GCM-SHA256:DES-CBC3-SHA;\n'), settings: { 'tls.profile': 'old' } },
  ],
  invalid: [
    {
      name: 'ALL brings in anonymous suites; fix uses the profile list',
      code: tls('        ssl_ciphers ALL:!EXPORT;\n'),
      lines: [6],
      severity: 'warning',
      output: tls('        ssl_ciphers ECDHE-ECDSA-AES128-GCM-SHA256:ECDHE-RSA-AES128-GCM-SHA256:ECDHE-ECDSA-AES256-GCM-SHA384:ECDHE-RSA-AES256-GCM-SHA384:ECDHE-ECDSA-CHACHA20-POLY1305:ECDHE-RSA-CHACHA20-POLY1305;\n'),
    },
    { name: 'RC4 in a corpus string (gixy: RC4)', code: tls('        ssl_ciphers RC4:HIGH:!aNULL:!MD5;\n'), lines: [6] },
    { name: 'eNULL enabled', code: tls('        ssl_ciphers HIGH:eNULL;\n'), lines: [6] },
    { name: 'NULL-MD5 named', code: tls('        ssl_ciphers HIGH:!aNULL:NULL-MD5;\n'), lines: [6] },
    { name: '3DES (gixy: DES-CBC3)', code: tls('        ssl_ciphers HIGH:!aNULL:DES-CBC3-SHA;\n'), lines: [6] },
    { name: 'ADH (gixy: anonymous)', code: tls('        ssl_ciphers HIGH:ADH;\n'), lines: [6] },
  ],
});
