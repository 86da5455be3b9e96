import { ruleTester } from '../../ruleTester';
import { sslFiles } from '../../pki/fixtures';
import { httpServer } from './fixtures';

ruleTester('nginx/file-not-found', {
  valid: [
    { name: 'files next to the config', code: httpServer('        ssl_certificate ssl/server.crt;\n        ssl_certificate_key ssl/server.key;\n'), files: sslFiles('server.crt', 'server.key') },
    { name: 'absolute path that exists', code: httpServer('        ssl_certificate /ws/ssl/server.crt;\n'), files: sslFiles('server.crt') },
    { name: 'server path mapped to the workspace', code: httpServer('        ssl_certificate /etc/nginx/ssl/server.crt;\n'), files: sslFiles('server.crt'), settings: { 'nginx.pathMappings': { '/etc/nginx': '/ws' } } },
    { name: 'relative mapping target against the root', code: httpServer('        ssl_trusted_certificate /etc/nginx/ssl/root.crt;\n'), files: sslFiles('root.crt'), settings: { 'nginx.pathMappings': { '/etc/nginx/': '.' } } },
    { name: 'variables cannot be resolved statically', code: httpServer('        ssl_certificate /etc/ssl/$ssl_server_name.crt;\n') },
    { name: 'inline data: and engine: keys are not files', code: httpServer('        ssl_certificate data:$cert;\n        ssl_certificate_key engine:pkcs11:id_45;\n') },
  ],
  invalid: [
    { name: 'missing certificate in a directory that exists here (as on the server)', code: httpServer('        ssl_certificate /ws/ssl/server.crt;\n        ssl_certificate_key /ws/ssl/server.key;\n'), files: sslFiles('server.key'), lines: [4], severity: 'warning' },
    { name: 'mapped server path with no file behind it', code: httpServer('        ssl_certificate /etc/nginx/ssl/server.crt;\n'), settings: { 'nginx.pathMappings': { '/etc/nginx': '/ws' } }, files: sslFiles('server.key'), lines: [4], severity: 'warning' },
    { name: 'unmapped server path not on this machine: info only, with the mapping to add', code: httpServer('        ssl_certificate /etc/nginx/ssl/server.crt;\n'), lines: [4], severity: 'info' },
    { name: 'missing CRL and dhparam', code: httpServer('        ssl_crl crl.pem;\n        ssl_dhparam dh.pem;\n'), lines: [4, 5] },
    { name: 'proxy client certificate in a location', code: 'http {\n    server {\n        location / {\n            proxy_ssl_certificate up.crt;\n        }\n    }\n}\n', lines: [4] },
  ],
});
