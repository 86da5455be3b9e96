/**
 * nginx loads each TLS file with a PEM reader that expects one kind of content: ssl_certificate
 * a certificate (PEM_read_bio_X509_AUX), ssl_certificate_key a private key, a CA list or CRL file
 * certificates or CRLs (X509_load_cert_crl_file), ssl_dhparam DH PARAMETERS. Anything else, a DER
 * file, or a broken PEM block makes `nginx -t` fail.
 *
 *     ssl_certificate_key /etc/nginx/ssl/server.crt;   # flagged: holds a certificate, not a key
 */
import type { PkiFile } from '../../pki/file';
import type { FileRole } from '../tlsFiles.data';
import type { NginxRule } from '../rule';
import { fileDirectives, loadDirectiveFile, pathSpan } from '../tlsFiles';

type Checked = Exclude<FileRole, 'password' | 'ocsp-response'>;

/** What each role needs, how nginx reports its absence, and the PEM labels whose breakage matters. */
const EXPECT: Record<Checked, { needs: string; has: (f: PkiFile) => boolean; labels: RegExp }> = {
  certificate: { needs: 'a certificate ("BEGIN CERTIFICATE")', has: (f) => f.items.some((i) => i.kind === 'certificate'), labels: /CERTIFICATE$/ },
  key: { needs: 'a private key ("BEGIN PRIVATE KEY")', has: (f) => f.items.some((i) => i.kind === 'private-key'), labels: /PRIVATE KEY$/ },
  'ca-list': { needs: 'CA certificates ("BEGIN CERTIFICATE")', has: (f) => f.items.some((i) => i.kind === 'certificate' || i.kind === 'crl'), labels: /CERTIFICATE$|^X509 CRL$/ },
  crl: { needs: 'a CRL ("BEGIN X509 CRL")', has: (f) => f.items.some((i) => i.kind === 'crl' || i.kind === 'certificate'), labels: /CERTIFICATE$|^X509 CRL$/ },
  dhparam: { needs: 'DH parameters ("BEGIN DH PARAMETERS")', has: (f) => f.items.some((i) => i.kind === 'dh-params'), labels: /DH PARAMETERS$/ },
};

const found = (f: PkiFile): string => {
  const kinds = [...new Set(f.items.map((i) => (i.kind === 'other' ? i.label : i.kind.replace('-', ' '))))];
  return kinds.length ? `it holds ${kinds.join(', ')}` : f.format === 'none' ? 'it holds no PEM block' : 'nothing in it decodes';
};

export const fileWrongContent: NginxRule = {
  meta: {
    id: 'nginx/file-wrong-content',
    language: 'nginx',
    description: 'A TLS file holds the wrong kind of content (a key where a certificate belongs, no DH parameters, DER instead of PEM) or a broken PEM block.',
    severity: 'error',
    fixable: false,
    citation: 'nginx ngx_http_ssl_module: ssl_certificate, ssl_certificate_key, ssl_client_certificate, ssl_trusted_certificate, ssl_crl, ssl_dhparam; RFC 7468 (PEM)',
  },
  check(ctx, report) {
    for (const { directive, role, value } of fileDirectives(ctx.config)) {
      if (role === 'password' || role === 'ocsp-response') continue;
      const pki = loadDirectiveFile(ctx, directive).pki;
      if (!pki) continue;
      const expect = EXPECT[role];
      const at = { file: directive.file, span: pathSpan(directive) };
      if (pki.format === 'der') {
        report({ ...at, message: `"${directive.name} ${value}" is a binary DER file, but nginx reads PEM only: convert it (e.g. "openssl x509 -inform der -in FILE -out FILE.pem") and name the PEM file.` });
        continue;
      }
      // A base64 error is certain; an ASN.1 error may be a limit of the decoder, so it only warns.
      const broken = pki.errors.find((e) => e.label && expect.labels.test(e.label));
      if (broken) {
        const where = broken.pem ? ` at byte offset ${broken.offset ?? 0}` : '';
        report({ ...at, severity: broken.pem ? undefined : 'warning', message: `"${directive.name} ${value}": ${broken.message}${where}. ${broken.pem ? 'nginx cannot load a broken PEM block: re-export the file.' : 'tlsnet cannot decode it, and OpenSSL will likely refuse it too.'}` });
        continue;
      }
      if (!expect.has(pki)) report({ ...at, message: `"${directive.name} ${value}" must hold ${expect.needs}, but ${found(pki)}. nginx refuses to start with this file.` });
    }
  },
};
