import { dhcpRuleTester } from '../../dhcpRuleTester';

const kea = (subnets: string, global = ''): string => `{"Dhcp4": {\n${global}  "subnet4": [\n${subnets}\n  ]\n}}\n`;

dhcpRuleTester('dhcp/gateway-outside-subnet', {
  valid: [
    { name: 'router inside the subnet', dialect: 'dhcpd', code: 'subnet 192.168.0.0 netmask 255.255.255.0 {\n  option routers 192.168.0.1;\n}\n' },
    { name: 'global router inside the only subnet', dialect: 'dhcpd', code: 'option routers 192.168.0.1;\nsubnet 192.168.0.0 netmask 255.255.255.0 {\n}\n' },
    { name: 'subnet sets its own router over a global one', dialect: 'dhcpd', code: 'option routers 10.0.0.1;\nsubnet 192.168.0.0 netmask 255.255.255.0 {\n  option routers 192.168.0.1;\n}\n' },
    { name: 'pool router checked against its subnet', dialect: 'dhcpd', code: 'subnet 192.168.0.0 netmask 255.255.255.0 {\n  pool {\n    option routers 192.168.0.254;\n    range 192.168.0.10 192.168.0.20;\n  }\n}\n' },
    { name: 'a /31 has no network or broadcast address', dialect: 'dhcpd', code: 'subnet 10.0.0.0 netmask 255.255.255.254 {\n  option routers 10.0.0.0;\n}\n' },
    { name: 'subnet4 routers', dialect: 'kea', code: kea('    {"id": 1, "subnet": "192.168.0.0/24", "option-data": [{"name": "routers", "data": "192.168.0.1"}]}') },
    { name: 'routers by code', dialect: 'kea', code: kea('    {"id": 1, "subnet": "192.168.0.0/24", "option-data": [{"code": 3, "data": "192.168.0.1"}]}') },
    { name: 'pool and child pool each with a router in its own network', dialect: 'cisco-ios', code: 'ip dhcp pool campus\n network 10.0.0.0 255.255.0.0\n default-router 10.0.0.1\nip dhcp pool lab\n network 10.0.5.0 255.255.255.0\n default-router 10.0.5.1\n' },
    { name: 'secondary network with its own override', dialect: 'cisco-ios', code: 'ip dhcp pool office\n network 192.168.0.0 255.255.255.0\n default-router 192.168.0.1\n network 192.168.9.0 255.255.255.0 secondary\n  override default-router 192.168.9.1\n' },
    { name: 'pools in other VRFs do not nest', dialect: 'cisco-ios', code: 'ip dhcp pool campus\n vrf A\n network 10.0.0.0 255.255.0.0\n default-router 10.0.0.1\nip dhcp pool lab\n vrf B\n network 10.0.5.0 255.255.255.0\n' },
    { name: 'range without a netmask (the interface decides)', dialect: 'dnsmasq', code: 'dhcp-range=192.168.0.50,192.168.0.150,12h\ndhcp-option=3,10.0.0.1\n' },
    { name: 'router inside the range\'s network', dialect: 'dnsmasq', code: 'dhcp-range=192.168.0.50,192.168.0.150,255.255.255.0,12h\ndhcp-option=3,192.168.0.1\n' },
    { name: 'each network\'s gateway inside it', dialect: 'mikrotik', code: '/ip dhcp-server network\nadd address=192.168.88.0/24 gateway=192.168.88.1\nadd address=10.0.0.0/30 gateway=10.0.0.1\n' },
    { name: 'a gateway set later with set [ find ]', dialect: 'mikrotik', code: '/ip dhcp-server network\nadd address=192.168.88.0/24 gateway=10.0.0.1\nset [ find address=192.168.88.0/24 ] gateway=192.168.88.1\n' },
  ],
  invalid: [
    { name: 'router outside the subnet', dialect: 'dhcpd', code: 'subnet 192.168.0.0 netmask 255.255.255.0 {\n  option routers 192.168.1.1;\n}\n', lines: [2], severity: 'warning', message: '192.168.1.1 is outside 192.168.0.0/24' },
    { name: 'second router of the list is the broadcast address', dialect: 'dhcpd', code: 'subnet 192.168.0.0 netmask 255.255.255.0 {\n  option routers 192.168.0.1, 192.168.0.255;\n}\n', lines: [2], message: 'broadcast address' },
    { name: 'router is the network address', dialect: 'dhcpd', code: 'subnet 192.168.0.0 netmask 255.255.255.0 {\n  option routers 192.168.0.0;\n}\n', lines: [2], message: 'network address' },
    { name: 'global router inherited by a subnet it is not in: flagged at the router', dialect: 'dhcpd', code: 'option routers 10.0.0.1;\nsubnet 192.168.0.0 netmask 255.255.255.0 {\n}\n', lines: [1], message: 'set globally, is outside 192.168.0.0/24' },
    {
      name: 'global router wrong for two subnets, once',
      dialect: 'dhcpd',
      code: 'option routers 10.0.0.1;\nsubnet 10.0.0.0 netmask 255.255.255.0 { }\nsubnet 192.168.0.0 netmask 255.255.255.0 { }\nsubnet 192.168.1.0 netmask 255.255.255.0 { }\n',
      lines: [1],
      message: '2 scopes',
    },
    { name: 'shared-network router inherited by its second subnet', dialect: 'dhcpd', code: 'shared-network s {\n  option routers 10.0.0.1;\n  subnet 10.0.0.0 netmask 255.255.255.0 { }\n  subnet 10.0.1.0 netmask 255.255.255.0 { }\n}\n', lines: [4] },
    { name: 'subnet4 routers outside', dialect: 'kea', code: kea('    {"id": 1, "subnet": "192.168.0.0/24",\n     "option-data": [{"name": "routers", "data": "10.0.0.1"}]}'), lines: [4], message: '10.0.0.1 is outside 192.168.0.0/24' },
    { name: 'global routers inherited by a subnet4', dialect: 'kea', code: kea('    {"id": 1, "subnet": "192.168.0.0/24"}', '  "option-data": [{"name": "routers", "data": "10.0.0.1"}],\n'), lines: [2], message: 'set globally' },
    {
      name: 'nested pool inherits the parent\'s router, outside its own network',
      dialect: 'cisco-ios',
      code: 'ip dhcp pool campus\n network 10.0.0.0 255.255.0.0\n default-router 10.0.0.1\nip dhcp pool lab\n network 10.0.5.0 255.255.255.0\n',
      lines: [4],
      message: 'inherits 10.0.0.1 (outside 10.0.5.0/24',
    },
    { name: 'default-router outside the pool network', dialect: 'cisco-ios', code: 'ip dhcp pool office\n network 192.168.0.0 /24\n default-router 192.168.0.1 192.168.1.1\n', lines: [3], message: '192.168.1.1' },
    { name: 'override default-router outside its secondary network', dialect: 'cisco-ios', code: 'ip dhcp pool office\n network 192.168.0.0 255.255.255.0\n default-router 192.168.0.1\n network 192.168.9.0 255.255.255.0 secondary\n  override default-router 192.168.8.1\n', lines: [5] },
    { name: 'secondary network with no override gets the primary router', dialect: 'cisco-ios', code: 'ip dhcp pool office\n network 192.168.0.0 255.255.255.0\n default-router 192.168.0.1\n network 192.168.9.0 255.255.255.0 secondary\n', lines: [4], message: 'override default-router' },
    { name: 'router outside the range\'s network', dialect: 'dnsmasq', code: 'dhcp-range=192.168.0.50,192.168.0.150,255.255.255.0,12h\ndhcp-option=option:router,10.0.0.1\n', lines: [2], message: 'router 10.0.0.1, set globally' },
    { name: 'MikroTik network gateway outside its address', dialect: 'mikrotik', code: '/ip dhcp-server network\nadd address=192.168.88.0/24 dns-server=192.168.88.1 gateway=192.168.1.1\n', lines: [2], severity: 'warning', message: '192.168.1.1 is outside 192.168.88.0/24' },
    { name: 'MikroTik gateway wrapped onto the next line by /export, the broadcast address', dialect: 'mikrotik', code: '/ip dhcp-server network\nadd address=192.168.88.0/24 comment=defconf dns-server=192.168.88.1 gateway=\\\n    192.168.88.255\n', lines: [3], message: 'broadcast address' },
    { name: 'tagged router for a tagged range', dialect: 'dnsmasq', code: 'dhcp-range=set:lan,192.168.0.50,192.168.0.150,255.255.255.0,12h\ndhcp-option=tag:lan,3,192.168.1.1\n', lines: [2], message: 'is outside 192.168.0.0/24' },
  ],
});
