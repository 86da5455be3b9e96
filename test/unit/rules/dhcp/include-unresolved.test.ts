import { dhcpRuleTester } from '../../dhcpRuleTester';

const subnet = 'subnet 192.168.0.0 netmask 255.255.255.0 {\n}\n';

dhcpRuleTester('dhcp/include-unresolved', {
  valid: [
    { name: 'absolute include that exists', dialect: 'dhcpd', code: `include "/ws/hosts.conf";\n${subnet}`, files: { '/ws/hosts.conf': 'host a { hardware ethernet 00:11:22:33:44:55; }\n' } },
    { name: 'relative include beside the file', dialect: 'dhcpd', code: `include "conf.d/hosts.conf";\n${subnet}`, files: { '/ws/conf.d/hosts.conf': '\n' } },
    { name: 'Kea include that exists', dialect: 'kea', code: '{"Dhcp4": {\n<?include "/ws/subnets.json"?>\n}}\n', files: { '/ws/subnets.json': '"subnet4": []\n' } },
    { name: 'conf-file that exists', dialect: 'dnsmasq', code: 'conf-file=/ws/extra.conf\ndhcp-range=192.168.0.50,192.168.0.150,12h\n', files: { '/ws/extra.conf': 'dhcp-option=3,192.168.0.1\n' } },
    { name: 'conf-dir naming a directory that exists', dialect: 'dnsmasq', code: 'conf-dir=/ws/dnsmasq.d\n', files: { '/ws/dnsmasq.d/a.conf': 'dhcp-option=3,192.168.0.1\n' } },
    { name: 'relative conf-dir with a suffix filter and a trailing slash', dialect: 'dnsmasq', code: 'conf-dir=dnsmasq.d/,*.conf\n', files: { '/ws/dnsmasq.d/a.conf': '\n' } },
    { name: 'IOS has no includes', dialect: 'cisco-ios', code: 'ip dhcp pool a\n network 10.0.0.0 /24\n' },
  ],
  invalid: [
    { name: 'missing include: dhcpd refuses to start', dialect: 'dhcpd', code: `${subnet}include "/ws/missing.conf";\n`, lines: [3], severity: 'error', message: '"/ws/missing.conf" cannot be found' },
    { name: 'missing relative include', dialect: 'dhcpd', code: 'include "hosts.conf";\n', lines: [1], message: 'dhcpd refuses' },
    { name: 'missing Kea include', dialect: 'kea', code: '{"Dhcp4": {\n<?include "/ws/missing.json"?>\n}}\n', lines: [2], severity: 'error', message: 'kea-dhcp4' },
    { name: 'missing conf-file', dialect: 'dnsmasq', code: 'dhcp-range=192.168.0.50,192.168.0.150,12h\nconf-file=/ws/missing.conf\n', lines: [2], severity: 'error', message: 'dnsmasq' },
    // dnsmasq --test: "cannot access directory /etc/dnsmasq.d: No such file or directory".
    { name: 'missing conf-dir', dialect: 'dnsmasq', code: 'dhcp-range=192.168.0.50,192.168.0.150,12h\nconf-dir=/etc/dnsmasq.d,.bak\n', lines: [2], severity: 'error', message: 'cannot access directory' },
    { name: 'conf-dir naming a file', dialect: 'dnsmasq', code: 'conf-dir=/ws/extra.conf\n', files: { '/ws/extra.conf': '\n' }, lines: [1], message: '"/ws/extra.conf" (conf-dir) cannot be found' },
  ],
});
