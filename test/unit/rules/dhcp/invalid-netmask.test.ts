import { dhcpRuleTester } from '../../dhcpRuleTester';

dhcpRuleTester('dhcp/invalid-netmask', {
  valid: [
    { name: 'contiguous mask', dialect: 'dhcpd', code: 'subnet 192.168.0.0 netmask 255.255.255.0 {\n}\n' },
    { name: 'all-ones mask', dialect: 'dhcpd', code: 'subnet 192.168.0.7 netmask 255.255.255.255 {\n}\n' },
    { name: 'contiguous dhcp-range mask', dialect: 'dnsmasq', code: 'dhcp-range=192.168.0.50,192.168.0.150,255.255.255.0,12h\n' },
    { name: 'prefix lengths need no mask check', dialect: 'kea', code: '{"Dhcp4": {"subnet4": [{"id": 1, "subnet": "10.0.0.0/8"}]}}\n' },
    { name: 'IOS /len and dotted masks', dialect: 'cisco-ios', code: 'ip dhcp pool a\n network 10.0.0.0 /8\nip dhcp pool b\n network 172.16.0.0 255.255.240.0\n' },
    // A binding's mask is the parser's to refuse (the host keeps no network).
    { name: 'IOS gapped host mask is a syntax error', dialect: 'cisco-ios', code: 'ip dhcp pool a\n host 10.0.0.5 255.0.255.0\n' },
  ],
  invalid: [
    { name: 'gapped mask dhcpd accepts and sends', dialect: 'dhcpd', code: 'subnet 192.0.168.0 netmask 255.0.255.0 {\n}\n', lines: [1], severity: 'warning', message: '255.0.255.0 is not contiguous' },
    { name: 'gapped mask in a shared-network', dialect: 'dhcpd', code: 'shared-network s {\n  subnet 10.0.0.0 netmask 255.255.255.0 { }\n  subnet 10.1.0.0 netmask 255.255.0.255 { }\n}\n', lines: [3] },
    { name: 'IOS refuses a gapped network mask', dialect: 'cisco-ios', code: 'ip dhcp pool a\n network 10.0.0.0 255.0.255.0\n default-router 10.0.0.1\n', lines: [2], severity: 'error', message: '255.0.255.0 is not contiguous' },
    { name: 'gapped dhcp-range mask dnsmasq accepts', dialect: 'dnsmasq', code: 'dhcp-range=192.168.0.50,192.168.0.150,255.0.255.0,12h\n', lines: [1], severity: 'warning' },
  ],
});
