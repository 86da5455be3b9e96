import { ruleTester } from '../../ruleTester';
import { fixture, sslFiles } from '../../pki/fixtures';
import { bareServer } from './fixtures';

ruleTester('nginx/certificate-chain-order', {
  valid: [
    { name: 'leaf then intermediate', code: bareServer('    ssl_certificate ssl/server-chain.pem;\n'), files: sslFiles('server-chain.pem') },
    { name: 'leaf, intermediate and root', code: bareServer('    ssl_certificate ssl/full.pem;\n'), files: { '/ws/ssl/full.pem': fixture('server-chain.pem') + fixture('root.crt') } },
    { name: 'leaf issued directly by a private root', code: bareServer('    ssl_certificate ssl/sha1.crt;\n'), files: sslFiles('sha1.crt', 'root.crt') },
    { name: 'lone leaf of a private CA (no AIA), issuer unknown', code: bareServer('    ssl_certificate ssl/p384.crt;\n'), files: sslFiles('p384.crt') },
    { name: 'self-signed root alone', code: bareServer('    ssl_certificate ssl/root.crt;\n'), files: sslFiles('root.crt') },
  ],
  invalid: [
    { name: 'intermediate before the leaf', code: bareServer('    ssl_certificate ssl/server-chain-reversed.pem;\n'), files: sslFiles('server-chain-reversed.pem'), lines: [3], severity: 'warning' },
    { name: 'unrelated certificate after the leaf', code: bareServer('    ssl_certificate ssl/x.pem;\n'), files: { '/ws/ssl/x.pem': fixture('server.crt') + fixture('client-int.crt') }, lines: [3] },
    { name: 'publicly issued leaf (AIA caIssuers) without its intermediate', code: bareServer('    ssl_certificate ssl/server.crt;\n'), files: sslFiles('server.crt'), lines: [3] },
    {
      name: 'the intermediate is known from the trusted certificates',
      code: bareServer('    ssl_certificate ssl/p384.crt;\n    ssl_trusted_certificate ssl/ca.pem;\n'),
      files: { ...sslFiles('p384.crt'), '/ws/ssl/ca.pem': fixture('root.crt') + fixture('server-int.crt') },
      lines: [3],
    },
  ],
});
