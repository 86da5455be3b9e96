import { dhcpRuleTester } from '../../dhcpRuleTester';
import { cisco, dnsmasq, isc, ISC_DEF, kea, keaEntry } from './routeFixtures';

dhcpRuleTester('dhcp/route121-router-off-subnet', {
  valid: [
    { name: 'router on the pool network', dialect: 'cisco-ios', code: cisco(' option 121 hex 080a.c0a8.0002.00c0.a800.01\n') },
    { name: 'router on a secondary network', dialect: 'cisco-ios', code: `ip dhcp pool office\n network 192.168.0.0 255.255.255.0\n network 172.16.0.0 255.255.255.0 secondary\n option 121 hex 080a.ac10.0001\n` },
    { name: 'router 0.0.0.0: an on-link destination (RFC 3442 Local Subnet Routes)', dialect: 'cisco-ios', code: cisco(' option 121 hex 18c0.a801.0000.0000\n') },
    { name: 'pool inherits the subnet network', dialect: 'dhcpd', code: isc('  pool {\n    range 192.168.0.30 192.168.0.40;\n    option rfc3442-classless-static-routes 8,10,192,168,0,2;\n  }\n') },
    {
      name: 'global option: the router is on one of the subnets that receive it',
      dialect: 'dhcpd',
      code: `${ISC_DEF}option rfc3442-classless-static-routes 8,10,192,168,0,2;\nsubnet 192.168.0.0 netmask 255.255.255.0 { }\nsubnet 192.168.1.0 netmask 255.255.255.0 { }\n`,
    },
    { name: 'no network known', dialect: 'dhcpd', code: `${ISC_DEF}option rfc3442-classless-static-routes 8,10,172,16,0,1;\n` },
    { name: 'Kea hex on the subnet', dialect: 'kea', code: kea(keaEntry('{ "code": 121, "csv-format": false, "data": "080ac0a80002" }')) },
    { name: 'dnsmasq list on the range network', dialect: 'dnsmasq', code: dnsmasq('dhcp-option=121,10.0.0.0/8,192.168.0.2\n') },
  ],
  invalid: [
    {
      name: 'Cisco: router on another network',
      dialect: 'cisco-ios',
      code: cisco(' option 121 hex 080a.ac10.0001.00c0.a800.01\n'),
      lines: [4],
      severity: 'warning',
      message: '10.0.0.0/8 via 172.16.0.1',
    },
    {
      name: 'Cisco host pool inherits the network of the pool that contains it',
      dialect: 'cisco-ios',
      code: `${cisco('')}ip dhcp pool printer\n host 192.168.0.50 255.255.255.0\n option 121 hex 080a.ac10.0001\n`,
      lines: [6],
    },
    {
      name: 'ISC pool inherits the subnet network',
      dialect: 'dhcpd',
      code: isc('  pool {\n    range 192.168.0.30 192.168.0.40;\n    option rfc3442-classless-static-routes 8,10,172,16,0,1, 0,192,168,0,1;\n  }\n'),
      lines: [7],
      message: '192.168.0.0/24',
    },
    {
      name: 'ISC global option whose router is on none of the subnets',
      dialect: 'dhcpd',
      code: `${ISC_DEF}option rfc3442-classless-static-routes 8,10,172,16,0,1;\nsubnet 192.168.0.0 netmask 255.255.255.0 { }\nsubnet 192.168.1.0 netmask 255.255.255.0 { }\n`,
      lines: [2],
      message: 'the networks that receive this option',
    },
    { name: 'Kea hex', dialect: 'kea', code: kea(keaEntry('{ "code": 249, "csv-format": false, "data": "080aac100001" }')), lines: [11], message: 'Option 249' },
    { name: 'dnsmasq list', dialect: 'dnsmasq', code: dnsmasq('dhcp-option=121,10.0.0.0/8,172.16.0.1,0.0.0.0/0,192.168.0.1\n'), lines: [3] },
  ],
});
