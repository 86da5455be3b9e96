import { dhcpRuleTester } from '../../dhcpRuleTester';
import { cisco, dnsmasq, isc, ISC_DEF, ISC_DEF_STRING, kea, keaEntry } from './routeFixtures';

const ROUTES = '1.1.1.1/32 - 192.168.0.1, 0.0.0.0/0 - 192.168.0.1';
const HEX_ENTRY = '{ "code": 121, "csv-format": false, "data": "2001010101c0a8000100c0a80001" }';
const BINARY_DEF = '\n    "option-def": [ { "name": "classless-static-route", "code": 121, "type": "binary" } ],';

dhcpRuleTester('dhcp/route121-unsupported-spelling', {
  valid: [
    { name: 'defined before use', dialect: 'dhcpd', code: isc('  option rfc3442-classless-static-routes 32,1,1,1,1,192,168,0,1, 0,192,168,0,1;\n') },
    { name: 'defined in an included file', dialect: 'dhcpd', code: `include "/ws/defs.conf";\n${isc('  option rfc3442-classless-static-routes 32,1,1,1,1,192,168,0,1, 0,192,168,0,1;\n', '')}`, files: { '/ws/defs.conf': ISC_DEF } },
    { name: 'code 121 with hex data (every Kea)', dialect: 'kea', code: kea(keaEntry(HEX_ENTRY)) },
    { name: 'colon hex data', dialect: 'kea', code: kea(keaEntry('{ "code": 121, "csv-format": false, "data": "20:01:01:01:01:c0:a8:00:01" }')) },
    { name: 'name with code and hex (Kea uses the code)', dialect: 'kea', code: kea(keaEntry('{ "name": "classless-static-route", "code": 121, "csv-format": false, "data": "2001010101c0a80001" }')) },
    { name: 'the name on Kea 2.6', dialect: 'kea', code: kea(keaEntry(`{ "name": "classless-static-route", "data": "${ROUTES}" }`)), settings: { 'dhcp.keaVersion': '2.6.0' } },
    { name: 'the name with an option-def and hex data', dialect: 'kea', code: kea(keaEntry('{ "name": "classless-static-route", "data": "2001010101c0a80001" }'), BINARY_DEF) },
    { name: 'Cisco has only codes', dialect: 'cisco-ios', code: cisco(' option 121 hex 2001.0101.01c0.a800.0100.c0a8.0001\n') },
    { name: 'dnsmasq knows the name', dialect: 'dnsmasq', code: dnsmasq('dhcp-option=option:classless-static-route,1.1.1.1/32,192.168.0.1,0.0.0.0/0,192.168.0.1\n') },
  ],
  invalid: [
    {
      name: 'ISC name without its definition: the fix defines it',
      dialect: 'dhcpd',
      code: isc('  option rfc3442-classless-static-routes 32,1,1,1,1,192,168,0,1, 0,192,168,0,1;\n', ''),
      lines: [4],
      severity: 'error',
      message: 'unknown option dhcp.rfc3442-classless-static-routes',
      output: isc('  option rfc3442-classless-static-routes 32,1,1,1,1,192,168,0,1, 0,192,168,0,1;\n', ISC_DEF),
    },
    {
      name: 'ISC colon hex: defined as a string, after the leading comments',
      dialect: 'dhcpd',
      code: `# office DHCP\n\n${isc('  option rfc3442-classless-static-routes 20:01:01:01:01:c0:a8:00:01:00:c0:a8:00:01;\n', '')}`,
      lines: [6],
      output: `# office DHCP\n\n${isc('  option rfc3442-classless-static-routes 20:01:01:01:01:c0:a8:00:01:00:c0:a8:00:01;\n', ISC_DEF_STRING)}`,
    },
    {
      name: 'ISC Microsoft 249 name',
      dialect: 'dhcpd',
      code: isc('  option ms-classless-static-routes 32,1,1,1,1,192,168,0,1;\n'),
      lines: [5],
      output: `option ms-classless-static-routes code 249 = array of unsigned integer 8;\n${isc('  option ms-classless-static-routes 32,1,1,1,1,192,168,0,1;\n')}`,
    },
    {
      name: 'Kea 2.2: the 2.6 name, rewritten as code 121 with hex',
      dialect: 'kea',
      code: kea(keaEntry(`{ "name": "classless-static-route", "data": "${ROUTES}" }`)),
      lines: [11],
      severity: 'error',
      message: 'does not exist',
      output: kea(keaEntry(HEX_ENTRY)),
    },
    {
      name: 'Kea: code 121 with a route list',
      dialect: 'kea',
      code: kea(keaEntry(`{ "code": 121, "data": "${ROUTES}" }`)),
      lines: [11],
      message: 'not a valid string of hexadecimal digits',
      output: kea(keaEntry(HEX_ENTRY)),
    },
    {
      name: 'Kea: csv-format true flipped',
      dialect: 'kea',
      code: kea(keaEntry(`{ "code": 121, "csv-format": true, "data": "${ROUTES}" }`)),
      lines: [11],
      output: kea(keaEntry(HEX_ENTRY)),
    },
    {
      name: 'Kea: Cisco dotted hex',
      dialect: 'kea',
      code: kea(keaEntry('{ "code": 121, "csv-format": false, "data": "2001.0101.01c0.a800.0100.c0a8.0001" }')),
      lines: [11],
      output: kea(keaEntry(HEX_ENTRY)),
    },
    {
      name: 'Kea: the name with a binary option-def and a route list',
      dialect: 'kea',
      code: kea(keaEntry(`{ "name": "classless-static-route", "data": "${ROUTES}" }`), BINARY_DEF),
      lines: [12],
    },
    {
      name: 'Kea 2.6 with csv-format false still reads hex',
      dialect: 'kea',
      code: kea(keaEntry(`{ "name": "classless-static-route", "csv-format": false, "data": "${ROUTES}" }`)),
      settings: { 'dhcp.keaVersion': '2.6.0' },
      lines: [11],
    },
  ],
});
