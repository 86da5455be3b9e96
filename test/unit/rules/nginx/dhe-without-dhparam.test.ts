import { ruleTester } from '../../ruleTester';
import { tls } from './fixtures';

ruleTester('nginx/dhe-without-dhparam', {
  valid: [
    { name: 'DHE with ssl_dhparam', code: tls('        ssl_ciphers ECDHE+AESGCM:DHE+AESGCM;\n        ssl_dhparam dh.pem;\n') },
    { name: 'no DHE suites', code: tls('        ssl_ciphers ECDHE+AESGCM;\n') },
    { name: 'default ciphers are not flagged', code: tls('') },
    { name: 'nginx before 1.11.0 had built-in DH params', code: tls('        ssl_ciphers DHE+AESGCM;\n'), settings: { 'nginx.version': '1.10.3' } },
  ],
  invalid: [
    {
      name: 'DHE without ssl_dhparam, fix adds it',
      code: tls('        ssl_ciphers ECDHE+AESGCM:DHE+AESGCM;\n'),
      lines: [6],
      severity: 'warning',
      output: tls('        ssl_ciphers ECDHE+AESGCM:DHE+AESGCM;\n        ssl_dhparam /etc/nginx/ssl/ffdhe2048.pem;\n'),
    },
  ],
});
