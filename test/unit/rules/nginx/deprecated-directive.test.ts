import { ruleTester } from '../../ruleTester';
import { nginxVersion } from './fixtures';

ruleTester('nginx/deprecated-directive', {
  valid: [
    { name: 'listen ... ssl', code: 'http {\n    server {\n        listen 443 ssl;\n        http2 on;\n    }\n}\n' },
    { name: 'ssl on before 1.15.0', code: 'http {\n    server {\n        listen 443;\n        ssl on;\n    }\n}\n', settings: nginxVersion('1.14.2') },
    { name: 'listen http2 before 1.25.1', code: 'http {\n    server {\n        listen 443 ssl http2;\n    }\n}\n', settings: nginxVersion('1.22.1') },
    { name: 'ssl on once removed is removed-directive\'s business', code: 'http {\n    server {\n        listen 443;\n        ssl on;\n    }\n}\n', settings: nginxVersion('1.26.0') },
    { name: 'http2 in a stream listen is not the http parameter', code: 'stream {\n    server {\n        listen 443 ssl;\n    }\n}\n' },
  ],
  invalid: [
    {
      name: 'ssl on (1.22.1): fix moves ssl to the listen lines',
      code: 'http {\n    server {\n        listen 443;\n        listen [::]:443 ssl;\n        ssl on;\n    }\n}\n',
      settings: nginxVersion('1.22.1'),
      lines: [5],
      severity: 'warning',
      output: 'http {\n    server {\n        listen 443 ssl;\n        listen [::]:443 ssl;\n    }\n}\n',
    },
    {
      name: 'listen http2 at 1.25.1+: fix drops it and adds http2 on',
      code: 'http {\n    server {\n        listen 443 ssl http2;\n        listen [::]:443 ssl http2;\n        server_name a;\n    }\n}\n',
      settings: nginxVersion('1.26.3'),
      lines: [3, 4],
      severity: 'warning',
      output: 'http {\n    server {\n        listen 443 ssl;\n        listen [::]:443 ssl;\n        http2 on;\n        server_name a;\n    }\n}\n',
    },
    {
      name: 'listen http2 with the version assumed is info',
      code: 'server {\n    listen 443 ssl http2;\n    http2 on;\n}\n',
      lines: [2],
      severity: 'info',
      output: 'server {\n    listen 443 ssl;\n    http2 on;\n}\n',
    },
    { name: 'mail ssl on', code: 'mail {\n    server {\n        listen 993;\n        ssl on;\n    }\n}\n', settings: nginxVersion('1.20.2'), lines: [4] },
  ],
});
