import { dhcpRuleTester } from '../../dhcpRuleTester';

const subnet = (body: string): string => `subnet 192.168.0.0 netmask 255.255.255.0 {\n${body}}\n`;
const kea = (subnets: string): string => `{"Dhcp4": {"subnet4": [\n${subnets}\n]}}\n`;

dhcpRuleTester('dhcp/overlapping-ranges', {
  valid: [
    { name: 'adjacent ranges', dialect: 'dhcpd', code: subnet('  range 192.168.0.10 192.168.0.19;\n  range 192.168.0.20 192.168.0.30;\n') },
    { name: 'ranges in two subnets', dialect: 'dhcpd', code: 'subnet 192.168.0.0 netmask 255.255.255.0 {\n  range 192.168.0.10 192.168.0.20;\n}\nsubnet 192.168.1.0 netmask 255.255.255.0 {\n  range 192.168.1.10 192.168.1.20;\n}\n' },
    {
      name: 'ranges in the file and an included file apart',
      dialect: 'dhcpd',
      code: 'include "/ws/more.conf";\nsubnet 192.168.0.0 netmask 255.255.255.0 {\n  range 192.168.0.10 192.168.0.20;\n}\n',
      files: { '/ws/more.conf': 'subnet 192.168.1.0 netmask 255.255.255.0 {\n  range 192.168.1.10 192.168.1.20;\n}\n' },
    },
    { name: 'pools apart', dialect: 'kea', code: kea('  {"id": 1, "subnet": "192.168.0.0/24", "pools": [{"pool": "192.168.0.10 - 192.168.0.20"}, {"pool": "192.168.0.21 - 192.168.0.30"}]}') },
    { name: 'dhcp-ranges apart', dialect: 'dnsmasq', code: 'dhcp-range=192.168.0.50,192.168.0.99,12h\ndhcp-range=192.168.0.100,192.168.0.150,12h\n' },
    {
      name: 'nested pools are parent and child, not an overlap',
      dialect: 'cisco-ios',
      code: 'ip dhcp pool campus\n network 10.0.0.0 255.255.0.0\n default-router 10.0.0.1\nip dhcp pool lab\n network 10.0.5.0 255.255.255.0\n default-router 10.0.5.1\n',
    },
    { name: 'address ranges apart', dialect: 'cisco-ios', code: 'ip dhcp pool office\n network 192.168.0.0 /24\n class a\n  address range 192.168.0.10 192.168.0.20\n class b\n  address range 192.168.0.21 192.168.0.30\n' },
    { name: 'same address ranges in different VRFs', dialect: 'cisco-ios', code: 'ip dhcp pool red\n vrf RED\n network 10.0.0.0 /24\n class a\n  address range 10.0.0.10 10.0.0.20\nip dhcp pool blue\n vrf BLUE\n network 10.0.0.0 /24\n class a\n  address range 10.0.0.10 10.0.0.20\n' },
  ],
  invalid: [
    { name: 'two ranges share addresses: dhcpd refuses it', dialect: 'dhcpd', code: subnet('  range 192.168.0.10 192.168.0.20;\n  range 192.168.0.15 192.168.0.30;\n'), lines: [3], severity: 'error', message: 'at 192.168.0.15–192.168.0.20' },
    { name: 'ranges sharing one end address', dialect: 'dhcpd', code: subnet('  range 192.168.0.10 192.168.0.20;\n  range 192.168.0.20 192.168.0.30;\n'), lines: [3], severity: 'error', message: 'declared twice' },
    { name: 'pools of one subnet', dialect: 'dhcpd', code: subnet('  pool {\n    range 192.168.0.10 192.168.0.20;\n  }\n  pool {\n    range 192.168.0.5 192.168.0.12;\n  }\n'), lines: [6], severity: 'error' },
    {
      name: 'range overlapping one in an included file: flagged in this file',
      dialect: 'dhcpd',
      code: 'subnet 192.168.0.0 netmask 255.255.255.0 {\n  range 192.168.0.10 192.168.0.20;\n}\ninclude "/ws/more.conf";\n',
      files: { '/ws/more.conf': 'subnet 192.168.0.0 netmask 255.255.255.0 {\n  range 192.168.0.15 192.168.0.30;\n}\n' },
      lines: [2],
      severity: 'error',
      message: '/ws/more.conf:2',
    },
    { name: 'three ranges, two flagged', dialect: 'dhcpd', code: subnet('  range 192.168.0.10 192.168.0.100;\n  range 192.168.0.20 192.168.0.30;\n  range 192.168.0.25 192.168.0.28;\n'), lines: [3, 4] },
    { name: 'pools of one subnet4: Kea refuses it', dialect: 'kea', code: kea('  {"id": 1, "subnet": "192.168.0.0/24", "pools": [{"pool": "192.168.0.10 - 192.168.0.20"},\n    {"pool": "192.168.0.20 - 192.168.0.30"}]}'), lines: [3], severity: 'error', message: 'kea-dhcp4 refuses' },
    {
      name: 'pools of nested subnets: Kea loads them (warning)',
      dialect: 'kea',
      code: kea('  {"id": 1, "subnet": "192.168.0.0/16", "pools": [{"pool": "192.168.1.10 - 192.168.1.20"}]},\n  {"id": 2, "subnet": "192.168.1.0/24", "pools": [{"pool": "192.168.1.15 - 192.168.1.30"}]}'),
      lines: [3],
      severity: 'warning',
    },
    {
      // Kea reads the included text in place, as an entry of the pools list (kea-dhcp4 -t: "overlaps with an existing pool").
      name: 'a pool included inside the pools list overlaps one of the subnet: Kea refuses it',
      dialect: 'kea',
      code: kea('  {"id": 1, "subnet": "10.40.0.0/16", "pools": [\n    {"pool": "10.40.1.1 - 10.40.1.250"},\n    <?include "/ws/branch-pool.json"?>\n  ]}'),
      files: { '/ws/branch-pool.json': '{ "pool": "10.40.1.200 - 10.40.1.240" }\n' },
      lines: [3],
      severity: 'error',
      message: '(/ws/branch-pool.json:1)',
    },
    {
      name: 'a pool included in another subnet\'s list: a warning, as for any two subnets',
      dialect: 'kea',
      code: kea('  {"id": 1, "subnet": "10.40.0.0/16", "pools": [{"pool": "10.40.1.1 - 10.40.1.250"}]},\n  {"id": 2, "subnet": "10.40.1.0/24", "pools": [ <?include "/ws/branch-pool.json"?> ]}'),
      files: { '/ws/branch-pool.json': '{ "pool": "10.40.1.200 - 10.40.1.240" }\n' },
      lines: [2],
      severity: 'warning',
    },
    { name: 'overlapping dhcp-ranges', dialect: 'dnsmasq', code: 'dhcp-range=192.168.0.50,192.168.0.150,12h\ndhcp-range=192.168.0.100,192.168.0.200,12h\n', lines: [2], severity: 'warning' },
    { name: 'address ranges of two classes', dialect: 'cisco-ios', code: 'ip dhcp pool office\n network 192.168.0.0 /24\n class a\n  address range 192.168.0.10 192.168.0.20\n class b\n  address range 192.168.0.15 192.168.0.30\n', lines: [6], severity: 'warning' },
  ],
});
