import { dhcpRuleTester } from '../../dhcpRuleTester';
import { cisco, dnsmasq, isc, ISC_DEF_STRING, kea, keaEntry, mikrotik } from './routeFixtures';

// 34 host routes: 306 bytes, more than one option instance holds.
const LONG_LIST = Array.from({ length: 34 }, (_, i) => `1.1.1.${i}/32,192.168.0.1`).join(',');
const LONG_DECIMAL = Array.from({ length: 34 }, (_, i) => `32,1,1,1,${i},192,168,0,1`).join(', ');

dhcpRuleTester('dhcp/route121-malformed', {
  valid: [
    { name: 'the domain note example', dialect: 'cisco-ios', code: cisco(' option 121 hex 2001.0101.01c0.a800.0117.0202.02c0.a800.02\n') },
    { name: 'option 249 well formed', dialect: 'cisco-ios', code: cisco(' option 249 hex 2001.0101.01c0.a800.01\n') },
    { name: 'decimal list', dialect: 'dhcpd', code: isc('  option rfc3442-classless-static-routes 32,1,1,1,1,192,168,0,1, 23,2,2,2,192,168,0,2, 0,192,168,0,1;\n') },
    { name: 'colon hex with a string definition', dialect: 'dhcpd', code: isc('  option rfc3442-classless-static-routes 20:01:01:01:01:c0:a8:00:01;\n', ISC_DEF_STRING) },
    { name: 'hex data', dialect: 'kea', code: kea(keaEntry('{ "code": 121, "csv-format": false, "data": "2001010101c0a8000100c0a80001" }')) },
    { name: 'colon hex data', dialect: 'kea', code: kea(keaEntry('{ "code": 249, "csv-format": false, "data": "20:01:01:01:01:c0:a8:00:01" }')) },
    { name: 'route string on Kea 2.6', dialect: 'kea', code: kea(keaEntry('{ "name": "classless-static-route", "data": "1.1.1.1/32 - 192.168.0.1, 0.0.0.0/0 - 192.168.0.1" }')), settings: { 'dhcp.keaVersion': '2.6.0' } },
    { name: 'route list', dialect: 'dnsmasq', code: dnsmasq('dhcp-option=121,1.1.1.1/32,192.168.0.1,0.0.0.0/0,192.168.0.1\n') },
    { name: 'a decimal above 255 is dhcpd\'s refusal, reported once by dhcp/syntax-error', dialect: 'dhcpd', code: isc('  option rfc3442-classless-static-routes 32,1,1,1,1,192,168,0,256;\n') },
    { name: 'more than 255 bytes: dnsmasq refuses it, reported once by dhcp/syntax-error', dialect: 'dnsmasq', code: dnsmasq(`dhcp-option=121,${LONG_LIST}\n`) },
    { name: 'an address dnsmasq cannot read: dhcp/syntax-error\'s', dialect: 'dnsmasq', code: dnsmasq('dhcp-option=121,300.1.1.1/32,192.168.0.1\n') },
    { name: 'option 249 route list', dialect: 'dnsmasq', code: dnsmasq('dhcp-option=249,1.1.1.1/32,192.168.0.1\n') },
    { name: 'MikroTik 0x value', dialect: 'mikrotik', code: mikrotik('add code=121 name=routes value=0x2001010101c0a8000100c0a80001\n') },
    { name: 'MikroTik 0x value wrapped by /export', dialect: 'mikrotik', code: mikrotik('add code=121 name=routes value=0x2001010101c0a80001\\\n    00c0a80001\n') },
    { name: 'a 0x value RouterOS refuses (not hex): dhcp/syntax-error\'s', dialect: 'mikrotik', code: mikrotik('add code=121 name=routes value=0x2001010101c0a8000g\n') },
  ],
  invalid: [
    {
      name: 'destinations written in full, as some calculators do: said so, and re-encoded in the same dotted spelling',
      dialect: 'cisco-ios',
      code: cisco(' option 121 hex 080a.0000.00c0.a800.0100.0000.0000.c0a8.0001\n'),
      lines: [4],
      message: 'with each destination written in full (4 bytes)',
      output: cisco(' option 121 hex 080a.c0a8.0001.00c0.a800.01\n'),
    },
    {
      name: 'destinations written in full in an ISC decimal array: re-encoded with its separator',
      dialect: 'dhcpd',
      code: isc('  option rfc3442-classless-static-routes 8, 10, 0, 0, 0, 192, 168, 0, 1, 0, 0, 0, 0, 0, 192, 168, 0, 1;\n'),
      lines: [5],
      message: '10.0.0.0/8 via 192.168.0.1',
      output: isc('  option rfc3442-classless-static-routes 8, 10, 192, 168, 0, 1, 0, 192, 168, 0, 1;\n'),
    },
    { name: 'width above 32: IOS accepts any `option 121 hex` value, so a warning', dialect: 'cisco-ios', code: cisco(' option 121 hex 2101.0101.01c0.a800.01\n'), lines: [4], severity: 'warning', message: 'byte 0: width 33' },
    { name: 'truncated router', dialect: 'cisco-ios', code: cisco(' option 121 hex 2001.0101.01c0.a800\n'), lines: [4], severity: 'warning', message: 'truncated router' },
    {
      name: 'a second route cut short names its byte and the route read before it',
      dialect: 'cisco-ios',
      code: cisco(' option 121 hex 2001.0101.01c0.a800.0117.02\n'),
      lines: [4],
      message: 'byte 9: truncated destination',
    },
    { name: 'MikroTik 0x value with a width above 32', dialect: 'mikrotik', code: mikrotik('add code=121 name=routes value=0x2101010101c0a80001\n'), lines: [2], severity: 'warning', message: 'byte 0: width 33' },
    {
      name: 'MikroTik option no network names is still checked',
      dialect: 'mikrotik',
      code: mikrotik('add code=121 name=unused value=0x2001010101c0a800\n', 'add address=192.168.0.0/24 gateway=192.168.0.1\n'),
      lines: [2],
      message: 'truncated router',
    },
    { name: 'MikroTik option 121 written as a string', dialect: 'mikrotik', code: mikrotik('add code=121 name=routes value="\'10.0.0.0/8\'"\n'), lines: [2], message: 'string' },
    { name: 'option 249 too', dialect: 'cisco-ios', code: cisco(' option 249 hex 2101.0101.01c0.a800.01\n'), lines: [4], message: 'Option 249' },
    {
      name: 'decimal list with a truncated router: dhcpd loads it, so a warning',
      dialect: 'dhcpd',
      code: isc('  option rfc3442-classless-static-routes 32,1,1,1,1,192,168,0;\n'),
      lines: [5],
      severity: 'warning',
      message: 'truncated router',
    },
    {
      name: 'colon hex with a width above 32',
      dialect: 'dhcpd',
      code: isc('  option rfc3442-classless-static-routes 21:01:01:01:01:c0:a8:00:01;\n', ISC_DEF_STRING),
      lines: [5],
      severity: 'warning',
    },
    { name: 'more than 255 bytes in Cisco hex', dialect: 'cisco-ios', code: cisco(` option 121 hex ${'2001.0101.01c0.a800.01'.repeat(30)}\n`), lines: [4], severity: 'warning', message: '270 bytes' },
    { name: 'more than 255 bytes: dhcpd splits it', dialect: 'dhcpd', code: isc(`  option rfc3442-classless-static-routes ${LONG_DECIMAL};\n`), lines: [5], severity: 'warning', message: '306 bytes' },
    {
      name: 'hex data with trailing bytes: Kea loads it, so a warning',
      dialect: 'kea',
      code: kea(keaEntry('{ "code": 121, "csv-format": false, "data": "2001010101c0a8000100" }')),
      lines: [11],
      severity: 'warning',
    },
    {
      name: 'width above 32 in a list: dnsmasq sends it, so a warning',
      dialect: 'dnsmasq',
      code: dnsmasq('dhcp-option=121,1.1.1.1/33,192.168.0.1\n'),
      lines: [3],
      severity: 'warning',
    },
    {
      name: 'a route list dnsmasq sends as a string',
      dialect: 'dnsmasq',
      code: dnsmasq('dhcp-option=121,1.1.1.1/32,gw1\n'),
      lines: [3],
      severity: 'warning',
    },
    {
      name: 'a destination without a prefix length',
      dialect: 'dnsmasq',
      code: dnsmasq('dhcp-option=121,1.1.1.1,192.168.0.1\n'),
      lines: [3],
      severity: 'warning',
      message: 'prefix length',
    },
  ],
});
