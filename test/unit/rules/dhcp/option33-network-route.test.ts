import { dhcpRuleTester } from '../../dhcpRuleTester';
import { cisco, dnsmasq, isc, kea, keaEntry } from './routeFixtures';

dhcpRuleTester('dhcp/option33-network-route', {
  valid: [
    { name: 'host destinations', dialect: 'cisco-ios', code: cisco(' option 33 ip 10.1.2.3 192.168.0.2\n') },
    { name: 'host destinations in hex', dialect: 'cisco-ios', code: cisco(' option 33 hex 0a01.0203.c0a8.0002\n') },
    { name: 'host destinations', dialect: 'dhcpd', code: isc('  option static-routes 10.1.2.3 192.168.0.2, 10.1.2.4 192.168.0.2;\n') },
    { name: 'host destination', dialect: 'kea', code: kea(keaEntry('{ "name": "static-routes", "data": "10.1.2.3, 192.168.0.2" }')) },
    { name: 'host destination', dialect: 'dnsmasq', code: dnsmasq('dhcp-option=33,10.1.2.3,192.168.0.2\n') },
  ],
  invalid: [
    { name: 'a class A network', dialect: 'cisco-ios', code: cisco(' option 33 ip 10.0.0.0 192.168.0.2\n'), lines: [4], severity: 'warning', message: 'Send 10.0.0.0/8 via 192.168.0.2 in option 121' },
    { name: 'a network in hex', dialect: 'cisco-ios', code: cisco(' option 33 hex 0a01.0000.c0a8.0002\n'), lines: [4], message: '10.1.0.0/16' },
    {
      name: 'the second pair is a network',
      dialect: 'dhcpd',
      code: isc('  option static-routes 10.1.2.3 192.168.0.2,\n    172.16.5.0 192.168.0.2;\n'),
      lines: [6],
      message: '172.16.5.0/24',
    },
    { name: 'the default route is illegal in option 33', dialect: 'dhcpd', code: isc('  option static-routes 0.0.0.0 192.168.0.1;\n'), lines: [5], message: 'illegal destination' },
    { name: 'Kea static-routes', dialect: 'kea', code: kea(keaEntry('{ "name": "static-routes", "data": "10.0.0.0, 192.168.0.2" }')), lines: [11] },
    { name: 'dnsmasq by number', dialect: 'dnsmasq', code: dnsmasq('dhcp-option=33,10.0.0.0,192.168.0.2\n'), lines: [3] },
    { name: 'dnsmasq by name', dialect: 'dnsmasq', code: dnsmasq('dhcp-option=option:static-route,192.168.10.0,192.168.0.2\n'), lines: [3], message: '192.168.10.0/24' },
  ],
});
