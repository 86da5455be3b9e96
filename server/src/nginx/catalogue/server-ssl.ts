/**
 * The server-side TLS directives of ngx_http_ssl_module, ngx_stream_ssl_module and
 * ngx_mail_ssl_module (nginx.org docs). The three modules share most names and meanings; each
 * table below says where a module differs (contexts, version added, extra directives).
 */
import { flag, HTTP_SRV, MAIL_SRV, one, STREAM_SRV, type Context, type DirectiveSpec } from './types';

const VERIFY_HELP = {
  off: 'No client certificate is requested (the default).',
  on: 'A client certificate is required and verified against the CA list; a handshake without a valid one fails (http answers 400).',
  optional: 'A client certificate is requested and verified if sent, but the connection goes on without one: the application must check `$ssl_client_verify`.',
  optional_no_ca: 'A client certificate is requested but not verified against any CA: whatever the client sends is passed on. Only for setups that verify it elsewhere.',
} as const;

/** Directives every one of the three server-side modules has, with the version each module got them. */
function shared(module: string, contexts: readonly Context[], since: Partial<Record<string, string>>): DirectiveSpec[] {
  const v = (name: string): Partial<DirectiveSpec> => (since[name] ? { since: since[name] } : {});
  return [
    one('ssl_certificate', module, contexts, 'file', 'file', 'The server certificate in PEM, followed by its intermediate certificates (leaf first). May be given several times, once per key type (RSA and ECDSA); the file name may hold variables.', { repeatable: true, ...v('ssl_certificate') }),
    one('ssl_certificate_key', module, contexts, 'file', 'file', 'The private key of the matching `ssl_certificate`, in PEM (or `engine:name:id`). Given once per `ssl_certificate`.', { repeatable: true, ...v('ssl_certificate_key') }),
    one('ssl_ciphers', module, contexts, 'string', 'ciphers', 'The TLS 1.2-and-older cipher suites, in OpenSSL cipher-list format. TLS 1.3 suites are set with `ssl_conf_command Ciphersuites`.', { default: 'HIGH:!aNULL:!MD5', ...v('ssl_ciphers') }),
    one('ssl_client_certificate', module, contexts, 'file', 'file', 'Trusted CA certificates in PEM for verifying client certificates; their names are sent to clients in the CertificateRequest.', v('ssl_client_certificate')),
    { name: 'ssl_conf_command', module, contexts, syntax: 'ssl_conf_command name value', min: 2, max: 2, kind: 'string', repeatable: true, summary: 'Passes a command straight to OpenSSL (`SSL_CONF_cmd`), e.g. `Ciphersuites` or `Options`. May be repeated; needs OpenSSL 1.0.2 or newer.', since: since.ssl_conf_command ?? '1.19.4' },
    one('ssl_crl', module, contexts, 'file', 'file', 'Revoked certificates (CRLs in PEM) checked when verifying client certificates. It must hold the CRL of every CA in the chain, intermediates included.', v('ssl_crl')),
    one('ssl_dhparam', module, contexts, 'file', 'file', 'DH parameters for DHE cipher suites. Without it DHE suites are not used (ECDHE still is).', v('ssl_dhparam')),
    one('ssl_ecdh_curve', module, contexts, 'string', 'curve', 'The key-exchange groups, colon-separated (e.g. `X25519:prime256v1`). The default `auto` lets OpenSSL choose its built-in list.', { default: 'auto', ...v('ssl_ecdh_curve') }),
    one('ssl_password_file', module, contexts, 'file', 'file', 'A file of passphrases for encrypted private keys, one per line, tried in turn.', { since: since.ssl_password_file ?? '1.7.3' }),
    flag('ssl_prefer_server_ciphers', module, contexts, 'off', 'Whether the server\'s cipher order wins over the client\'s for TLS 1.2 and older. Mozilla\'s intermediate and modern profiles keep it off.', v('ssl_prefer_server_ciphers')),
    {
      name: 'ssl_protocols', module, contexts, syntax: 'ssl_protocols [SSLv2] [SSLv3] [TLSv1] [TLSv1.1] [TLSv1.2] [TLSv1.3]', min: 1, max: Infinity, kind: 'bitmask',
      values: ['SSLv2', 'SSLv3', 'TLSv1', 'TLSv1.1', 'TLSv1.2', 'TLSv1.3'], default: 'TLSv1.2 TLSv1.3', repeatable: true,
      summary: 'The enabled protocol versions. SSLv2, SSLv3, TLSv1 and TLSv1.1 are weak; the default became `TLSv1.2 TLSv1.3` in 1.23.4. Given twice at one level, nginx enables the union.',
      valueHelp: { SSLv2: 'Broken; never enable.', SSLv3: 'Broken (POODLE); never enable.', TLSv1: 'Deprecated by RFC 8996.', 'TLSv1.1': 'Deprecated by RFC 8996.', 'TLSv1.2': 'Current; needed by older clients.', 'TLSv1.3': 'Current; parameter supported since 1.13.0.' },
      ...v('ssl_protocols'),
    },
    {
      name: 'ssl_session_cache', module, contexts, syntax: 'ssl_session_cache off | none | [builtin[:size]] [shared:name:size]', min: 1, max: 2, kind: 'session-cache', default: 'none', repeatable: true,
      summary: 'The TLS session cache. `shared:NAME:SIZE` is shared by all workers (1 MB holds about 4000 sessions); `builtin` is per worker and fragments memory.',
      valueHelp: { off: 'Sessions may not be resumed from a cache; clients are told so.', none: 'Clients are told sessions may be reused, but nothing is stored (the default).' },
      ...v('ssl_session_cache'),
    },
    one('ssl_session_ticket_key', module, contexts, 'file', 'file', 'A file of 80 or 48 random bytes that encrypts session tickets, so several servers can share them. Several keys: the first encrypts, all decrypt (rotation).', { repeatable: true, since: since.ssl_session_ticket_key ?? '1.5.7' }),
    flag('ssl_session_tickets', module, contexts, 'on', 'Session resumption through TLS session tickets. Since 1.23.2 the ticket keys rotate automatically when a shared `ssl_session_cache` is set.', { since: since.ssl_session_tickets ?? '1.5.9' }),
    one('ssl_session_timeout', module, contexts, 'time', 'time', 'How long a client may reuse session parameters.', { default: '5m', ...v('ssl_session_timeout') }),
    one('ssl_trusted_certificate', module, contexts, 'file', 'file', 'Trusted CA certificates in PEM for verifying client certificates and OCSP responses; unlike `ssl_client_certificate`, their names are not sent to clients.', v('ssl_trusted_certificate')),
    { name: 'ssl_verify_client', module, contexts, syntax: 'ssl_verify_client on | off | optional | optional_no_ca', min: 1, max: 1, kind: 'enum', values: ['on', 'off', 'optional', 'optional_no_ca'], default: 'off', summary: 'Requests and verifies client certificates (mutual TLS). `on` and `optional` need a CA list; the outcome is in `$ssl_client_verify`.', valueHelp: VERIFY_HELP, ...v('ssl_verify_client') },
    one('ssl_verify_depth', module, contexts, 'number', 'number', 'The maximum length of the client certificate chain checked. The default 1 only accepts client certificates issued directly by a CA in the list.', { default: '1', ...v('ssl_verify_depth') }),
    { name: 'ssl_certificate_compression', module, contexts, syntax: 'ssl_certificate_compression on | off', min: 1, max: 1, kind: 'flag', values: ['on', 'off'], default: 'off', since: '1.29.1', summary: 'Sends the server certificate compressed in TLS 1.3 (RFC 8879), pre-compressed at startup; needs OpenSSL 3.2+ built with zlib, brotli or zstd.' },
  ];
}

const HTTP = 'ngx_http_ssl_module';
const STREAM = 'ngx_stream_ssl_module';
const MAIL = 'ngx_mail_ssl_module';

const OCSP = (module: string, contexts: readonly Context[], since: string): DirectiveSpec[] => [
  { name: 'ssl_ocsp', module, contexts, syntax: 'ssl_ocsp on | off | leaf', min: 1, max: 1, kind: 'enum', values: ['on', 'off', 'leaf'], default: 'off', since, summary: 'Checks client certificates with OCSP; `leaf` checks only the client certificate. Needs `ssl_verify_client` and a `resolver`.', valueHelp: { on: 'Every certificate of the client chain is checked with OCSP.', leaf: 'Only the client certificate itself is checked with OCSP.', off: 'No OCSP check of client certificates.' } },
  one('ssl_ocsp_cache', module, contexts, 'ocsp-cache', 'off | [shared:]name:size', 'Caches the OCSP status of client certificates, optionally in shared memory.', { default: 'off', since }),
  one('ssl_ocsp_responder', module, contexts, 'url', 'url', 'Overrides the OCSP responder named in the client certificate\'s Authority Information Access extension.', { since }),
  flag('ssl_stapling', module, contexts, 'off', 'OCSP stapling: nginx fetches its own certificate\'s OCSP response and sends it in the handshake. Needs a `resolver` (or `ssl_stapling_responder` by IP).', { since: module === HTTP ? '1.3.7' : since }),
  one('ssl_stapling_file', module, contexts, 'file', 'file', 'A DER OCSP response to staple instead of asking the responder.', { since: module === HTTP ? '1.3.7' : since }),
  one('ssl_stapling_responder', module, contexts, 'url', 'url', 'Overrides the OCSP responder from the certificate\'s Authority Information Access extension; only `http://` is supported.', { since: module === HTTP ? '1.3.7' : since }),
  flag('ssl_stapling_verify', module, contexts, 'off', 'Verifies OCSP responses before stapling them; the issuer chain must be in `ssl_trusted_certificate`.', { since: module === HTTP ? '1.3.7' : since }),
];

const CERT_CACHE = (module: string, contexts: readonly Context[]): DirectiveSpec => ({
  name: 'ssl_certificate_cache', module, contexts, syntax: 'ssl_certificate_cache off | max=N [inactive=time] [valid=time]', min: 1, max: 3, kind: 'object-cache', default: 'off', since: '1.27.4',
  summary: 'Caches certificates and keys named with variables in `ssl_certificate`/`ssl_certificate_key`, so they are not read on every handshake.',
});

const KEY_LOG = (module: string, contexts: readonly Context[]): DirectiveSpec =>
  one('ssl_key_log', module, contexts, 'file', 'path', 'Writes TLS key material in SSLKEYLOGFILE format, for decrypting captures. Debugging only; NGINX Plus.', { commercial: true, since: '1.27.2' });

const ECH = (module: string, contexts: readonly Context[]): DirectiveSpec =>
  one('ssl_ech_file', module, contexts, 'file', 'file', 'A PEM file with an Encrypted ClientHello key and configuration; needs an OpenSSL with ECH support. Several files: all decrypt, the first is offered for retries.', { since: '1.29.4', repeatable: true });

export const HTTP_SSL: readonly DirectiveSpec[] = [
  flag('ssl', HTTP, HTTP_SRV, 'off', 'Obsolete switch that enabled TLS for every listen socket of the server. Use the `ssl` parameter of `listen` instead.', { deprecated: '1.15.0', removed: '1.25.1', replacement: '`listen ... ssl`' }),
  one('ssl_buffer_size', HTTP, HTTP_SRV, 'size', 'size', 'The size of the buffer for sending data; smaller values (4k) cut time to first byte, the default 16k suits bulk transfers.', { default: '16k', since: '1.5.9' }),
  ...shared(HTTP, HTTP_SRV, { ssl_crl: '0.8.7', ssl_dhparam: '0.7.2', ssl_ecdh_curve: '1.1.0', ssl_trusted_certificate: '1.3.7' }),
  CERT_CACHE(HTTP, HTTP_SRV),
  flag('ssl_early_data', HTTP, HTTP_SRV, 'off', 'Accepts TLS 1.3 early data (0-RTT). Early data can be replayed; pass `$ssl_early_data` to the application so it can refuse unsafe requests.', { since: '1.15.3' }),
  ECH(HTTP, HTTP_SRV),
  KEY_LOG(HTTP, HTTP_SRV),
  ...OCSP(HTTP, HTTP_SRV, '1.19.0'),
  flag('ssl_reject_handshake', HTTP, HTTP_SRV, 'off', 'Rejects TLS handshakes in this server (e.g. a default server that should not reveal any certificate for unknown SNI names).', { since: '1.19.4' }),
];

export const STREAM_SSL: readonly DirectiveSpec[] = [
  { name: 'ssl_alpn', module: STREAM, contexts: STREAM_SRV, syntax: 'ssl_alpn protocol ...', min: 1, max: Infinity, kind: 'string', since: '1.21.4', summary: 'The ALPN protocols the server accepts; when a client offers ALPN, one of them must match.' },
  ...shared(STREAM, STREAM_SRV, { ssl_certificate: '1.9.0', ssl_certificate_key: '1.9.0', ssl_ciphers: '1.9.0', ssl_client_certificate: '1.11.8', ssl_crl: '1.11.8', ssl_dhparam: '1.9.0', ssl_ecdh_curve: '1.9.0', ssl_password_file: '1.9.0', ssl_prefer_server_ciphers: '1.9.0', ssl_protocols: '1.9.0', ssl_session_cache: '1.9.0', ssl_session_ticket_key: '1.9.0', ssl_session_tickets: '1.9.0', ssl_session_timeout: '1.9.0', ssl_trusted_certificate: '1.11.8', ssl_verify_client: '1.11.8', ssl_verify_depth: '1.11.8' }),
  CERT_CACHE(STREAM, STREAM_SRV),
  ECH(STREAM, STREAM_SRV),
  one('ssl_handshake_timeout', STREAM, STREAM_SRV, 'msec', 'time', 'How long the TLS handshake may take.', { default: '60s', since: '1.9.0' }),
  KEY_LOG(STREAM, STREAM_SRV),
  ...OCSP(STREAM, STREAM_SRV, '1.27.2'),
  flag('ssl_reject_handshake', STREAM, STREAM_SRV, 'off', 'Rejects TLS handshakes in this server.', { since: '1.25.5' }),
  flag('ssl_preread', 'ngx_stream_ssl_preread_module', STREAM_SRV, 'off', 'Reads the ClientHello without terminating TLS, filling `$ssl_preread_server_name`, `$ssl_preread_alpn_protocols` and `$ssl_preread_protocol` for routing.', { since: '1.11.5' }),
];

export const MAIL_SSL: readonly DirectiveSpec[] = [
  flag('ssl', MAIL, MAIL_SRV, 'off', 'Obsolete switch that enabled TLS for the mail server. Use the `ssl` parameter of `listen` instead.', { deprecated: '1.15.0', removed: '1.25.1', replacement: '`listen ... ssl`' }),
  ...shared(MAIL, MAIL_SRV, { ssl_client_certificate: '1.7.11', ssl_crl: '1.7.11', ssl_dhparam: '0.7.2', ssl_ecdh_curve: '1.1.0', ssl_trusted_certificate: '1.7.11', ssl_verify_client: '1.7.11', ssl_verify_depth: '1.7.11' }),
  { name: 'starttls', module: MAIL, contexts: MAIL_SRV, syntax: 'starttls on | off | only', min: 1, max: 1, kind: 'enum', values: ['on', 'off', 'only'], default: 'off', summary: 'Allows (`on`) or requires (`only`) STARTTLS/STLS to upgrade a plain mail connection to TLS.', valueHelp: { on: 'STARTTLS is offered; clients may still authenticate in plain text.', only: 'Clients must switch to TLS before anything else.', off: 'No STARTTLS.' } },
];

/** Directives of the main context that belong to TLS (ngx_openssl_module, ngx_core_module). */
export const MAIN_SSL: readonly DirectiveSpec[] = [
  one('ssl_engine', 'ngx_openssl_module', ['main'], 'string', 'device', 'The OpenSSL engine (hardware device) for private-key operations. Engines are deprecated in OpenSSL 3.0; providers replace them.'),
  flag('ssl_object_cache_inheritable', 'ngx_openssl_module', ['main'], 'on', 'Whether certificates, keys and CRLs loaded for TLS are reused across configuration reloads when the files did not change.', { since: '1.27.4' }),
];
