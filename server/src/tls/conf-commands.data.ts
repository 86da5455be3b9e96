// SSL_CONF_cmd(3) names in their configuration-file form, the form nginx uses for
// `ssl_conf_command` (SSL_CONF_FLAG_FILE: names compare case-insensitively). Command-line-only
// switches (`-no_ssl3`, `-bugs`, …) have no file form and are refused. Checked with `nginx -t` on
// OpenSSL 3.0.22: every name here is known; `SessionTicket`, `no_ssl3`, `KeyLogFile` are not.

export interface ConfCommand {
  name: string;
  /** Oldest OpenSSL release with the file-form name. */
  since: string;
  /** What the value is. */
  value: string;
}

export const CONF_COMMANDS: readonly ConfCommand[] = [
  { name: 'SignatureAlgorithms', since: '1.0.2', value: 'signature algorithms, e.g. ECDSA+SHA256:RSA-PSS+SHA256' },
  { name: 'ClientSignatureAlgorithms', since: '1.0.2', value: 'signature algorithms for client certificates' },
  { name: 'Curves', since: '1.0.2', value: 'groups (same as Groups)' },
  { name: 'Groups', since: '1.1.1', value: 'key-exchange groups, e.g. X25519:prime256v1' },
  { name: 'ECDHParameters', since: '1.0.2', value: 'one curve, or "Automatic"' },
  { name: 'CipherString', since: '1.0.2', value: 'TLS ≤ 1.2 cipher string (as ssl_ciphers)' },
  { name: 'Ciphersuites', since: '1.1.1', value: 'TLS 1.3 suites, e.g. TLS_AES_256_GCM_SHA384:TLS_CHACHA20_POLY1305_SHA256' },
  { name: 'Protocol', since: '1.0.2', value: 'protocols to enable/disable, e.g. -ALL,TLSv1.2' },
  { name: 'MinProtocol', since: '1.1.0', value: 'TLSv1.2, TLSv1.3, None' },
  { name: 'MaxProtocol', since: '1.1.0', value: 'TLSv1.2, TLSv1.3, None' },
  { name: 'Options', since: '1.0.2', value: 'option names, e.g. PrioritizeChaCha,-SessionTicket' },
  { name: 'VerifyMode', since: '1.1.0', value: 'Peer, Strict, Once, Request, Require' },
  { name: 'Certificate', since: '1.0.2', value: 'certificate file' },
  { name: 'PrivateKey', since: '1.0.2', value: 'private key file' },
  { name: 'ServerInfoFile', since: '1.0.2', value: 'serverinfo file' },
  { name: 'ChainCAPath', since: '1.1.0', value: 'directory' },
  { name: 'ChainCAFile', since: '1.1.0', value: 'file' },
  { name: 'ChainCAStore', since: '3.0', value: 'store URI' },
  { name: 'VerifyCAPath', since: '1.1.0', value: 'directory' },
  { name: 'VerifyCAFile', since: '1.1.0', value: 'file' },
  { name: 'VerifyCAStore', since: '3.0', value: 'store URI' },
  { name: 'RequestCAFile', since: '1.1.0', value: 'file' },
  { name: 'RequestCAPath', since: '1.1.1', value: 'directory' },
  { name: 'RequestCAStore', since: '3.0', value: 'store URI' },
  { name: 'ClientCAFile', since: '1.1.0', value: 'file' },
  { name: 'ClientCAPath', since: '1.1.0', value: 'directory' },
  { name: 'ClientCAStore', since: '3.0', value: 'store URI' },
  { name: 'DHParameters', since: '1.0.2', value: 'DH parameters file' },
  { name: 'RecordPadding', since: '1.1.1', value: 'block size' },
  { name: 'NumTickets', since: '1.1.1', value: 'number of TLS 1.3 session tickets' },
];

const byLower = new Map(CONF_COMMANDS.map((c) => [c.name.toLowerCase(), c]));

/** The command for a name as nginx passes it (file form: case-insensitive). */
export function findConfCommand(name: string): ConfCommand | undefined {
  return byLower.get(name.toLowerCase());
}

/** Common slips and what was meant. */
export const CONF_COMMAND_HINTS: Readonly<Record<string, string>> = {
  sessionticket: 'Options -SessionTicket (or nginx\'s ssl_session_tickets off)',
  ciphersuite: 'Ciphersuites',
  ciphers: 'CipherString (or nginx\'s ssl_ciphers)',
  protocols: 'MinProtocol / MaxProtocol (or nginx\'s ssl_protocols)',
  sigalgs: 'SignatureAlgorithms',
  prioritizechacha: 'Options PrioritizeChaCha',
  serverpreference: 'Options ServerPreference (or nginx\'s ssl_prefer_server_ciphers on)',
};
