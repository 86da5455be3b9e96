import { ruleTester } from '../../ruleTester';
import { fixture, sslFiles } from '../../pki/fixtures';
import { bareServer } from './fixtures';

const broken = fixture('server.crt').replace(/\n[A-Za-z0-9+/]{10}/, '\n!!!!!!!!!!');

ruleTester('nginx/file-wrong-content', {
  valid: [
    { name: 'every file holds what it should', code: bareServer('    ssl_certificate ssl/server-chain.pem;\n    ssl_certificate_key ssl/server.key;\n    ssl_client_certificate ssl/client-ca-chain.pem;\n    ssl_crl ssl/root.crl;\n    ssl_dhparam ssl/dhparam.pem;\n'), files: sslFiles('server-chain.pem', 'server.key', 'client-ca-chain.pem', 'root.crl', 'dhparam.pem') },
    { name: 'certificate and key in one file, named twice', code: bareServer('    ssl_certificate ssl/both.pem;\n    ssl_certificate_key ssl/both.pem;\n'), files: { '/ws/ssl/both.pem': fixture('server.crt') + fixture('server.key') } },
    { name: 'junk between blocks, indented like a YAML block scalar', code: bareServer('    ssl_trusted_certificate ssl/ca.pem;\n'), files: { '/ws/ssl/ca.pem': `# CA bundle\nca: |\n${fixture('root.crt').replace(/^/gm, '  ')}trailing notes\n` } },
    { name: 'a CRL file may also hold certificates (OpenSSL loads both)', code: bareServer('    ssl_crl ssl/root.crt;\n'), files: sslFiles('root.crt') },
    { name: 'legacy encrypted RSA key', code: bareServer('    ssl_certificate_key ssl/k.pem;\n'), files: { '/ws/ssl/k.pem': '-----BEGIN RSA PRIVATE KEY-----\nProc-Type: 4,ENCRYPTED\nDEK-Info: AES-128-CBC,0123456789ABCDEF0123456789ABCDEF\n\nAAAA\n-----END RSA PRIVATE KEY-----\n' } },
  ],
  invalid: [
    { name: 'certificate where the key belongs', code: bareServer('    ssl_certificate ssl/server.crt;\n    ssl_certificate_key ssl/server.crt;\n'), files: sslFiles('server.crt'), lines: [4], severity: 'error' },
    { name: 'key where the certificate belongs', code: bareServer('    ssl_certificate ssl/server.key;\n'), files: sslFiles('server.key'), lines: [3] },
    { name: 'CA list with only a key', code: bareServer('    ssl_client_certificate ssl/server.key;\n'), files: sslFiles('server.key'), lines: [3] },
    { name: 'dhparam file with a certificate', code: bareServer('    ssl_dhparam ssl/server.crt;\n'), files: sslFiles('server.crt'), lines: [3] },
    { name: 'CRL file with plain text', code: bareServer('    ssl_crl ssl/notes.txt;\n'), files: { '/ws/ssl/notes.txt': 'TODO: fetch the CRL\n' }, lines: [3] },
    { name: 'broken base64 in the certificate', code: bareServer('    ssl_certificate ssl/bad.pem;\n'), files: { '/ws/ssl/bad.pem': broken }, lines: [3], severity: 'error' },
    { name: 'missing END line', code: bareServer('    ssl_trusted_certificate ssl/cut.pem;\n'), files: { '/ws/ssl/cut.pem': fixture('root.crt').split('\n').slice(0, 5).join('\n') }, lines: [3] },
  ],
});
