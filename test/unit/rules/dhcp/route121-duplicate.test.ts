import { dhcpRuleTester } from '../../dhcpRuleTester';
import { cisco, dnsmasq, isc, kea, keaEntry } from './routeFixtures';

dhcpRuleTester('dhcp/route121-duplicate', {
  valid: [
    { name: 'a more specific route inside a broader one is not shadowed', dialect: 'cisco-ios', code: cisco(' option 121 hex 080a.c0a8.0001.100a.01c0.a800.0200.c0a8.0001\n') },
    { name: 'the same routes in 121 and its 249 twin', dialect: 'cisco-ios', code: cisco(' option 121 hex 080a.c0a8.0001\n option 249 hex 080a.c0a8.0001\n') },
    { name: 'same destination, different widths', dialect: 'dhcpd', code: isc('  option rfc3442-classless-static-routes 8,10,192,168,0,1, 16,10,0,192,168,0,2;\n') },
    { name: 'distinct routes', dialect: 'kea', code: kea(keaEntry('{ "code": 121, "csv-format": false, "data": "080ac0a8000100c0a80001" }')) },
    { name: 'distinct routes in a list', dialect: 'dnsmasq', code: dnsmasq('dhcp-option=121,10.0.0.0/8,192.168.0.1,172.16.0.0/12,192.168.0.1\n') },
  ],
  invalid: [
    {
      name: 'Cisco: the same route twice, the repetition removed',
      dialect: 'cisco-ios',
      code: cisco(' option 121 hex 080a.c0a8.0001.080a.c0a8.0001.00c0.a800.01\n'),
      lines: [4],
      severity: 'warning',
      message: 'repeats route 1',
      output: cisco(' option 121 hex 080a.c0a8.0001.00c0.a800.01\n'),
    },
    {
      name: 'ISC decimal: the repeated route and its separator removed',
      dialect: 'dhcpd',
      code: isc('  option rfc3442-classless-static-routes 8,10,192,168,0,1, 0,192,168,0,1, 8,10,192,168,0,1;\n'),
      lines: [5],
      output: isc('  option rfc3442-classless-static-routes 8,10,192,168,0,1, 0,192,168,0,1;\n'),
    },
    {
      name: 'ISC: host bits make two spellings the same prefix',
      dialect: 'dhcpd',
      code: isc('  option rfc3442-classless-static-routes 23,2,2,2,192,168,0,2, 23,2,2,3,192,168,0,2;\n'),
      lines: [5],
      message: 'repeats route 1',
    },
    {
      name: 'Kea hex: shadowed by another router, no automatic choice',
      dialect: 'kea',
      code: kea(keaEntry('{ "code": 121, "csv-format": false, "data": "080ac0a80001080ac0a80002" }')),
      lines: [11],
      message: 'shadowed by route 1',
    },
    {
      name: 'Kea 2.6 route string',
      dialect: 'kea',
      code: kea(keaEntry('{ "name": "classless-static-route", "data": "10.0.0.0/8 - 192.168.0.1, 0.0.0.0/0 - 192.168.0.1, 10.0.0.0/8 - 192.168.0.1" }')),
      settings: { 'dhcp.keaVersion': '2.6.0' },
      lines: [11],
      output: kea(keaEntry('{ "name": "classless-static-route", "data": "10.0.0.0/8 - 192.168.0.1, 0.0.0.0/0 - 192.168.0.1" }')),
    },
    {
      name: 'dnsmasq: the first of two identical routes kept',
      dialect: 'dnsmasq',
      code: dnsmasq('dhcp-option=121,10.0.0.0/8,192.168.0.1,10.0.0.0/8,192.168.0.1\n'),
      lines: [3],
      output: dnsmasq('dhcp-option=121,10.0.0.0/8,192.168.0.1\n'),
    },
    {
      name: 'dnsmasq 249: shadowed route',
      dialect: 'dnsmasq',
      code: dnsmasq('dhcp-option=249,10.0.0.0/8,192.168.0.1,10.0.0.0/8,192.168.0.2\n'),
      lines: [3],
      message: 'Option 249',
    },
  ],
});
