import { dhcpRuleTester } from '../../dhcpRuleTester';

const pool = 'ip dhcp pool office\n network 192.168.0.0 255.255.255.0\n default-router 192.168.0.1\n';

dhcpRuleTester('dhcp/excluded-address-unused', {
  valid: [
    { name: 'exclusion inside the pool network', dialect: 'cisco-ios', code: `ip dhcp excluded-address 192.168.0.1 192.168.0.10\n${pool}` },
    { name: 'single address, pool defined after it', dialect: 'cisco-ios', code: `ip dhcp excluded-address 192.168.0.1\n${pool}` },
    { name: 'range that only partly meets the network still excludes', dialect: 'cisco-ios', code: `ip dhcp excluded-address 192.167.255.250 192.168.0.5\n${pool}` },
    { name: 'exclusion in the VRF of the pool', dialect: 'cisco-ios', code: 'ip dhcp excluded-address vrf RED 10.0.0.1 10.0.0.9\nip dhcp pool red\n vrf RED\n network 10.0.0.0 /24\n' },
    { name: 'reversed range is the parser\'s to report', dialect: 'cisco-ios', code: `ip dhcp excluded-address 192.168.0.10 192.168.0.1\n${pool}` },
    { name: 'other dialects have no exclusions', dialect: 'dhcpd', code: 'subnet 192.168.0.0 netmask 255.255.255.0 {\n}\n' },
  ],
  invalid: [
    {
      name: 'exclusion outside every pool, fix removes the line',
      dialect: 'cisco-ios',
      code: `ip dhcp excluded-address 192.168.0.1 192.168.0.10\nip dhcp excluded-address 192.168.10.1 192.168.10.10\n${pool}`,
      lines: [2],
      severity: 'warning',
      message: '192.168.10.1–192.168.10.10',
      output: `ip dhcp excluded-address 192.168.0.1 192.168.0.10\n${pool}`,
    },
    { name: 'exclusion in a VRF with no pool', dialect: 'cisco-ios', code: 'ip dhcp excluded-address vrf BLUE 10.0.0.1 10.0.0.9\nip dhcp pool red\n vrf RED\n network 10.0.0.0 /24\n', lines: [1], message: 'VRF BLUE' },
    { name: 'global exclusion, pool only in a VRF', dialect: 'cisco-ios', code: 'ip dhcp excluded-address 10.0.0.1\nip dhcp pool red\n vrf RED\n network 10.0.0.0 /24\n', lines: [1] },
    { name: 'exclusion with no pool at all, CRLF file', dialect: 'cisco-ios', code: 'hostname r1\r\nip dhcp excluded-address 10.0.0.1\r\n', lines: [2], output: 'hostname r1\r\n' },
  ],
});
