import { ruleTester } from '../../ruleTester';
import { httpServer } from './fixtures';

ruleTester('nginx/unknown-directive', {
  valid: [
    { name: 'known directives', code: httpServer('        ssl_certificate s.pem;\n        ssl_verify_client on;\n        proxy_ssl_verify on;\n') },
    { name: 'third-party module outside the TLS prefixes', code: httpServer('        more_set_headers "X: y";\n        brotli on;\n') },
    { name: 'OpenResty ssl_*_by_lua directives', code: httpServer('        ssl_certificate_by_lua_block { return }\n        ssl_session_fetch_by_lua_file f.lua;\n') },
    { name: 'nginx-ct ssl_ct', code: httpServer('        ssl_ct on;\n') },
    { name: 'inside a map body names are keys, not directives', code: 'http {\n    map $x $y {\n        ssl_foo 1;\n    }\n}\n' },
  ],
  invalid: [
    { name: 'unknown ssl_foo, no close candidate', code: httpServer('        ssl_foo on;\n'), lines: [4], severity: 'error' },
    {
      name: 'typo with one clear candidate: quick fix renames',
      code: httpServer('        ssl_verify_clinet on;\n'),
      lines: [4],
      output: httpServer('        ssl_verify_client on;\n'),
    },
    { name: 'proxy_ssl_ typo', code: httpServer('        location / {\n            proxy_ssl_verfy on;\n        }\n'), lines: [5], output: httpServer('        location / {\n            proxy_ssl_verify on;\n        }\n') },
    { name: 'a fragment (snippet) is judged too', code: 'ssl_protocol TLSv1.3;\n', lines: [1], output: 'ssl_protocols TLSv1.3;\n' },
  ],
});
