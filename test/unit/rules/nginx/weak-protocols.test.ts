import { ruleTester } from '../../ruleTester';
import { tls } from './fixtures';

ruleTester('nginx/weak-protocols', {
  valid: [
    { name: 'intermediate', code: tls('        ssl_protocols TLSv1.2 TLSv1.3;\n') },
    { name: 'old profile allows TLSv1 and TLSv1.1', code: tls('        ssl_protocols TLSv1 TLSv1.1 TLSv1.2;\n'), settings: { 'tls.profile': 'old' } },
    { name: 'modern: TLSv1.3 only', code: tls('        ssl_protocols TLSv1.3;\n'), settings: { 'tls.profile': 'modern' } },
    { name: 'upstream TLSv1.2 under modern is not held to the profile', code: 'http {\n    proxy_ssl_protocols TLSv1.2 TLSv1.3;\n}\n', settings: { 'tls.profile': 'modern' } },
  ],
  invalid: [
    {
      name: 'TLSv1 and TLSv1.1 (gixy: insecure protocols); fix keeps the comment',
      code: tls('        ssl_protocols TLSv1 TLSv1.1 TLSv1.2; # legacy\n'),
      lines: [6],
      severity: 'warning',
      output: tls('        ssl_protocols TLSv1.2 TLSv1.3; # legacy\n'),
    },
    { name: 'SSLv3 even under old', code: tls('        ssl_protocols SSLv3 TLSv1 TLSv1.2;\n'), lines: [6], settings: { 'tls.profile': 'old' } },
    { name: 'modern: TLSv1.2 is below the profile', code: tls('        ssl_protocols TLSv1.2 TLSv1.3;\n'), lines: [6], settings: { 'tls.profile': 'modern' }, output: tls('        ssl_protocols TLSv1.3;\n') },
    { name: 'proxy_ssl_protocols', code: 'http {\n    proxy_ssl_protocols TLSv1 TLSv1.2;\n}\n', lines: [2] },
  ],
});
