import { dhcpRuleTester } from '../../dhcpRuleTester';

const subnet = 'subnet 192.168.0.0 netmask 255.255.255.0 {\n}\n';
const host = (address: string): string => `host printer {\n  hardware ethernet 00:11:22:33:44:55;\n  fixed-address ${address};\n}\n`;

dhcpRuleTester('dhcp/host-outside-subnet', {
  valid: [
    { name: 'fixed address in a subnet', dialect: 'dhcpd', code: subnet + host('192.168.0.50') },
    { name: 'a file of hosts only is a fragment', dialect: 'dhcpd', code: host('10.0.0.5') },
    { name: 'fixed address given as a host name', dialect: 'dhcpd', code: subnet + host('printer.example.net') },
    { name: 'subnet in an included file', dialect: 'dhcpd', code: `include "/ws/subnets.conf";\n${host('192.168.0.50')}`, files: { '/ws/subnets.conf': subnet } },
    { name: 'reservation in its subnet4', dialect: 'kea', code: '{"Dhcp4": {"subnet4": [{"id": 1, "subnet": "192.168.0.0/24",\n  "reservations": [{"hw-address": "00:11:22:33:44:55", "ip-address": "192.168.0.5"}]}]}}\n' },
    { name: 'global reservation in a declared subnet', dialect: 'kea', code: '{"Dhcp4": {"reservations": [{"hw-address": "00:11:22:33:44:55", "ip-address": "192.168.0.5"}],\n  "subnet4": [{"id": 1, "subnet": "192.168.0.0/24"}]}}\n' },
    { name: 'static lease inside a network', dialect: 'mikrotik', code: '/ip dhcp-server network add address=192.168.88.0/24\n/ip dhcp-server lease add address=192.168.88.50 mac-address=00:11:22:33:44:55\n' },
    { name: 'dhcp-host in the range\'s network', dialect: 'dnsmasq', code: 'dhcp-range=192.168.0.50,192.168.0.150,255.255.255.0,12h\ndhcp-host=00:11:22:33:44:55,192.168.0.10\n' },
    { name: 'dhcp-host with a range whose netmask comes from the interface', dialect: 'dnsmasq', code: 'dhcp-range=192.168.0.50,192.168.0.150,255.255.255.0,12h\ndhcp-range=10.0.0.50,10.0.0.150,12h\ndhcp-host=00:11:22:33:44:55,10.0.0.10\n' },
    { name: 'host pool inside a network pool', dialect: 'cisco-ios', code: 'ip dhcp pool office\n network 192.168.0.0 /24\n default-router 192.168.0.1\nip dhcp pool printer\n host 192.168.0.50 255.255.255.0\n client-identifier 0100.1122.3344.55\n' },
    { name: 'address reservation in its pool network', dialect: 'cisco-ios', code: 'ip dhcp pool office\n network 192.168.0.0 /24\n address 192.168.0.50 client-id 0100.1122.3344.55\n' },
  ],
  invalid: [
    { name: 'fixed address in no subnet', dialect: 'dhcpd', code: subnet + host('10.0.0.5'), lines: [5], severity: 'warning', message: '10.0.0.5 of host "printer" is in no declared subnet' },
    { name: 'host declared inside a subnet with an address of none (hosts are global)', dialect: 'dhcpd', code: 'subnet 192.168.0.0 netmask 255.255.255.0 {\n  host a { hardware ethernet 00:11:22:33:44:55; fixed-address 10.0.0.5; }\n}\n', lines: [2] },
    { name: 'reservation outside its subnet4: Kea refuses it', dialect: 'kea', code: '{"Dhcp4": {"subnet4": [{"id": 1, "subnet": "192.168.0.0/24",\n  "reservations": [{"hw-address": "00:11:22:33:44:55", "ip-address": "10.0.0.5"}]}]}}\n', lines: [2], severity: 'error', message: 'kea-dhcp4 refuses' },
    { name: 'global reservation in no subnet', dialect: 'kea', code: '{"Dhcp4": {"reservations": [{"hw-address": "00:11:22:33:44:55", "ip-address": "10.0.0.5"}],\n  "subnet4": [{"id": 1, "subnet": "192.168.0.0/24"}]}}\n', lines: [1], severity: 'warning' },
    { name: 'static lease in no network', dialect: 'mikrotik', code: '/ip dhcp-server network add address=192.168.88.0/24\n/ip dhcp-server lease add address=192.168.89.50 mac-address=00:11:22:33:44:55\n', lines: [2], severity: 'warning', message: 'in no /ip dhcp-server network' },
    { name: 'dhcp-host in no range\'s network', dialect: 'dnsmasq', code: 'dhcp-range=192.168.0.50,192.168.0.150,255.255.255.0,12h\ndhcp-host=00:11:22:33:44:55,10.0.0.5\n', lines: [2], severity: 'warning' },
    { name: 'host pool in no network pool: info', dialect: 'cisco-ios', code: 'ip dhcp pool office\n network 192.168.0.0 /24\nip dhcp pool printer\n host 172.16.0.5 255.255.255.0\n client-identifier 0100.1122.3344.55\n', lines: [4], severity: 'info' },
    { name: 'address reservation outside its pool network', dialect: 'cisco-ios', code: 'ip dhcp pool office\n network 192.168.0.0 /24\n address 192.168.5.5 client-id 0100.1122.3344.55\n', lines: [3], severity: 'warning' },
  ],
});
