#!/usr/bin/env node
// Side-by-side timings for the DHCP dialects, with the real servers as anchors, in one run:
//   anchors: dhcpd -t on a generated 5,000-subnet dhcpd.conf, kea-dhcp4 -t on the same service as
//            Kea JSON, dnsmasq --test on it as dnsmasq.conf (median of N runs each)
//   (b) node dist/cli.js lint FILE, cold process, on each file (and a 5,000-pool IOS config, which
//       has no server here: its ratio is against dhcpd -t on the same subnets)
//   (c) in-process analyzeDocument on each file (warm median; first run shown too)
//   (d) decoding 100,000 option 121 values (parseRouteText + decodeRoutes, spans and errors
//       included) against a naive decoder that only strips separators and walks the bytes
// Needs dist/ (`node esbuild.mjs`). BENCH_RUNS=N sets N (default 7), BENCH_SUBNETS the size (5000).
import { spawnSync } from 'node:child_process';
import { existsSync, mkdtempSync, readFileSync, rmSync, statSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { generateDhcp } from './generate-dhcp.mjs';
import { loadSources, median, ROOT, time } from './lib.mjs';

const RUNS = Number(process.env.BENCH_RUNS ?? 7);
const SUBNETS = Number(process.env.BENCH_SUBNETS ?? 5000);
const VALUES = 100_000;

if (!existsSync(join(ROOT, 'dist/cli.js'))) {
  process.stderr.write('dist/cli.js is missing: run `node esbuild.mjs` first\n');
  process.exit(2);
}

const work = mkdtempSync(join(tmpdir(), 'tlsnet-bench-dhcp-'));
try {
  const files = generateDhcp(join(work, 'conf'), SUBNETS);
  const sizes = Object.fromEntries(Object.entries(files).map(([k, f]) => [k, `${readFileSync(f, 'utf8').split('\n').length - 1} lines, ${(statSync(f).size / 1024).toFixed(0)} KiB`]));
  process.stdout.write(`generated ${SUBNETS} subnets: ${Object.entries(sizes).map(([k, v]) => `${k} ${v}`).join('; ')}\n`);

  // Anchors: the servers must accept what they are timed on.
  const sbin = (name) => (existsSync(`/usr/sbin/${name}`) ? `/usr/sbin/${name}` : name);
  const servers = {
    dhcpd: [sbin('dhcpd'), ['-t', '-cf', files.dhcpd, '-lf', join(work, 'dhcpd.leases'), '-pf', join(work, 'dhcpd.pid')]],
    kea: [sbin('kea-dhcp4'), ['-t', files.kea]],
    dnsmasq: [sbin('dnsmasq'), ['--test', `--conf-file=${files.dnsmasq}`]],
  };
  const anchor = {};
  for (const [name, [bin, args]] of Object.entries(servers)) {
    const r = spawnSync(bin, args, { encoding: 'utf8', maxBuffer: 64 << 20 });
    if (r.error || r.status !== 0) throw new Error(`${bin} must accept the generated ${name} config: ${r.error?.message ?? (r.stdout + r.stderr).slice(-2000)}`);
    anchor[name] = median(Array.from({ length: RUNS }, () => time(() => spawnSync(bin, args, { maxBuffer: 64 << 20 }))));
  }

  // (b) the CLI, a cold process per file.
  const cli = {};
  const counts = {};
  for (const [name, f] of Object.entries(files)) {
    const args = [join(ROOT, 'dist/cli.js'), 'lint', f, '--format', 'json'];
    const r = spawnSync(process.execPath, args, { encoding: 'utf8', maxBuffer: 256 << 20 });
    if (r.status === 2) throw new Error(`tlsnet lint ${f} failed: ${r.stderr}`);
    const findings = JSON.parse(r.stdout || '{"findings":[]}').findings ?? [];
    counts[name] = summarize(findings);
    cli[name] = median(Array.from({ length: RUNS }, () => time(() => spawnSync(process.execPath, args, { maxBuffer: 256 << 20 }))));
  }

  // (c) in-process, bundled from the TypeScript sources for this run.
  const core = await loadSources(
    [
      "export { analyzeDocument } from './server/src/analysis';",
      "export { fsHost } from './server/src/node/fsHost';",
      "export { DEFAULT_SETTINGS } from './server/src/core/settings';",
      "export { decodeRoutes, parseRouteText, encodeRoutes } from './server/src/dhcp/route121';",
    ].join('\n'),
    work,
  );
  const host = core.fsHost({ roots: [join(work, 'conf')] });
  const env = { host, settings: core.DEFAULT_SETTINGS, log: (m) => process.stderr.write(m + '\n') };
  const languages = { dhcpd: 'dhcpd', kea: 'kea', ios: 'cisco-ios', dnsmasq: 'dnsmasq' };
  const inProc = {};
  for (const [name, f] of Object.entries(files)) {
    const text = readFileSync(f, 'utf8');
    const analyze = () => core.analyzeDocument({ path: f, text, language: languages[name] }, env);
    const first = time(analyze);
    inProc[name] = { first, warm: median(Array.from({ length: RUNS }, () => time(analyze))) };
  }

  // (d) option 121 decoding.
  const decode = decodeBench(core);

  const rows = [
    ['anchor: dhcpd -t, dhcpd.conf', anchor.dhcpd, anchor.dhcpd, ''],
    ['anchor: kea-dhcp4 -t, kea-dhcp4.json', anchor.kea, anchor.kea, ''],
    ['anchor: dnsmasq --test, dnsmasq.conf', anchor.dnsmasq, anchor.dnsmasq, ''],
    ['(b) tlsnet lint (cold process), dhcpd.conf', cli.dhcpd, anchor.dhcpd, counts.dhcpd],
    ['(b) tlsnet lint (cold process), kea-dhcp4.json', cli.kea, anchor.kea, counts.kea],
    ['(b) tlsnet lint (cold process), router.ios (5,000 pools)', cli.ios, anchor.dhcpd, `${counts.ios}; vs dhcpd -t`],
    ['(b) tlsnet lint (cold process), dnsmasq.conf', cli.dnsmasq, anchor.dnsmasq, counts.dnsmasq],
    ...Object.keys(files).map((k) => [`(c) analyzeDocument in-process (warm), ${k}`, inProc[k].warm, k === 'ios' ? anchor.dhcpd : anchor[k], `first run ${inProc[k].first.toFixed(0)} ms${k === 'ios' ? '; vs dhcpd -t' : ''}`]),
  ];
  const vsTitle = 'x anchor';
  process.stdout.write(`\n${'measurement'.padEnd(58)} ${'ms'.padStart(9)} ${vsTitle.padStart(9)}  note\n`);
  for (const [name, ms, base, note] of rows) process.stdout.write(`${name.padEnd(58)} ${ms.toFixed(1).padStart(9)} ${(ms / base).toFixed(2).padStart(9)}  ${note}\n`);
  process.stdout.write(`\n${'option 121 decoding, 100,000 values'.padEnd(58)} ${'ms'.padStart(9)} ${'x naive'.padStart(9)}  values/s\n`);
  for (const [name, ms, base] of decode) process.stdout.write(`${name.padEnd(58)} ${ms.toFixed(1).padStart(9)} ${(ms / base).toFixed(2).padStart(9)}  ${Math.round(VALUES / (ms / 1000)).toLocaleString('en-US')}\n`);
  const versions = [
    [servers.dhcpd[0], '--version'],
    [servers.kea[0], '-v'],
    [servers.dnsmasq[0], '--version'],
  ].map(([bin, arg]) => {
    const r = spawnSync(bin, [arg], { encoding: 'utf8' });
    return `${bin.replace(/.*\//, '')} ${(r.stdout + r.stderr).trim().split('\n')[0]}`;
  });
  process.stdout.write(`\nmedians of ${RUNS} runs; node ${process.version}; ${versions.join('; ')}\n`);
} finally {
  rmSync(work, { recursive: true, force: true });
}

function summarize(findings) {
  const by = {};
  for (const f of findings) by[f.severity] = (by[f.severity] ?? 0) + 1;
  return `${findings.length} findings${findings.length ? ` (${Object.entries(by).map(([k, v]) => `${v} ${k}`).join(', ')})` : ''}`;
}

/** Deterministic pseudo-random numbers (xorshift), so every run decodes the same values. */
function rng(seed) {
  let s = seed >>> 0 || 1;
  return () => {
    s ^= s << 13;
    s ^= s >>> 17;
    s ^= s << 5;
    return (s >>> 0) / 4294967296;
  };
}

/** The naive decoder: walk width / destination / router over the bytes, no spans, no messages. */
function naiveRoutes(bytes) {
  const routes = [];
  for (let i = 0; i < bytes.length; ) {
    const w = bytes[i];
    const n = (w + 7) >> 3;
    if (w > 32 || i + 1 + n + 4 > bytes.length) break;
    routes.push({ width: w, destination: bytes.slice(i + 1, i + 1 + n), gateway: bytes.slice(i + 1 + n, i + 5 + n) });
    i += 5 + n;
  }
  return routes;
}

/** Hex in any separators to bytes, the naive way. */
function naiveHexBytes(text) {
  const h = text.replace(/[^0-9a-fA-F]/g, '');
  const bytes = [];
  for (let i = 0; i + 1 < h.length; i += 2) bytes.push(parseInt(h.slice(i, i + 2), 16));
  return bytes;
}

function decodeBench(core) {
  const rand = rng(121);
  const hex = [];
  const decimal = [];
  for (let v = 0; v < VALUES; v++) {
    const routes = Array.from({ length: 1 + Math.floor(rand() * 4) }, () => {
      const width = Math.floor(rand() * 33);
      const mask = width ? (0xffffffff << (32 - width)) >>> 0 : 0;
      return { width, destination: (Math.floor(rand() * 2 ** 32) & mask) >>> 0, gateway: Math.floor(rand() * 2 ** 32) >>> 0 };
    });
    const bytes = Array.from(core.encodeRoutes(routes));
    hex.push(bytes.map((b) => b.toString(16).padStart(2, '0')).join('').replace(/(.{4})(?=.)/g, '$1.'));
    decimal.push(bytes.join(','));
  }
  const ours = (values) => () => {
    let n = 0;
    for (const s of values) {
      const t = core.parseRouteText(s);
      if (!('error' in t)) n += core.decodeRoutes(t.bytes).routes.length;
    }
    if (!n) throw new Error('nothing decoded');
  };
  const naiveHex = () => {
    for (const s of hex) naiveRoutes(naiveHexBytes(s));
  };
  const naiveDecimal = () => {
    for (const s of decimal) naiveRoutes(s.split(',').map(Number));
  };
  const m = (f) => {
    f();
    return median(Array.from({ length: RUNS }, () => time(f)));
  };
  const nh = m(naiveHex);
  const nd = m(naiveDecimal);
  return [
    ['naive: strip separators, walk bytes (Cisco dotted hex)', nh, nh],
    ['tlsnet parseRouteText + decodeRoutes (Cisco dotted hex)', m(ours(hex)), nh],
    ['naive: split decimals, walk bytes (ISC array)', nd, nd],
    ['tlsnet parseRouteText + decodeRoutes (ISC array)', m(ours(decimal)), nd],
  ];
}
