import assert from 'node:assert/strict';
import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { test } from 'node:test';
import { maskOf } from '../../server/src/dhcp/ipv4';
import { encodeRoutes, formatRoutes, iscOptionDefinition, type Route } from '../../server/src/dhcp/route121';
import { fuzzSeed, prng } from '../unit/fuzz';
import { oracleVersion, runOracle, type Oracle } from './dhcpOracles';

// Differential: what `tlsnet route121 encode --format isc|kea|dnsmasq` prints (formatRoutes) is
// accepted by the real servers. Hundreds of random route sets go into one config per server so
// each server runs a few times, not hundreds; each server is also shown a value it must refuse,
// in the same place, so a server that checks nothing cannot make the test pass.

const SEED = fuzzSeed(0x3442);
const SETS = 300;

/** Random route sets that fit one option instance (255 bytes); 121 and 249 alternate. */
function routeSets(): Array<{ code: 121 | 249; routes: Route[] }> {
  const r = prng(SEED);
  return Array.from({ length: SETS }, (_, i) => {
    const routes: Route[] = [];
    const n = 1 + Math.floor(r() * 12);
    for (let k = 0; k < n; k++) {
      const width = Math.floor(r() * 33);
      routes.push({ width, destination: (Math.floor(r() * 2 ** 32) & maskOf(width)) >>> 0, gateway: Math.floor(r() * 2 ** 32) >>> 0 });
      if (encodeRoutes(routes).length > 255) routes.pop();
    }
    return { code: i % 5 === 4 ? 249 : 121, routes };
  });
}

const work = mkdtempSync(join(tmpdir(), 'tlsnet-route121-'));
const skip = (o: Oracle): string | false => (oracleVersion(o) ? false : `${o} is not installed on this machine`);

async function judge(o: Oracle, name: string, text: string) {
  const file = join(work, name);
  writeFileSync(file, text);
  return runOracle(o, file);
}

function iscConfig(sets: ReturnType<typeof routeSets>, bad?: string): string {
  const groups = sets.map((s) => `group {\n  ${formatRoutes(s.routes, 'isc', { code: s.code })}\n}`);
  if (bad) groups.push(`group {\n  option rfc3442-classless-static-routes ${bad};\n}`);
  return `${iscOptionDefinition(121)}\n${iscOptionDefinition(249)}\nsubnet 10.0.0.0 netmask 255.255.255.0 {\n}\n${groups.join('\n')}\n`;
}

test('route121 oracle: dhcpd -t accepts every isc spelling and refuses a byte over 255', { skip: skip('dhcpd') }, async () => {
  const sets = routeSets();
  const good = await judge('dhcpd', 'good.conf', iscConfig(sets));
  assert.ok(good.ok, `seed ${SEED}: dhcpd refused our output: ${good.message} (line ${good.line})`);
  const bad = await judge('dhcpd', 'bad.conf', iscConfig(sets, '32,1,1,1,1,192,168,0,256'));
  assert.equal(bad.ok, false, 'dhcpd accepted 256 in an array of unsigned integer 8');
  assert.equal(bad.line, 4 + sets.length * 3 + 2, bad.message);
});

function keaConfig(options: string[]): string {
  const subnets = options.map((o, i) => `{"id": ${i + 1}, "subnet": "10.${i >> 8}.${i & 255}.0/24", "option-data": [${o}]}`);
  return `{"Dhcp4": {"subnet4": [\n${subnets.join(',\n')}\n]}}\n`;
}

test('route121 oracle: kea-dhcp4 -t (2.2) accepts the portable code-121 spelling, refuses bad hex and the 2.6 name form', { skip: skip('kea') }, async () => {
  const sets = routeSets();
  const options = sets.map((s) => formatRoutes(s.routes, 'kea', { code: s.code }));
  assert.match(options[0], /^\{"code": 121, "space": "dhcp4", "csv-format": false, "data": "[0-9a-f]+"\}$/);
  const good = await judge('kea', 'good.json', keaConfig(options));
  assert.ok(good.ok, `seed ${SEED}: kea refused our output: ${good.message} (line ${good.line})`);
  const bad = await judge('kea', 'bad.json', keaConfig([...options, '{"code": 121, "space": "dhcp4", "csv-format": false, "data": "2001zz"}']));
  assert.equal(bad.ok, false, 'kea accepted non-hex data');
  // Kea before 2.6 has no classless-static-route definition: the reason the default is hex.
  const v = oracleVersion('kea') ?? '';
  const named = await judge('kea', 'named.json', keaConfig([formatRoutes(sets[0].routes, 'kea', { keaVersion: '2.6.0' })]));
  if (/^2\.[0-5]\./.test(v)) {
    assert.equal(named.ok, false, `kea ${v} accepted the 2.6 name form`);
    assert.match(named.message ?? '', /classless-static-route/);
  } else assert.ok(named.ok, `kea ${v} refused the 2.6 name form: ${named.message}`);
});

test('route121 oracle: dnsmasq --test accepts every dnsmasq spelling and refuses a bad address', { skip: skip('dnsmasq') }, async () => {
  const sets = routeSets();
  const lines = sets.map((s, i) => formatRoutes(s.routes, 'dnsmasq', { code: s.code }).replace('dhcp-option=', `dhcp-option=tag:t${i},`));
  const good = await judge('dnsmasq', 'good.conf', `dhcp-range=10.0.0.10,10.0.0.200\n${lines.join('\n')}\n`);
  assert.ok(good.ok, `seed ${SEED}: dnsmasq refused our output: ${good.message} (line ${good.line})`);
  const bad = await judge('dnsmasq', 'bad.conf', `dhcp-range=10.0.0.10,10.0.0.200\n${lines.join('\n')}\ndhcp-option=tag:x,121,10.0.0.0/8,192.168.0.256\n`);
  assert.equal(bad.ok, false, 'dnsmasq accepted 192.168.0.256');
  assert.equal(bad.line, sets.length + 2);
});
