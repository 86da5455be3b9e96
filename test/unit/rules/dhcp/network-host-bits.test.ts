import { dhcpRuleTester } from '../../dhcpRuleTester';

dhcpRuleTester('dhcp/network-host-bits', {
  valid: [
    { name: 'network address', dialect: 'dhcpd', code: 'subnet 192.168.0.0 netmask 255.255.255.0 {\n}\n' },
    { name: 'a /32 host subnet', dialect: 'dhcpd', code: 'subnet 192.168.0.7 netmask 255.255.255.255 {\n}\n' },
    { name: 'gapped mask with no host bits (dhcp/invalid-netmask reports the mask)', dialect: 'dhcpd', code: 'subnet 192.0.168.0 netmask 255.0.255.0 {\n}\n' },
    { name: 'subnet4 prefix', dialect: 'kea', code: '{"Dhcp4": {"subnet4": [{"id": 1, "subnet": "192.168.0.0/24"}]}}\n' },
    { name: 'pool network with mask and with /len', dialect: 'cisco-ios', code: 'ip dhcp pool a\n network 192.168.0.0 255.255.255.0\nip dhcp pool b\n network 10.0.0.0 /8\n' },
    { name: 'dnsmasq names no network (a range starts anywhere)', dialect: 'dnsmasq', code: 'dhcp-range=192.168.0.50,192.168.0.150,255.255.255.0,12h\n' },
  ],
  invalid: [
    {
      name: 'dhcpd refuses it: error, fix writes the network address',
      dialect: 'dhcpd',
      code: 'subnet 192.168.0.1 netmask 255.255.255.0 {\n}\n',
      lines: [1],
      severity: 'error',
      message: 'the network address is 192.168.0.0',
      output: 'subnet 192.168.0.0 netmask 255.255.255.0 {\n}\n',
    },
    { name: 'gapped mask: the host bits are where the mask has zeros', dialect: 'dhcpd', code: 'subnet 192.0.168.1 netmask 255.0.255.0 {\n}\n', lines: [1], severity: 'error', message: 'the network address is 192.0.168.0' },
    {
      name: 'Kea masks it quietly: warning',
      dialect: 'kea',
      code: '{"Dhcp4": {\n  "subnet4": [{"id": 1, "subnet": "192.168.0.130/25"}]\n}}\n',
      lines: [2],
      severity: 'warning',
      message: '192.168.0.128/25',
      output: '{"Dhcp4": {\n  "subnet4": [{"id": 1, "subnet": "192.168.0.128/25"}]\n}}\n',
    },
    {
      name: 'IOS pool network',
      dialect: 'cisco-ios',
      code: 'ip dhcp pool office\n network 192.168.0.1 255.255.255.0\n',
      lines: [2],
      severity: 'warning',
      output: 'ip dhcp pool office\n network 192.168.0.0 255.255.255.0\n',
    },
    { name: 'IOS secondary network in /len form', dialect: 'cisco-ios', code: 'ip dhcp pool office\n network 192.168.0.0 /24\n network 10.1.1.1 /16 secondary\n', lines: [3], message: '10.1.0.0/16' },
  ],
});
