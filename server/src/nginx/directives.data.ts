/**
 * The TLS directives tlsnet knows, as data (nginx.org ngx_http_ssl_module, ngx_stream_ssl_module,
 * ngx_http_proxy_module, ngx_http_core_module). Used by hover and completion; rules read it too.
 */
export interface DirectiveInfo {
  syntax: string;
  default?: string;
  contexts: string[];
  summary: string;
  /** Allowed literal values of the first argument, when they are a fixed set. */
  values?: string[];
  module: string;
}

const SSL = 'ngx_http_ssl_module';
const PROXY = 'ngx_http_proxy_module';

export const DIRECTIVES: Record<string, DirectiveInfo> = {
  ssl_verify_client: {
    syntax: 'ssl_verify_client on | off | optional | optional_no_ca;',
    default: 'off',
    contexts: ['http', 'server'],
    values: ['on', 'off', 'optional', 'optional_no_ca'],
    summary: 'Enables verification of client certificates (mTLS). `on` and `optional` need a CA list from `ssl_client_certificate` or `ssl_trusted_certificate`; `optional_no_ca` requests a certificate but does not verify it against a CA. The result is in `$ssl_client_verify`.',
    module: SSL,
  },
  ssl_client_certificate: {
    syntax: 'ssl_client_certificate file;',
    contexts: ['http', 'server'],
    summary: 'A file of trusted CA certificates in PEM used to verify client certificates (and OCSP responses with `ssl_stapling`). The CA names are sent to clients in the CertificateRequest.',
    module: SSL,
  },
  ssl_trusted_certificate: {
    syntax: 'ssl_trusted_certificate file;',
    contexts: ['http', 'server'],
    summary: 'Trusted CA certificates in PEM used to verify client certificates and OCSP responses; unlike `ssl_client_certificate`, their names are not sent to clients.',
    module: SSL,
  },
  ssl_verify_depth: {
    syntax: 'ssl_verify_depth number;',
    default: '1',
    contexts: ['http', 'server'],
    summary: 'The verification depth of the client certificate chain. The default 1 is too short when client certificates are issued by an intermediate CA.',
    module: SSL,
  },
  ssl_certificate: {
    syntax: 'ssl_certificate file;',
    contexts: ['http', 'server'],
    summary: 'The server certificate in PEM, followed by intermediate certificates (leaf first). May be given several times for certificates of different types (RSA, ECDSA).',
    module: SSL,
  },
  ssl_certificate_key: {
    syntax: 'ssl_certificate_key file;',
    contexts: ['http', 'server'],
    summary: 'The private key of the server certificate, in PEM.',
    module: SSL,
  },
  ssl_crl: {
    syntax: 'ssl_crl file;',
    contexts: ['http', 'server'],
    summary: 'Revoked certificates (CRLs in PEM) used to verify client certificates. It must hold the CRLs of every CA in the chain, intermediates included.',
    module: SSL,
  },
  ssl_protocols: {
    syntax: 'ssl_protocols [SSLv2] [SSLv3] [TLSv1] [TLSv1.1] [TLSv1.2] [TLSv1.3];',
    default: 'TLSv1.2 TLSv1.3',
    contexts: ['http', 'server'],
    values: ['TLSv1.2', 'TLSv1.3'],
    summary: 'The enabled TLS protocol versions. SSLv2, SSLv3, TLSv1 and TLSv1.1 are weak.',
    module: SSL,
  },
  ssl_ciphers: {
    syntax: 'ssl_ciphers ciphers;',
    default: 'HIGH:!aNULL:!MD5',
    contexts: ['http', 'server'],
    summary: 'The enabled TLS 1.2 and older ciphers, in OpenSSL cipher-list format.',
    module: SSL,
  },
  ssl_prefer_server_ciphers: {
    syntax: 'ssl_prefer_server_ciphers on | off;',
    default: 'off',
    contexts: ['http', 'server'],
    values: ['on', 'off'],
    summary: 'Whether the server\'s cipher order wins. Mozilla\'s intermediate and modern profiles keep it off.',
    module: SSL,
  },
  ssl_stapling: {
    syntax: 'ssl_stapling on | off;',
    default: 'off',
    contexts: ['http', 'server'],
    values: ['on', 'off'],
    summary: 'OCSP stapling: the server fetches its certificate\'s OCSP response and sends it in the handshake. Needs a `resolver`.',
    module: SSL,
  },
  ssl_stapling_verify: {
    syntax: 'ssl_stapling_verify on | off;',
    default: 'off',
    contexts: ['http', 'server'],
    values: ['on', 'off'],
    summary: 'Verifies OCSP responses before stapling them; needs `ssl_trusted_certificate` with the issuer chain.',
    module: SSL,
  },
  ssl_session_cache: {
    syntax: 'ssl_session_cache off | none | [builtin[:size]] [shared:name:size];',
    default: 'none',
    contexts: ['http', 'server'],
    summary: 'The TLS session cache; `shared:NAME:SIZE` is shared between worker processes.',
    module: SSL,
  },
  proxy_ssl_verify: {
    syntax: 'proxy_ssl_verify on | off;',
    default: 'off',
    contexts: ['http', 'server', 'location'],
    values: ['on', 'off'],
    summary: 'Verifies the upstream server certificate. Off by default: `proxy_pass https://` then trusts any certificate.',
    module: PROXY,
  },
  proxy_ssl_trusted_certificate: {
    syntax: 'proxy_ssl_trusted_certificate file;',
    contexts: ['http', 'server', 'location'],
    summary: 'Trusted CA certificates in PEM used to verify the upstream server certificate.',
    module: PROXY,
  },
  proxy_ssl_server_name: {
    syntax: 'proxy_ssl_server_name on | off;',
    default: 'off',
    contexts: ['http', 'server', 'location'],
    values: ['on', 'off'],
    summary: 'Sends the server name (SNI) to the upstream. Off by default.',
    module: PROXY,
  },
  proxy_ssl_verify_depth: {
    syntax: 'proxy_ssl_verify_depth number;',
    default: '1',
    contexts: ['http', 'server', 'location'],
    summary: 'The verification depth of the upstream server certificate chain.',
    module: PROXY,
  },
  proxy_ssl_certificate: {
    syntax: 'proxy_ssl_certificate file;',
    contexts: ['http', 'server', 'location'],
    summary: 'The client certificate nginx presents to the upstream (mTLS to the upstream).',
    module: PROXY,
  },
  proxy_ssl_certificate_key: {
    syntax: 'proxy_ssl_certificate_key file;',
    contexts: ['http', 'server', 'location'],
    summary: 'The private key of `proxy_ssl_certificate`.',
    module: PROXY,
  },
};

export function directiveDocsUrl(name: string): string {
  const info = DIRECTIVES[name];
  return info ? `https://nginx.org/en/docs/http/${info.module}.html#${name}` : 'https://nginx.org/en/docs/dirindex.html';
}
