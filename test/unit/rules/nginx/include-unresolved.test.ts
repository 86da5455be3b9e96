import { ruleTester } from '../../ruleTester';

ruleTester('nginx/include-unresolved', {
  valid: [
    { name: 'relative include found next to the main config', code: 'http {\n  include conf.d/*.conf;\n}\n', files: { '/ws/conf.d/a.conf': 'server { listen 80; }\n' } },
    { name: 'plain file found', code: 'include mime.types;\n', files: { '/ws/mime.types': 'types { text/html html; }\n' } },
    { name: 'glob matching no file is accepted, as nginx does', code: 'http {\n  include sites-enabled/*;\n}\n' },
  ],
  invalid: [
    { name: 'missing file', code: 'http {\n  include snippets/tls.conf;\n}\n', lines: [2], severity: 'warning' },
    { name: 'include cycle is an error', code: 'include /ws/nginx.conf;\n', lines: [1], severity: 'error' },
  ],
});
