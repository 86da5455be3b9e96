import { dhcpRuleTester } from '../../dhcpRuleTester';

const subnet = 'subnet 192.168.0.0 netmask 255.255.255.0 {\n  range 192.168.0.10 192.168.0.100;\n}\n';

dhcpRuleTester('dhcp/host-in-dynamic-range', {
  valid: [
    { name: 'fixed address outside the range', dialect: 'dhcpd', code: `${subnet}host printer {\n  hardware ethernet 00:11:22:33:44:55;\n  fixed-address 192.168.0.200;\n}\n` },
    { name: 'host without a fixed address', dialect: 'dhcpd', code: `${subnet}host printer {\n  hardware ethernet 00:11:22:33:44:55;\n}\n` },
    { name: 'Kea in-pool reservation is supported', dialect: 'kea', code: '{"Dhcp4": {"subnet4": [{"id": 1, "subnet": "192.168.0.0/24", "pools": [{"pool": "192.168.0.10 - 192.168.0.100"}],\n  "reservations": [{"hw-address": "00:11:22:33:44:55", "ip-address": "192.168.0.50"}]}]}}\n' },
    { name: 'dnsmasq never leases a dhcp-host address to others', dialect: 'dnsmasq', code: 'dhcp-range=192.168.0.10,192.168.0.100,12h\ndhcp-host=00:11:22:33:44:55,192.168.0.50\n' },
    { name: 'IOS manual binding in a pool network is not checked', dialect: 'cisco-ios', code: 'ip dhcp pool office\n network 192.168.0.0 /24\n class a\n  address range 192.168.0.10 192.168.0.100\nip dhcp pool printer\n host 192.168.0.50 255.255.255.0\n client-identifier 0100.1122.3344.55\n' },
  ],
  invalid: [
    { name: 'fixed address inside the range', dialect: 'dhcpd', code: `${subnet}host printer {\n  hardware ethernet 00:11:22:33:44:55;\n  fixed-address 192.168.0.50;\n}\n`, lines: [6], severity: 'warning', message: 'inside the dynamic range 192.168.0.10–192.168.0.100 (line 2)' },
    { name: 'host declared inside the subnet, at the range end', dialect: 'dhcpd', code: 'subnet 192.168.0.0 netmask 255.255.255.0 {\n  range 192.168.0.10 192.168.0.100;\n  host a { hardware ethernet 00:11:22:33:44:55; fixed-address 192.168.0.100; }\n}\n', lines: [3] },
    {
      name: 'range in an included file',
      dialect: 'dhcpd',
      code: 'include "/ws/subnets.conf";\nhost a {\n  hardware ethernet 00:11:22:33:44:55;\n  fixed-address 192.168.0.10;\n}\n',
      files: { '/ws/subnets.conf': subnet },
      lines: [4],
      message: '/ws/subnets.conf:2',
    },
  ],
});
