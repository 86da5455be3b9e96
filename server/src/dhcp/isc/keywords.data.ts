/**
 * dhcpd 4.4's reserved words (common/conflex.c `intern`), lowercase. The lexer turns a name that
 * matches one (case-insensitively) into a keyword token; grammar positions that take any
 * identifier still accept them. `pick-first-value` and `do-forward-update` are aliases.
 */
export const ISC_KEYWORDS: readonly string[] = [
  'abandoned', 'active', 'add', 'address', 'after', 'algorithm', 'alias', 'all', 'allow', 'also', 'and', 'anycast-mac', 'append', 'array', 'at', 'atsfp',
  'authoring-byte-order', 'authenticated', 'authentication', 'authoritative', 'auto-partner-down',
  'backup', 'bootp', 'binding', 'binary-to-ascii', 'backoff-cutoff', 'booting', 'boot-unknown-clients', 'break', 'billing', 'boolean', 'balance', 'bound', 'big-endian',
  'case', 'check', 'ciaddr', 'class', 'clients', 'client-hostname', 'client-identifier', 'client-state', 'client-updates', 'close', 'cltt', 'code', 'commit',
  'communications-interrupted', 'compressed', 'concat', 'config-option', 'conflict-done', 'connect', 'create',
  'db-time-format', 'domain', 'domain-name', 'domain-list', 'do-forward-updates', 'do-forward-update', 'debug', 'deny', 'deleted', 'delete', 'default', 'default-duid',
  'default-lease-time', 'dynamic', 'dynamic-bootp', 'dynamic-bootp-lease-cutoff', 'dynamic-bootp-lease-length', 'duplicates', 'declines', 'defined', 'define', 'dit', 'dit-count',
  'extract-int', 'exists', 'expiry', 'expire', 'expired', 'encode-int', 'epoch', 'ethernet', 'ends', 'else', 'elsif', 'error', 'eval', 'encapsulate', 'execute', 'en',
  'fatal', 'filename', 'fixed-address', 'fixed-address6', 'fixed-prefix6', 'fddi', 'formerr', 'function', 'failover', 'free',
  'get-lease-hostnames', 'gethostbyname', 'gethostname', 'giaddr', 'group',
  'hash', 'hba', 'host', 'host-decl-name', 'host-identifier', 'hardware', 'hostname', 'help', 'hex',
  'ia-na', 'ia-ta', 'ia-pd', 'iaaddr', 'iaprefix', 'include', 'integer', 'infiniband', 'infinite', 'info', 'ip-address', 'ip6-address', 'initial-interval', 'initial-delay',
  'interface', 'identifier', 'if', 'is', 'ignore',
  'known-clients', 'known', 'key', 'key-algorithm',
  'lcase', 'lease', 'lease6', 'leased-address', 'lease-time', 'leasequery', 'length', 'limit', 'let', 'load', 'local', 'log', 'llt', 'll', 'little-endian', 'lease-id-format',
  'max', 'max-balance', 'max-lease-misbalance', 'max-lease-ownership', 'max-lease-time', 'max-life', 'max-transmit-idle', 'max-response-delay', 'max-unacked-updates',
  'min-balance', 'min-lease-time', 'min-secs', 'media', 'medium', 'match', 'members', 'my', 'mclt',
  'normal', 'nameserver', 'netmask', 'never', 'next-server', 'not', 'no', 'noerror', 'notauth', 'notimp', 'notzone', 'nxdomain', 'nxrrset', 'null', 'next', 'new',
  'omapi', 'or', 'on', 'open', 'option', 'one-lease-per-client', 'of', 'owner', 'octal',
  'parse-vendor-option', 'prepend', 'preferred-life', 'packet', 'pool', 'pool6', 'prefix6', 'pseudo', 'peer', 'primary', 'primary6', 'partner', 'partner-down', 'port',
  'potential-conflict', 'pick-first-value', 'pick', 'paused',
  'range', 'range6', 'rebind', 'reboot', 'recontact-interval', 'recover', 'recover-done', 'recover-wait', 'refresh', 'refused', 'reject', 'release', 'released', 'remove',
  'renew', 'request', 'require', 'reserved', 'reset', 'resolution-interrupted', 'retry', 'return', 'reverse', 'rewind',
  'script', 'search', 'secondary', 'secondary6', 'seconds', 'secret', 'select', 'select-timeout', 'send', 'server', 'server-duid', 'server-name', 'server-identifier',
  'servfail', 'set', 'shared-network', 'shutdown', 'siaddr', 'signed', 'size', 'space', 'spawn', 'split', 'starts', 'startup', 'state', 'static', 'string', 'subclass',
  'subnet', 'subnet6', 'substring', 'suffix', 'supersede', 'switch',
  'timestamp', 'timeout', 'token-ring', 'text', 'tstp', 'tsfp', 'transmission', 'temporary',
  'ucase', 'unset', 'unsigned', 'uid', 'user-class', 'use-host-decl-names', 'use-lease-addr-for-default-route', 'unknown-clients', 'unknown-state', 'unknown',
  'unauthenticated', 'update',
  'v6relay', 'v6relopt', 'vendor-class', 'vendor',
  'with', 'width',
  'yiaddr', 'yxdomain', 'yxrrset',
  'zerolen', 'zone',
];

/** Spellings dhcpd treats as the same token. */
export const ISC_KEYWORD_ALIASES: Readonly<Record<string, string>> = { 'pick-first-value': 'pick', 'do-forward-update': 'do-forward-updates' };
