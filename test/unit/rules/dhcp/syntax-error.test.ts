import { dhcpRuleTester } from '../../dhcpRuleTester';

const subnet = 'subnet 192.168.0.0 netmask 255.255.255.0 {\n  range 192.168.0.10 192.168.0.20;\n}\n';
const DEF121 = 'option rfc3442-classless-static-routes code 121 = array of unsigned integer 8;\n';
const ROUTES = 'option rfc3442-classless-static-routes 24, 10,8,1, 192,168,90,254, 0, 192,168,90,1;';
const OFFICE = `option domain-name "example.org";\nsubnet 192.168.90.0 netmask 255.255.255.0 {\n  option routers 192.168.90.1;\n  ${ROUTES}\n}\n`;

dhcpRuleTester('dhcp/syntax-error', {
  valid: [
    { name: 'well-formed dhcpd.conf', dialect: 'dhcpd', code: subnet },
    { name: 'included file without errors', dialect: 'dhcpd', code: 'include "/ws/hosts.conf";\n', files: { '/ws/hosts.conf': 'host a { hardware ethernet 00:11:22:33:44:55; fixed-address 192.168.0.5; }\n' } },
    {
      name: 'included file using an option its includer defines',
      dialect: 'dhcpd',
      code: 'option rfc3442-classless-static-routes code 121 = array of unsigned integer 8;\ninclude "/ws/office.conf";\n',
      files: { '/ws/office.conf': 'subnet 10.0.0.0 netmask 255.255.255.0 {\n  option rfc3442-classless-static-routes 8, 10, 10, 0, 0, 1;\n}\n' },
    },
    { name: 'well-formed Kea file', dialect: 'kea', code: '{"Dhcp4": {"subnet4": [{"id": 1, "subnet": "192.168.0.0/24"}]}}\n' },
    { name: 'well-formed dnsmasq file', dialect: 'dnsmasq', code: '# DHCP\ndhcp-range=192.168.0.50,192.168.0.150,12h\ndhcp-option=3,192.168.0.1\n' },
    { name: 'IOS config with other sections skipped quietly', dialect: 'cisco-ios', code: 'hostname r1\n!\ninterface Gi0/0\n ip address 192.168.0.1 255.255.255.0\n!\nip dhcp pool a\n network 192.168.0.0 /24\n' },
  ],
  // dhcpd reports both "semicolon expected" at the brace and "unexpected end of file".
  invalid: [
    { name: 'statement not ended by ";"', dialect: 'dhcpd', code: 'subnet 192.168.0.0 netmask 255.255.255.0 {\n  range 192.168.0.10 192.168.0.20\n}\n', lines: [3, 4], severity: 'error' },
    {
      name: 'error inside an included file, flagged at the include',
      dialect: 'dhcpd',
      code: 'subnet 192.168.0.0 netmask 255.255.255.0 {\n}\ninclude "/ws/hosts.conf";\n',
      files: { '/ws/hosts.conf': 'host a {\n  fixed-address 192.168.0.300;\n}\n' },
      lines: [3],
      severity: 'error',
      message: 'The included file has an error at /ws/hosts.conf:2',
    },
    {
      name: 'error two includes deep',
      dialect: 'dnsmasq',
      code: 'conf-file=/ws/a.conf\n',
      files: { '/ws/a.conf': 'conf-file=/ws/b.conf\n', '/ws/b.conf': 'dhcp-range=192.168.0.500,192.168.0.150,12h\n' },
      lines: [1],
      severity: 'error',
      message: '/ws/b.conf:1',
    },
    { name: 'invalid JSON (a missing comma)', dialect: 'kea', code: '{"Dhcp4": {"subnet4": [] "valid-lifetime": 5}}\n', lines: [1], severity: 'error' },
    { name: 'a lease time given as a string', dialect: 'kea', code: '{"Dhcp4": {\n  "valid-lifetime": "abc"\n}}\n', lines: [2], severity: 'error' },
    { name: 'a pool written high address first', dialect: 'kea', code: '{"Dhcp4": {"subnet4": [{"id": 1, "subnet": "192.168.0.0/24",\n  "pools": [{"pool": "192.168.0.20 - 192.168.0.10"}]}]}}\n', lines: [2], severity: 'error' },
    { name: 'dhcp-range straddling its netmask', dialect: 'dnsmasq', code: 'dhcp-range=192.168.0.50,192.168.1.150,255.255.255.0,12h\n', lines: [1], severity: 'error', message: 'inconsistent DHCP range' },
    { name: 'bad dhcp-range address', dialect: 'dnsmasq', code: 'dhcp-range=192.168.0.500,192.168.0.150,12h\n', lines: [1], severity: 'error' },
    { name: 'pool without a name', dialect: 'cisco-ios', code: 'ip dhcp pool\n network 192.168.0.0 /24\n', lines: [1], severity: 'error' },
    {
      name: 'option 121 by name without its definition: defined at the top level, before the subnet using it',
      dialect: 'dhcpd',
      code: OFFICE,
      lines: [4],
      severity: 'error',
      message: 'unknown option dhcp.rfc3442-classless-static-routes',
      output: OFFICE.replace('subnet', `${DEF121}subnet`),
    },
    {
      name: 'two uses: the definition goes before the top-level statement holding the first',
      dialect: 'dhcpd',
      code: `shared-network lan {\n  subnet 10.0.0.0 netmask 255.0.0.0 {\n    ${ROUTES}\n  }\n}\n${ROUTES}\n`,
      lines: [3, 6],
      output: `${DEF121}shared-network lan {\n  subnet 10.0.0.0 netmask 255.0.0.0 {\n    ${ROUTES}\n  }\n}\n${ROUTES}\n`,
    },
    {
      name: 'a use in a condition: before the whole top-level statement, even mid-line',
      dialect: 'dhcpd',
      code: 'authoritative; if exists host-name {\r\n  option RFC3442-Classless-Static-Routes 0, 10,0,0,1;\r\n}\r\n',
      lines: [2],
      message: 'no option named RFC3442-Classless-Static-Routes in space dhcp',
      output: 'authoritative; option RFC3442-Classless-Static-Routes code 121 = array of unsigned integer 8;\r\nif exists host-name {\r\n  option RFC3442-Classless-Static-Routes 0, 10,0,0,1;\r\n}\r\n',
    },
    {
      name: "Microsoft's option 249 by name",
      dialect: 'dhcpd',
      code: `${DEF121}subnet 10.0.0.0 netmask 255.0.0.0 {\n  ${ROUTES}\n  option ms-classless-static-routes 0, 10,0,0,1;\n}\n`,
      lines: [4],
      output: `${DEF121}option ms-classless-static-routes code 249 = array of unsigned integer 8;\nsubnet 10.0.0.0 netmask 255.0.0.0 {\n  ${ROUTES}\n  option ms-classless-static-routes 0, 10,0,0,1;\n}\n`,
    },
    { name: 'repeated pool name is only a warning', dialect: 'cisco-ios', code: 'ip dhcp pool a\n network 192.168.0.0 /24\nip dhcp pool a\n dns-server 8.8.8.8\n', lines: [3], severity: 'warning' },
  ],
});
