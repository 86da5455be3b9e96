import { pem, pemRuleTester } from '../../pemRuleTester';

const proxy = (directive: string): Record<string, string> => ({
  '/ws/nginx.conf': `events {}\nhttp {\n  server {\n    listen 80;\n    location / {\n      proxy_pass https://backend;\n      ${directive} /ws/certs/bundle.pem;\n    }\n  }\n}\n`,
});

pemRuleTester('pem/client-leaf-without-client-auth', {
  valid: [
    { name: 'a serverAuth-only certificate no config names', code: pem('server-only.crt') },
    { name: 'named by proxy_ssl_certificate, with clientAuth', code: pem('client-only.crt'), files: proxy('proxy_ssl_certificate') },
    { name: 'named by grpc_ssl_certificate, without EKU', code: pem('noeku.crt'), files: proxy('grpc_ssl_certificate') },
    { name: 'serverAuth-only, named by ssl_certificate', code: pem('server-only.crt'), files: proxy('ssl_certificate') },
  ],
  invalid: [
    { name: 'serverAuth-only, named by proxy_ssl_certificate', code: pem('server-only.crt'), files: proxy('proxy_ssl_certificate'), lines: [1], message: 'proxy_ssl_certificate' },
    {
      name: 'serverAuth-only, an Istio DestinationRule clientCertificate',
      code: pem('server-only.crt'),
      files: { '/ws/istio/dr.yaml': 'apiVersion: networking.istio.io/v1\nkind: DestinationRule\nspec:\n  host: backend\n  trafficPolicy:\n    tls:\n      mode: MUTUAL\n      clientCertificate: /ws/certs/bundle.pem\n' },
      lines: [1],
    },
  ],
});
