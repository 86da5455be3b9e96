import assert from 'node:assert/strict';
import { resolve } from 'node:path';
import { test } from 'node:test';
import { parseIPv4 } from '../../../server/src/dhcp/ipv4';
import { parseKea } from '../../../server/src/dhcp/kea/parser';
import { pick } from '../fuzz';
import { assertLinear, assertRefusals, at, checkModel, errors, fuzz, mutate, readTree, scope, text } from './parserChecks';

// The Kea Dhcp4 reader: exact spans and values for each construct, kea-dhcp4 2.2's refusals as
// error problems (their agreement with real `kea-dhcp4 -t` is
// test/protocol/kea-dnsmasq-parse-oracle.test.ts), the corpus, fuzzed and huge inputs.
// TLSNET_FUZZ_SEED=<n> replays a fuzz run.

const CORPUS = resolve(process.cwd(), '../shared/corpus/dhcp/kea');

const ip = (s: string) => parseIPv4(s) as number;
const CONFIG = `# Kea accepts hash comments
{
  "Dhcp4": {
    // and line comments
    "valid-lifetime": 4000,
    "option-def": [ { "name": "rfc3442-routes", "code": 121, "type": "uint8", "array": true } ],
    "option-data": [
      { "name": "domain-name-servers", "data": "192.0.2.53, 192.0.2.54" },
      { "name": "domain-name", "data": "ex\\u0061mple.org" }
    ],
    /* block comment */
    "subnet4": [
      {
        "id": 7,
        "subnet": "192.0.2.0/24",
        "valid-lifetime": 600,
        "pools": [
          { "pool": "192.0.2.10 - 192.0.2.99" },
          { "pool": "192.0.2.128/26", "option-data": [ { "code": 3, "data": "192.0.2.129" } ] }
        ],
        "option-data": [
          { "name": "routers", "data": "192.0.2.1" },
          { "name": "rfc3442-routes", "data": "24, 10, 1, 0, 192, 0, 2, 1" },
          { "code": 249, "csv-format": false, "data": "18:0a:01:00:c0:00:02:01", "always-send": true }
        ],
        "reservations": [
          { "hw-address": "AA:BB:CC:DD:EE:FF", "ip-address": "192.0.2.200", "hostname": "printer" },
          { "client-id": "01:aa:bb", "ip-address": "192.0.2.201", "option-data": [ { "name": "host-name", "data": "cam" } ] }
        ]
      }
    ],
    "shared-networks": [
      { "name": "floor2", "subnet4": [ { "id": 8, "subnet": "198.51.100.0/24" } ] }
    ],
    "client-classes": [
      { "name": "voip", "option-data": [ { "name": "tftp-server-name", "data": "tftp.example.org" } ] }
    ]
  }
}
`;

test('each construct lands in the model with exact spans', () => {
  const f = parseKea('/ws/kea-dhcp4.conf', CONFIG);
  assert.deepEqual(errors(f), []);
  assert.equal(f.dialect, 'kea');
  assert.deepEqual(f.scopes.map((s) => s.kind), ['global', 'subnet', 'pool', 'host', 'shared-network', 'subnet', 'class']);
  const g = f.global;
  assert.deepEqual(g.lease, { seconds: 4000, raw: '4000', span: at(CONFIG, '4000') });
  assert.deepEqual(text(f, g.headerSpan), '"Dhcp4"');
  const dns = g.options[0];
  assert.deepEqual([dns.code, dns.name, dns.value, dns.format, dns.exact], [6, 'domain-name-servers', '192.0.2.53, 192.0.2.54', 'ip', true]);
  assert.deepEqual(dns.valueSpan, at(CONFIG, '192.0.2.53, 192.0.2.54'));
  assert.equal(text(f, dns.span), '{ "name": "domain-name-servers", "data": "192.0.2.53, 192.0.2.54" }');
  // An escaped string: the decoded value, spans only approximate.
  assert.deepEqual([g.options[1].value, g.options[1].exact, text(f, g.options[1].valueSpan)], ['example.org', false, 'ex\\u0061mple.org']);

  const sub = scope(f, 'subnet');
  assert.equal(sub.name?.value, '7');
  assert.equal(sub.name && text(f, sub.name.span), '7');
  assert.equal(text(f, sub.headerSpan), '"subnet": "192.0.2.0/24"');
  assert.deepEqual(sub.networks, [{ value: { address: ip('192.0.2.0'), length: 24 }, span: at(CONFIG, '192.0.2.0/24'), maskText: '/24' }]);
  assert.equal(sub.lease?.seconds, 600);
  assert.equal(sub.parent, g);
  assert.deepEqual(
    sub.ranges.map((r) => [r.start.value, r.end.value, text(f, r.start.span), text(f, r.end.span), text(f, r.span).slice(0, 9)]),
    [
      [ip('192.0.2.10'), ip('192.0.2.99'), '192.0.2.10', '192.0.2.99', '{ "pool":'],
      [ip('192.0.2.128'), ip('192.0.2.191'), '192.0.2.128/26', '192.0.2.128/26', '{ "pool":'],
    ],
  );
  assert.deepEqual(sub.options.map((o) => [o.code, o.format, o.value]), [
    [3, 'ip', '192.0.2.1'],
    [121, 'decimal', '24, 10, 1, 0, 192, 0, 2, 1'],
    [249, 'hex', '18:0a:01:00:c0:00:02:01'],
  ]);
  assert.equal(sub.options[2].force, true);
  const pool = scope(f, 'pool');
  assert.equal(pool.parent, sub);
  assert.deepEqual(pool.options.map((o) => [o.code, o.value]), [[3, '192.0.2.129']]);
  assert.equal(text(f, pool.headerSpan), '"pool": "192.0.2.128/26"');
  assert.deepEqual(
    sub.hosts.map((h) => [h.hardware?.value, h.clientId?.value, h.address?.value, h.name?.value, h.address && text(f, h.address.span)]),
    [
      ['aa:bb:cc:dd:ee:ff', undefined, ip('192.0.2.200'), 'printer', '192.0.2.200'],
      [undefined, '01:aa:bb', ip('192.0.2.201'), undefined, '192.0.2.201'],
    ],
  );
  assert.deepEqual(scope(f, 'host').options.map((o) => [o.code, o.value]), [[12, 'cam']]);
  const shared = scope(f, 'shared-network');
  assert.deepEqual(shared.name, { value: 'floor2', span: at(CONFIG, 'floor2') });
  assert.equal(scope(f, 'subnet', 1).parent, shared);
  assert.deepEqual(shared.children, [scope(f, 'subnet', 1)]);
  const cls = scope(f, 'class');
  assert.deepEqual(cls.options.map((o) => [o.code, o.tags, o.format]), [[66, ['voip'], 'ascii']]);
  assert.deepEqual(f.definitions.map((d) => [d.name.value, d.code.value, d.type, d.array, text(f, d.name.span)]), [['rfc3442-routes', 121, 'uint8', true, 'rfc3442-routes']]);
  assert.deepEqual(f.comments.map((c) => [c.value, text(f, c.span)]), [
    [' Kea accepts hash comments', '# Kea accepts hash comments'],
    [' and line comments', '// and line comments'],
    [' block comment ', '/* block comment */'],
  ]);
});

test('option 121 by its Kea 2.6 name: code 121, a route list, refused as Kea 2.2 would (version-dependent)', () => {
  const src = '{ "Dhcp4": { "option-data": [ { "name": "classless-static-route", "data": "10.0.0.0/8 - 192.0.2.1" } ] } }';
  const f = parseKea('/ws/k.json', src);
  const o = f.global.options[0];
  assert.deepEqual([o.code, o.format, o.name, text(f, o.valueSpan)], [121, 'routes', 'classless-static-route', '10.0.0.0/8 - 192.0.2.1']);
  assert.equal(f.problems.length, 1);
  assert.equal(f.problems[0].severity, 'error');
  assert.deepEqual(f.problems[0].versionDependent, { version: '2.2', acceptedSince: '2.6.0' });
  assert.match(f.problems[0].message, /no option "classless-static-route"/);
});

test('a code without definition: refused in the global option-data, read as hex elsewhere', () => {
  const g = parseKea('/ws/k.json', '{ "Dhcp4": { "option-data": [ { "code": 222, "data": "0102" } ] } }');
  assert.equal(errors(g).length, 1);
  const s = parseKea('/ws/k.json', '{ "Dhcp4": { "subnet4": [ { "subnet": "10.0.0.0/8", "option-data": [ { "code": 121, "data": "080ac0000201" }, { "code": 121, "data": "10.0.0.0/8 - 10.0.0.1" } ] } ] } }');
  assert.deepEqual(s.scopes[1].options.map((o) => o.format), ['hex', 'routes']);
  assert.equal(s.problems.length, 1);
  assert.deepEqual(s.problems[0].versionDependent, { version: '2.2', acceptedSince: '2.6.0' });
});

/** `member` inside a subnet4 entry of an otherwise good config. */
const inSubnet = (member: string) => `{ "Dhcp4": { "subnet4": [ { "id": 1, "subnet": "10.0.0.0/24", ${member} } ] } }`;
const option = (o: string) => inSubnet(`"option-data": [ ${o} ]`);

test('what kea-dhcp4 2.2 refuses is an error at the offending text', () => {
  const cases: Array<[string, string, RegExp]> = [
    ['{ "Dhcp4": { "valid-lifetime": 1 "renew-timer": 2 } }', '"', /Invalid JSON: a "," is expected/],
    ['{ "Dhcp4": { "valid-lifetime": "1" } }', '"1"', /takes an integer, not a string/],
    ['{ "Dhcp4": { "t1-percent": 1 } }', '1', /takes a number with a decimal point/],
    ['{ "Dhcp4": { "valid-lifetme": 1 } }', '"valid-lifetme"', /does not know "valid-lifetme" in "Dhcp4"/],
    ['{ "Dhcp4": { } }', '{ }', /must not be empty/],
    ['{ "Dhcp4": { "client-classes": [] } }', '[]', /must not be an empty list/],
    [inSubnet('"id": 2'), '"id"', /appears twice/],
    ['{ "Dhcp4": { "subnet4": [ { "id": 1 } ] } }', '{', /needs "subnet"/],
    [inSubnet('"pools": [ { "pool": "10.0.0.9 - 10.0.0.1" } ]').replace('"id": 1, ', ''), '10.0.0.9 - 10.0.0.1', /starts after it ends/],
    [inSubnet('"pools": [ { "pool": "10.0.0.9" } ]'), '10.0.0.9', /is not a pool/],
    [inSubnet('"pools": [ { "pool": "10.0.0.0/33" } ]'), '10.0.0.0/33', /length 1–32/],
    ['{ "Dhcp4": { "subnet4": [ { "subnet": "10.0.0.0" } ] } }', '10.0.0.0', /ADDRESS\/LENGTH/],
    ['{ "Dhcp4": { "subnet4": [ { "subnet": "10.0.0.0/40" } ] } }', '10.0.0.0/40', /not a prefix length/],
    ['{ "Dhcp4": { "subnet4": [ { "id": 3, "subnet": "10.0.0.0/24" }, { "id": 3, "subnet": "10.0.1.0/24" } ] } }', '3', /already used/],
    [option('{ "name": "routers", "data": "10.0.0.300" }'), '10.0.0.300', /not an IP address/],
    [option('{ "name": "interface-mtu", "data": "70000" }'), '70000', /outside uint16/],
    [option('{ "name": "routers", "data": "0a0000", "csv-format": false }'), '0a0000', /do not divide into ipv4-address/],
    [option('{ "name": "routers", "data": "0a.00.00.01", "csv-format": false }'), '0a.00.00.01', /not hex as Kea reads it/],
    [option('{ "name": "gateway", "data": "10.0.0.1" }'), '"10.0.0.1"', /no option "gateway"/],
    [option('{ "name": "routers", "code": 6, "data": "10.0.0.1" }'), '"routers"', /not the name of option 6/],
    [inSubnet('"reservations": [ { "ip-address": "10.0.0.5" } ]'), '{ "ip-address": "10.0.0.5" }', /needs one identifier/],
    [inSubnet('"reservations": [ { "hw-address": "aa-bb-cc-dd-ee-ff", "ip-address": "10.0.0.5" } ]'), 'aa-bb-cc-dd-ee-ff', /not a hw-address/],
    ['{ "Dhcp4": { "option-def": [ { "name": "x", "code": 3, "type": "uint8" } ] } }', '{ "name": "x", "code": 3, "type": "uint8" }', /redefine a standard option/],
  ];
  assertRefusals(
    (src) => parseKea('/ws/k.json', src),
    cases.map(([src, where, message]) => [src, message, where]),
  );
});

test('what Kea reads and JSON does not: repeated commas after an entry, .5 numbers, includes anywhere', () => {
  const f = parseKea('/ws/k.json', '{ "Dhcp4": { "t1-percent": .5,, "subnet4": [ <?include "subnets.json"?> ], } }');
  assert.deepEqual(errors(f), []);
  assert.deepEqual(f.includes.map((i) => [i.path.value, text(f, i.path.span), text(f, i.span)]), [['subnets.json', 'subnets.json', '<?include "subnets.json"?>']]);
  assert.match(errors(parseKea('/ws/k.json', '{ "Dhcp4": { , "t1-percent": .5 } }'))[0], /Invalid JSON/);
});

test('an include fragment (no Dhcp4) is read as the list entries it holds', () => {
  const src = '{ "id": 4, "subnet": "10.9.0.0/16", "pools": [ { "pool": "10.9.0.10 - 10.9.0.20" } ] },\n{ "subnet": "10.8.0.0/16" }\n';
  const f = parseKea('/ws/subnets.json', src);
  assert.deepEqual(errors(f), []);
  assert.deepEqual(f.scopes.filter((s) => s.kind === 'subnet').map((s) => text(f, s.networks[0].span)), ['10.9.0.0/16', '10.8.0.0/16']);
  assert.equal(text(f, f.scopes[1].ranges[0].start.span), '10.9.0.10');
});

test('an include records the scope it sits in; the included file is read as that scope\'s inside', () => {
  const src = '{ "Dhcp4": { "subnet4": [ { "id": 1, "subnet": "10.40.0.0/16",\n  "pools": [ { "pool": "10.40.1.1 - 10.40.1.250" }, <?include "pool.json"?> ] } ],\n  "shared-networks": [ { "name": "s", "subnet4": <?include "more.json"?> } ] } }';
  const f = parseKea('/ws/k.json', src);
  assert.deepEqual(errors(f), []);
  assert.deepEqual(f.includes.map((i) => i.within), [scope(f, 'subnet'), scope(f, 'shared-network')]);
  // Kea splices `{ "pool": … }` into the pools list: its range belongs to the includer's subnet.
  const pool = parseKea('/ws/pool.json', '{ "pool": "10.40.1.200 - 10.40.1.240" }\n', { included: true, within: f.includes[0].within });
  assert.deepEqual(errors(pool), []);
  assert.equal(pool.global.parent, scope(f, 'subnet'));
  assert.deepEqual(pool.global.ranges.map((r) => [r.start.value, text(pool, r.end.span)]), [[ip('10.40.1.200'), '10.40.1.240']]);
  assert.equal(parseKea('/ws/pool.json', '{ "pool": "10.40.1.200 - 10.40.1.240" }\n').global.parent, undefined);
});

test('option 121 data by code: hex without csv-format is hex; an option-def of type binary makes the 2.6 name hex', () => {
  // kea-dhcp4 -t (2.2) accepts both.
  const sub = parseKea('/ws/k.json', option('{ "code": 121, "data": "2001010101c0a80001" }'));
  assert.deepEqual(sub.problems, []);
  assert.deepEqual(scope(sub, 'subnet').options.map((o) => [o.code, o.format]), [[121, 'hex']]);
  const def = parseKea('/ws/k.json', `{ "Dhcp4": { "option-def": [ { "name": "classless-static-route", "code": 121, "type": "binary", "space": "dhcp4" } ], "subnet4": [ { "id": 1, "subnet": "10.0.0.0/24", "option-data": [ { "name": "classless-static-route", "data": "0cac10c0a83c0200c0a83c01" } ] } ] } }`);
  assert.deepEqual(def.problems, []);
  assert.deepEqual(scope(def, 'subnet').options.map((o) => [o.code, o.format]), [[121, 'hex']]);
});

test('option 121 refusals: acceptedSince only when Kea 2.6 reads the data, a quick-fix marker when it is routes or hex', () => {
  // Global option-data: a code without definition is refused with csv-format left true (kea-dhcp4 -t: "definition ... does not exist").
  const hex = parseKea('/ws/k.json', '{ "Dhcp4": { "option-data": [ { "code": 121, "data": "2001010101c0a80001" } ] } }');
  assert.deepEqual(hex.problems.map((p) => [p.severity, p.versionDependent, text(hex, p.span), p.keaRoute121 && text(hex, p.keaRoute121.entry)]), [
    ['error', undefined, '"2001010101c0a80001"', '{ "code": 121, "data": "2001010101c0a80001" }'],
  ]);
  const routes = parseKea('/ws/k.json', '{ "Dhcp4": { "option-data": [ { "code": 121, "data": "10.0.0.0/8 - 10.0.0.1" } ] } }');
  assert.deepEqual(routes.problems.map((p) => [p.versionDependent, !!p.keaRoute121]), [[{ version: '2.2', acceptedSince: '2.6.0' }, true]]);
  const neither = parseKea('/ws/k.json', option('{ "name": "classless-static-route", "data": "10.0.0.0/8,10.0.0.1" }'));
  assert.deepEqual(neither.problems.map((p) => [p.severity, p.versionDependent, p.keaRoute121]), [['error', undefined, undefined]]);
  const named = parseKea('/ws/k.json', option('{ "name": "classless-static-route", "csv-format": false, "data": "080a0a000001" }'));
  assert.deepEqual(named.problems.map((p) => [p.versionDependent, !!p.keaRoute121]), [[{ version: '2.2', acceptedSince: '2.6.0' }, true]]);
});

const corpus = (): Map<string, string> => readTree(CORPUS, (name) => /\.(json|conf)$/.test(name));

test('the Kea corpus parses, and the files Kea 2.2 accepts give no error', () => {
  const files = corpus();
  assert.ok(files.size >= 30, `the Kea corpus is missing under ${CORPUS}`);
  for (const [path, src] of files) {
    const f = parseKea(path, src);
    checkModel(f);
    // kea-dhcp4 2.2 -t accepts these two as shipped (test/protocol checks the rest against it).
    if (/kea4\/(vendor-specific|vivso)\.json$/.test(path)) assert.deepEqual(errors(f), [], path);
    if (/kea4\/all-options\.json$/.test(path)) assert.ok(f.global.options.length > 100);
  }
});

test('fuzz: mutated configurations never throw and keep the model consistent', () => {
  const sources = [CONFIG, ...[...corpus().values()].filter((s) => s.length < 20_000)];
  const bits = ['{', '}', '[', ']', '"', ',', ':', '#', '//', '/*', '\\', '<?include "x"?>', '.5', '-', '/', ' - ', 'null', 'true', '"subnet": ', '"pool": ', '"data": ', '"code": 121', '\u0000', 'é', '\r\n', '0x'];
  fuzz(
    0x4ea,
    3000,
    (r) => mutate(pick(sources, r), bits, r),
    (s) => checkModel(parseKea('/ws/fuzz.json', s)),
  );
});

test('10 MB inputs parse in linear time without throwing', () => {
  const entries = (n: number, e: (i: number) => string) => Array.from({ length: n }, (_, i) => e(i)).join(',');
  const big = [
    '{'.repeat(10_000_000),
    `{ "Dhcp4": { "comment": "${'x'.repeat(10_000_000)}" } }`,
    '#'.repeat(10_000_000),
    `{ "Dhcp4": { "option-data": [ { "name": "routers", "data": "${'10.0.0.1,'.repeat(1_000_000)}" } ] } }`,
    `{ "Dhcp4": { "subnet4": [ ${entries(50_000, (i) => `{ "id": ${i + 1}, "subnet": "10.${i >> 8 & 255}.${i & 255}.0/24", "pools": [ { "pool": "10.${i >> 8 & 255}.${i & 255}.10 - 10.${i >> 8 & 255}.${i & 255}.99" } ] }`)} ] } }`,
    `{ "Dhcp4": { ${entries(300_000, (i) => `"k${i}": ${i}`)} } }`,
    ','.repeat(10_000_000),
  ];
  assertLinear((src) => parseKea('/ws/big.json', src), big);
});
