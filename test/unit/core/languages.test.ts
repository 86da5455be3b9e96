import assert from 'node:assert/strict';
import { test } from 'node:test';
import { detectLanguage } from '../../../server/src/core/languages';

test('languages: detected as the editor would', () => {
  const cases: [string, string, string | undefined][] = [
    ['/etc/nginx/nginx.conf', '', 'nginx'],
    ['/srv/app/site.nginx', '', 'nginx'],
    ['/repo/nginx/snippets/tls.conf', '', 'nginx'],
    ['/etc/nginx/conf.d/api.conf', '', 'nginx'],
    ['/etc/nginx/sites-enabled/default', '', 'nginx'],
    ['/etc/dhcp/dhcpd.conf', '', 'dhcpd'],
    ['/etc/dnsmasq.conf', '', 'dnsmasq'],
    ['/etc/dnsmasq.d/lan', '', 'dnsmasq'],
    ['/net/r1.ios', '', 'cisco-ios'],
    ['/net/r1-confg', '!\nhostname r1\n', 'cisco-ios'],
    ['/net/running.cfg', 'hostname r1\ninterface Gi0/0\nip dhcp pool LAN\n network 10.0.0.0 /24\n', 'cisco-ios'],
    ['/net/router.rsc', '', 'mikrotik'],
    ['/net/Backup.RSC', '', 'mikrotik'],
    ['/net/export.txt', '# 2024-03-15 10:22:01 by RouterOS 7.14.1\n# software id = AB12-CD34\n/ip dhcp-server network\nadd address=10.0.0.0/24\n', 'mikrotik'],
    ['/net/old', '# jan/02/1970 00:05:08 by RouterOS 6.48.6\n/ip pool\nadd name=p ranges=10.0.0.2-10.0.0.9\n/ip/dhcp-server\nadd name=d address-pool=p\n', 'mikrotik'],
    ['/net/firewall.txt', '# 2024-03-15 10:22:01 by RouterOS 7.14.1\n/ip firewall filter\nadd chain=input\n', undefined],
    ['/net/notes.txt', 'we configure /ip dhcp-server network here\n/ip dhcp-server network add address=10.0.0.0/24\n', undefined],
    ['/pki/server.crt', '', 'pem'],
    ['/pki/server.key.pem', '', 'pem'],
    ['/mesh/pa.yaml', 'apiVersion: security.istio.io/v1\nkind: PeerAuthentication\n', 'istio'],
    ['/mesh/deploy.yaml', 'apiVersion: apps/v1\nkind: Deployment\n', undefined],
    ['/kea/kea-dhcp4.json', '{ "Dhcp4": { } }', 'kea'],
    ['/srv/README.md', '# hello', undefined],
    ['/etc/apache2/ports.conf', 'Listen 80', undefined],
  ];
  for (const [path, text, want] of cases) assert.equal(detectLanguage(path, text), want, path);
});
