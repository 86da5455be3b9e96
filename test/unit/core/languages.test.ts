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
