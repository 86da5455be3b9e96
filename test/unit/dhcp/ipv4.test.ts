import assert from 'node:assert/strict';
import { test } from 'node:test';
import { broadcastOf, contains, formatIPv4, formatPrefix, hostBitsSet, lengthOfMask, maskOf, networkOf, parseIPv4, parsePrefix, prefixWithin, usableHosts } from '../../../server/src/dhcp/ipv4';

test('ipv4: parse and format addresses', () => {
  assert.equal(parseIPv4('192.168.0.1'), 0xc0a80001);
  assert.equal(formatIPv4(0xc0a80001), '192.168.0.1');
  assert.equal(formatIPv4(parseIPv4('255.255.255.255') as number), '255.255.255.255');
  for (const bad of ['256.0.0.1', '1.2.3', '1.2.3.4.5', 'a.b.c.d', '', '1..2.3', '1.2.3.4/8']) assert.equal(parseIPv4(bad), undefined, bad);
});

test('ipv4: masks and prefix lengths', () => {
  assert.equal(maskOf(24), 0xffffff00);
  assert.equal(maskOf(0), 0);
  assert.equal(maskOf(32), 0xffffffff);
  for (let len = 0; len <= 32; len++) assert.equal(lengthOfMask(maskOf(len)), len);
  assert.equal(lengthOfMask(parseIPv4('255.0.255.0') as number), undefined);
  assert.equal(lengthOfMask(parseIPv4('255.255.255.1') as number), undefined);
  assert.equal(lengthOfMask(parseIPv4('0.255.255.255') as number), undefined);
});

test('ipv4: network, broadcast, containment, usable hosts', () => {
  const p = parsePrefix('192.168.1.77/24');
  assert.ok(p);
  assert.equal(formatIPv4(networkOf(p)), '192.168.1.0');
  assert.equal(formatIPv4(broadcastOf(p)), '192.168.1.255');
  assert.equal(hostBitsSet(p), true);
  assert.equal(hostBitsSet({ address: networkOf(p), length: 24 }), false);
  assert.equal(formatPrefix(p), '192.168.1.0/24');
  assert.ok(contains(p, parseIPv4('192.168.1.200') as number));
  assert.ok(!contains(p, parseIPv4('192.168.2.1') as number));
  assert.ok(prefixWithin(parsePrefix('10.1.2.0/24') as never, parsePrefix('10.0.0.0/8') as never));
  assert.ok(!prefixWithin(parsePrefix('10.0.0.0/8') as never, parsePrefix('10.1.2.0/24') as never));
  assert.equal(usableHosts({ address: 0, length: 24 }), 254);
  assert.equal(usableHosts({ address: 0, length: 31 }), 2);
  assert.equal(usableHosts({ address: 0, length: 32 }), 1);
  assert.equal(formatIPv4(broadcastOf({ address: 0, length: 0 })), '255.255.255.255');
  assert.equal(parsePrefix('10.0.0.0/33'), undefined);
});
