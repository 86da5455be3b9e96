import { dhcpRuleTester } from '../../dhcpRuleTester';

/** A RouterOS DHCP server on 192.168.88.0/24; the pool's `ranges` on line 2. */
const mikrotik = (ranges: string, extra = ''): string =>
  `/ip pool\nadd name=dhcp ranges=${ranges}\n${extra}/ip dhcp-server\nadd address-pool=dhcp interface=bridge name=dhcp1\n/ip dhcp-server network\nadd address=192.168.88.0/24 gateway=192.168.88.1\n`;

const kea = (subnet: string, pools: string): string => `{"Dhcp4": {"subnet4": [{"id": 1, "subnet": "${subnet}",\n  "pools": [\n${pools}\n  ]}]}}\n`;

dhcpRuleTester('dhcp/range-outside-subnet', {
  valid: [
    { name: 'range inside the subnet', dialect: 'dhcpd', code: 'subnet 192.168.0.0 netmask 255.255.255.0 {\n  range 192.168.0.10 192.168.0.20;\n}\n' },
    { name: 'single-address range', dialect: 'dhcpd', code: 'subnet 192.168.0.0 netmask 255.255.255.0 {\n  range 192.168.0.10;\n}\n' },
    { name: 'pool in a subnet', dialect: 'dhcpd', code: 'subnet 192.168.0.0 netmask 255.255.255.0 {\n  pool {\n    range 192.168.0.10 192.168.0.20;\n  }\n}\n' },
    { name: 'shared-network pool in its second subnet', dialect: 'dhcpd', code: 'shared-network s {\n  subnet 192.168.0.0 netmask 255.255.255.0 { }\n  subnet 192.168.1.0 netmask 255.255.255.0 { }\n  pool {\n    range 192.168.1.10 192.168.1.20;\n  }\n}\n' },
    { name: 'pool range and prefix', dialect: 'kea', code: kea('192.168.0.0/24', '    {"pool": "192.168.0.10 - 192.168.0.20"},\n    {"pool": "192.168.0.128/25"}') },
    { name: 'reversed pool is refused by Kea: the parser reports it (dhcp/syntax-error)', dialect: 'kea', code: kea('192.168.0.0/24', '    {"pool": "192.168.0.20 - 192.168.0.10"}') },
    { name: 'address range inside the pool network', dialect: 'cisco-ios', code: 'ip dhcp pool office\n network 192.168.0.0 255.255.255.0\n class staff\n  address range 192.168.0.10 192.168.0.20\n' },
    { name: 'address range in a secondary network', dialect: 'cisco-ios', code: 'ip dhcp pool office\n network 192.168.0.0 255.255.255.0\n network 192.168.9.0 255.255.255.0 secondary\n class staff\n  address range 192.168.9.10 192.168.9.20\n' },
    { name: 'dhcp-range within its netmask', dialect: 'dnsmasq', code: 'dhcp-range=192.168.0.50,192.168.0.150,255.255.255.0,12h\n' },
    { name: 'reversed address range is the parser\'s to report', dialect: 'cisco-ios', code: 'ip dhcp pool office\n network 192.168.0.0 255.255.255.0\n class staff\n  address range 192.168.0.20 192.168.0.10\n' },
    { name: 'dhcp-range straddling its netmask is the parser\'s to report (dhcp/syntax-error)', dialect: 'dnsmasq', code: 'dhcp-range=192.168.0.50,192.168.1.150,255.255.255.0,12h\n' },
    { name: 'dhcp-range without a netmask (the interface decides)', dialect: 'dnsmasq', code: 'dhcp-range=192.168.0.50,192.168.1.150,12h\n' },
    { name: 'pool ranges inside the network', dialect: 'mikrotik', code: mikrotik('192.168.88.10-192.168.88.99,192.168.88.200-192.168.88.210') },
    { name: 'a pool no DHCP server uses (PPP, hotspot) is no DHCP range', dialect: 'mikrotik', code: mikrotik('192.168.88.10-192.168.88.99', 'add name=vpn ranges=192.168.88.250-192.168.90.10\n') },
    { name: 'a reversed range is the parser\'s to report', dialect: 'mikrotik', code: mikrotik('192.168.88.99-192.168.88.10') },
  ],
  invalid: [
    { name: 'range in another network: dhcpd refuses it', dialect: 'dhcpd', code: 'subnet 192.168.0.0 netmask 255.255.255.0 {\n  range 192.168.1.10 192.168.1.20;\n}\n', lines: [2], severity: 'error', message: 'outside subnet 192.168.0.0/24 (192.168.0.0–192.168.0.255)' },
    { name: 'range ends past the subnet', dialect: 'dhcpd', code: 'subnet 192.168.0.0 netmask 255.255.255.0 {\n  range 192.168.0.10 192.168.1.20;\n}\n', lines: [2], severity: 'error', message: '192.168.1.20 is outside it' },
    { name: 'pool range in a subnet', dialect: 'dhcpd', code: 'subnet 192.168.0.0 netmask 255.255.255.0 {\n  pool {\n    range 10.0.0.1 10.0.0.9;\n  }\n}\n', lines: [3], severity: 'error' },
    { name: 'shared-network pool spanning two subnets', dialect: 'dhcpd', code: 'shared-network s {\n  subnet 192.168.0.0 netmask 255.255.255.0 { }\n  subnet 192.168.1.0 netmask 255.255.255.0 { }\n  pool {\n    range 192.168.0.250 192.168.1.20;\n  }\n}\n', lines: [5], severity: 'error', message: 'spans two networks' },
    {
      name: 'reversed range: dhcpd swaps it (warning), fix writes the low address first',
      dialect: 'dhcpd',
      code: 'subnet 192.168.0.0 netmask 255.255.255.0 {\n  range 192.168.0.20 192.168.0.10;\n}\n',
      lines: [2],
      severity: 'warning',
      output: 'subnet 192.168.0.0 netmask 255.255.255.0 {\n  range 192.168.0.10 192.168.0.20;\n}\n',
    },
    { name: 'pool outside its subnet4: Kea refuses it', dialect: 'kea', code: kea('192.168.0.0/24', '    {"pool": "192.168.1.10 - 192.168.1.20"}'), lines: [3], severity: 'error' },
    { name: 'prefix pool outside its subnet4', dialect: 'kea', code: kea('192.168.0.0/24', '    {"pool": "192.168.0.0/23"}'), lines: [3], severity: 'error' },
    {
      name: 'MikroTik pool range running past its network',
      dialect: 'mikrotik',
      code: mikrotik('192.168.88.10-192.168.88.99,192.168.88.200-192.168.89.20'),
      lines: [2],
      severity: 'warning',
      message: '192.168.89.20 is outside it. RouterOS leases every address of the pool, but those outside subnet 192.168.88.0/24 do not get its gateway',
    },
    { name: 'MikroTik prefix pool wider than its network', dialect: 'mikrotik', code: mikrotik('192.168.88.0/23'), lines: [2], severity: 'warning' },
    { name: 'address range outside the pool network', dialect: 'cisco-ios', code: 'ip dhcp pool office\n network 192.168.0.0 255.255.255.0\n class staff\n  address range 192.168.2.1 192.168.2.9\n', lines: [4], severity: 'warning', message: 'never leased' },
  ],
});
