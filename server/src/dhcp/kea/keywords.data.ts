/**
 * The keys kea-dhcp4 2.2 accepts in each map of a `Dhcp4` configuration, with the JSON kind of
 * value its grammar takes (data, measured: every keyword the 2.2 binary knows was tried in every
 * map with every kind of value against `kea-dhcp4 -t`). Any other key makes kea-dhcp4 stop with
 * `got unexpected keyword "K" in M map`; a value of another kind with `syntax error`. `any` marks
 * keywords whose values are enumerations or need content (not checked here).
 */
export type KeaKind = 'string' | 'integer' | 'real' | 'boolean' | 'list' | 'map' | 'any';

export const KEA22_MAPS = {
  Dhcp4: {
    authoritative: 'boolean', 'boot-file-name': 'string', 'cache-max-age': 'integer', 'cache-threshold': 'real',
    'calculate-tee-times': 'boolean', 'client-classes': 'list', comment: 'string', compatibility: 'map', 'config-control': 'map',
    'control-socket': 'map', 'ddns-generated-prefix': 'string', 'ddns-override-client-update': 'boolean',
    'ddns-override-no-update': 'boolean', 'ddns-qualifying-suffix': 'string', 'ddns-replace-client-name': 'any',
    'ddns-send-updates': 'boolean', 'ddns-update-on-renew': 'boolean', 'ddns-use-conflict-resolution': 'boolean',
    'decline-probation-period': 'integer', 'dhcp-ddns': 'map', 'dhcp-queue-control': 'map', 'dhcp4o6-port': 'integer',
    'early-global-reservations-lookup': 'boolean', 'echo-client-id': 'boolean', 'expired-leases-processing': 'map',
    'hooks-libraries': 'list', 'host-reservation-identifiers': 'list', 'hostname-char-replacement': 'string',
    'hostname-char-set': 'string', 'hosts-database': 'map', 'hosts-databases': 'list', 'interfaces-config': 'map',
    'ip-reservations-unique': 'boolean', 'lease-database': 'map', loggers: 'list', 'match-client-id': 'boolean',
    'max-valid-lifetime': 'integer', 'min-valid-lifetime': 'integer', 'multi-threading': 'map', 'next-server': 'string',
    'option-data': 'list', 'option-def': 'list', 'parked-packet-limit': 'integer', 'rebind-timer': 'integer',
    'renew-timer': 'integer', 'reservation-mode': 'any', reservations: 'list', 'reservations-global': 'boolean',
    'reservations-in-subnet': 'boolean', 'reservations-lookup-first': 'boolean', 'reservations-out-of-pool': 'boolean',
    'sanity-checks': 'map', 'server-hostname': 'string', 'server-tag': 'string', 'shared-networks': 'list',
    'statistic-default-sample-age': 'integer', 'statistic-default-sample-count': 'integer', 'store-extended-info': 'boolean',
    subnet4: 'list', 't1-percent': 'real', 't2-percent': 'real', 'user-context': 'map', 'valid-lifetime': 'integer',
  },
  subnet4: {
    '4o6-interface': 'string', '4o6-interface-id': 'string', '4o6-subnet': 'string', authoritative: 'boolean',
    'boot-file-name': 'string', 'cache-max-age': 'integer', 'cache-threshold': 'real', 'calculate-tee-times': 'boolean',
    'client-class': 'string', comment: 'string', 'ddns-generated-prefix': 'string', 'ddns-override-client-update': 'boolean',
    'ddns-override-no-update': 'boolean', 'ddns-qualifying-suffix': 'string', 'ddns-replace-client-name': 'any',
    'ddns-send-updates': 'boolean', 'ddns-update-on-renew': 'boolean', 'ddns-use-conflict-resolution': 'boolean',
    'hostname-char-replacement': 'string', 'hostname-char-set': 'string', id: 'integer', interface: 'string',
    'match-client-id': 'boolean', 'max-valid-lifetime': 'integer', 'min-valid-lifetime': 'integer', 'next-server': 'string',
    'option-data': 'list', pools: 'list', 'rebind-timer': 'integer', relay: 'map', 'renew-timer': 'integer',
    'require-client-classes': 'list', 'reservation-mode': 'any', reservations: 'list', 'reservations-global': 'boolean',
    'reservations-in-subnet': 'boolean', 'reservations-out-of-pool': 'boolean', 'server-hostname': 'string',
    'store-extended-info': 'boolean', subnet: 'string', 't1-percent': 'real', 't2-percent': 'real', 'user-context': 'map',
    'valid-lifetime': 'integer',
  },
  pools: {
    'client-class': 'string', comment: 'string', 'option-data': 'list', pool: 'string', 'require-client-classes': 'list',
    'user-context': 'map',
  },
  'option-data': {
    'always-send': 'boolean', code: 'integer', comment: 'string', 'csv-format': 'boolean', data: 'string', name: 'string',
    space: 'string', 'user-context': 'map',
  },
  'option-def': {
    array: 'boolean', code: 'integer', comment: 'string', encapsulate: 'string', name: 'string', 'record-types': 'string',
    space: 'string', type: 'string', 'user-context': 'map',
  },
  reservations: {
    'boot-file-name': 'string', 'circuit-id': 'string', 'client-classes': 'list', 'client-id': 'string', comment: 'string',
    duid: 'string', 'flex-id': 'string', hostname: 'string', 'hw-address': 'string', 'ip-address': 'string', 'next-server': 'string',
    'option-data': 'list', 'server-hostname': 'string', 'user-context': 'map',
  },
  'shared-networks': {
    authoritative: 'boolean', 'boot-file-name': 'string', 'cache-max-age': 'integer', 'cache-threshold': 'real',
    'calculate-tee-times': 'boolean', 'client-class': 'string', comment: 'string', 'ddns-generated-prefix': 'string',
    'ddns-override-client-update': 'boolean', 'ddns-override-no-update': 'boolean', 'ddns-qualifying-suffix': 'string',
    'ddns-replace-client-name': 'any', 'ddns-send-updates': 'boolean', 'ddns-update-on-renew': 'boolean',
    'ddns-use-conflict-resolution': 'boolean', 'hostname-char-replacement': 'string', 'hostname-char-set': 'string',
    interface: 'string', 'match-client-id': 'boolean', 'max-valid-lifetime': 'integer', 'min-valid-lifetime': 'integer',
    name: 'string', 'next-server': 'string', 'option-data': 'list', 'rebind-timer': 'integer', relay: 'map', 'renew-timer': 'integer',
    'require-client-classes': 'list', 'reservation-mode': 'any', 'reservations-global': 'boolean',
    'reservations-in-subnet': 'boolean', 'reservations-out-of-pool': 'boolean', 'server-hostname': 'string',
    'store-extended-info': 'boolean', subnet4: 'list', 't1-percent': 'real', 't2-percent': 'real', 'user-context': 'map',
    'valid-lifetime': 'integer',
  },
  'client-classes': {
    'boot-file-name': 'string', 'client-class': 'any', comment: 'string', 'max-valid-lifetime': 'integer',
    'min-valid-lifetime': 'integer', name: 'string', 'next-server': 'string', 'only-if-required': 'boolean', 'option-data': 'list',
    'option-def': 'list', 'server-hostname': 'string', test: 'string', 'user-context': 'map', 'valid-lifetime': 'integer',
  },
  relay: {
    'ip-address': 'string', 'ip-addresses': 'list',
  },
  'interfaces-config': {
    comment: 'string', 'dhcp-socket-type': 'any', interfaces: 'list', 'outbound-interface': 'any', 're-detect': 'boolean',
    'service-sockets-max-retries': 'integer', 'service-sockets-require-all': 'boolean', 'service-sockets-retry-wait-time': 'integer',
    'user-context': 'map',
  },
  'lease-database': {
    'cert-file': 'string', 'cipher-list': 'string', 'connect-timeout': 'integer', host: 'string', 'key-file': 'string',
    'lfc-interval': 'integer', 'max-reconnect-tries': 'integer', 'max-row-errors': 'integer', name: 'string', 'on-fail': 'any',
    password: 'string', persist: 'boolean', port: 'integer', 'reconnect-wait-time': 'integer', 'trust-anchor': 'string', type: 'any',
    user: 'string',
  },
  'hosts-database': {
    'cert-file': 'string', 'cipher-list': 'string', 'connect-timeout': 'integer', host: 'string', 'key-file': 'string',
    'lfc-interval': 'integer', 'max-reconnect-tries': 'integer', name: 'string', 'on-fail': 'any', password: 'string',
    persist: 'boolean', port: 'integer', readonly: 'boolean', 'reconnect-wait-time': 'integer', 'trust-anchor': 'string', type: 'any',
    user: 'string',
  },
  'sanity-checks': {
    'lease-checks': 'string',
  },
  'expired-leases-processing': {
    'flush-reclaimed-timer-wait-time': 'integer', 'hold-reclaimed-time': 'integer', 'max-reclaim-leases': 'integer',
    'max-reclaim-time': 'integer', 'reclaim-timer-wait-time': 'integer', 'unwarned-reclaim-cycles': 'integer',
  },
  'multi-threading': {
    comment: 'string', 'enable-multi-threading': 'boolean', 'packet-queue-size': 'integer', 'thread-pool-size': 'integer',
    'user-context': 'map',
  },
  compatibility: {
    'lenient-option-parsing': 'boolean',
  },
  'control-socket': {
    comment: 'string', 'socket-name': 'string', 'socket-type': 'string', 'user-context': 'map',
  },
  'dhcp-ddns': {
    comment: 'string', 'enable-updates': 'boolean', 'generated-prefix': 'string', 'hostname-char-replacement': 'string',
    'hostname-char-set': 'string', 'max-queue-size': 'integer', 'ncr-format': 'any', 'ncr-protocol': 'any',
    'override-client-update': 'boolean', 'override-no-update': 'boolean', 'qualifying-suffix': 'string', 'replace-client-name': 'any',
    'sender-ip': 'string', 'sender-port': 'integer', 'server-ip': 'string', 'server-port': 'integer', 'user-context': 'map',
  },
  'config-control': {
    'config-databases': 'list', 'config-fetch-wait-time': 'integer',
  },
  'config-database': {
    'cert-file': 'string', 'cipher-list': 'string', 'connect-timeout': 'integer', host: 'string', 'key-file': 'string',
    'lfc-interval': 'integer', 'max-reconnect-tries': 'integer', name: 'string', 'on-fail': 'any', password: 'string',
    persist: 'boolean', port: 'integer', 'reconnect-wait-time': 'integer', 'trust-anchor': 'string', type: 'any', user: 'string',
  },
  'hooks-libraries': {
    library: 'string', parameters: 'map',
  },
  loggers: {
    comment: 'string', debuglevel: 'integer', name: 'string', output_options: 'list', severity: 'string', 'user-context': 'map',
  },
  'output_options': { flush: 'boolean', maxsize: 'integer', maxver: 'integer', output: 'string', pattern: 'string' },} as const satisfies Record<string, Record<string, KeaKind>>;

export type KeaMap = keyof typeof KEA22_MAPS;

/**
 * What the values under a key are: `map:M` an object read as map M, `list:M` a list of such
 * objects, `strings` a list of strings, `free` any JSON (user data Kea keeps as is). Keyed by
 * `map.key`; keys not listed here carry scalars (or values this parser does not descend into).
 */
export const KEA22_CHILDREN: Readonly<Record<string, `map:${KeaMap}` | `list:${KeaMap}` | 'strings' | 'free'>> = {
  'Dhcp4.subnet4': 'list:subnet4',
  'Dhcp4.shared-networks': 'list:shared-networks',
  'Dhcp4.option-data': 'list:option-data',
  'Dhcp4.option-def': 'list:option-def',
  'Dhcp4.reservations': 'list:reservations',
  'Dhcp4.client-classes': 'list:client-classes',
  'Dhcp4.interfaces-config': 'map:interfaces-config',
  'Dhcp4.lease-database': 'map:lease-database',
  'Dhcp4.hosts-database': 'map:hosts-database',
  'Dhcp4.hosts-databases': 'list:hosts-database',
  'Dhcp4.sanity-checks': 'map:sanity-checks',
  'Dhcp4.expired-leases-processing': 'map:expired-leases-processing',
  'Dhcp4.multi-threading': 'map:multi-threading',
  'Dhcp4.compatibility': 'map:compatibility',
  'Dhcp4.control-socket': 'map:control-socket',
  'Dhcp4.dhcp-ddns': 'map:dhcp-ddns',
  'Dhcp4.config-control': 'map:config-control',
  'Dhcp4.hooks-libraries': 'list:hooks-libraries',
  'Dhcp4.loggers': 'list:loggers',
  'Dhcp4.host-reservation-identifiers': 'strings',
  'Dhcp4.dhcp-queue-control': 'free',
  'shared-networks.subnet4': 'list:subnet4',
  'shared-networks.option-data': 'list:option-data',
  'shared-networks.relay': 'map:relay',
  'shared-networks.require-client-classes': 'strings',
  'subnet4.pools': 'list:pools',
  'subnet4.option-data': 'list:option-data',
  'subnet4.reservations': 'list:reservations',
  'subnet4.relay': 'map:relay',
  'subnet4.require-client-classes': 'strings',
  'pools.option-data': 'list:option-data',
  'pools.require-client-classes': 'strings',
  'reservations.option-data': 'list:option-data',
  'reservations.client-classes': 'strings',
  'client-classes.option-data': 'list:option-data',
  'client-classes.option-def': 'list:option-def',
  'relay.ip-addresses': 'strings',
  'interfaces-config.interfaces': 'strings',
  'config-control.config-databases': 'list:config-database',
  'loggers.output_options': 'list:output_options',
  'hooks-libraries.parameters': 'free',
};

/** Keys kea-dhcp4 2.2 requires in a map ("missing parameter 'K'"). */
export const KEA22_REQUIRED: Partial<Record<KeaMap, readonly string[]>> = {
  subnet4: ['subnet'],
  pools: ['pool'],
  'option-def': ['name', 'code', 'type'],
  'client-classes': ['name'],
  'shared-networks': ['name'],
  'hooks-libraries': ['library'],
  'lease-database': ['type'],
  'hosts-database': ['type'],
  'config-database': ['type'],
  'dhcp-ddns': ['enable-updates'],
  'multi-threading': ['enable-multi-threading'],
};

/** Maps kea-dhcp4 2.2 accepts empty (`{}`); every other map of the grammar needs one entry at least. */
export const KEA22_MAY_BE_EMPTY: ReadonlySet<string> = new Set(['option-data', 'reservations']);

/** Lists kea-dhcp4 2.2 refuses empty (`[]`), by `map.key`. */
export const KEA22_NON_EMPTY_LISTS: ReadonlySet<string> = new Set(['Dhcp4.client-classes', 'Dhcp4.loggers', 'Dhcp4.host-reservation-identifiers']);

/**
 * Keywords kea-dhcp4 2.2 refuses that later Kea releases accept, with the first stable release
 * (even minor) believed to accept each. From the Kea ARM and release notes, not checked against the
 * binaries (only 2.2 is on Debian 12): with `tlsnet.dhcp.keaVersion` at or past it they are not
 * reported. A keyword no release knows (a typo) is reported whatever the version.
 */
export const LATER_KEA_KEYWORDS: Readonly<Record<string, string>> = {
  allocator: '2.4.0',
  'pd-allocator': '2.4.0',
  'template-test': '2.4.0',
  'offer-lifetime': '2.6.0',
  'ddns-ttl-percent': '2.6.0',
  'ddns-conflict-resolution-mode': '2.6.0',
  'ignore-dhcp-server-identifier': '2.6.0',
  'output-options': '2.6.0',
  'client-classes': '3.0.0',
  'control-sockets': '3.0.0',
  'evaluate-additional-classes': '3.0.0',
  'only-in-additional-list': '3.0.0',
};
