/**
 * The keys of a dnsmasq configuration file, as dnsmasq 2.90 (Debian 12's dnsmasq-base, checked with
 * `dnsmasq --test`) reads them: a key no table lists stops it with "bad option"; a value given to a
 * key that takes none, "extraneous parameter"; a key without one it needs, "missing parameter".
 * Data, measured: every long option name in the binary tried bare, with a value and with `key=`.
 */

/** Keys that take no value (`dhcp-authoritative`). */
export const DNSMASQ_FLAGS: ReadonlySet<string> = new Set([
  'all-servers', 'bind-dynamic', 'bind-interfaces', 'bogus-priv', 'clear-on-reload', 'conntrack', 'dhcp-authoritative',
  'dhcp-client-update', 'dhcp-fqdn', 'dhcp-ignore-clid', 'dhcp-no-override', 'dhcp-rapid-commit', 'dhcp-sequential-ip',
  'dns-loop-detect', 'dnssec', 'dnssec-debug', 'dnssec-no-timecheck', 'domain-needed', 'enable-ra', 'expand-hosts', 'filter-A',
  'filter-AAAA', 'filterwin2k', 'help', 'keep-in-foreground', 'leasefile-ro', 'localise-queries', 'localmx', 'log-debug',
  'log-dhcp', 'no-daemon', 'no-hosts', 'no-ident', 'no-negcache', 'no-ping', 'no-poll', 'no-resolv', 'no-round-robin',
  'proxy-dnssec', 'quiet-dhcp', 'quiet-dhcp6', 'quiet-ra', 'quiet-tftp', 'read-ethers', 'rebind-localhost-ok', 'script-arp',
  'script-on-renewal', 'selfmx', 'stop-dns-rebind', 'strict-order', 'strip-mac', 'strip-subnet', 'test', 'tftp-lowercase',
  'tftp-no-blocksize', 'tftp-no-fail', 'tftp-secure', 'tftp-single-port', 'version',
]);

/** Keys that need a value (`dhcp-range=…`). */
export const DNSMASQ_VALUED: ReadonlySet<string> = new Set([
  'add-cpe-id', 'addn-hosts', 'address', 'alias', 'auth-peer', 'auth-sec-servers', 'auth-server', 'auth-soa', 'auth-ttl',
  'auth-zone', 'bogus-nxdomain', 'bridge-interface', 'caa-record', 'cache-rr', 'cname', 'conf-dir', 'conf-script',
  'connmark-allowlist', 'dhcp-boot', 'dhcp-circuitid', 'dhcp-duid', 'dhcp-host', 'dhcp-hostsdir', 'dhcp-hostsfile', 'dhcp-ignore',
  'dhcp-lease', 'dhcp-lease-max', 'dhcp-luascript', 'dhcp-mac', 'dhcp-match', 'dhcp-name-match', 'dhcp-option', 'dhcp-option-force',
  'dhcp-optsdir', 'dhcp-optsfile', 'dhcp-pxe-vendor', 'dhcp-range', 'dhcp-relay', 'dhcp-remoteid', 'dhcp-reply-delay',
  'dhcp-script', 'dhcp-scriptuser', 'dhcp-subscrid', 'dhcp-ttl', 'dhcp-userclass', 'dhcp-vendorclass', 'dns-forward-max', 'dns-rr',
  'dnssec-limits', 'dnssec-timestamp', 'domain', 'domain-suffix', 'dumpfile', 'dumpmask', 'dynamic-host', 'edns-packet-max',
  'except-interface', 'filter-rr', 'host-record', 'hostsdir', 'ignore-address', 'interface', 'interface-name', 'ipset',
  'listen-address', 'local', 'local-ttl', 'log-facility', 'max-cache-ttl', 'max-port', 'max-tcp-connections', 'max-ttl',
  'min-cache-ttl', 'min-port', 'mx-host', 'mx-target', 'naptr-record', 'neg-ttl', 'nftset', 'no-dhcp-interface',
  'no-dhcpv4-interface', 'no-dhcpv6-interface', 'port', 'port-limit', 'ptr-record', 'pxe-prompt', 'pxe-service', 'query-port',
  'ra-param', 'rebind-domain-ok', 'rev-server', 'server', 'servers-file', 'shared-network', 'srv-host', 'synth-domain', 'tag-if',
  'tftp-max', 'tftp-mtu', 'tftp-port-range', 'tftp-root', 'trust-anchor', 'txt-record',
]);

/** Keys whose value is optional (`log-queries`, `log-queries=extra`). */
export const DNSMASQ_OPTIONAL: ReadonlySet<string> = new Set([
  'add-mac', 'add-subnet', 'bootp-dynamic', 'cache-size', 'conf-file', 'connmark-allowlist-enable', 'dhcp-alternate-port',
  'dhcp-broadcast', 'dhcp-generate-names', 'dhcp-ignore-names', 'dhcp-leasefile', 'dhcp-proxy', 'dnssec-check-unsigned',
  'enable-dbus', 'enable-tftp', 'enable-ubus', 'fast-dns-retry', 'group', 'local-service', 'log-async', 'log-queries', 'pid-file',
  'resolv-file', 'tftp-unique-root', 'umbrella', 'use-stale-cache', 'user',
]);

/** Keys dnsmasq refuses with an empty value (`listen-address=`); the others take `key=` as an empty value. */
export const DNSMASQ_EMPTY_REFUSED: ReadonlySet<string> = new Set([
  'add-mac', 'alias', 'auth-peer', 'bogus-nxdomain', 'bridge-interface', 'caa-record', 'cname', 'connmark-allowlist',
  'connmark-allowlist-enable', 'dhcp-circuitid', 'dhcp-duid', 'dhcp-mac', 'dhcp-match', 'dhcp-name-match', 'dhcp-proxy',
  'dhcp-range', 'dhcp-relay', 'dhcp-remoteid', 'dhcp-subscrid', 'dhcp-userclass', 'dhcp-vendorclass', 'dns-rr',
  'dnssec-check-unsigned', 'dynamic-host', 'fast-dns-retry', 'host-record', 'ignore-address', 'interface-name', 'ipset',
  'listen-address', 'local-service', 'log-facility', 'max-tcp-connections', 'naptr-record', 'nftset', 'port-limit', 'pxe-service',
  'rev-server', 'shared-network', 'synth-domain', 'tag-if', 'tftp-port-range', 'tftp-unique-root', 'trust-anchor', 'umbrella',
]);

/** Keys Debian's build knows but refuses ("recompile with HAVE_LUASCRIPT"). */
export const DNSMASQ_NOT_BUILT: ReadonlySet<string> = new Set(['dhcp-luascript']);
