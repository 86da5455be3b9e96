/**
 * dnsmasq 2.90's DHCPv4 option names (`option:NAME`, dhcp-common.c opttab; `dnsmasq --help dhcp`
 * lists the non-internal ones). `addresses`: the value must be IPv4 addresses ("bad IP address"
 * otherwise); `internal`: dnsmasq sets the option itself and refuses the name (`option:lease-time`
 * is "bad dhcp-option"; the number still works); `domains`: a list of domain names (RFC 3397).
 * Data, checked against `dnsmasq --test`.
 */
export interface DnsmasqOptionName {
  name: string;
  code: number;
  addresses?: true;
  internal?: true;
  domains?: true;
}

const ADDR = { addresses: true } as const;
const INTERNAL = { internal: true } as const;

export const DNSMASQ_DHCP_OPTIONS: readonly DnsmasqOptionName[] = [
  { name: 'netmask', code: 1, ...ADDR },
  { name: 'time-offset', code: 2 },
  { name: 'router', code: 3, ...ADDR },
  { name: 'dns-server', code: 6, ...ADDR },
  { name: 'log-server', code: 7, ...ADDR },
  { name: 'lpr-server', code: 9, ...ADDR },
  { name: 'hostname', code: 12, ...INTERNAL },
  { name: 'boot-file-size', code: 13 },
  { name: 'domain-name', code: 15 },
  { name: 'swap-server', code: 16, ...ADDR },
  { name: 'root-path', code: 17 },
  { name: 'extension-path', code: 18 },
  { name: 'ip-forward-enable', code: 19 },
  { name: 'non-local-source-routing', code: 20 },
  { name: 'policy-filter', code: 21, ...ADDR },
  { name: 'max-datagram-reassembly', code: 22 },
  { name: 'default-ttl', code: 23 },
  { name: 'mtu', code: 26 },
  { name: 'all-subnets-local', code: 27 },
  { name: 'broadcast', code: 28, ...ADDR, ...INTERNAL },
  { name: 'router-discovery', code: 31 },
  { name: 'router-solicitation', code: 32, ...ADDR },
  { name: 'static-route', code: 33, ...ADDR },
  { name: 'trailer-encapsulation', code: 34 },
  { name: 'arp-timeout', code: 35 },
  { name: 'ethernet-encap', code: 36 },
  { name: 'tcp-ttl', code: 37 },
  { name: 'tcp-keepalive', code: 38 },
  { name: 'nis-domain', code: 40 },
  { name: 'nis-server', code: 41, ...ADDR },
  { name: 'ntp-server', code: 42, ...ADDR },
  { name: 'vendor-encap', code: 43, ...INTERNAL },
  { name: 'netbios-ns', code: 44, ...ADDR },
  { name: 'netbios-dd', code: 45, ...ADDR },
  { name: 'netbios-nodetype', code: 46 },
  { name: 'netbios-scope', code: 47 },
  { name: 'x-windows-fs', code: 48, ...ADDR },
  { name: 'x-windows-dm', code: 49, ...ADDR },
  { name: 'requested-address', code: 50, ...ADDR, ...INTERNAL },
  { name: 'lease-time', code: 51, ...INTERNAL },
  { name: 'option-overload', code: 52, ...INTERNAL },
  { name: 'message-type', code: 53, ...INTERNAL },
  { name: 'server-identifier', code: 54, ...ADDR, ...INTERNAL },
  { name: 'parameter-request', code: 55, ...INTERNAL },
  { name: 'message', code: 56, ...INTERNAL },
  { name: 'max-message-size', code: 57, ...INTERNAL },
  { name: 'T1', code: 58 },
  { name: 'T2', code: 59 },
  { name: 'vendor-class', code: 60 },
  { name: 'client-id', code: 61, ...INTERNAL },
  { name: 'nis+-domain', code: 64 },
  { name: 'nis+-server', code: 65, ...ADDR },
  { name: 'tftp-server', code: 66 },
  { name: 'bootfile-name', code: 67 },
  { name: 'mobile-ip-home', code: 68, ...ADDR },
  { name: 'smtp-server', code: 69, ...ADDR },
  { name: 'pop3-server', code: 70, ...ADDR },
  { name: 'nntp-server', code: 71, ...ADDR },
  { name: 'irc-server', code: 74, ...ADDR },
  { name: 'user-class', code: 77 },
  { name: 'rapid-commit', code: 80 },
  { name: 'FQDN', code: 81, ...INTERNAL },
  { name: 'agent-id', code: 82, ...INTERNAL },
  { name: 'client-arch', code: 93 },
  { name: 'client-interface-id', code: 94 },
  { name: 'client-machine-id', code: 97 },
  { name: 'posix-timezone', code: 100 },
  { name: 'tzdb-timezone', code: 101 },
  { name: 'ipv6-only', code: 108 },
  { name: 'subnet-select', code: 118, ...INTERNAL },
  { name: 'domain-search', code: 119, domains: true },
  { name: 'sip-server', code: 120 },
  { name: 'classless-static-route', code: 121 },
  { name: 'vendor-id-encap', code: 125 },
  { name: 'tftp-server-address', code: 150, ...ADDR },
  { name: 'server-ip-address', code: 255, ...ADDR },
];

/** dnsmasq matches `option:NAME` case-insensitively. */
const BY_NAME = new Map(DNSMASQ_DHCP_OPTIONS.map((o) => [o.name.toLowerCase(), o]));
const BY_CODE = new Map(DNSMASQ_DHCP_OPTIONS.map((o) => [o.code, o]));

export const dnsmasqOptionByName = (name: string): DnsmasqOptionName | undefined => BY_NAME.get(name.toLowerCase());
export const dnsmasqOptionByCode = (code: number): DnsmasqOptionName | undefined => BY_CODE.get(code);
