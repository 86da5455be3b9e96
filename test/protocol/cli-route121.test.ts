import assert from 'node:assert/strict';
import { spawnSync } from 'node:child_process';
import { join } from 'node:path';
import { test } from 'node:test';

// `tlsnet route121`, the stable contract of issue 5, through the built CLI.
const CLI = process.env.TLSNET_CLI ?? join(process.cwd(), 'bin/tlsnet.js');
const run = (...args: string[]) => spawnSync(process.execPath, [CLI, 'route121', ...args], { encoding: 'utf8' });

const ROUTES = ['1.1.1.1/32,192.168.0.1', '2.2.2.0/23,192.168.0.2'];
const HEX = '2001010101c0a8000117020202c0a80002';
const JSON_OUT = '{"routes": [{"destination": "1.1.1.1/32", "gateway": "192.168.0.1"}, {"destination": "2.2.2.0/23", "gateway": "192.168.0.2"}]}\n';

test('cli route121 encode: each --format prints the documented spelling', () => {
  const expected: Record<string, string> = {
    hex: HEX,
    cisco: 'option 121 hex 2001.0101.01c0.a800.0117.0202.02c0.a800.02',
    isc: 'option rfc3442-classless-static-routes 32,1,1,1,1,192,168,0,1, 23,2,2,2,192,168,0,2;',
    kea: `{"code": 121, "space": "dhcp4", "csv-format": false, "data": "${HEX}"}`,
    dnsmasq: 'dhcp-option=121,1.1.1.1/32,192.168.0.1,2.2.2.0/23,192.168.0.2',
    mikrotik: `0x${HEX}`,
  };
  for (const [format, out] of Object.entries(expected)) {
    const r = run('encode', ...ROUTES, '--format', format);
    assert.deepEqual([r.status, r.stdout, r.stderr], [0, `${out}\n`, ''], format);
  }
  assert.equal(run('encode', ...ROUTES).stdout, `${HEX}\n`);
  assert.equal(run('encode', '--format=isc', '10.0.0.0/8,192.168.0.1').stdout, 'option rfc3442-classless-static-routes 8,10,192,168,0,1;\n');
  assert.equal(run('encode', '0.0.0.0/0,192.168.0.1').stdout, '00c0a80001\n');
  assert.equal(run('encode', ...ROUTES, '--format', 'kea', '--kea-version', '2.6.1').stdout, '{"name": "classless-static-route", "data": "1.1.1.1/32 - 192.168.0.1, 2.2.2.0/23 - 192.168.0.2"}\n');
  assert.equal(run('encode', ...ROUTES, '--format', 'kea', '--kea-version=2.2.0').stdout, `${expected.kea}\n`);
});

test('cli route121 decode: every spelling prints the same JSON, including every encode output', () => {
  const spellings = [
    HEX,
    '2001.0101.01c0.a800.0117.0202.02c0.a800.02',
    '20:01:01:01:01:c0:a8:00:01:17:02:02:02:c0:a8:00:02',
    '20 01 01 01 01 c0 a8 00 01 17 02 02 02 c0 a8 00 02',
    `0x${HEX.toUpperCase()}`,
    '32,1,1,1,1,192,168,0,1, 23,2,2,2,192,168,0,2',
    '1.1.1.1/32 - 192.168.0.1, 2.2.2.0/23 - 192.168.0.2',
    '1.1.1.1/32,192.168.0.1,2.2.2.0/23,192.168.0.2',
  ];
  for (const s of spellings) {
    const r = run('decode', s);
    assert.deepEqual([r.status, r.stdout, r.stderr], [0, JSON_OUT, ''], s);
  }
  for (const format of ['hex', 'cisco', 'isc', 'kea', 'dnsmasq', 'mikrotik']) {
    const encoded = run('encode', ...ROUTES, '--format', format).stdout.trim();
    assert.equal(run('decode', encoded).stdout, JSON_OUT, format);
  }
  assert.equal(run('decode', '080ac0a80001').stdout, '{"routes": [{"destination": "10.0.0.0/8", "gateway": "192.168.0.1"}]}\n');
  // Unquoted on a shell line: the words are one value.
  assert.equal(run('decode', '20', '01', '01', '01', '01', 'c0', 'a8', '00', '01').status, 0);
});

test('cli route121 decode: malformed values exit 1 naming the byte offset', () => {
  const cases: Array<[string, RegExp]> = [
    ['2001010101c0a8000117020202c0a800', /byte 9: truncated router/],
    ['2101010101c0a80001', /byte 0: width 33 is more than 32/],
    ['2001zz', /byte 2 \(character 4\): "z" is not a hex digit/],
    ['32,1,1,1,1,192,168,0,256', /byte 8 .*256 is more than 255/],
    ['', /no routes/],
    // The calculator mistake: destinations in full. The right encoding is offered.
    ['080a.0000.00c0.a800.0100.0000.0000.c0a8.0001', /byte 6: width 168[\s\S]*reads as 10\.0\.0\.0\/8 via 192\.168\.0\.1, 0\.0\.0\.0\/0 via 192\.168\.0\.1[\s\S]*: 080ac0a8000100c0a80001\n$/],
  ];
  for (const [value, message] of cases) {
    const r = run('decode', value);
    assert.equal(r.status, 1, value);
    assert.equal(r.stdout, '', value);
    assert.match(r.stderr, message, value);
  }
});

test('cli route121: usage errors exit 2', () => {
  const cases: Array<[string[], RegExp]> = [
    [[], /route121 needs "encode" or "decode"/],
    [['frob'], /unknown route121 command "frob"/],
    [['encode'], /encode needs at least one route/],
    [['encode', '10.0.0.0/8,1.1.1.1', '--format', 'xml'], /unknown format "xml"/],
    [['encode', '10.0.0.0/8,1.1.1.1', '--format'], /--format needs a value/],
    [['encode', '10.0.0.0/8,1.1.1.1', '--kea-version', 'new'], /--kea-version needs a version/],
    [['encode', '10.0.0.1/8,1.1.1.1'], /host bits set: the network is 10\.0\.0\.0\/8/],
    [['encode', '10.0.0.0/33,1.1.1.1'], /more than 32/],
    [['encode', '10.0.0.0/8'], /expected "DEST\/LEN via ROUTER"/],
    [['encode', '10.0.0.0/8,1.1.1.1', '--verbose'], /unknown option --verbose/],
    [['decode'], /decode needs a value/],
  ];
  for (const [args, message] of cases) {
    const r = run(...args);
    assert.equal(r.status, 2, args.join(' '));
    assert.match(r.stderr, message, args.join(' '));
    assert.match(r.stderr, /Usage:/);
  }
});
