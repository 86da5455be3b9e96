import assert from 'node:assert/strict';
import { test } from 'node:test';
import { toHex } from '../../../server/src/dhcp/hexText';
import { formatIPv4, maskOf, parseIPv4 } from '../../../server/src/dhcp/ipv4';
import {
  decodeFullDestinations,
  decodeRoutes,
  encodeRoutes,
  formatRoutes,
  iscOptionDefinition,
  parseRouteInput,
  parseRouteText,
  type Route,
  type RouteFormat,
  type RouteText,
} from '../../../server/src/dhcp/route121';
import { fuzzSeed, pick, prng } from '../fuzz';

const ip = (s: string): number => parseIPv4(s) ?? assert.fail(`bad test address ${s}`);
const route = (dest: string, width: number, gw: string): Route => ({ destination: ip(dest), width, gateway: ip(gw) });
const fromHex = (hex: string): Uint8Array => Uint8Array.from((hex.match(/../g) ?? []).map((h) => parseInt(h, 16)));
const plain = (rs: readonly Route[]) => rs.map((r) => ({ destination: r.destination, width: r.width, gateway: r.gateway }));
function ok(text: string, form?: Parameters<typeof parseRouteText>[1]): RouteText {
  const r = parseRouteText(text, form);
  if ('error' in r) assert.fail(`${JSON.stringify(text.slice(0, 80))}: ${r.error.message}`);
  return r;
}

// Domain note §5: 1.1.1.1/32 via 192.168.0.1 and 2.2.2.0/23 via 192.168.0.2.
const DOMAIN = [route('1.1.1.1', 32, '192.168.0.1'), route('2.2.2.0', 23, '192.168.0.2')];
const DOMAIN_HEX = '2001010101c0a8000117020202c0a80002';

test('route121: the domain-note worked example encodes and decodes exactly', () => {
  assert.equal(toHex(encodeRoutes(DOMAIN.slice(0, 1))), '2001010101c0a80001');
  assert.equal(toHex(encodeRoutes(DOMAIN.slice(1))), '17020202c0a80002');
  assert.equal(toHex(encodeRoutes(DOMAIN)), DOMAIN_HEX);
  const d = decodeRoutes(fromHex(DOMAIN_HEX));
  assert.equal(d.error, undefined);
  assert.deepEqual(d.routes, [
    { ...DOMAIN[0], offset: 0, length: 9 },
    { ...DOMAIN[1], offset: 9, length: 8 },
  ]);
  assert.equal(toHex(encodeRoutes([route('0.0.0.0', 0, '192.168.0.1')])), '00c0a80001');
});

test('route121: RFC 3442 destination descriptors ("Classless Route Option Format" table)', () => {
  // Subnet number / mask → descriptor, from the RFC's table; router 10.0.0.1 appended.
  const cases: Array<[string, number, string]> = [
    ['0.0.0.0', 0, '00'],
    ['10.0.0.0', 8, '080a'],
    ['10.0.0.0', 24, '180a0000'],
    ['10.17.0.0', 16, '100a11'],
    ['10.27.129.0', 24, '180a1b81'],
    ['10.229.0.128', 25, '190ae50080'],
    ['10.198.122.47', 32, '200ac67a2f'],
  ];
  for (const [dest, width, descriptor] of cases) {
    const r = route(dest, width, '10.0.0.1');
    assert.equal(toHex(encodeRoutes([r])), `${descriptor}0a000001`, `${dest}/${width}`);
    assert.deepEqual(plain(decodeRoutes(fromHex(`${descriptor}0a000001`)).routes), [r]);
  }
  // All seven in one option decode in order.
  const all = cases.map(([d, w]) => route(d, w, '10.0.0.1'));
  assert.deepEqual(plain(decodeRoutes(encodeRoutes(all)).routes), all);
  // A MikroTik value published with a route-4-dhcp calculator's README.
  const mikrotik = parseRouteInput('10.0.0.0/8 192.168.88.2\n172.16.0.0/12 192.168.88.2\n192.168.0.0/16 192.168.88.2\ndefault 192.168.88.1').routes;
  assert.equal(formatRoutes(mikrotik, 'mikrotik'), '0x080ac0a858020cac10c0a8580210c0a8c0a8580200c0a85801');
});

test('route121: structural errors carry the byte offset and keep the routes before them', () => {
  const wide = decodeRoutes(fromHex('2001010101c0a80001' + '21010101010a000001'));
  assert.equal(wide.routes.length, 1);
  assert.equal(wide.error?.offset, 9);
  assert.match(wide.error?.message ?? '', /^byte 9: width 33 is more than 32/);
  const dest = decodeRoutes(fromHex('180a00'));
  assert.deepEqual([dest.routes.length, dest.error?.offset, dest.error?.length], [0, 0, 3]);
  assert.match(dest.error?.message ?? '', /truncated destination: a \/24 route needs 3 destination bytes .* only 2 bytes follow/);
  const router = decodeRoutes(fromHex('080ac0a8'));
  assert.match(router.error?.message ?? '', /^byte 0: truncated router: .* only 2 bytes follow/);
  const trailing = decodeRoutes(fromHex(`${DOMAIN_HEX}00`));
  assert.equal(trailing.routes.length, 2);
  assert.deepEqual([trailing.error?.offset, trailing.error?.length], [17, 1]);
  assert.match(trailing.error?.message ?? '', /byte 17: truncated router: .* only 0 bytes/);
  const empty = decodeRoutes(new Uint8Array(0));
  assert.match(empty.error?.message ?? '', /no routes/);
});

test('route121: every spelling of the worked example reads as the same bytes', () => {
  const spellings = [
    DOMAIN_HEX,
    DOMAIN_HEX.toUpperCase(),
    '2001.0101.01c0.a800.0117.0202.02c0.a800.02',
    '20:01:01:01:01:c0:a8:00:01:17:02:02:02:c0:a8:00:02',
    '20 01 01 01 01 c0 a8 00 01 17 02 02 02 c0 a8 00 02',
    '2001010101c0a80001 17020202c0a80002',
    '20-01-01-01-01-c0-a8-00-01-17-02-02-02-c0-a8-00-02',
    '20:1:1:1:1:c0:a8:0:1:17:2:2:2:c0:a8:0:2',
    `0x${DOMAIN_HEX}`,
    `  0X${DOMAIN_HEX.toUpperCase()}\n`,
    '32,1,1,1,1,192,168,0,1,23,2,2,2,192,168,0,2',
    '32,1,1,1,1,192,168,0,1, 23,2,2,2,192,168,0,2',
    '32, 1, 1, 1, 1, 192, 168, 0, 1,\n 23, 2, 2, 2, 192, 168, 0, 2',
    '1.1.1.1/32 - 192.168.0.1, 2.2.2.0/23 - 192.168.0.2',
    '1.1.1.1/32-192.168.0.1,2.2.2.0/23-192.168.0.2',
    '1.1.1.1/32,192.168.0.1,2.2.2.0/23,192.168.0.2',
    '1.1.1.1/32, 192.168.0.1, 2.2.2.0/23, 192.168.0.2',
  ];
  for (const s of spellings) assert.equal(toHex(ok(s).bytes), DOMAIN_HEX, s);
  assert.equal(ok('1.1.1.1/32 - 192.168.0.1').spelling, 'kea');
  assert.equal(ok('1.1.1.1/32,192.168.0.1').spelling, 'dnsmasq');
  // A form hint decides what the text alone cannot: "32" is one decimal byte, or hex 0x32.
  assert.deepEqual(Array.from(ok('32', 'decimal').bytes), [32]);
  assert.deepEqual(Array.from(ok('32').bytes), [0x32]);
});

test('route121: byte spans point at the text each byte was read from', () => {
  const dotted = '2001.0101.01c0.a800.0117.0202.02c0.a800.02';
  const d = ok(dotted);
  const at = (t: string, r: RouteText, i: number) => t.slice(r.byteSpans[i].start, r.byteSpans[i].end);
  assert.deepEqual([0, 1, 4, 16].map((i) => at(dotted, d, i)), ['20', '01', '01', '02']);
  const dec = '32, 1,1,1,1, 192,168,0,1';
  assert.equal(at(dec, ok(dec), 5), '192');
  const list = '1.1.1.1/32,192.168.0.1,2.2.2.0/23,192.168.0.2';
  const l = ok(list);
  assert.equal(l.byteSpans.length, 17);
  assert.deepEqual([0, 4, 5, 8, 9, 12, 13].map((i) => at(list, l, i)), ['1.1.1.1/32', '1.1.1.1/32', '192.168.0.1', '192.168.0.1', '2.2.2.0/23', '2.2.2.0/23', '192.168.0.2']);
  const kea = ' 1.1.1.1/32 - 192.168.0.1 ,  2.2.2.0/23 - 192.168.0.2 ';
  const k = ok(kea);
  assert.deepEqual(k.routes?.map((r) => kea.slice(r.span.start, r.span.end)), ['1.1.1.1/32 - 192.168.0.1', '2.2.2.0/23 - 192.168.0.2']);
  // List spellings keep the destination as written, host bits included; the bytes cannot.
  const host = ok('10.0.0.1/8,192.168.0.1');
  assert.equal(host.routes?.[0].destination, ip('10.0.0.1'));
  assert.equal(toHex(host.bytes), '080ac0a80001');
});

test('route121: text errors name the character and the byte', () => {
  const cases: Array<[string, number, number, RegExp]> = [
    ['2001zz', 4, 2, /"z" is not a hex digit/],
    ['200', 2, 1, /odd number of hex digits/],
    ['20:0101', 3, 1, /"0101" is more than one byte/],
    ['20::01', 3, 1, /missing between separators/],
    ['32,1,256', 5, 2, /256 is more than 255/],
    ['32,,1', 3, 1, /missing between commas/],
    ['32,1;', 4, 2, /";" is not a decimal digit or a comma/],
    ['1.1.1.1/33,10.0.0.1', 0, 0, /prefix length 33 is more than 32/],
    ['1.1.1.1/32,10.0.0.1,2.2.2.0/23', 20, 9, /has no router/],
    ['1.1.1.1/32,10.0.0.300', 11, 0, /router "10.0.0.300" is not an IPv4 address/],
    ['1.1.1.1/32 - 10.0.0.1, 2.2.2.0/23', 23, 9, /is not "DEST\/LEN - ROUTER"/],
    ['1.1.1/32 - 10.0.0.1', 0, 0, /"1.1.1" is not an IPv4 address/],
    ['1.1.1.1 - 10.0.0.1, 2.2.2.2/32 - 10.0.0.1', 0, 0, /needs a prefix length/],
  ];
  for (const [text, offset, byteOffset, message] of cases) {
    const r = parseRouteText(text);
    assert.ok('error' in r, text);
    assert.deepEqual([r.error.offset, r.error.byteOffset], [offset, byteOffset], text);
    assert.match(r.error.message, message, text);
  }
});

test('route121: formatRoutes prints each server spelling exactly as the CLI contract says', () => {
  assert.equal(formatRoutes(DOMAIN, 'hex'), DOMAIN_HEX);
  assert.equal(formatRoutes(DOMAIN, 'cisco'), 'option 121 hex 2001.0101.01c0.a800.0117.0202.02c0.a800.02');
  assert.equal(formatRoutes(DOMAIN, 'isc'), 'option rfc3442-classless-static-routes 32,1,1,1,1,192,168,0,1, 23,2,2,2,192,168,0,2;');
  assert.equal(formatRoutes(DOMAIN, 'kea'), `{"code": 121, "space": "dhcp4", "csv-format": false, "data": "${DOMAIN_HEX}"}`);
  assert.equal(formatRoutes(DOMAIN, 'kea', { keaVersion: '2.4.1' }), `{"code": 121, "space": "dhcp4", "csv-format": false, "data": "${DOMAIN_HEX}"}`);
  assert.equal(formatRoutes(DOMAIN, 'kea', { keaVersion: '2.6' }), '{"name": "classless-static-route", "data": "1.1.1.1/32 - 192.168.0.1, 2.2.2.0/23 - 192.168.0.2"}');
  assert.equal(formatRoutes(DOMAIN, 'kea', { keaVersion: '3.0.1' }), '{"name": "classless-static-route", "data": "1.1.1.1/32 - 192.168.0.1, 2.2.2.0/23 - 192.168.0.2"}');
  assert.equal(formatRoutes(DOMAIN, 'dnsmasq'), 'dhcp-option=121,1.1.1.1/32,192.168.0.1,2.2.2.0/23,192.168.0.2');
  assert.equal(formatRoutes(DOMAIN, 'mikrotik'), `0x${DOMAIN_HEX}`);
  // Microsoft's 249: same bytes; Kea has no definition for it in any version.
  assert.equal(formatRoutes(DOMAIN, 'cisco', { code: 249 }), 'option 249 hex 2001.0101.01c0.a800.0117.0202.02c0.a800.02');
  assert.equal(formatRoutes(DOMAIN, 'isc', { code: 249 }), 'option ms-classless-static-routes 32,1,1,1,1,192,168,0,1, 23,2,2,2,192,168,0,2;');
  assert.equal(formatRoutes(DOMAIN, 'kea', { code: 249, keaVersion: '2.6.0' }), `{"code": 249, "space": "dhcp4", "csv-format": false, "data": "${DOMAIN_HEX}"}`);
  assert.equal(formatRoutes(DOMAIN, 'dnsmasq', { code: 249 }), 'dhcp-option=249,1.1.1.1/32,192.168.0.1,2.2.2.0/23,192.168.0.2');
  assert.equal(iscOptionDefinition(), 'option rfc3442-classless-static-routes code 121 = array of unsigned integer 8;');
  assert.equal(formatRoutes([route('0.0.0.0', 0, '192.168.0.1')], 'dnsmasq'), 'dhcp-option=121,0.0.0.0/0,192.168.0.1');
});

test('route121: parseRouteInput reads the lines users type and names the network for host bits', () => {
  const r = parseRouteInput('10.0.0.0/8 via 192.168.0.1\n\n# comment\n172.16.0.0/12,192.168.0.2\r\n192.168.5.0/24 192.168.0.3\ndefault via 192.168.0.1\n10.9.0.0 255.255.0.0 192.168.0.4\n8.8.8.8 via 192.168.0.5  # host\n');
  assert.deepEqual(r.errors, []);
  assert.deepEqual(r.routes, [
    route('10.0.0.0', 8, '192.168.0.1'),
    route('172.16.0.0', 12, '192.168.0.2'),
    route('192.168.5.0', 24, '192.168.0.3'),
    route('0.0.0.0', 0, '192.168.0.1'),
    route('10.9.0.0', 16, '192.168.0.4'),
    route('8.8.8.8', 32, '192.168.0.5'),
  ]);
  const bad = parseRouteInput('10.0.0.1/8 via 192.168.0.1\n10.0.0.0/33 via 1.1.1.1\n10.0.0.0/8 via 1.1.1\nnonsense\n10.0.0.0 255.0.255.0 1.1.1.1\n10.0.0.0/8 via 1.1.1.1');
  assert.deepEqual(bad.routes, [route('10.0.0.0', 8, '1.1.1.1')]);
  assert.deepEqual(bad.errors.map((e) => e.line), [1, 2, 3, 4, 5]);
  assert.match(bad.errors[0].message, /10\.0\.0\.1\/8 has host bits set: the network is 10\.0\.0\.0\/8/);
  assert.match(bad.errors[1].message, /more than 32/);
  assert.match(bad.errors[2].message, /router "1.1.1" is not an IPv4 address/);
  assert.match(bad.errors[4].message, /not a netmask/);
});

const FORMATS: RouteFormat[] = ['hex', 'cisco', 'isc', 'kea', 'dnsmasq', 'mikrotik'];

/** The value inside each spelling, as a config parser hands it over. */
function valueOf(format: RouteFormat, s: string): string {
  switch (format) {
    case 'cisco':
      return s.replace(/^option 121 hex /, '');
    case 'isc':
      return s.replace(/^option rfc3442-classless-static-routes /, '').replace(/;$/, '');
    case 'kea':
      return (JSON.parse(s) as { data: string }).data;
    case 'dnsmasq':
      return s.replace(/^dhcp-option=121,/, '');
    default:
      return s;
  }
}

function randomRoutes(r: () => number, max = 12): Route[] {
  const n = 1 + Math.floor(r() * max);
  return Array.from({ length: n }, () => {
    const width = r() < 0.1 ? pick([0, 32], r) : Math.floor(r() * 33);
    return { width, destination: (Math.floor(r() * 2 ** 32) & maskOf(width)) >>> 0, gateway: Math.floor(r() * 2 ** 32) >>> 0 };
  });
}

test('route121: round trip over thousands of random route sets, in every spelling', () => {
  const seed = fuzzSeed(0x121);
  const r = prng(seed);
  for (let n = 0; n < 3000; n++) {
    const routes = randomRoutes(r);
    const where = `seed ${seed} case ${n}: ${routes.map((x) => `${formatIPv4(x.destination)}/${x.width}>${formatIPv4(x.gateway)}`).join(' ')}`;
    const bytes = encodeRoutes(routes);
    const decoded = decodeRoutes(bytes);
    assert.equal(decoded.error, undefined, where);
    assert.deepEqual(plain(decoded.routes), routes, where);
    for (const format of FORMATS) {
      const parsed = ok(valueOf(format, formatRoutes(routes, format)));
      assert.deepEqual(parsed.bytes, bytes, `${where} (${format})`);
    }
    const kea26 = ok(valueOf('kea', formatRoutes(routes, 'kea', { keaVersion: '2.6.1' })));
    assert.deepEqual(kea26.bytes, bytes, `${where} (kea 2.6)`);
    const typed = parseRouteInput(routes.map((x) => `${formatIPv4(x.destination)}/${x.width} via ${formatIPv4(x.gateway)}`).join('\n'));
    assert.deepEqual(typed, { routes, errors: [] }, where);
  }
});

test('route121: fuzzed bytes and text never throw, and what they report is consistent', () => {
  const seed = fuzzSeed(0xf121);
  const r = prng(seed);
  const alphabet = ['0', '1', '2', 'a', 'f', 'F', 'z', '.', ':', '-', ',', ' ', '/', '3', '9', '\n', '0x', '255', '256', '10.0.0.1', '/24', '/33', ' - '];
  for (let n = 0; n < 5000; n++) {
    const bytes = Uint8Array.from({ length: Math.floor(r() * 40) }, () => (r() < 0.3 ? Math.floor(r() * 40) : Math.floor(r() * 256)));
    const d = decodeRoutes(bytes);
    const covered = d.routes.reduce((sum, x) => sum + x.length, 0);
    assert.equal(d.error ? d.error.offset : bytes.length, covered, `seed ${seed} case ${n}`);
    if (d.error) assert.ok(d.error.offset + d.error.length <= bytes.length, `seed ${seed} case ${n}`);
    const text = Array.from({ length: Math.floor(r() * 20) }, () => pick(alphabet, r)).join('');
    const t = parseRouteText(text);
    if ('error' in t) assert.ok(t.error.offset >= 0 && t.error.offset + t.error.length <= text.length, `${JSON.stringify(text)}`);
    else {
      assert.equal(t.byteSpans.length, t.bytes.length, JSON.stringify(text));
      for (const s of t.byteSpans) assert.ok(s.start >= 0 && s.start < s.end && s.end <= text.length, JSON.stringify(text));
    }
  }
});

test('route121: 10 MB values read in linear time', () => {
  const one = '2001.0101.01c0.a800.0117.0202.02c0.a800.02.';
  const hex = one.repeat(Math.ceil(10_000_000 / one.length));
  const item = '1.1.1.1/32,192.168.0.1,2.2.2.0/23,192.168.0.2,';
  const list = item.repeat(Math.ceil(10_000_000 / item.length)).slice(0, -1);
  const dec = '32,1,1,1,1,192,168,0,1, '.repeat(450_000) + '0,1,2,3,4';
  const t0 = Date.now();
  assert.equal(ok(hex).bytes.length % 17, 0);
  assert.equal(decodeRoutes(ok(hex).bytes).error, undefined);
  assert.equal(ok(list).routes?.length, Math.ceil(10_000_000 / item.length) * 2);
  assert.equal(ok(dec).bytes.length, 450_000 * 9 + 5);
  // Pathological: one huge token of each kind fails fast.
  for (const bad of ['1'.repeat(10_000_000) + '/', `${'a:'.repeat(5_000_000)}abc`, `${'0'.repeat(9_999_999)}`]) assert.ok('error' in parseRouteText(bad));
  // About 5 s on a slow machine; anything quadratic would take hours.
  const ms = Date.now() - t0;
  assert.ok(ms < 20_000, `took ${ms} ms`);
});

test('decodeFullDestinations: the calculator layout (full 4-byte destinations) read back, and only when it differs from RFC 3442', () => {
  const hex = (h: string): Uint8Array => Uint8Array.from(h.match(/../g) ?? [], (b) => parseInt(b, 16));
  assert.deepEqual(decodeFullDestinations(hex('080a000000c0a8000100000000' + '00c0a80001')), [
    { width: 8, destination: 0x0a000000, gateway: 0xc0a80001 },
    { width: 0, destination: 0, gateway: 0xc0a80001 },
  ]);
  // /25 and longer carry four destination octets either way: the same bytes, nothing to say.
  assert.equal(decodeFullDestinations(hex('2001010101c0a80001')), undefined);
  assert.equal(decodeFullDestinations(hex('2101010101c0a80001')), undefined, 'width above 32');
  assert.equal(decodeFullDestinations(hex('080a000000c0a800')), undefined, 'not whole 9-byte routes');
  assert.equal(decodeFullDestinations(new Uint8Array()), undefined);
});
