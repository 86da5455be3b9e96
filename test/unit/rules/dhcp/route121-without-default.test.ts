import { dhcpRuleTester } from '../../dhcpRuleTester';
import { cisco, dnsmasq, isc, ISC_DEF, ISC_DEF_STRING, kea, keaEntry } from './routeFixtures';

const KEA_26 = { 'dhcp.keaVersion': '2.6.0' };

dhcpRuleTester('dhcp/route121-without-default', {
  valid: [
    { name: 'default route inside 121', dialect: 'cisco-ios', code: cisco(' option 121 hex 2001.0101.01c0.a800.0100.c0a8.0001\n') },
    { name: 'no default router in the pool', dialect: 'cisco-ios', code: cisco(' option 121 hex 2001.0101.01c0.a800.01\n', '') },
    { name: 'only option 249 (RFC 3442 speaks of 121)', dialect: 'cisco-ios', code: cisco(' option 249 hex 2001.0101.01c0.a800.01\n') },
    { name: 'decimal value with the default route', dialect: 'dhcpd', code: isc('  option rfc3442-classless-static-routes 32,1,1,1,1,192,168,0,1, 0,192,168,0,1;\n') },
    { name: 'no option routers', dialect: 'dhcpd', code: isc('  option rfc3442-classless-static-routes 32,1,1,1,1,192,168,0,1;\n', ISC_DEF, '') },
    { name: 'hex data with the default route', dialect: 'kea', code: kea(keaEntry('{ "code": 121, "csv-format": false, "data": "2001010101c0a8000100c0a80001" }')) },
    { name: 'route string with the default route (Kea 2.6)', dialect: 'kea', code: kea(keaEntry('{ "name": "classless-static-route", "data": "1.1.1.1/32 - 192.168.0.1, 0.0.0.0/0 - 192.168.0.1" }')), settings: KEA_26 },
    { name: 'list with the default route', dialect: 'dnsmasq', code: dnsmasq('dhcp-option=121,1.1.1.1/32,192.168.0.1,0.0.0.0/0,192.168.0.1\n') },
    { name: 'router option switched off with an empty dhcp-option=3', dialect: 'dnsmasq', code: dnsmasq('dhcp-option=121,1.1.1.1/32,192.168.0.1\n', 'dhcp-option=3\n') },
    { name: 'malformed value is left to route121-malformed', dialect: 'cisco-ios', code: cisco(' option 121 hex 2001.0101.01c0.a8\n') },
    { name: 'suppressed by comment', dialect: 'dhcpd', code: isc('  # tlsnet-disable-next-line dhcp/route121-without-default\n  option rfc3442-classless-static-routes 32,1,1,1,1,192,168,0,1;\n') },
  ],
  invalid: [
    {
      name: 'Cisco dotted hex, regrouped by the fix',
      dialect: 'cisco-ios',
      code: cisco(' option 121 hex 2001.0101.01c0.a800.01\n'),
      lines: [4],
      severity: 'warning',
      message: '1.1.1.1/32 via 192.168.0.1',
      output: cisco(' option 121 hex 2001.0101.01c0.a800.0100.c0a8.0001\n'),
    },
    {
      name: 'Cisco plain hex keeps its spelling',
      dialect: 'cisco-ios',
      code: cisco(' option 121 hex 2001010101C0A80001\n'),
      lines: [4],
      output: cisco(' option 121 hex 2001010101C0A8000100C0A80001\n'),
    },
    {
      name: 'ISC decimal list, appended in place',
      dialect: 'dhcpd',
      code: isc('  option rfc3442-classless-static-routes 32, 1, 1, 1, 1, 192, 168, 0, 1;\n'),
      lines: [5],
      message: 'default router 192.168.0.1',
      output: isc('  option rfc3442-classless-static-routes 32, 1, 1, 1, 1, 192, 168, 0, 1, 0, 192, 168, 0, 1;\n'),
    },
    {
      name: 'ISC colon hex (string definition)',
      dialect: 'dhcpd',
      code: isc('  option rfc3442-classless-static-routes 20:01:01:01:01:c0:a8:00:01;\n', ISC_DEF_STRING),
      lines: [5],
      output: isc('  option rfc3442-classless-static-routes 20:01:01:01:01:c0:a8:00:01:00:c0:a8:00:01;\n', ISC_DEF_STRING),
    },
    {
      name: 'ISC routers inherited from the global scope',
      dialect: 'dhcpd',
      code: `${ISC_DEF}option routers 192.168.0.254;\nsubnet 192.168.0.0 netmask 255.255.255.0 {\n  option rfc3442-classless-static-routes 32,1,1,1,1,192,168,0,1;\n}\n`,
      lines: [4],
      output: `${ISC_DEF}option routers 192.168.0.254;\nsubnet 192.168.0.0 netmask 255.255.255.0 {\n  option rfc3442-classless-static-routes 32,1,1,1,1,192,168,0,1,0,192,168,0,254;\n}\n`,
    },
    {
      name: 'ISC global 121 reaching a subnet that sets routers',
      dialect: 'dhcpd',
      code: `${ISC_DEF}option rfc3442-classless-static-routes 32,1,1,1,1,192,168,0,1;\nsubnet 192.168.0.0 netmask 255.255.255.0 {\n  option routers 192.168.0.1;\n}\n`,
      lines: [2],
    },
    {
      name: 'Kea hex data',
      dialect: 'kea',
      code: kea(keaEntry('{ "code": 121, "csv-format": false, "data": "2001010101c0a80001" }')),
      lines: [11],
      output: kea(keaEntry('{ "code": 121, "csv-format": false, "data": "2001010101c0a8000100c0a80001" }')),
    },
    {
      name: 'Kea 2.6 route string',
      dialect: 'kea',
      code: kea(keaEntry('{ "name": "classless-static-route", "data": "1.1.1.1/32 - 192.168.0.1" }')),
      settings: KEA_26,
      lines: [11],
      output: kea(keaEntry('{ "name": "classless-static-route", "data": "1.1.1.1/32 - 192.168.0.1, 0.0.0.0/0 - 192.168.0.1" }')),
    },
    {
      name: 'dnsmasq list',
      dialect: 'dnsmasq',
      code: dnsmasq('dhcp-option=121,1.1.1.1/32,192.168.0.1\n'),
      lines: [3],
      output: dnsmasq('dhcp-option=121,1.1.1.1/32,192.168.0.1,0.0.0.0/0,192.168.0.1\n'),
    },
    {
      name: 'dnsmasq by name, router given by name',
      dialect: 'dnsmasq',
      code: dnsmasq('dhcp-option=option:classless-static-route,10.0.0.0/8,192.168.0.2\n', 'dhcp-option=option:router,192.168.0.1\n'),
      lines: [3],
      output: dnsmasq('dhcp-option=option:classless-static-route,10.0.0.0/8,192.168.0.2,0.0.0.0/0,192.168.0.1\n', 'dhcp-option=option:router,192.168.0.1\n'),
    },
    {
      name: 'dnsmasq sends its own address as router when none is set (no fix: the address is unknown)',
      dialect: 'dnsmasq',
      code: dnsmasq('dhcp-option=121,10.0.0.0/8,192.168.0.2\n', ''),
      lines: [3],
      message: 'dnsmasq sends its own address',
    },
  ],
});
