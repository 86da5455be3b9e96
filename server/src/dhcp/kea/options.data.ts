/**
 * Kea 2.2's built-in DHCPv4 option definitions (space `dhcp4`): name, code and how `data` is read
 * (data, not logic; names and codes measured against `kea-dhcp4 -t`, types from Kea's
 * std_option_defs.h). `record` lists the fields of a record option; `array` repeats the type (or
 * the record's last field). `empty` options carry sub-options only. `since` marks definitions newer
 * Kea versions add, which Kea 2.2 refuses.
 */
export type KeaFieldType =
  | 'ipv4-address'
  | 'ipv6-address'
  | 'uint8'
  | 'uint16'
  | 'uint32'
  | 'int8'
  | 'int16'
  | 'int32'
  | 'boolean'
  | 'string'
  | 'fqdn'
  | 'binary'
  | 'psid'
  | 'empty'
  | 'record'
  | 'internal';

export interface KeaOptionDef {
  name: string;
  code: number;
  type: KeaFieldType;
  array?: boolean;
  record?: readonly KeaFieldType[];
  /** The first Kea version with this definition, when later than 2.2. */
  since?: string;
  /** A last-resort definition an option-def may replace (option 43). */
  overridable?: boolean;
}

const A = true;

export const KEA_DHCP4_OPTIONS: readonly KeaOptionDef[] = [
  { name: 'subnet-mask', code: 1, type: 'ipv4-address' },
  { name: 'time-offset', code: 2, type: 'int32' },
  { name: 'routers', code: 3, type: 'ipv4-address', array: A },
  { name: 'time-servers', code: 4, type: 'ipv4-address', array: A },
  { name: 'name-servers', code: 5, type: 'ipv4-address', array: A },
  { name: 'domain-name-servers', code: 6, type: 'ipv4-address', array: A },
  { name: 'log-servers', code: 7, type: 'ipv4-address', array: A },
  { name: 'cookie-servers', code: 8, type: 'ipv4-address', array: A },
  { name: 'lpr-servers', code: 9, type: 'ipv4-address', array: A },
  { name: 'impress-servers', code: 10, type: 'ipv4-address', array: A },
  { name: 'resource-location-servers', code: 11, type: 'ipv4-address', array: A },
  { name: 'host-name', code: 12, type: 'string' },
  { name: 'boot-size', code: 13, type: 'uint16' },
  { name: 'merit-dump', code: 14, type: 'string' },
  { name: 'domain-name', code: 15, type: 'string' },
  { name: 'swap-server', code: 16, type: 'ipv4-address' },
  { name: 'root-path', code: 17, type: 'string' },
  { name: 'extensions-path', code: 18, type: 'string' },
  { name: 'ip-forwarding', code: 19, type: 'boolean' },
  { name: 'non-local-source-routing', code: 20, type: 'boolean' },
  { name: 'policy-filter', code: 21, type: 'ipv4-address', array: A },
  { name: 'max-dgram-reassembly', code: 22, type: 'uint16' },
  { name: 'default-ip-ttl', code: 23, type: 'uint8' },
  { name: 'path-mtu-aging-timeout', code: 24, type: 'uint32' },
  { name: 'path-mtu-plateau-table', code: 25, type: 'uint16', array: A },
  { name: 'interface-mtu', code: 26, type: 'uint16' },
  { name: 'all-subnets-local', code: 27, type: 'boolean' },
  { name: 'broadcast-address', code: 28, type: 'ipv4-address' },
  { name: 'perform-mask-discovery', code: 29, type: 'boolean' },
  { name: 'mask-supplier', code: 30, type: 'boolean' },
  { name: 'router-discovery', code: 31, type: 'boolean' },
  { name: 'router-solicitation-address', code: 32, type: 'ipv4-address' },
  { name: 'static-routes', code: 33, type: 'ipv4-address', array: A },
  { name: 'trailer-encapsulation', code: 34, type: 'boolean' },
  { name: 'arp-cache-timeout', code: 35, type: 'uint32' },
  { name: 'ieee802-3-encapsulation', code: 36, type: 'boolean' },
  { name: 'default-tcp-ttl', code: 37, type: 'uint8' },
  { name: 'tcp-keepalive-interval', code: 38, type: 'uint32' },
  { name: 'tcp-keepalive-garbage', code: 39, type: 'boolean' },
  { name: 'nis-domain', code: 40, type: 'string' },
  { name: 'nis-servers', code: 41, type: 'ipv4-address', array: A },
  { name: 'ntp-servers', code: 42, type: 'ipv4-address', array: A },
  { name: 'vendor-encapsulated-options', code: 43, type: 'empty', overridable: true },
  { name: 'netbios-name-servers', code: 44, type: 'ipv4-address', array: A },
  { name: 'netbios-dd-server', code: 45, type: 'ipv4-address', array: A },
  { name: 'netbios-node-type', code: 46, type: 'uint8' },
  { name: 'netbios-scope', code: 47, type: 'string' },
  { name: 'font-servers', code: 48, type: 'ipv4-address', array: A },
  { name: 'x-display-manager', code: 49, type: 'ipv4-address', array: A },
  { name: 'dhcp-requested-address', code: 50, type: 'ipv4-address' },
  { name: 'dhcp-lease-time', code: 51, type: 'uint32' },
  { name: 'dhcp-option-overload', code: 52, type: 'uint8' },
  { name: 'dhcp-message-type', code: 53, type: 'uint8' },
  { name: 'dhcp-server-identifier', code: 54, type: 'ipv4-address' },
  { name: 'dhcp-parameter-request-list', code: 55, type: 'uint8', array: A },
  { name: 'dhcp-message', code: 56, type: 'string' },
  { name: 'dhcp-max-message-size', code: 57, type: 'uint16' },
  { name: 'dhcp-renewal-time', code: 58, type: 'uint32' },
  { name: 'dhcp-rebinding-time', code: 59, type: 'uint32' },
  { name: 'vendor-class-identifier', code: 60, type: 'string' },
  { name: 'dhcp-client-identifier', code: 61, type: 'binary' },
  { name: 'nwip-domain-name', code: 62, type: 'string' },
  { name: 'nwip-suboptions', code: 63, type: 'binary' },
  { name: 'nisplus-domain-name', code: 64, type: 'string' },
  { name: 'nisplus-servers', code: 65, type: 'ipv4-address', array: A },
  { name: 'tftp-server-name', code: 66, type: 'string' },
  { name: 'boot-file-name', code: 67, type: 'string' },
  { name: 'mobile-ip-home-agent', code: 68, type: 'ipv4-address', array: A },
  { name: 'smtp-server', code: 69, type: 'ipv4-address', array: A },
  { name: 'pop-server', code: 70, type: 'ipv4-address', array: A },
  { name: 'nntp-server', code: 71, type: 'ipv4-address', array: A },
  { name: 'www-server', code: 72, type: 'ipv4-address', array: A },
  { name: 'finger-server', code: 73, type: 'ipv4-address', array: A },
  { name: 'irc-server', code: 74, type: 'ipv4-address', array: A },
  { name: 'streettalk-server', code: 75, type: 'ipv4-address', array: A },
  { name: 'streettalk-directory-assistance-server', code: 76, type: 'ipv4-address', array: A },
  { name: 'user-class', code: 77, type: 'binary' },
  { name: 'slp-directory-agent', code: 78, type: 'record', record: ['boolean', 'ipv4-address'], array: A },
  { name: 'slp-service-scope', code: 79, type: 'record', record: ['boolean', 'string'] },
  { name: 'fqdn', code: 81, type: 'record', record: ['uint8', 'uint8', 'uint8', 'fqdn'] },
  { name: 'dhcp-agent-options', code: 82, type: 'empty' },
  { name: 'nds-servers', code: 85, type: 'ipv4-address', array: A },
  { name: 'nds-tree-name', code: 86, type: 'string' },
  { name: 'nds-context', code: 87, type: 'string' },
  { name: 'bcms-controller-names', code: 88, type: 'fqdn', array: A },
  { name: 'bcms-controller-address', code: 89, type: 'ipv4-address', array: A },
  { name: 'authenticate', code: 90, type: 'binary' },
  { name: 'client-last-transaction-time', code: 91, type: 'uint32' },
  { name: 'associated-ip', code: 92, type: 'ipv4-address', array: A },
  { name: 'client-system', code: 93, type: 'uint16', array: A },
  { name: 'client-ndi', code: 94, type: 'record', record: ['uint8', 'uint8', 'uint8'] },
  { name: 'uuid-guid', code: 97, type: 'record', record: ['uint8', 'binary'] },
  { name: 'uap-servers', code: 98, type: 'string' },
  { name: 'geoconf-civic', code: 99, type: 'binary' },
  { name: 'pcode', code: 100, type: 'string' },
  { name: 'tcode', code: 101, type: 'string' },
  { name: 'v6-only-preferred', code: 108, type: 'uint32' },
  { name: 'netinfo-server-address', code: 112, type: 'ipv4-address', array: A },
  { name: 'netinfo-server-tag', code: 113, type: 'string' },
  { name: 'v4-captive-portal', code: 114, type: 'string' },
  { name: 'auto-config', code: 116, type: 'uint8' },
  { name: 'name-service-search', code: 117, type: 'uint16', array: A },
  { name: 'subnet-selection', code: 118, type: 'ipv4-address' },
  { name: 'domain-search', code: 119, type: 'fqdn', array: A },
  // Kea 2.6 reads `"1.1.1.1/32 - 192.168.0.1, …"`; Kea 2.2 has no definition for 121 at all.
  { name: 'classless-static-route', code: 121, type: 'internal', since: '2.6.0' },
  { name: 'vivco-suboptions', code: 124, type: 'record', record: ['uint32', 'binary'] },
  { name: 'vivso-suboptions', code: 125, type: 'uint32' },
  { name: 'pana-agent', code: 136, type: 'ipv4-address', array: A },
  { name: 'v4-lost', code: 137, type: 'fqdn' },
  { name: 'capwap-ac-v4', code: 138, type: 'ipv4-address', array: A },
  { name: 'sip-ua-cs-domains', code: 141, type: 'fqdn', array: A },
  { name: 'rdnss-selection', code: 146, type: 'record', record: ['uint8', 'ipv4-address', 'ipv4-address', 'fqdn'], array: A },
  { name: 'v4-portparams', code: 159, type: 'record', record: ['uint8', 'psid'] },
  { name: 'option-6rd', code: 212, type: 'record', record: ['uint8', 'uint8', 'ipv6-address', 'ipv4-address'], array: A },
  { name: 'v4-access-domain', code: 213, type: 'fqdn' },
];

const BY_NAME = new Map(KEA_DHCP4_OPTIONS.map((o) => [o.name, o]));
const BY_CODE = new Map(KEA_DHCP4_OPTIONS.map((o) => [o.code, o]));

export const keaOptionByName = (name: string): KeaOptionDef | undefined => BY_NAME.get(name);
export const keaOptionByCode = (code: number): KeaOptionDef | undefined => BY_CODE.get(code);
