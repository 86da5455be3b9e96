import assert from 'node:assert/strict';
import { resolve } from 'node:path';
import { test } from 'node:test';
import type { Span } from '../../../server/src/core/text';
import { parseIsc } from '../../../server/src/dhcp/isc/parser';
import { pick } from '../fuzz';
import { assertLinear, assertRefusals, at, checkModel, errors, fuzz, mutate, readTree, scope, text, type Refusal } from './parserChecks';

// The dhcpd.conf reader: exact spans and values for each construct, dhcpd's own refusals as error
// problems (their agreement with real `dhcpd -t` is test/protocol/dhcpd-parse-oracle.test.ts), the
// corpus, and fuzzed or huge inputs. TLSNET_FUZZ_SEED=<n> replays a fuzz run.

const CORPUS = resolve(process.cwd(), '../shared/corpus/dhcp/isc-dhcp');

const CAMPUS = `# campus
option domain-name "example.org";
option rfc3442-classless-static-routes code 121 = array of unsigned integer 8;
default-lease-time 600;
max-lease-time 7200;
authoritative;
include "dhcpd.d/lab.conf";

shared-network lan {
  subnet 10.1.0.0 netmask 255.255.255.0 {
    option routers 10.1.0.1, 10.1.0.2;
    option rfc3442-classless-static-routes 24, 10, 2, 0, 10, 1, 0, 1, 0, 10, 1, 0, 1;
    range 10.1.0.100 10.1.0.199;
    pool {
      range dynamic-bootp 10.1.0.200;
      deny unknown-clients;
    }
  }
}

group {
  host printer {
    hardware ethernet 00:1A:2b:3c:4d:5E;
    fixed-address 10.1.0.20, 10.1.0.21;
  }
  host nas { fixed-address nas.example.org; }
}
`;

test('subnet, shared-network, pool, group and host become scopes with exact spans', () => {
  const f = parseIsc('/ws/dhcpd.conf', CAMPUS);
  assert.deepEqual(f.problems, []);
  assert.deepEqual(
    f.scopes.map((s) => [s.kind, s.name?.value, s.parent?.kind]),
    [['global', undefined, undefined], ['shared-network', 'lan', 'global'], ['subnet', undefined, 'shared-network'], ['pool', undefined, 'subnet'], ['group', undefined, 'global'], ['host', 'printer', 'group'], ['host', 'nas', 'group']],
  );
  const subnet = scope(f, 'subnet');
  assert.equal(text(f, subnet.headerSpan), 'subnet 10.1.0.0 netmask 255.255.255.0');
  assert.ok(text(f, subnet.span).startsWith('subnet 10.1.0.0') && text(f, subnet.span).endsWith('}\n  }'));
  assert.deepEqual(subnet.networks, [{ value: { address: 0x0a010000, length: 24 }, span: at(CAMPUS, '10.1.0.0 netmask 255.255.255.0'), maskText: '255.255.255.0' }]);
  assert.equal(scope(f, 'shared-network').name?.span.start, at(CAMPUS, 'lan {').start);
  assert.deepEqual(subnet.ranges, [{ start: { value: 0x0a010064, span: at(CAMPUS, '10.1.0.100') }, end: { value: 0x0a0100c7, span: at(CAMPUS, '10.1.0.199') }, span: at(CAMPUS, 'range 10.1.0.100 10.1.0.199;') }]);
  const pool = scope(f, 'pool');
  assert.equal(pool.ranges.length, 1, 'a single-address dynamic-bootp range');
  assert.equal(pool.ranges[0].start.value, pool.ranges[0].end.value);
  assert.equal(text(f, pool.ranges[0].span), 'range dynamic-bootp 10.1.0.200;');
  assert.equal(text(f, pool.span), 'pool {\n      range dynamic-bootp 10.1.0.200;\n      deny unknown-clients;\n    }');
});

test('hosts: one StaticHost per fixed address in the enclosing scope, names kept and hostnames unresolved', () => {
  const f = parseIsc('/ws/dhcpd.conf', CAMPUS);
  const group = scope(f, 'group');
  assert.deepEqual(
    group.hosts.map((h) => [h.name?.value, h.hardware?.value, h.address?.value, h.address && text(f, h.address.span)]),
    [
      ['printer', '00:1a:2b:3c:4d:5e', 0x0a010014, '10.1.0.20'],
      ['printer', '00:1a:2b:3c:4d:5e', 0x0a010015, '10.1.0.21'],
      ['nas', undefined, undefined, undefined],
    ],
  );
  assert.equal(text(f, group.hosts[0].hardware?.span as Span), '00:1A:2b:3c:4d:5E');
  assert.equal(text(f, group.hosts[0].span), text(f, scope(f, 'host').span));
  assert.ok(text(f, group.hosts[0].span).startsWith('host printer {'));
});

test('options: codes from the table or a definition, values and formats as written', () => {
  const f = parseIsc('/ws/dhcpd.conf', CAMPUS);
  const [domain] = f.global.options;
  assert.deepEqual(domain, { code: 15, name: 'domain-name', span: at(CAMPUS, 'option domain-name "example.org";'), value: 'example.org', valueSpan: at(CAMPUS, 'example.org'), exact: true, format: 'ascii' });
  const [routers, routes] = scope(f, 'subnet').options;
  assert.deepEqual([routers.code, routers.name, routers.value, routers.format, text(f, routers.valueSpan)], [3, 'routers', '10.1.0.1, 10.1.0.2', 'ip', '10.1.0.1, 10.1.0.2']);
  assert.deepEqual([routes.code, routes.format, routes.value], [121, 'decimal', '24, 10, 2, 0, 10, 1, 0, 1, 0, 10, 1, 0, 1']);
  assert.equal(text(f, routes.valueSpan), routes.value);
  assert.deepEqual(f.definitions, [
    { file: '/ws/dhcpd.conf', name: { value: 'rfc3442-classless-static-routes', span: at(CAMPUS, 'rfc3442-classless-static-routes') }, code: { value: 121, span: at(CAMPUS, '121') }, type: 'array of unsigned integer 8', array: true, span: at(CAMPUS, 'option rfc3442-classless-static-routes code 121 = array of unsigned integer 8;') },
  ]);
});

test('option spellings: colon hex, quoted strings with escapes, other spaces, unknown-N, expressions', () => {
  const src = 'option unknown-121 18:0a:00:00:c0:a8:00:01;\noption vendor-class-identifier "a\\x41b";\noption agent.circuit-id "port1";\noption nis-servers 10.0.0.1;\noption host-name = concat("a", "b");\nserver-identifier 10.0.0.1;\nsupersede domain-name-servers 10.0.0.2;\n';
  const f = parseIsc('/ws/dhcpd.conf', src);
  assert.deepEqual(errors(f), []);
  assert.deepEqual(
    f.global.options.map((o) => [o.name, o.code, o.format, o.value, o.exact]),
    [
      ['unknown-121', 121, 'hex', '18:0a:00:00:c0:a8:00:01', true],
      ['vendor-class-identifier', 60, 'ascii', 'aAb', false],
      ['agent.circuit-id', 82, 'ascii', 'port1', true],
      ['nis-servers', 41, 'ip', '10.0.0.1', true],
      ['host-name', 12, 'text', 'concat("a", "b")', true],
      ['server-identifier', 54, 'ip', '10.0.0.1', true],
      ['domain-name-servers', 6, 'ip', '10.0.0.2', true],
    ],
  );
  assert.equal(text(f, f.global.options[0].valueSpan), '18:0a:00:00:c0:a8:00:01');
  assert.equal(text(f, f.global.options[1].valueSpan), 'a\\x41b');
});

test('a definition gives later uses of the name its code (any case), and redefines built-in names', () => {
  const src = 'option ms-routes code 249 = array of unsigned integer 8;\noption MS-Routes 0, 10, 0, 0, 1;\noption routers code 200 = text;\noption routers "r";\n';
  const f = parseIsc('/ws/dhcpd.conf', src);
  assert.deepEqual(errors(f), []);
  assert.deepEqual(f.global.options.map((o) => [o.code, o.format]), [[249, 'decimal'], [200, 'ascii']]);
});

test('leases, conditions and the other statements dhcpd accepts', () => {
  const src = `default-lease-time infinite;
max-lease-time 86400;
ddns-update-style interim; ddns-updates on; ddns-domainname "example.org";
next-server 10.0.0.1; filename "pxelinux.0"; local-address 10.0.0.1; log-facility local7;
allow unknown-clients; deny bootp; ignore client-updates; not authoritative;
option space foo code width 1 length width 1;
option foo.bar code 1 = text;
key k { algorithm hmac-md5; secret c2VjcmV0; }
zone example.org. { primary 10.0.0.1; key k; }
failover peer "fo" { secondary; address 10.0.0.2; peer address 10.0.0.1; }
class "phones" { match if substring(option vendor-class-identifier, 0, 4) = "Cisc"; option tftp-server-name "tftp"; }
subclass "phones" "x";
subnet 10.0.0.0 netmask 255.255.255.0 {
  pool { failover peer "fo"; range 10.0.0.10 10.0.0.20; allow members of "phones"; }
  if option host-name = "a" { option routers 10.0.0.1; } elsif known { } else { default-lease-time 60; }
  on commit { set ip = binary-to-ascii(10, 8, ".", leased-address); execute("/bin/true", ip); }
  switch (option host-name) { case "a": break; default: break; }
}
`;
  const f = parseIsc('/ws/dhcpd.conf', src);
  assert.deepEqual(f.problems, []);
  assert.deepEqual(f.global.lease, { seconds: 'infinite', raw: 'infinite', span: at(src, 'default-lease-time infinite;') });
  assert.equal(f.global.maxLease?.seconds, 86400);
  const subnet = scope(f, 'subnet');
  assert.deepEqual(subnet.options.map((o) => [o.name, o.tags]), [['routers', ['if option host-name = "a"']]]);
  assert.equal(subnet.lease?.seconds, 60, 'a lease set under a condition still describes the scope');
  assert.deepEqual(scope(f, 'class').options.map((o) => o.code), [66]);
  assert.equal(scope(f, 'class').name?.value, 'phones');
});

test('include, comments', () => {
  const src = '# tlsnet-disable-next-line dhcp/x\ninclude "sites/a.conf"; # trailing\r\n';
  const f = parseIsc('/ws/dhcpd.conf', src);
  assert.deepEqual(f.includes, [{ file: '/ws/dhcpd.conf', path: { value: 'sites/a.conf', span: at(src, 'sites/a.conf') }, span: at(src, 'include "sites/a.conf";') }]);
  assert.deepEqual(f.comments, [
    { value: ' tlsnet-disable-next-line dhcp/x', span: at(src, '# tlsnet-disable-next-line dhcp/x') },
    { value: ' trailing', span: at(src, '# trailing') },
  ]);
});

test('a non-contiguous mask is kept (dhcpd accepts it; a rule flags it)', () => {
  const f = parseIsc('/ws/dhcpd.conf', 'subnet 10.0.0.0 netmask 255.0.255.0 { range 10.0.0.5 10.0.0.9; }\n');
  assert.deepEqual(f.problems, []);
  assert.deepEqual(scope(f, 'subnet').networks[0].value, { address: 0x0a000000, length: 8 });
  assert.equal(scope(f, 'subnet').networks[0].maskText, '255.0.255.0');
});

test('semantic refusals are left to the rules: host bits set, a range outside its subnet', () => {
  const f = parseIsc('/ws/dhcpd.conf', 'subnet 10.0.0.1 netmask 255.255.255.0 { range 10.0.1.5 10.0.1.9; }\n');
  assert.deepEqual(f.problems, []);
  assert.equal(scope(f, 'subnet').ranges.length, 1);
});

/** Each config dhcpd refuses while reading, with the problem parseIsc reports and where. */
const REFUSED: Refusal[] = [
  ['foo 1;\n', 'semicolon expected', '1'],
  ['option routerz 10.0.0.1;\n', 'unknown option dhcp.routerz', 'routerz'],
  ['option routers 10.0.0.1\n', 'semicolon expected', ''],
  ['subnet 10.0.0.0 netmask 255.255.255.0 {\n', 'unexpected end of file', ''],
  // The mask cut short by the end of the file (a fuzz find: a partial aggregate made subnet() read a missing part).
  ['subnet 10.10.10.0 netmask 255.255.255.', 'unexpected end of file', ''],
  ['}\n', 'expecting a parameter or declaration', '}'],
  ['option routers 10.0.0.300;\n', '300 exceeds max (255) for precision', '300'],
  ['option routers 10.0.0;\n', 'too few numbers', ';'],
  ['option routers "10.0.0.1";\n', 'expecting IP address or hostname', '"10.0.0.1"'],
  ['range 10.0.0.5 10.0.0.9;\n', 'range declaration not allowed here', 'range'],
  ['option domain-name "open;\n', 'eof in string constant', '"open;\n'],
  ['option domain-name 12;\n', 'expecting string', '12'],
  ['default-lease-time 1d;\n', 'Bogus number 1d: digit 13 not in base 10', '1d'],
  ['host a { }\nhost a { }\n', 'host a: already exists', 'a'],
  ['subnet 10.0.0.0 netmask 255.255.255.0 { }\nsubnet6 2001:db8::/64 { }\n', 'subnet6 statement is only supported in DHCPv6 mode', 'subnet6'],
  ['subnet 10.0.0.0 netmask 255.255.255.0 { pool { } }\n', 'Pool declaration with no address range (a pool must contain at least one range statement)', 'pool'],
  ['hardware ethernet 00:11:22:33:44:55;\n', 'hardware address parameter not allowed here', 'hardware ethernet 00:11:22:33:44:55;'],
  ['option foo code 200 = array of text;\n', 'arrays of text strings not yet supported', 'text'],
  ['if not foo { }\n', 'boolean expression expected', 'foo'],
  ['omapi-key k;\n', 'OMAPI key k: not found', 'k'],
];

test('configs dhcpd refuses get an error problem at the fault', () => {
  assertRefusals((src) => parseIsc('/ws/dhcpd.conf', src), REFUSED);
});

test('an included file: names and placements its includer decides are warnings', () => {
  const src = 'option rfc3442-classless-static-routes 0, 10, 0, 0, 1;\nrange 10.0.0.5 10.0.0.9;\n';
  assert.deepEqual(errors(parseIsc('/ws/dhcpd.conf', src)), ['unknown option dhcp.rfc3442-classless-static-routes', 'range declaration not allowed here']);
  // The route option's problem carries its quick fix's marker, except in an included file (where to define it is the includer's call).
  assert.deepEqual(parseIsc('/ws/dhcpd.conf', src).problems.map((p) => [p.code, p.data]), [['isc-undefined-route-option', { option: 'rfc3442-classless-static-routes', optionCode: 121, topLevel: 0 }], [undefined, undefined]]);
  const inc = parseIsc('/ws/dhcpd.d/a.conf', src, { included: true });
  assert.deepEqual(errors(inc), []);
  assert.equal(inc.problems.length, 2);
  assert.deepEqual(inc.problems.map((p) => p.code), [undefined, undefined]);
  const after = parseIsc('/ws/dhcpd.conf', 'include "defs.conf";\noption ms-routes 0, 10, 0, 0, 1;\n');
  assert.deepEqual([errors(after), after.problems.map((p) => p.severity)], [[], ['warning']]);
});

const corpus = (): Map<string, string> => readTree(CORPUS, (name) => !/\.(out|outl|msg|json)$/.test(name), CORPUS);

test('corpus: every file parses; the configs dhcpd accepts give no error', () => {
  const files = corpus();
  for (const [name, src] of files) checkModel(parseIsc(name, src));
  // A sample of what `dhcpd -t` accepts (the protocol test compares every file with dhcpd itself).
  const accepted = ['server/dhcpd.conf.example', 'tests/failover/dhcp-1.cf', 'tests/failover/dhcp-2.cf', 'keama/tests/samples/example.conf', 'keama/tests/class4.in4', 'keama/tests/optiondecl4.in4', 'keama/tests/subclassguard4.in4'];
  // DHCPv6 configs (read as dhcpd -6 reads them: their first declarations are DHCPv6 ones).
  accepted.push('doc/examples/dhcpd-dhcpv6.conf', 'tests/DHCPv6/test-a.conf', 'keama/tests/pool6.in6', 'keama/tests/prefix62.in6', 'keama/tests/sharetwo6.in6');
  for (const name of accepted.filter((n) => files.has(n))) assert.deepEqual(errors(parseIsc(name, files.get(name) as string)), [], name);
  const example = files.get('server/dhcpd.conf.example');
  if (example) assert.ok(parseIsc('x', example).scopes.filter((s) => s.kind === 'subnet').length >= 5);
});

test('fuzz: mutated corpus files never throw and keep the model consistent', () => {
  const sources = [CAMPUS, ...[...corpus().values()].filter((s) => s.length < 20_000)];
  const bits = [';', '{', '}', '"', '#', '\\', ',', '.', ':', '=', '(', ')', 'subnet ', 'option ', 'if ', 'not ', 'range ', 'host ', 'pool ', ' 10.0.0.', '0x', 'é', '\u0000', '\r\n', 'failover peer "x" ', 'class "a" ', 'subnet6 ', 'range6 ', 'prefix6 ', 'pool6 ', ' 2001:db8::', '/64', ' temporary'];
  fuzz(
    0x15c,
    3000,
    (r) => mutate(pick(sources, r), bits, r),
    (s, i) => checkModel(parseIsc('/ws/fuzz.conf', s, { family: ([undefined, 4, 6] as const)[i % 3] })),
  );
});

test('10 MB inputs parse in linear time without throwing', () => {
  const big: string[] = ['a'.repeat(10_000_000), `option domain-name "${'x'.repeat(10_000_000)}`, '('.repeat(10_000_000), 'if '.repeat(3_000_000), `option routers ${'1.'.repeat(5_000_000)}`, '}'.repeat(10_000_000), `host a { ${'hardware ethernet 00:11:22:33:44:55; '.repeat(250_000)}}`];
  assertLinear((src) => parseIsc('/ws/big.conf', src), big, { each: (f) => assert.ok(f.problems.length > 0) });
  let subnets = '';
  for (let i = 0; i < 5000; i++) subnets += `subnet 10.${i >> 8}.${i & 255}.0 netmask 255.255.255.0 { range 10.${i >> 8}.${i & 255}.10 10.${i >> 8}.${i & 255}.200; option routers 10.${i >> 8}.${i & 255}.1; }\n`;
  const t0 = performance.now();
  const f = parseIsc('/ws/dhcpd.conf', subnets);
  assert.ok(performance.now() - t0 < 3000);
  assert.deepEqual([f.problems, f.scopes.length], [[], 5001]);
});
