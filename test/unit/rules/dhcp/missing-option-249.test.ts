import { dhcpRuleTester } from '../../dhcpRuleTester';
import { cisco, dnsmasq, isc, ISC_DEF, kea, keaEntry } from './routeFixtures';

const WINDOWS = { 'dhcp.windowsClients': true };
const C121 = ' option 121 hex 2001.0101.01c0.a800.0100.c0a8.0001\n';
const I121 = '  option rfc3442-classless-static-routes 32,1,1,1,1,192,168,0,1, 0,192,168,0,1;\n';
const K121 = '{ "code": 121, "csv-format": false, "data": "2001010101c0a8000100c0a80001" }';
const K249 = '{ "code": 249, "csv-format": false, "data": "2001010101c0a8000100c0a80001" }';
const D121 = 'dhcp-option=121,1.1.1.1/32,192.168.0.1,0.0.0.0/0,192.168.0.1\n';

dhcpRuleTester('dhcp/missing-option-249', {
  valid: [
    { name: 'tlsnet.dhcp.windowsClients is off (the default)', dialect: 'cisco-ios', code: cisco(C121) },
    { name: 'the 249 twin is there', dialect: 'cisco-ios', code: cisco(`${C121}${C121.replace('121', '249')}`), settings: WINDOWS },
    { name: 'the 249 twin is there', dialect: 'dhcpd', code: isc(`${I121}  option ms-classless-static-routes 32,1,1,1,1,192,168,0,1, 0,192,168,0,1;\n`, `${ISC_DEF}option ms-classless-static-routes code 249 = array of unsigned integer 8;\n`), settings: WINDOWS },
    { name: 'the 249 twin is there', dialect: 'kea', code: kea(keaEntry(`${K121},`) + keaEntry(K249)), settings: WINDOWS },
    { name: 'the 249 twin is there', dialect: 'dnsmasq', code: dnsmasq(`${D121}${D121.replace('121', '249')}`), settings: WINDOWS },
    { name: 'setting off', dialect: 'dnsmasq', code: dnsmasq(D121) },
  ],
  invalid: [
    {
      name: 'Cisco: the twin line added after 121',
      dialect: 'cisco-ios',
      code: cisco(C121),
      settings: WINDOWS,
      lines: [4],
      severity: 'warning',
      output: cisco(`${C121} option 249 hex 2001.0101.01c0.a800.0100.c0a8.0001\n`),
    },
    {
      name: 'ISC: the twin and its definition added',
      dialect: 'dhcpd',
      code: isc(I121),
      settings: WINDOWS,
      lines: [5],
      output: isc(`${I121}  option ms-classless-static-routes 32,1,1,1,1,192,168,0,1, 0,192,168,0,1;\n`, `${ISC_DEF}option ms-classless-static-routes code 249 = array of unsigned integer 8;\n`),
    },
    {
      name: 'Kea: a code 249 hex entry added',
      dialect: 'kea',
      code: kea(keaEntry(K121)),
      settings: WINDOWS,
      lines: [11],
      output: kea(keaEntry(`${K121},`) + keaEntry(K249)),
    },
    {
      name: 'Kea 2.6 route string: the twin is hex (no Kea version defines 249)',
      dialect: 'kea',
      code: kea(keaEntry('{ "name": "classless-static-route", "data": "1.1.1.1/32 - 192.168.0.1, 0.0.0.0/0 - 192.168.0.1" }')),
      settings: { ...WINDOWS, 'dhcp.keaVersion': '2.6.0' },
      lines: [11],
      output: kea(keaEntry('{ "name": "classless-static-route", "data": "1.1.1.1/32 - 192.168.0.1, 0.0.0.0/0 - 192.168.0.1" },') + keaEntry(K249)),
    },
    {
      name: 'dnsmasq: the twin keeps the tags',
      dialect: 'dnsmasq',
      code: dnsmasq('dhcp-option=tag:lan,121,10.0.0.0/8,192.168.0.2,0.0.0.0/0,192.168.0.1\n'),
      settings: WINDOWS,
      lines: [3],
      output: dnsmasq('dhcp-option=tag:lan,121,10.0.0.0/8,192.168.0.2,0.0.0.0/0,192.168.0.1\ndhcp-option=tag:lan,249,10.0.0.0/8,192.168.0.2,0.0.0.0/0,192.168.0.1\n'),
    },
    {
      name: 'dnsmasq by name',
      dialect: 'dnsmasq',
      code: dnsmasq('dhcp-option=option:classless-static-route,10.0.0.0/8,192.168.0.2,0.0.0.0/0,192.168.0.1\n'),
      settings: WINDOWS,
      lines: [3],
      output: dnsmasq('dhcp-option=option:classless-static-route,10.0.0.0/8,192.168.0.2,0.0.0.0/0,192.168.0.1\ndhcp-option=249,10.0.0.0/8,192.168.0.2,0.0.0.0/0,192.168.0.1\n'),
    },
  ],
});
