/**
 * DHCPv4 options by code, with each dialect's name for them (data, not logic). `isc` names are
 * dhcpd's built-in `option NAME` (dhcp-options(5)); `kea` names are Kea's standard option-data
 * names; `dnsmasq` names are `dnsmasq --help dhcp` (written `option:NAME`). A missing name means
 * the dialect has no built-in definition: dhcpd needs `option NAME code N = TYPE;`, Kea an
 * `option-def` or `"code"` with `"csv-format": false`.
 *
 * `type` says how a value is read: `ip`/`ips` addresses, `routes` RFC 3442 classless routes,
 * `static-routes` option 33 destination/router pairs, `string`, `uint8`/`uint16`/`uint32`,
 * `bytes` anything else.
 */
export interface DhcpOptionInfo {
  code: number;
  title: string;
  type: 'ip' | 'ips' | 'routes' | 'static-routes' | 'string' | 'uint8' | 'uint16' | 'uint32' | 'int32' | 'bool' | 'bytes' | 'domains';
  isc?: string;
  kea?: string;
  dnsmasq?: string;
}

export const DHCP_OPTIONS: readonly DhcpOptionInfo[] = [
  { code: 1, title: 'Subnet mask', type: 'ip', isc: 'subnet-mask', kea: 'subnet-mask', dnsmasq: 'netmask' },
  { code: 2, title: 'Time offset', type: 'int32', isc: 'time-offset', kea: 'time-offset', dnsmasq: 'time-offset' },
  { code: 3, title: 'Router (default gateway)', type: 'ips', isc: 'routers', kea: 'routers', dnsmasq: 'router' },
  { code: 4, title: 'Time server', type: 'ips', isc: 'time-servers', kea: 'time-servers' },
  { code: 6, title: 'Domain name server', type: 'ips', isc: 'domain-name-servers', kea: 'domain-name-servers', dnsmasq: 'dns-server' },
  { code: 7, title: 'Log server', type: 'ips', isc: 'log-servers', kea: 'log-servers', dnsmasq: 'log-server' },
  { code: 12, title: 'Host name', type: 'string', isc: 'host-name', kea: 'host-name' },
  { code: 15, title: 'Domain name', type: 'string', isc: 'domain-name', kea: 'domain-name', dnsmasq: 'domain-name' },
  { code: 26, title: 'Interface MTU', type: 'uint16', isc: 'interface-mtu', kea: 'interface-mtu', dnsmasq: 'mtu' },
  { code: 28, title: 'Broadcast address', type: 'ip', isc: 'broadcast-address', kea: 'broadcast-address' },
  { code: 33, title: 'Static routes (classful host routes)', type: 'static-routes', isc: 'static-routes', kea: 'static-routes', dnsmasq: 'static-route' },
  { code: 42, title: 'NTP servers', type: 'ips', isc: 'ntp-servers', kea: 'ntp-servers', dnsmasq: 'ntp-server' },
  { code: 43, title: 'Vendor-specific information', type: 'bytes', isc: 'vendor-encapsulated-options', kea: 'vendor-encapsulated-options' },
  { code: 44, title: 'NetBIOS name servers', type: 'ips', isc: 'netbios-name-servers', kea: 'netbios-name-servers', dnsmasq: 'netbios-ns' },
  { code: 46, title: 'NetBIOS node type', type: 'uint8', isc: 'netbios-node-type', kea: 'netbios-node-type', dnsmasq: 'netbios-nodetype' },
  { code: 51, title: 'Lease time', type: 'uint32', isc: 'dhcp-lease-time', kea: 'dhcp-lease-time' },
  { code: 58, title: 'Renewal (T1) time', type: 'uint32', isc: 'dhcp-renewal-time', kea: 'dhcp-renewal-time', dnsmasq: 'T1' },
  { code: 59, title: 'Rebinding (T2) time', type: 'uint32', isc: 'dhcp-rebinding-time', kea: 'dhcp-rebinding-time', dnsmasq: 'T2' },
  { code: 60, title: 'Vendor class identifier', type: 'string', isc: 'vendor-class-identifier', kea: 'vendor-class-identifier', dnsmasq: 'vendor-class' },
  { code: 66, title: 'TFTP server name', type: 'string', isc: 'tftp-server-name', kea: 'tftp-server-name', dnsmasq: 'tftp-server' },
  { code: 67, title: 'Boot file name', type: 'string', isc: 'bootfile-name', kea: 'boot-file-name', dnsmasq: 'bootfile-name' },
  { code: 82, title: 'Relay agent information', type: 'bytes', isc: 'agent.circuit-id', kea: 'dhcp-agent-options' },
  { code: 119, title: 'Domain search list', type: 'domains', isc: 'domain-search', kea: 'domain-search', dnsmasq: 'domain-search' },
  { code: 121, title: 'Classless static routes (RFC 3442)', type: 'routes', dnsmasq: 'classless-static-route' },
  { code: 150, title: 'TFTP server addresses (Cisco)', type: 'ips', isc: 'tftp-server-address', dnsmasq: 'tftp-server-address' },
  { code: 249, title: 'Classless static routes (Microsoft)', type: 'routes' },
];

const BY_CODE = new Map(DHCP_OPTIONS.map((o) => [o.code, o]));

export function optionInfo(code: number): DhcpOptionInfo | undefined {
  return BY_CODE.get(code);
}

/** The option a dialect's name stands for (`routers`, `router`), or undefined. */
export function optionByName(dialect: 'isc' | 'kea' | 'dnsmasq', name: string): DhcpOptionInfo | undefined {
  return DHCP_OPTIONS.find((o) => o[dialect] === name);
}
