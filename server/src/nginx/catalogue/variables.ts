/**
 * Embedded `$ssl_*` variables of ngx_http_ssl_module, ngx_stream_ssl_module and
 * ngx_stream_ssl_preread_module (nginx.org docs), for hover on a variable inside an argument.
 */
export interface VariableSpec {
  name: string;
  holds: string;
  since?: string;
  /** Where it exists: http, stream, or both. */
  in: readonly ('http' | 'stream')[];
}

const B = ['http', 'stream'] as const;
const H = ['http'] as const;
const S = ['stream'] as const;

export const SSL_VARIABLES: readonly VariableSpec[] = [
  { name: 'ssl_alpn_protocol', in: B, since: '1.21.4', holds: 'The protocol chosen by ALPN in the handshake, or an empty string.' },
  { name: 'ssl_cipher', in: B, holds: 'The name of the cipher suite of the connection, e.g. `TLS_AES_128_GCM_SHA256`.' },
  { name: 'ssl_ciphers', in: B, since: '1.11.7', holds: 'The cipher suites the client offered; unknown ones as hex.' },
  { name: 'ssl_client_cert', in: B, holds: 'The client certificate in PEM with each line but the first prefixed by a tab (deprecated; use `$ssl_client_escaped_cert`).' },
  { name: 'ssl_client_escaped_cert', in: H, since: '1.13.5', holds: 'The client certificate in PEM, URL-encoded: suitable for a request header to the upstream.' },
  { name: 'ssl_client_fingerprint', in: B, since: '1.7.1', holds: 'The SHA-1 fingerprint of the client certificate.' },
  { name: 'ssl_client_i_dn', in: B, since: '1.11.6', holds: 'The issuer DN of the client certificate, RFC 2253 format (e.g. `CN=Client CA,O=Example`).' },
  { name: 'ssl_client_i_dn_legacy', in: B, since: '1.11.6', holds: 'The issuer DN of the client certificate in the old `/O=.../CN=...` format.' },
  { name: 'ssl_client_raw_cert', in: B, holds: 'The client certificate in PEM, unmodified (multi-line: not for headers).' },
  { name: 'ssl_client_s_dn', in: B, since: '1.11.6', holds: 'The subject DN of the client certificate, RFC 2253 format (e.g. `CN=alice,O=Example`).' },
  { name: 'ssl_client_s_dn_legacy', in: B, since: '1.11.6', holds: 'The subject DN of the client certificate in the old `/O=.../CN=...` format.' },
  { name: 'ssl_client_serial', in: B, holds: 'The serial number of the client certificate, in hex.' },
  { name: 'ssl_client_v_end', in: B, since: '1.11.7', holds: 'The end date of the client certificate (notAfter).' },
  { name: 'ssl_client_v_remain', in: B, since: '1.11.7', holds: 'The number of days until the client certificate expires.' },
  { name: 'ssl_client_v_start', in: B, since: '1.11.7', holds: 'The start date of the client certificate (notBefore).' },
  { name: 'ssl_client_verify', in: B, holds: 'The result of client certificate verification: `SUCCESS`, `FAILED:reason` (e.g. `FAILED:certificate has expired`), or `NONE` when no certificate was sent. Check it when `ssl_verify_client optional`.' },
  { name: 'ssl_curve', in: B, since: '1.21.5', holds: 'The key-exchange group negotiated, e.g. `x25519` (OpenSSL 3.0+).' },
  { name: 'ssl_curves', in: B, since: '1.11.7', holds: 'The groups the client supports; unknown ones as hex.' },
  { name: 'ssl_early_data', in: H, since: '1.15.3', holds: '`1` while TLS 1.3 early data is used and the handshake is not complete, otherwise empty. Pass it on so the application can reject replayable requests.' },
  { name: 'ssl_protocol', in: B, holds: 'The protocol of the connection, e.g. `TLSv1.3`.' },
  { name: 'ssl_server_name', in: B, since: '1.7.0', holds: 'The server name the client asked for with SNI, or empty.' },
  { name: 'ssl_session_id', in: B, holds: 'The session identifier of the connection.' },
  { name: 'ssl_session_reused', in: B, since: '1.5.11', holds: '`r` if the TLS session was resumed, `.` otherwise.' },
  { name: 'ssl_sigalg', in: B, since: '1.29.3', holds: 'The signature algorithm the server used in the handshake.' },
  { name: 'ssl_client_sigalg', in: B, since: '1.29.3', holds: 'The signature algorithm the client used for its certificate verify message.' },
  { name: 'ssl_ech_status', in: H, since: '1.29.4', holds: 'The Encrypted ClientHello status of the handshake.' },
  { name: 'ssl_ech_outer_server_name', in: H, since: '1.29.4', holds: 'The public (outer) server name of an Encrypted ClientHello.' },
  { name: 'ssl_preread_protocol', in: S, since: '1.15.2', holds: 'The highest protocol version the client supports (ssl_preread).' },
  { name: 'ssl_preread_server_name', in: S, holds: 'The server name from the ClientHello SNI, read by `ssl_preread` without terminating TLS.' },
  { name: 'ssl_preread_alpn_protocols', in: S, since: '1.13.10', holds: 'The ALPN protocols from the ClientHello, comma-separated (ssl_preread).' },
];
