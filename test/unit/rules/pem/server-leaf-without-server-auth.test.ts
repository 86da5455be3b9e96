import { pem, pemRuleTester } from '../../pemRuleTester';

const nginx = (directive: string): Record<string, string> => ({
  '/ws/nginx.conf': `events {}\nhttp {\n  server {\n    listen 443 ssl;\n    ${directive} /ws/certs/bundle.pem;\n    ssl_certificate_key /ws/certs/bundle.key;\n  }\n}\n`,
});

pemRuleTester('pem/server-leaf-without-server-auth', {
  valid: [
    { name: 'a clientAuth-only certificate no config names', code: pem('client-only.crt') },
    { name: 'named by ssl_certificate, with serverAuth', code: pem('server-only.crt'), files: nginx('ssl_certificate') },
    { name: 'named by ssl_certificate, without EKU (every purpose)', code: pem('noeku.crt'), files: nginx('ssl_certificate') },
    { name: 'clientAuth-only, named by proxy_ssl_certificate (a client use)', code: pem('client-only.crt'), files: nginx('proxy_ssl_certificate') },
  ],
  invalid: [
    { name: 'clientAuth-only, named by ssl_certificate', code: pem('client-only.crt'), files: nginx('ssl_certificate'), lines: [1], message: '/ws/nginx.conf: ssl_certificate' },
    {
      name: 'clientAuth-only, an Istio Gateway serverCertificate',
      code: pem('client-only.crt'),
      files: { '/ws/istio/gateway.yaml': 'apiVersion: networking.istio.io/v1\nkind: Gateway\nspec:\n  servers:\n  - tls:\n      mode: SIMPLE\n      serverCertificate: /ws/certs/bundle.pem\n' },
      lines: [1],
    },
  ],
});
