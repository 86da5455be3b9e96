/**
 * dhcpd 4.4's built-in option spaces (common/tables.c, server/stables.c): for each space, its
 * options as `name format code`. The format letters are dhcpd's own (I address, IA array of
 * addresses, t text, X string or colon hex, B/S/L unsigned 8/16/32, b/s/l signed, f flag, T lease
 * time or `infinite`, E encapsulation, N enumeration, d domain name, D domain list, 6 IPv6, Z
 * empty, U space name, A/a arrays, o optional). The `server` space holds the configuration
 * parameters written as bare statements (`default-lease-time 600;`).
 */
const DHCP = `subnet-mask I 1|time-offset l 2|routers IA 3|time-servers IA 4|ien116-name-servers IA 5|domain-name-servers IA 6|log-servers IA 7|
cookie-servers IA 8|lpr-servers IA 9|impress-servers IA 10|resource-location-servers IA 11|host-name t 12|boot-size S 13|merit-dump t 14|domain-name t 15|
swap-server I 16|root-path t 17|extensions-path t 18|ip-forwarding f 19|non-local-source-routing f 20|policy-filter IIA 21|max-dgram-reassembly S 22|
default-ip-ttl B 23|path-mtu-aging-timeout L 24|path-mtu-plateau-table SA 25|interface-mtu S 26|all-subnets-local f 27|broadcast-address I 28|
perform-mask-discovery f 29|mask-supplier f 30|router-discovery f 31|router-solicitation-address I 32|static-routes IIA 33|trailer-encapsulation f 34|
arp-cache-timeout L 35|ieee802-3-encapsulation f 36|default-tcp-ttl B 37|tcp-keepalive-interval L 38|tcp-keepalive-garbage f 39|nis-domain t 40|
nis-servers IA 41|ntp-servers IA 42|vendor-encapsulated-options E. 43|netbios-name-servers IA 44|netbios-dd-server IA 45|netbios-node-type B 46|
netbios-scope t 47|font-servers IA 48|x-display-manager IA 49|dhcp-requested-address I 50|dhcp-lease-time L 51|dhcp-option-overload B 52|
dhcp-message-type B 53|dhcp-server-identifier I 54|dhcp-parameter-request-list BA 55|dhcp-message t 56|dhcp-max-message-size S 57|
dhcp-renewal-time L 58|dhcp-rebinding-time L 59|vendor-class-identifier X 60|dhcp-client-identifier X 61|nwip-domain t 62|nwip-suboptions Enwip. 63|
nisplus-domain t 64|nisplus-servers IA 65|tftp-server-name t 66|bootfile-name t 67|mobile-ip-home-agent IA 68|smtp-server IA 69|pop-server IA 70|
nntp-server IA 71|www-server IA 72|finger-server IA 73|irc-server IA 74|streettalk-server IA 75|streettalk-directory-assistance-server IA 76|
user-class t 77|slp-directory-agent fIa 78|slp-service-scope fto 79|fqdn Efqdn. 81|relay-agent-information Eagent. 82|nds-servers IA 85|
nds-tree-name t 86|nds-context t 87|bcms-controller-names D 88|bcms-controller-address Ia 89|client-last-transaction-time L 91|associated-ip Ia 92|
pxe-system-type Sa 93|pxe-interface-id BBB 94|pxe-client-id BX 97|uap-servers t 98|geoconf-civic X 99|pcode t 100|tcode t 101|v6-only-preferred L 108|
netinfo-server-address Ia 112|netinfo-server-tag t 113|default-url t 114|auto-config B 116|name-service-search Sa 117|subnet-selection I 118|
domain-search Dc 119|vivco Evendor-class. 124|vivso Evendor. 125|pana-agent Ia 136|v4-lost d 137|capwap-ac-v4 Ia 138|sip-ua-cs-domains Dc 141|
ipv4-address-andsf IA 142|rdnss-selection BIID 146|tftp-server-address Ia 150|v4-portparams BBS 159|v4-captive-portal t 160|loader-configfile t 209|
loader-pathprefix t 210|loader-reboottime L 211|option-6rd BB6Ia 212|v4-access-domain d 213`;

const AGENT = 'circuit-id X 1|remote-id X 2|agent-id I 3|DOCSIS-device-class L 4|link-selection I 5|relay-port Z 19';

const SERVER = `default-lease-time T 1|max-lease-time T 2|min-lease-time T 3|dynamic-bootp-lease-cutoff T 4|dynamic-bootp-lease-length L 5|
boot-unknown-clients f 6|dynamic-bootp f 7|allow-bootp f 8|allow-booting f 9|one-lease-per-client f 10|get-lease-hostnames f 11|
use-host-decl-names f 12|use-lease-addr-for-default-route f 13|min-secs B 14|filename t 15|server-name t 16|next-server I 17|authoritative f 18|
vendor-option-space U 19|always-reply-rfc1048 f 20|site-option-space X 21|always-broadcast f 22|ddns-domainname t 23|ddns-hostname t 24|
ddns-rev-domainname t 25|lease-file-name t 26|pid-file-name t 27|duplicates f 28|declines f 29|ddns-updates f 30|omapi-port S 31|local-port S 32|
limited-broadcast-address I 33|remote-port S 34|local-address I 35|omapi-key d 36|stash-agent-options f 37|ddns-ttl T 38|
ddns-update-style Nddns-styles. 39|client-updates f 40|update-optimization f 41|ping-check f 42|update-static-leases f 43|
log-facility Nsyslog-facilities. 44|do-forward-updates f 45|ping-timeout T 46|infinite-is-reserved f 47|update-conflict-detection f 48|
leasequery f 49|adaptive-lease-time-threshold B 50|do-reverse-updates f 51|fqdn-reply f 52|preferred-lifetime T 53|dhcpv6-lease-file-name t 54|
dhcpv6-pid-file-name t 55|limit-addrs-per-ia L 56|limit-prefs-per-ia L 57|delayed-ack S 58|max-ack-delay L 59|dhcp-cache-threshold B 78|
dont-use-fsync f 79|ddns-local-address4 I 80|ddns-local-address6 6 81|ignore-client-uids f 82|log-threshold-low B 83|log-threshold-high B 84|
echo-client-id f 85|server-id-check f 86|prefix-length-mode Nprefix_length_modes. 87|dhcpv6-set-tee-times f 88|abandon-lease-time T 89|
check-secs-byte-order f 91|ddns-dual-stack-mixed-mode f 93|ddns-guard-id-must-match f 94|ddns-other-guard-is-dynamic f 95|release-on-roam f 96|
local-address6 6 97|bind-local-address6 f 98|ping-cltt-secs T 99|ping-timeout-ms T 100`;

const FQDN = 'no-client-update f 1|server-update f 2|encoded f 3|rcode1 B 4|rcode2 B 5|hostname t 6|domainname t 7|fqdn t 8';
const NWIP = `illegal-1 Z 1|illegal-2 Z 2|illegal-3 Z 3|illegal-4 Z 4|nsq-broadcast f 5|preferred-dss IA 6|nearest-nwip-server IA 7|autoretries B 8|
autoretry-secs B 9|nwip-1-1 f 10|primary-dss I 11`;

const DHCP6 = `client-id X 1|server-id X 2|ia-na X 3|ia-ta X 4|ia-addr X 5|oro SA 6|preference B 7|elapsed-time S 8|relay-msg X 9|unicast 6 12|
status-code Nstatus-codes.to 13|rapid-commit Z 14|vendor-opts Evsio. 17|interface-id X 18|reconf-msg Ndhcpv6-messages. 19|reconf-accept Z 20|
sip-servers-names D 21|sip-servers-addresses 6A 22|name-servers 6A 23|domain-search D 24|ia-pd X 25|ia-prefix X 26|nis-servers 6A 27|
nisp-servers 6A 28|nis-domain-name D 29|nisp-domain-name D 30|sntp-servers 6A 31|info-refresh-time T 32|bcms-server-d D 33|bcms-server-a 6A 34|
geoconf-civic X 36|remote-id X 37|subscriber-id X 38|fqdn Efqdn6-if-you-see-me-its-a-bug-bug-bug. 39|pana-agent 6A 40|new-posix-timezone t 41|
new-tzdb-timezone t 42|ero SA 43|lq-query X 44|client-data X 45|clt-time L 46|lq-relay-data 6X 47|lq-client-link 6A 48|v6-lost d 51|
capwap-ac-v6 6a 52|relay-id X 53|v6-access-domain d 57|sip-ua-cs-list D 58|bootfile-url t 59|bootfile-param X 60|client-arch-type SA 61|nii BBB 62|
aftr-name d 64|erp-local-domain-name d 65|rdnss-selection 6BD 74|client-linklayer-addr X 79|link-address 6 80|solmax-rt L 82|inf-max-rt L 83|
dhcpv4-msg X 87|dhcp4-o-dhcp6-server 6A 88|v6-captive-portal t 103|relay-source-port S 135|ipv6-address-andsf 6A 143`;

export interface IscOptionDef {
  name: string;
  format: string;
  code: number;
}

const table = (rows: string): IscOptionDef[] =>
  rows
    .split('|')
    .map((r) => r.trim().split(' '))
    .map(([name, format, code]) => ({ name, format, code: Number(code) }));

/** Built-in option spaces by name; `dhcp` is the default space of `option NAME`. */
export const ISC_SPACES: ReadonlyMap<string, readonly IscOptionDef[]> = new Map([
  ['dhcp', table(DHCP)],
  ['agent', table(AGENT)],
  ['server', table(SERVER)],
  ['fqdn', table(FQDN)],
  ['nwip', table(NWIP)],
  ['vendor-class', table('isc X 2495')],
  ['vendor', table('isc Eisc. 2495')],
  ['isc', table('media t 1|update-assist X 2')],
  ['dhcp6', table(DHCP6)],
  ['vsio', table('isc Eisc6. 2495')],
  ['isc6', table('media t 1|update-assist X 2')],
]);

/** The named value sets of `N` formats (dhcpd matches them case-sensitively). */
export const ISC_ENUMERATIONS: ReadonlyMap<string, readonly string[]> = new Map([
  ['ddns-styles', ['none', 'ad-hoc', 'interim', 'standard']],
  ['syslog-facilities', ['kern', 'user', 'mail', 'daemon', 'auth', 'syslog', 'lpr', 'news', 'uucp', 'cron', 'authpriv', 'ftp', 'local0', 'local1', 'local2', 'local3', 'local4', 'local5', 'local6', 'local7']],
  ['prefix_length_modes', ['ignore', 'prefer', 'exact', 'minimum', 'maximum']],
  ['status-codes', ['success', 'UnspecFail', 'NoAddrsAvail', 'NoBinding', 'NotOnLink', 'UseMulticast', 'NoPrefixAvail', 'UnknownQueryType', 'MalformedQuery', 'NotConfigured', 'NotAllowed', 'QueryTerminated', 'DataMissing', 'CatchUpComplete', 'NotSupported', 'TLSConnectionRefused', 'AddressInUse', 'ConfigurationConflict', 'MissingBindingInformation', 'OutdatedBindingInformation', 'ServerShuttingDown', 'DNSUpdateNotSupported', 'ExcessiveTimeSkew']],
  ['dhcpv6-messages', ['SOLICIT', 'ADVERTISE', 'REQUEST', 'CONFIRM', 'RENEW', 'REBIND', 'REPLY', 'RELEASE', 'DECLINE', 'RECONFIGURE', 'INFORMATION-REQUEST', 'RELAY-FORW', 'RELAY-REPL', 'LEASEQUERY', 'LEASEQUERY-REPLY', 'LEASEQUERY-DONE', 'LEASEQUERY-DATA', 'RECONFIGURE-REQUEST', 'RECONFIGURE-REPLY', 'DHCPV4-QUERY', 'DHCPV4-RESPONSE']],
]);

/**
 * The conventional names of the classless static route options, which dhcpd does not define: a
 * config must declare them (`option NAME code N = array of unsigned integer 8;`) before use.
 */
export const ISC_ROUTE_OPTION_NAMES: ReadonlyMap<string, 121 | 249> = new Map([
  ['rfc3442-classless-static-routes', 121],
  ['ms-classless-static-routes', 249],
]);
