import { dhcpRuleTester } from '../../dhcpRuleTester';
import { cisco, dnsmasq, isc, ISC_DEF_STRING, kea, keaEntry, mikrotik } from './routeFixtures';

dhcpRuleTester('dhcp/route121-host-bits', {
  valid: [
    { name: 'network-aligned destinations', dialect: 'cisco-ios', code: cisco(' option 121 hex 1702.0202.c0a8.0002.00c0.a800.01\n') },
    { name: 'host route', dialect: 'dhcpd', code: isc('  option rfc3442-classless-static-routes 32,1,1,1,1,192,168,0,1, 0,192,168,0,1;\n') },
    { name: 'hex data', dialect: 'kea', code: kea(keaEntry('{ "code": 121, "csv-format": false, "data": "17020202c0a8000200c0a80001" }')) },
    { name: 'route list', dialect: 'dnsmasq', code: dnsmasq('dhcp-option=121,10.0.0.0/8,192.168.0.2,0.0.0.0/0,192.168.0.1\n') },
    { name: '0x value', dialect: 'mikrotik', code: mikrotik('add code=121 name=routes value=0x17020202c0a8000200c0a80001\n') },
  ],
  invalid: [
    {
      name: 'MikroTik 0x value: a bit beyond /23, cleared by the fix in the value\'s own spelling',
      dialect: 'mikrotik',
      code: mikrotik('add code=121 name=routes value=0x17020203C0A8000200C0A80001\n'),
      lines: [2],
      severity: 'warning',
      message: 'clients install 2.2.2.0/23',
      output: mikrotik('add code=121 name=routes value=0x17020202C0A8000200C0A80001\n'),
    },
    {
      name: 'Cisco hex: a bit beyond /23, cleared by the fix',
      dialect: 'cisco-ios',
      code: cisco(' option 121 hex 1702.0203.c0a8.0002.00c0.a800.01\n'),
      lines: [4],
      severity: 'warning',
      message: 'clients install 2.2.2.0/23',
      output: cisco(' option 121 hex 1702.0202.c0a8.0002.00c0.a800.01\n'),
    },
    {
      name: 'Cisco option 249',
      dialect: 'cisco-ios',
      code: cisco(' option 249 hex 1702.0203.c0a8.0002\n'),
      lines: [4],
      output: cisco(' option 249 hex 1702.0202.c0a8.0002\n'),
    },
    {
      name: 'ISC decimal: only the changed octet is rewritten',
      dialect: 'dhcpd',
      code: isc('  option rfc3442-classless-static-routes 32, 1,1,1,1, 192,168,0,1,\n      20, 10,1,7, 192,168,0,1;\n'),
      lines: [6],
      message: '10.1.7.0/20',
      output: isc('  option rfc3442-classless-static-routes 32, 1,1,1,1, 192,168,0,1,\n      20, 10,1,0, 192,168,0,1;\n'),
    },
    {
      name: 'ISC colon hex',
      dialect: 'dhcpd',
      code: isc('  option rfc3442-classless-static-routes 17:02:02:03:c0:a8:00:02;\n', ISC_DEF_STRING),
      lines: [5],
      output: isc('  option rfc3442-classless-static-routes 17:02:02:02:c0:a8:00:02;\n', ISC_DEF_STRING),
    },
    {
      name: 'Kea hex data',
      dialect: 'kea',
      code: kea(keaEntry('{ "code": 121, "csv-format": false, "data": "17020203c0a80002" }')),
      lines: [11],
      output: kea(keaEntry('{ "code": 121, "csv-format": false, "data": "17020202c0a80002" }')),
    },
    {
      name: 'Kea 2.6 route string: the written address is fixed',
      dialect: 'kea',
      code: kea(keaEntry('{ "name": "classless-static-route", "data": "10.1.2.3/8 - 192.168.0.2, 0.0.0.0/0 - 192.168.0.1" }')),
      settings: { 'dhcp.keaVersion': '2.6.0' },
      lines: [11],
      output: kea(keaEntry('{ "name": "classless-static-route", "data": "10.0.0.0/8 - 192.168.0.2, 0.0.0.0/0 - 192.168.0.1" }')),
    },
    {
      name: 'dnsmasq list: host bits the encoding drops are flagged too',
      dialect: 'dnsmasq',
      code: dnsmasq('dhcp-option=121,10.1.2.3/8,192.168.0.2,0.0.0.0/0,192.168.0.1\n'),
      lines: [3],
      message: 'clients install 10.0.0.0/8',
      output: dnsmasq('dhcp-option=121,10.0.0.0/8,192.168.0.2,0.0.0.0/0,192.168.0.1\n'),
    },
  ],
});
