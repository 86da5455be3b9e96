import { ruleTester } from '../../ruleTester';
import { inLocation } from './fixtures';

ruleTester('nginx/proxy-ssl-server-name-off', {
  valid: [
    { name: 'SNI on in the location', code: inLocation('            proxy_pass https://api.example.com;\n            proxy_ssl_server_name on;\n') },
    { name: 'SNI on inherited from http', code: inLocation('            proxy_pass https://api.example.com;\n', '    proxy_ssl_server_name on;\n') },
    { name: 'explicit off is a decision', code: inLocation('            proxy_pass https://legacy.example.com;\n            proxy_ssl_server_name off;\n') },
    { name: 'IPv4 literal', code: inLocation('            proxy_pass https://10.0.0.5:8443;\n') },
    { name: 'IPv6 literal', code: inLocation('            proxy_pass https://[2001:db8::5]:8443/api;\n') },
    { name: 'variable host', code: inLocation('            proxy_pass https://$backend;\n') },
    { name: 'localhost', code: inLocation('            proxy_pass https://localhost:8443;\n') },
    { name: 'plain http', code: inLocation('            proxy_pass http://api.example.com;\n') },
    { name: 'upstream block name', code: inLocation('            proxy_pass https://backend;\n', '    upstream backend {\n        server api.example.com:443;\n    }\n') },
    { name: 'upstream block defined in an included file', code: 'http {\n    include upstreams.conf;\n    server {\n        listen 80;\n        location / {\n            proxy_pass https://app_servers;\n        }\n    }\n}\n', files: { '/ws/upstreams.conf': 'upstream app_servers {\n    server 10.0.0.1:443;\n}\n' } },
    { name: 'fragment: a dotless name may be an upstream of the including file', code: 'server {\n    listen 80;\n    location / {\n        proxy_pass https://backend;\n    }\n}\n' },
    { name: 'stream upstream block', code: 'stream {\n    upstream db {\n        server 10.0.0.1:5432;\n    }\n    server {\n        listen 5000;\n        proxy_ssl on;\n        proxy_pass db;\n    }\n}\n' },
    { name: 'grpc with its own server_name on', code: inLocation('            grpc_pass grpcs://api.example.com:443;\n            grpc_ssl_server_name on;\n') },
  ],
  invalid: [
    {
      name: 'DNS name without SNI: fix adds proxy_ssl_server_name on',
      code: inLocation('            proxy_pass https://api.example.com/v1/;\n'),
      lines: [5],
      severity: 'warning',
      output: inLocation('            proxy_pass https://api.example.com/v1/;\n            proxy_ssl_server_name on;\n'),
    },
    { name: 'proxy_ssl_server_name does not count for grpc', code: inLocation('            grpc_pass grpcs://api.example.com:443;\n            proxy_ssl_server_name on;\n'), lines: [5] },
    { name: 'dotless name with no upstream block in a whole config', code: inLocation('            proxy_pass https://backend:8443;\n'), lines: [5] },
    {
      name: 'stream server',
      code: 'stream {\n    server {\n        listen 5000;\n        proxy_ssl on;\n        proxy_pass db.example.com:5432;\n    }\n}\n',
      lines: [5],
      output: 'stream {\n    server {\n        listen 5000;\n        proxy_ssl on;\n        proxy_pass db.example.com:5432;\n        proxy_ssl_server_name on;\n    }\n}\n',
    },
    {
      name: 'pass inside if inside a location: fix before the if',
      code: inLocation('            if ($request_method = POST) {\n                proxy_pass https://api.example.com;\n            }\n'),
      lines: [6],
      output: inLocation('            proxy_ssl_server_name on;\n            if ($request_method = POST) {\n                proxy_pass https://api.example.com;\n            }\n'),
    },
    {
      name: 'CRLF',
      code: 'server {\r\n    listen 80;\r\n    location / {\r\n        proxy_pass https://api.example.com;\r\n    }\r\n}\r\n',
      lines: [4],
      output: 'server {\r\n    listen 80;\r\n    location / {\r\n        proxy_pass https://api.example.com;\r\n        proxy_ssl_server_name on;\r\n    }\r\n}\r\n',
    },
  ],
});
