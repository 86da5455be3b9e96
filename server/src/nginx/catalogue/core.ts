/**
 * Non-ssl_* directives that decide whether and how TLS is spoken: `listen` and its parameters,
 * HTTP/2 and HTTP/3 switches, QUIC, and the resolver used by OCSP (nginx.org docs:
 * ngx_http_core_module, ngx_http_v2_module, ngx_http_v3_module, stream and mail core).
 */
import { flag, HTTP_SRV, MAIL_SRV, one, STREAM_SRV, type Context, type DirectiveSpec } from './types';

const V3 = 'ngx_http_v3_module';

const resolver = (module: string, contexts: readonly Context[]): DirectiveSpec[] => [
  { name: 'resolver', module, contexts, syntax: 'resolver address ... [valid=time] [ipv4=on|off] [ipv6=on|off] [status_zone=zone]', min: 1, max: Infinity, kind: 'resolver', summary: 'DNS servers nginx itself queries at run time: for OCSP stapling and OCSP responders, and for upstream names held in variables.' },
  one('resolver_timeout', module, contexts, 'msec', 'time', 'How long a DNS query by `resolver` may take.', { default: '30s' }),
];

export const CORE_TLS: readonly DirectiveSpec[] = [
  { name: 'listen', module: 'ngx_http_core_module', contexts: ['server'], syntax: 'listen address[:port] [default_server] [ssl] [http2 | quic] [proxy_protocol] [reuseport] ...', min: 1, max: Infinity, kind: 'listen', repeatable: true, summary: 'The address and port the server accepts connections on. `ssl` makes it a TLS socket; `quic` a QUIC (HTTP/3) socket over UDP.' },
  { name: 'listen', module: 'ngx_stream_core_module', contexts: ['stream-server'], syntax: 'listen address:port [ssl] [udp] [proxy_protocol] [reuseport] ...', min: 1, max: Infinity, kind: 'listen', repeatable: true, summary: 'The address and port of the stream server. `ssl` terminates TLS with `ssl_certificate`.' },
  { name: 'listen', module: 'ngx_mail_core_module', contexts: ['mail-server'], syntax: 'listen address:port [ssl] [proxy_protocol] ...', min: 1, max: Infinity, kind: 'listen', repeatable: true, summary: 'The address and port of the mail server. `ssl` means implicit TLS (e.g. IMAPS 993); `starttls` upgrades plain connections instead.' },
  flag('http2', 'ngx_http_v2_module', HTTP_SRV, 'off', 'Enables HTTP/2 for the server (negotiated by ALPN on TLS sockets). Replaces the deprecated `http2` parameter of `listen`.', { since: '1.25.1' }),
  flag('http3', V3, HTTP_SRV, 'on', 'Enables HTTP/3 on the server\'s `listen ... quic` sockets.', { since: '1.25.0' }),
  flag('http3_hq', V3, HTTP_SRV, 'off', 'Enables the hq-interop protocol used for QUIC interoperability testing.', { since: '1.25.0' }),
  one('http3_max_concurrent_streams', V3, HTTP_SRV, 'number', 'number', 'The maximum number of concurrent HTTP/3 request streams in one connection.', { default: '128', since: '1.25.0' }),
  one('http3_stream_buffer_size', V3, HTTP_SRV, 'size', 'size', 'The size of the buffer for reading and writing QUIC streams.', { default: '64k', since: '1.25.0' }),
  one('quic_active_connection_id_limit', V3, HTTP_SRV, 'number', 'number', 'The QUIC active_connection_id_limit transport parameter.', { default: '2', since: '1.25.0' }),
  flag('quic_bpf', V3, ['main'], 'off', 'Routes QUIC packets to workers with eBPF, for connection migration with `reuseport` (Linux 5.7+).', { since: '1.25.0' }),
  flag('quic_gso', V3, HTTP_SRV, 'off', 'Sends QUIC packets with UDP segmentation offload.', { since: '1.25.0' }),
  one('quic_host_key', V3, HTTP_SRV, 'file', 'file', 'A secret key for QUIC stateless reset and address validation tokens; without it a random one is made at each start.', { since: '1.25.0' }),
  flag('quic_retry', V3, HTTP_SRV, 'off', 'Makes QUIC clients prove their address with a Retry packet before the handshake.', { since: '1.25.0' }),
  ...resolver('ngx_http_core_module', ['http', 'server', 'location']),
  ...resolver('ngx_http_upstream_module', ['upstream']).map((d) => ({ ...d, since: '1.27.3' })),
  ...resolver('ngx_stream_core_module', STREAM_SRV),
  ...resolver('ngx_stream_upstream_module', ['stream-upstream']).map((d) => ({ ...d, since: '1.27.3' })),
  ...resolver('ngx_mail_core_module', MAIL_SRV),
];

/** A `listen` parameter whose meaning or availability changed with the nginx version. */
export interface ListenParam {
  name: string;
  /** Which `listen` has it. */
  protocols: readonly ('http' | 'stream' | 'mail')[];
  since?: string;
  deprecated?: string;
  removed?: string;
  replacement?: string;
  summary: string;
}

export const LISTEN_PARAMS: readonly ListenParam[] = [
  { name: 'ssl', protocols: ['http', 'stream', 'mail'], summary: 'Connections on this port speak TLS.' },
  { name: 'http2', protocols: ['http'], since: '1.9.5', deprecated: '1.25.1', replacement: '`http2 on;`', summary: 'HTTP/2 on this port. Deprecated since 1.25.1 in favour of the `http2` directive.' },
  { name: 'spdy', protocols: ['http'], removed: '1.9.5', replacement: '`http2`', summary: 'SPDY, replaced by HTTP/2 in 1.9.5.' },
  { name: 'quic', protocols: ['http'], since: '1.25.0', summary: 'QUIC (HTTP/3) on this UDP port.' },
  { name: 'proxy_protocol', protocols: ['http', 'stream', 'mail'], summary: 'Connections start with a PROXY protocol header.' },
  { name: 'reuseport', protocols: ['http', 'stream'], since: '1.9.1', summary: 'A separate listening socket per worker (SO_REUSEPORT).' },
  { name: 'default_server', protocols: ['http'], summary: 'The server for requests whose Host / SNI matches no server_name.' },
];
