/**
 * TLS towards upstreams: proxy_ssl_* (ngx_http_proxy_module and ngx_stream_proxy_module),
 * grpc_ssl_* and uwsgi_ssl_* (nginx.org docs). The four families share names after the prefix;
 * each list says when its module got each directive.
 */
import { flag, HTTP_LOC, one, STREAM_SRV, type Context, type DirectiveSpec } from './types';

type Versions = Partial<Record<string, string>>;

function family(prefix: string, module: string, contexts: readonly Context[], since: Versions, pass: string, defaultName: string): DirectiveSpec[] {
  const v = (suffix: string): Partial<DirectiveSpec> => (since[suffix] ? { since: since[suffix] } : {});
  const n = (suffix: string): string => `${prefix}_ssl_${suffix}`;
  return [
    one(n('certificate'), module, contexts, 'file', 'file', `The client certificate (PEM) nginx presents to the upstream: mutual TLS towards the backend of \`${pass}\`.`, v('certificate')),
    {
      name: n('certificate_cache'), module, contexts, syntax: `${n('certificate_cache')} off | max=N [inactive=time] [valid=time]`, min: 1, max: 3, kind: 'object-cache', default: 'off', since: '1.27.4',
      summary: `Caches client certificates and keys named with variables in \`${n('certificate')}\`.`,
    },
    one(n('certificate_key'), module, contexts, 'file', 'file', `The private key of \`${n('certificate')}\`.`, v('certificate_key')),
    one(n('ciphers'), module, contexts, 'string', 'ciphers', 'The TLS 1.2-and-older cipher suites offered to the upstream, in OpenSSL format.', { default: 'DEFAULT', ...v('ciphers') }),
    { name: n('conf_command'), module, contexts, syntax: `${n('conf_command')} name value`, min: 2, max: 2, kind: 'string', repeatable: true, since: '1.19.4', summary: 'Passes an OpenSSL configuration command for connections to the upstream. May be repeated.' },
    one(n('crl'), module, contexts, 'file', 'file', 'Revoked certificates (CRLs in PEM) checked when verifying the upstream certificate.', v('crl')),
    one(n('key_log'), module, contexts, 'file', 'path', 'Writes the key material of upstream TLS connections in SSLKEYLOGFILE format. Debugging only; NGINX Plus.', { commercial: true, since: '1.27.2' }),
    one(n('name'), module, contexts, 'string', 'name', `The name used to verify the upstream certificate and, with \`${n('server_name')} on\`, sent as SNI.`, { default: defaultName, ...v('name') }),
    one(n('password_file'), module, contexts, 'file', 'file', `Passphrases for an encrypted \`${n('certificate_key')}\`, one per line.`, v('password_file')),
    {
      name: n('protocols'), module, contexts, syntax: `${n('protocols')} [SSLv2] [SSLv3] [TLSv1] [TLSv1.1] [TLSv1.2] [TLSv1.3]`, min: 1, max: Infinity, kind: 'bitmask',
      values: ['SSLv2', 'SSLv3', 'TLSv1', 'TLSv1.1', 'TLSv1.2', 'TLSv1.3'], default: 'TLSv1.2 TLSv1.3', repeatable: true,
      summary: 'The protocol versions offered to the upstream.', ...v('protocols'),
    },
    flag(n('server_name'), module, contexts, 'off', `Sends the upstream name (\`${n('name')}\`) as SNI. Off by default, so name-based TLS backends may answer with the wrong certificate.`, v('server_name')),
    flag(n('session_reuse'), module, contexts, 'on', 'Reuses TLS sessions with the upstream. Turn off if the backend logs "digest check failed" errors.', v('session_reuse')),
    one(n('trusted_certificate'), module, contexts, 'file', 'file', `Trusted CA certificates (PEM) for verifying the upstream certificate when \`${n('verify')} on\`.`, v('trusted_certificate')),
    flag(n('verify'), module, contexts, 'off', `Verifies the upstream certificate against \`${n('trusted_certificate')}\`. Off by default: \`${pass}\` over TLS then trusts any certificate.`, v('verify')),
    one(n('verify_depth'), module, contexts, 'number', 'number', 'The maximum length of the upstream certificate chain checked. The default 1 only accepts certificates issued directly by a trusted CA.', { default: '1', ...v('verify_depth') }),
  ];
}

const V170: Versions = { crl: '1.7.0', name: '1.7.0', server_name: '1.7.0', trusted_certificate: '1.7.0', verify: '1.7.0', verify_depth: '1.7.0', certificate: '1.7.8', certificate_key: '1.7.8', password_file: '1.7.8' };
const all = (version: string): Versions => Object.fromEntries(['certificate', 'certificate_key', 'ciphers', 'crl', 'name', 'password_file', 'protocols', 'server_name', 'session_reuse', 'trusted_certificate', 'verify', 'verify_depth'].map((s) => [s, version]));

export const UPSTREAM_SSL: readonly DirectiveSpec[] = [
  ...family('proxy', 'ngx_http_proxy_module', HTTP_LOC, { ...V170, ciphers: '1.5.6', protocols: '1.5.6' }, 'proxy_pass https://', '$proxy_host'),
  ...family('grpc', 'ngx_http_grpc_module', HTTP_LOC, all('1.13.10'), 'grpc_pass grpcs://', 'host from grpc_pass'),
  ...family('uwsgi', 'ngx_http_uwsgi_module', HTTP_LOC, { ...V170, ciphers: '1.5.8', protocols: '1.5.8', session_reuse: '1.5.8' }, 'uwsgi_pass suwsgi://', 'host from uwsgi_pass'),
  ...family('proxy', 'ngx_stream_proxy_module', STREAM_SRV, all('1.9.0'), 'proxy_ssl on', 'host from proxy_pass'),
  flag('proxy_ssl', 'ngx_stream_proxy_module', STREAM_SRV, 'off', 'Speaks TLS to the proxied server (stream). Verification of its certificate still needs `proxy_ssl_verify on`.', { since: '1.9.0' }),
];
