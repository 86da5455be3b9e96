import { dhcpRuleTester } from '../../dhcpRuleTester';

const subnet = 'subnet 192.168.0.0 netmask 255.255.255.0 {\n}\n';

dhcpRuleTester('dhcp/lease-time', {
  valid: [
    { name: 'one day', dialect: 'dhcpd', code: `default-lease-time 86400;\n${subnet}` },
    { name: 'a year exactly', dialect: 'dhcpd', code: `default-lease-time 31536000;\n${subnet}` },
    { name: 'RFC 2131 infinity', dialect: 'dhcpd', code: `default-lease-time 4294967295;\n${subnet}` },
    { name: 'valid-lifetime', dialect: 'kea', code: '{"Dhcp4": {"valid-lifetime": 4000, "subnet4": [{"id": 1, "subnet": "192.168.0.0/24", "valid-lifetime": 7200}]}}\n' },
    { name: 'dhcp-range lease in hours and infinite', dialect: 'dnsmasq', code: 'dhcp-range=192.168.0.50,192.168.0.150,12h\ndhcp-range=192.168.1.50,192.168.1.150,infinite\n' },
    // dnsmasq raises any lease under two minutes to 120 s, so 0 is not a zero lease there.
    { name: 'dnsmasq lease 0 is raised to two minutes', dialect: 'dnsmasq', code: 'dhcp-range=192.168.0.50,192.168.0.150,0\n' },
    { name: 'lease days and infinite', dialect: 'cisco-ios', code: 'ip dhcp pool a\n network 10.0.0.0 /24\n lease 1 12\nip dhcp pool b\n network 10.0.1.0 /24\n lease infinite\n' },
    { name: 'longest IOS lease of exactly 365 days', dialect: 'cisco-ios', code: 'ip dhcp pool a\n network 10.0.0.0 /24\n lease 365\n' },
  ],
  invalid: [
    { name: 'zero default-lease-time', dialect: 'dhcpd', code: `default-lease-time 0;\n${subnet}`, lines: [1], severity: 'warning', message: 'zero' },
    { name: 'zero in a subnet', dialect: 'dhcpd', code: 'subnet 192.168.0.0 netmask 255.255.255.0 {\n  default-lease-time 0;\n}\n', lines: [2], message: 'subnet 192.168.0.0/24' },
    { name: 'zero max-lease-time', dialect: 'dhcpd', code: `default-lease-time 600;\nmax-lease-time 0;\n${subnet}`, lines: [2], message: 'maximum lease time' },
    { name: 'more than a year', dialect: 'dhcpd', code: `default-lease-time 99999999;\n${subnet}`, lines: [1], message: 'more than a year' },
    { name: 'zero valid-lifetime', dialect: 'kea', code: '{"Dhcp4": {\n  "valid-lifetime": 0,\n  "subnet4": [{"id": 1, "subnet": "192.168.0.0/24"}]}}\n', lines: [2], severity: 'warning' },
    { name: 'two years in a subnet4', dialect: 'kea', code: '{"Dhcp4": {"subnet4": [\n  {"id": 1, "subnet": "192.168.0.0/24", "valid-lifetime": 63072000}]}}\n', lines: [2], message: '730 days' },
    { name: 'dhcp-range of 999 days', dialect: 'dnsmasq', code: 'dhcp-range=192.168.0.50,192.168.0.150,999d\n', lines: [1], message: '999 days' },
    { name: 'two years in weeks', dialect: 'dnsmasq', code: 'dhcp-range=192.168.0.50,192.168.0.150,12h\ndhcp-range=192.168.1.50,192.168.1.150,104w\n', lines: [2], message: '728 days' },
    { name: 'lease 0', dialect: 'cisco-ios', code: 'ip dhcp pool a\n network 10.0.0.0 /24\n lease 0\n', lines: [3], message: 'pool "a"' },
    { name: 'just over a year', dialect: 'cisco-ios', code: 'ip dhcp pool a\n network 10.0.0.0 /24\n lease 365 0 1\n', lines: [3], message: 'more than a year' },
  ],
});
