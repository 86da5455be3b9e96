/** Directives that name a TLS file, and what nginx expects to find in it (http, stream, mail and the proxy modules). */
export type FileRole = 'certificate' | 'key' | 'ca-list' | 'crl' | 'dhparam' | 'password' | 'ocsp-response';

const UPSTREAM = ['proxy', 'grpc', 'uwsgi'];

export const FILE_DIRECTIVES: Record<string, FileRole> = {
  ssl_certificate: 'certificate',
  ssl_certificate_key: 'key',
  ssl_client_certificate: 'ca-list',
  ssl_trusted_certificate: 'ca-list',
  ssl_crl: 'crl',
  ssl_dhparam: 'dhparam',
  ssl_password_file: 'password',
  ssl_stapling_file: 'ocsp-response',
  ...Object.fromEntries(
    UPSTREAM.flatMap((m) => [
      [`${m}_ssl_certificate`, 'certificate'],
      [`${m}_ssl_certificate_key`, 'key'],
      [`${m}_ssl_trusted_certificate`, 'ca-list'],
      [`${m}_ssl_crl`, 'crl'],
      [`${m}_ssl_password_file`, 'password'],
    ]),
  ),
};

/** The certificate directive and its key directive, per module. */
export const CERTIFICATE_KEY_PAIRS: [string, string][] = [['ssl_certificate', 'ssl_certificate_key'], ...UPSTREAM.map((m): [string, string] => [`${m}_ssl_certificate`, `${m}_ssl_certificate_key`])];
