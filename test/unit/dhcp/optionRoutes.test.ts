import assert from 'node:assert/strict';
import { test } from 'node:test';
import { formatIPv4 } from '../../../server/src/dhcp/ipv4';
import type { DhcpOption, OptionFormat } from '../../../server/src/dhcp/model';
import { routesOfOption, type OptionRoutes } from '../../../server/src/dhcp/optionRoutes';
import { fuzzSeed, pick, prng } from '../fuzz';

/** An option whose value sits at its place in `line`, as a parser would hand it over. */
function option(line: string, value: string, format: OptionFormat, exact = true): { doc: string; option: DhcpOption } {
  const start = line.indexOf(value);
  assert.ok(start >= 0, `${value} not in ${line}`);
  const doc = `# a comment line first\n${line}\n`;
  const base = doc.indexOf(line) + start;
  return { doc, option: { code: 121, span: { start: doc.indexOf(line), end: doc.indexOf(line) + line.length }, value, valueSpan: { start: base, end: base + value.length }, exact, format } };
}

const text = (doc: string, s: { start: number; end: number }): string => doc.slice(s.start, s.end);
const table = (r: OptionRoutes): string[] => r.routes.map((x) => `${formatIPv4(x.destination)}/${x.width} > ${formatIPv4(x.gateway)} @${x.byteOffset}`);

test('optionRoutes: Cisco dotted hex maps each route to its bytes in the document', () => {
  const { doc, option: o } = option(' option 121 hex 2001.0101.01c0.a800.0117.0202.02c0.a800.02', '2001.0101.01c0.a800.0117.0202.02c0.a800.02', 'hex');
  const r = routesOfOption(o);
  assert.deepEqual(r.problems, []);
  assert.deepEqual(table(r), ['1.1.1.1/32 > 192.168.0.1 @0', '2.2.2.0/23 > 192.168.0.2 @9']);
  assert.equal(text(doc, r.routes[0].span), '2001.0101.01c0.a800.01');
  assert.equal(text(doc, r.routes[1].span), '17.0202.02c0.a800.02');
  assert.equal(r.bytes?.length, 17);
});

test('optionRoutes: ISC decimal arrays and MikroTik 0x', () => {
  const isc = option('  option rfc3442-classless-static-routes 32,1,1,1,1,192,168,0,1, 0,192,168,0,1;', '32,1,1,1,1,192,168,0,1, 0,192,168,0,1', 'decimal');
  const r = routesOfOption(isc.option);
  assert.deepEqual(table(r), ['1.1.1.1/32 > 192.168.0.1 @0', '0.0.0.0/0 > 192.168.0.1 @9']);
  assert.equal(text(isc.doc, r.routes[1].span), '0,192,168,0,1');
  const mt = option('value=0x00c0a80001', '0x00c0a80001', 'hex');
  assert.equal(text(mt.doc, routesOfOption(mt.option).routes[0].span), '00c0a80001');
});

test('optionRoutes: Kea and dnsmasq lists keep the destination as written, spans cover destination to router', () => {
  const kea = option('"data": "10.0.0.1/8 - 192.168.0.1, 0.0.0.0/0 - 192.168.0.1"', '10.0.0.1/8 - 192.168.0.1, 0.0.0.0/0 - 192.168.0.1', 'routes');
  const r = routesOfOption(kea.option);
  assert.deepEqual(table(r), ['10.0.0.1/8 > 192.168.0.1 @0', '0.0.0.0/0 > 192.168.0.1 @6']);
  assert.equal(text(kea.doc, r.routes[0].span), '10.0.0.1/8 - 192.168.0.1');
  assert.equal(Buffer.from(r.bytes ?? []).toString('hex'), '080ac0a8000100c0a80001');
  const dm = option('dhcp-option=121,1.1.1.1/32,192.168.0.1,2.2.2.0/23,192.168.0.2', '1.1.1.1/32,192.168.0.1,2.2.2.0/23,192.168.0.2', 'routes');
  const d = routesOfOption(dm.option);
  assert.deepEqual(d.routes.map((x) => text(dm.doc, x.span)), ['1.1.1.1/32,192.168.0.1', '2.2.2.0/23,192.168.0.2']);
});

test('optionRoutes: structural errors point at the exact bytes in the document', () => {
  const trunc = option(' option 121 hex 2001.0101.01c0.a800.0118.0a', '2001.0101.01c0.a800.0118.0a', 'hex');
  const r = routesOfOption(trunc.option);
  assert.equal(r.routes.length, 1);
  assert.equal(r.problems.length, 1);
  assert.equal(r.problems[0].byteOffset, 9);
  assert.equal(text(trunc.doc, r.problems[0].span), '18.0a');
  assert.match(r.problems[0].message, /truncated destination/);
  const wide = option(' option 121 hex 21.0a0b0c0d.c0a80001', '21.0a0b0c0d.c0a80001', 'hex');
  const w = routesOfOption(wide.option);
  assert.equal(text(wide.doc, w.problems[0].span), '21');
  const bad = option(' option 121 hex 20.0a0b0c0g', '20.0a0b0c0g', 'hex');
  const b = routesOfOption(bad.option);
  assert.equal(text(bad.doc, b.problems[0].span), 'g');
  assert.equal(b.problems[0].byteOffset, 4);
  const list = option('dhcp-option=121,1.1.1.1/32,192.168.0.1,2.2.2.0/40,192.168.0.2', '1.1.1.1/32,192.168.0.1,2.2.2.0/40,192.168.0.2', 'routes');
  const l = routesOfOption(list.option);
  assert.equal(text(list.doc, l.problems[0].span), '2.2.2.0/40');
  assert.equal(l.problems[0].byteOffset, 9);
  const empty = option('option 121 hex ""', '', 'hex');
  assert.match(routesOfOption(empty.option).problems[0].message, /no routes/);
});

test('optionRoutes: an unescaped (inexact) value points problems at the whole value', () => {
  const { doc, option: o } = option('"data": "20\\u0030a"', '20\\u0030a', 'hex', false);
  const inexact = { ...o, value: '200a' };
  const r = routesOfOption(inexact);
  assert.equal(text(doc, r.problems[0].span), '20\\u0030a');
});

test('optionRoutes: ip, ascii and text values cannot be routes', () => {
  for (const format of ['ip', 'ascii', 'text'] as const) {
    const { doc, option: o } = option(' option 121 ip 10.0.0.1', '10.0.0.1', format);
    const r = routesOfOption(o);
    assert.deepEqual(r.routes, []);
    assert.equal(r.problems.length, 1);
    assert.equal(text(doc, r.problems[0].span), '10.0.0.1');
    assert.match(r.problems[0].message, /cannot hold classless static routes/);
  }
});

test('optionRoutes: fuzzed values in every format never throw; spans stay inside the value', () => {
  const seed = fuzzSeed(0x0121);
  const r = prng(seed);
  const parts = ['20', '01', 'c0a8', '.', ':', ',', ' ', '/', '32', '0', '255', '999', '10.0.0.1', '/24', ' - ', 'x', '0x', 'ff', '\n'];
  const formats: OptionFormat[] = ['hex', 'decimal', 'routes', 'ip', 'ascii', 'text'];
  for (let n = 0; n < 3000; n++) {
    const value = Array.from({ length: Math.floor(r() * 16) }, () => pick(parts, r)).join('');
    const { option: o } = option(`x ${value} y`, value, pick(formats, r));
    const res = routesOfOption(o);
    for (const s of [...res.routes.map((x) => x.span), ...res.problems.map((x) => x.span)]) {
      assert.ok(s.start >= o.valueSpan.start && s.start <= s.end && s.end <= o.valueSpan.end, `seed ${seed} case ${n}: ${JSON.stringify(value)} (${o.format})`);
    }
    assert.ok(res.routes.length || res.problems.length, `seed ${seed} case ${n}: ${JSON.stringify(value)} gave neither routes nor a problem`);
  }
});
