import { dhcpRuleTester } from '../../dhcpRuleTester';

dhcpRuleTester('dhcp/duplicate-subnet', {
  valid: [
    { name: 'two subnets', dialect: 'dhcpd', code: 'subnet 192.168.0.0 netmask 255.255.255.0 { }\nsubnet 192.168.1.0 netmask 255.255.255.0 { }\n' },
    { name: 'same address, other mask', dialect: 'dhcpd', code: 'subnet 192.168.0.0 netmask 255.255.255.0 { }\nsubnet 192.168.0.0 netmask 255.255.255.128 { }\n' },
    { name: 'two subnet4s', dialect: 'kea', code: '{"Dhcp4": {"subnet4": [{"id": 1, "subnet": "192.168.0.0/24"}, {"id": 2, "subnet": "192.168.1.0/24"}]}}\n' },
    { name: 'nested pools are parent and child', dialect: 'cisco-ios', code: 'ip dhcp pool campus\n network 10.0.0.0 /16\nip dhcp pool lab\n network 10.0.5.0 /24\n' },
    { name: 'same network in two VRFs', dialect: 'cisco-ios', code: 'ip dhcp pool red\n vrf RED\n network 10.0.0.0 /24\nip dhcp pool blue\n vrf BLUE\n network 10.0.0.0 /24\n' },
    { name: 'dnsmasq: several ranges in one network are normal', dialect: 'dnsmasq', code: 'dhcp-range=192.168.0.50,192.168.0.99,255.255.255.0,12h\ndhcp-range=192.168.0.150,192.168.0.199,255.255.255.0,12h\n' },
  ],
  invalid: [
    { name: 'same subnet twice: dhcpd warns', dialect: 'dhcpd', code: 'subnet 192.168.0.0 netmask 255.255.255.0 { }\nsubnet 192.168.0.0 netmask 255.255.255.0 { }\n', lines: [2], severity: 'warning', message: 'line 1' },
    {
      name: 'same subnet in an included file: flagged in this file',
      dialect: 'dhcpd',
      code: 'include "/ws/more.conf";\nsubnet 192.168.0.0 netmask 255.255.255.0 { }\n',
      files: { '/ws/more.conf': 'subnet 192.168.0.0 netmask 255.255.255.0 { }\n' },
      lines: [2],
      message: '/ws/more.conf:1',
    },
    { name: 'same prefix twice: Kea refuses it', dialect: 'kea', code: '{"Dhcp4": {"subnet4": [\n  {"id": 1, "subnet": "192.168.0.0/24"},\n  {"id": 2, "subnet": "192.168.0.0/24"}\n]}}\n', lines: [3], severity: 'error', message: 'already exists' },
    { name: 'two pools with one network', dialect: 'cisco-ios', code: 'ip dhcp pool a\n network 10.0.0.0 255.255.255.0\nip dhcp pool b\n network 10.0.0.0 /24\n', lines: [4], severity: 'warning', message: 'pool "a"' },
    { name: 'a secondary network repeating another pool\'s', dialect: 'cisco-ios', code: 'ip dhcp pool a\n network 10.0.0.0 /24\nip dhcp pool b\n network 10.0.1.0 /24\n network 10.0.0.0 /24 secondary\n', lines: [5] },
  ],
});
