import assert from 'node:assert/strict';
import { existsSync, readdirSync, readFileSync, statSync } from 'node:fs';
import { join, relative, resolve } from 'node:path';
import { test } from 'node:test';
import { analyzeDocument } from '../../server/src/analysis';
import type { Edit } from '../../server/src/core/finding';
import { memoryHost } from '../../server/src/core/host';
import { normalizeSettings } from '../../server/src/core/settings';
import { iscFamily, parseIsc } from '../../server/src/dhcp/isc/parser';
import { oracleAccepts, oracleMissing } from './dhcpOracles';

// Differential test of the dhcpd.conf parser against real `dhcpd -t` (isc-dhcp-server 4.4.3):
// over every dhcpd.conf-like file of ../shared/corpus/dhcp/isc-dhcp, the repo's ISC fixtures and
// deliberately broken variants, "dhcpd accepts" must equal "parseIsc reports no error" — except
// where dhcpd refuses for a reason that is not syntax (SEMANTIC below): those belong to the rules.
// dhcpd runs in the mode parseIsc reads the file in (iscFamily: -6 for DHCPv6 configs).

const ROOT = process.cwd();
const CORPUS = resolve(ROOT, '../shared/corpus/dhcp/isc-dhcp');
const FIXTURES = resolve(ROOT, 'test/fixtures/dhcp/isc');

/**
 * Refusals dhcpd makes after reading the syntax, recognised by its message. parseIsc leaves them
 * to rules on the model (the rule ids say which), so here they are the only allowed disagreement,
 * and only in that direction.
 */
const SEMANTIC: Array<{ pattern: RegExp; reason: string }> = [
  { pattern: /bad subnet number\/mask combination/, reason: 'subnet number with host bits set: dhcp/network-host-bits' },
  { pattern: /bad range, address \S+ not in subnet/, reason: 'range outside its subnet: dhcp/range-outside-subnet' },
  { pattern: /address range not on network/, reason: 'pool range in no subnet of its shared network: dhcp/range-outside-subnet' },
  { pattern: /lease \S+ is declared twice/, reason: 'ranges sharing addresses: dhcp/overlapping-ranges' },
  { pattern: /Can't open /, reason: 'include of a missing file: dhcp/include-unresolved' },
  { pattern: /is an overly large address range/, reason: 'a range of 2^24 addresses or more: a lease-count limit, not syntax' },
];

/** Corpus files that are dhcpd configurations (not Kea JSON outputs or keama's expected messages). */
function corpusFiles(): string[] {
  const out: string[] = [];
  const walk = (dir: string) => {
    for (const name of readdirSync(dir).sort()) {
      const p = join(dir, name);
      if (statSync(p).isDirectory()) walk(p);
      else if (!/\.(out|outl|msg|json)$|^README/.test(name)) out.push(p);
    }
  };
  if (existsSync(CORPUS)) walk(CORPUS);
  return out;
}

interface Case {
  id: string;
  text: string;
  files: Record<string, string>;
  /** dhcpd's mode: -4 or -6. */
  family: 4 | 6;
}

/** A fixture folder: its dhcpd.conf plus every other file in it (the includes). */
function fixtureCases(): Case[] {
  if (!existsSync(FIXTURES)) return [];
  return readdirSync(FIXTURES)
    .filter((d) => existsSync(join(FIXTURES, d, 'dhcpd.conf')))
    .map((d) => {
      const dir = join(FIXTURES, d);
      const files: Record<string, string> = {};
      const walk = (p: string) => {
        for (const n of readdirSync(p)) {
          const f = join(p, n);
          if (statSync(f).isDirectory()) walk(f);
          else if (f !== join(dir, 'dhcpd.conf')) files[relative(dir, f)] = readFileSync(f, 'utf8');
        }
      };
      walk(dir);
      const text = readFileSync(join(dir, 'dhcpd.conf'), 'utf8');
      return { id: `fixture ${d}`, text, files, family: iscFamily('dhcpd.conf', text) };
    });
}

const S = 'subnet 10.0.0.0 netmask 255.255.255.0 {';
const S6 = 'subnet6 2001:db8::/64 {';
/** Broken (and a few tricky but valid) configs: each construct's parse-level faults. */
const VARIANTS: string[] = [
  `${S} range 10.0.0.5 10.0.0.9; }\n`,
  `${S} range 10.0.0.5 10.0.0.9 }\n`,
  `${S} range 10.0.0.5; }\n`,
  `${S} range dynamic-bootp 10.0.0.5 10.0.0.9; }\n`,
  `${S} range 10.0.0 10.0.0.9; }\n`,
  `${S} range 10.0.0.256 10.0.0.9; }\n`,
  `${S} range 10.0.1.5 10.0.1.9; }\n`,
  `range 10.0.0.5 10.0.0.9;\n`,
  `${S}\n`,
  `${S} } }\n`,
  `subnet 10.0.0.0 mask 255.255.255.0 { }\n`,
  `subnet 10.0.0.0/24 { }\n`,
  `subnet 10.0.0.1 netmask 255.255.255.0 { }\n`,
  `subnet 10.0.0.0 netmask 255.0.255.0 { }\n`,
  `subnet6 2001:db8::/64 { }\n`,
  `shared-network lan { ${S} } }\n`,
  `shared-network lan { }\n`,
  `shared-network "" { ${S} } }\n`,
  `shared-network lan { ${S} pool { range 10.0.0.5 10.0.0.6; } } }\n`,
  `${S} pool { } }\n`,
  `${S} pool { range 10.0.0.5 10.0.0.6; pool { range 10.0.0.7; } } }\n`,
  `pool { range 10.0.0.5 10.0.0.6; }\n`,
  `${S} pool { range 10.0.0.5 10.0.0.6; allow members of "nobody"; } }\n`,
  `${S} pool { range 10.0.0.5 10.0.0.6; allow unknown clients; deny dynamic bootp clients; } }\n`,
  `${S} pool { range 10.0.0.5 10.0.0.6; allow bootp; } }\n`,
  `${S} pool { no failover peer; range 10.0.0.5 10.0.0.6; } }\n`,
  `host a { hardware ethernet 00:11:22:33:44:55; fixed-address 10.0.0.5; }\n`,
  `host a { hardware ethernet 00:11:22:33:44:gg; }\n`,
  `host a { hardware ether 00:11:22:33:44:55; }\n`,
  `host a { fixed-address foo.example.com, 10.0.0.6; }\n`,
  `host a { fixed-address 10.0.0.5 10.0.0.6; }\n`,
  `host a { fixed-address 10.0.0.5; fixed-address 10.0.0.6; }\n`,
  `host a { }\nhost a { }\n`,
  `host a { host b { } }\n`,
  `hardware ethernet 00:11:22:33:44:55;\n`,
  `fixed-address 10.0.0.5;\n`,
  `host a { authoritative; }\n`,
  `option routers 10.0.0.1, 10.0.0.2;\n`,
  `option routers 10.0.0.1 10.0.0.2;\n`,
  `option routers "10.0.0.1";\n`,
  `option routers 10.0.0.300;\n`,
  `option routers 10.0.0.1\n`,
  `option routers;\n`,
  `option routerz 10.0.0.1;\n`,
  `option nosuchspace.foo 1;\n`,
  `option domain-name "example.com";\n`,
  `option domain-name 12;\n`,
  `option domain-name "unterminated;\n`,
  `option interface-mtu 65536;\n`,
  `option ip-forwarding maybe;\n`,
  `option unknown-121 18:0a:00:00:c0:a8:00:01;\n`,
  `option unknown-255 1;\n`,
  `option rfc3442-classless-static-routes code 121 = array of unsigned integer 8;\noption rfc3442-classless-static-routes 32,1,1,1,1,192,168,0,1, 0,192,168,0,1;\n`,
  `option rfc3442-classless-static-routes code 121 = array of unsigned integer 8;\noption rfc3442-classless-static-routes 32,1,1,1,1,192,168,0,300;\n`,
  `option rfc3442-classless-static-routes 32,1,1,1,1,192,168,0,1;\n`,
  `option foo code 200 = array of text;\n`,
  `option foo code 200 = integer 64;\n`,
  `${S} option foo code 200 = text; }\n`,
  `option space bar code width 3;\n`,
  `option agent.circuit-id "port1";\n`,
  `option host-name = concat("a", "b");\n`,
  `option host-name = concat("a" "b");\n`,
  `default-lease-time 600;\nmax-lease-time infinite;\n`,
  `default-lease-time 1d;\n`,
  `default-lease-time;\n`,
  `ddns-update-style interim;\n`,
  `ddns-update-style bogus;\n`,
  `log-facility local9;\n`,
  `next-server 10.0.0.1;\nfilename "pxelinux.0";\n`,
  `authoritative\n`,
  `not authoritative;\n`,
  `allow unknown-clients;\ndeny bootp;\nignore client-updates;\n`,
  `allow members of "x";\n`,
  `local-address 10.0.0.1;\n`,
  `foo 1;\n`,
  `}\n`,
  `{\n`,
  `include foo;\n`,
  `include "missing.conf";\n`,
  `class "a" { match if substring(option vendor-class-identifier, 0, 4) = "MSFT"; }\nsubclass "a" "x";\n`,
  `class "a" { match if option host-name = 1; }\n`,
  `class "a" { match if option host-name; }\n`,
  `class "a" { match option host-name; match option domain-name; }\n`,
  `subclass "nope" "x";\n`,
  `if option host-name = "a" { option routers 10.0.0.1; } elsif known { } else { }\n`,
  `if known { option routers 10.0.0.1; \n`,
  `if not foo { }\n`,
  `on commit { set ip = binary-to-ascii(10, 8, ".", leased-address); execute("/bin/true", ip); }\n`,
  `on nothing { }\n`,
  `switch (option host-name) { case "a": break; default: break; }\n`,
  `case "a":\n`,
  `set x = 1 - 2;\n`,
  `key k { algorithm hmac-md5; secret c2VjcmV0; }\nzone example.com. { primary 10.0.0.1; key k; }\n`,
  `zone example.com. { primary 10.0.0.1; key k; }\n`,
  `key k { algorithm hmac-md5; secret c2VjcmV0c; }\n`,
  `omapi-key nokey;\n`,
  `failover peer "fo" { secondary; address 10.0.0.2; peer address 10.0.0.1; }\n${S} pool { failover peer "fo"; range 10.0.0.5 10.0.0.6; } }\n`,
  `failover peer "fo" { secondary; address 10.0.0.2; peer address 10.0.0.1; }\n`,
  `failover peer "fo" { secondary; address 10.0.0.2; }\n`,
  `failover peer "fo" { secondary; address 10.0.0.2; peer address 10.0.0.1; }\n${S} pool { failover peer "fo"; range dynamic-bootp 10.0.0.5 10.0.0.6; } }\n`,
  `class "c" { }\nadd "c";\n`,
  `option domain-name "${'a'.repeat(1500)}";\n`,
  `option domain-name${' '.repeat(1500)}"x";\n`,
  `${S} interface eth0; interface eth1; }\n`,
  // dhcpd quirks: an expression cut by the end of the file is dropped silently; one-letter names
  // lex as hex numbers; an octal escape `\0` swallows a non-octal character; a statement is read
  // right after `dynamic;`.
  `option host-name = binary-to-ascii(\n`,
  `option host-name = substring(hardware,\noption routers 10.0.0.1;\n`,
  `supersede host-name = substring(hardware,;\n`,
  `default-lease-time = 5;\n`,
  `k;\nab;\n`,
  `abc;\n`,
  `option domain-name "a \\09 b";\n`,
  `group { dynamic; }\n`,
  // DHCPv6 (read in -6 mode: the first address declaration is a DHCPv6 one).
  `${S6} range6 2001:db8::1 2001:db8::ff; }\n`,
  `${S6} range6 2001:db8::/120; range6 2001:db8::1:0/112 temporary; range6 2001:db8::ff 2001:db8::f0; }\n`,
  `${S6} range6 2001:db8::/48; }\n`,
  `${S6} range6 2001:db8::1/120; }\n`,
  `${S6} range6 2001:db8::/129; }\n`,
  `subnet6 2001:db8::/48 { range6 2001:db8::/56 temporary; }\n`,
  `${S6} range6 2001:db8::/128 temporary; }\n`,
  `${S6} range6 2001:db8:0:0:1:: temporary; }\n`,
  `${S6} range6 2001:db8::/64 temporary; }\n`,
  `${S6} range6 2001:db8:1::1 2001:db8::ff; }\n`,
  `${S6} range6 2001:db8::1 2001:db8:1::ff; }\n`,
  `${S6} range6 2001:db8::1 2001:db8::5 }\n`,
  `${S6} range6 2001:db8:: ; }\n`,
  `${S6} range6 2001:db8::/120 temporary }\n`,
  `${S6} prefix6 2001:db8:0:100:: 2001:db8:0:f00:: /56; prefix6 2001:db8:1:f00:: 2001:db8:1:100:: /56; }\n`,
  `${S6} prefix6 2001:db8:0:100:: 2001:db8:0:f00:: /0; }\n`,
  `${S6} prefix6 2001:db8:0:100:: 2001:db8:0:f00:: /128; }\n`,
  `${S6} prefix6 2001:db8:0:101:: 2001:db8:0:f00:: /56; }\n`,
  `${S6} prefix6 2001:db8:0:100:: 2001:db8:0:f00::; }\n`,
  `${S6} prefix6 2001:db8:0:100:: 2001:db8:0:f00:: /56 }\n`,
  `${S6} pool6 { range6 2001:db8::1 2001:db8::ff; allow unknown clients; deny dynamic bootp clients; allow after never; } }\n`,
  `${S6} pool6 { } }\n`,
  `${S6} pool6 { range6 2001:db8::1 2001:db8::ff; pool6 { } } }\n`,
  `${S6} pool6 { range 10.0.0.1 10.0.0.2; range6 2001:db8::1 2001:db8::2; } }\n`,
  `${S6} pool6 { prefix6 2001:db8:1:: 2001:db8:1:ff00:: /56; deny members of "nobody"; } }\n`,
  `${S6} pool6 { range6 2001:db8::1 2001:db8::2; failover peer "x"; } }\n`,
  `${S6} pool { range 10.0.0.1 10.0.0.5; } }\n`,
  `${S6} range 10.0.0.1 10.0.0.5; }\n`,
  `${S6} interface eth0; interface eth1; }\n`,
  `${S6} subnet6 2001:db8:1::/64 { } }\n`,
  `${S6} option dhcp6.name-servers 2001:db8::1; option domain-name-servers 10.0.0.1; preferred-lifetime 300; }\n`,
  `subnet6 2001:db8::1/64 { }\n`,
  `subnet6 2001:db8::/129 { }\n`,
  `subnet6 2001:db8::/-1 { }\n`,
  `subnet6 2001:db8:: { }\n`,
  `subnet6 2001:db8::/ { }\n`,
  `subnet6 ::/0 { }\n`,
  `subnet6 2001:db8::/64\n`,
  `subnet6 2001:db8::zz/64 { }\n`,
  `shared-network lan { ${S6} } subnet6 2001:db8:1::/64 { } }\n`,
  `shared-network lan { ${S6} } pool6 { range6 2001:db8::1 2001:db8::2; } }\n`,
  `range6 2001:db8::1 2001:db8::2;\n`,
  `pool6 { range6 2001:db8::1 2001:db8::2; }\n`,
  `${S6} }\nsubnet 10.0.0.0 netmask 255.255.255.0 { }\n`,
  `${S6} }\nhost a { fixed-address6 2001:db8::5; fixed-prefix6 2001:db8:1::/64; }\n`,
  `host a { fixed-prefix6 2001:db8::1/64; }\n`,
  `host a { fixed-prefix6 2001:db8::/129; }\n`,
  `host a { fixed-address6 2001:db8::1, 2001:db8::2; }\n`,
  `host a { fixed-address6 2001:db8::1; fixed-address6 2001:db8::2; }\n`,
  `option dhcp6.name-servers 2001:db8::1, 2001:db8::2;\noption dhcp6.domain-search "example.com";\n`,
  `option dhcp6.name-servers 10.0.0.1;\n`,
  `option dhcp6.nosuch 1;\n`,
  `option dhcp6.preference 300;\n`,
  `option dhcp6.rapid-commit;\n`,
  // DHCPv4 configs with DHCPv6 statements (read in -4 mode: the first address declaration is IPv4).
  `${S} pool6 { } }\n`,
  `${S} pool6 { range6 2001:db8::1 2001:db8::2; } }\n`,
  `${S} prefix6 2001:db8:0:100:: 2001:db8:0:f00:: /56; }\n`,
  `${S} }\n${S6} }\n`,
  `host a { fixed-address 10.0.0.1; fixed-prefix6 2001:db8::/64; fixed-address6 2001:db8::1; }\n`,
];

/** Read as `dhcpd6.conf` (DHCPv6 mode whatever the text): IPv4 declarations under `dhcpd -6`. */
const VARIANTS6: string[] = [
  `${S} range 10.0.0.5 10.0.0.9; }\nhost a { fixed-address 10.0.0.7; }\n`,
  `${S} }\n${S6} }\n`,
  `${S} range6 2001:db8::1 2001:db8::2; }\n`,
  `${S} prefix6 2001:db8:0:100:: 2001:db8:0:f00:: /56; }\n`,
  `${S} pool6 { prefix6 2001:db8:0:100:: 2001:db8:0:f00:: /56; } }\n`,
  `${S} pool6 { } }\n`,
  `shared-network lan { ${S} } ${S6} } }\n`,
];

test('dhcpd -t and parseIsc agree on the corpus, the fixtures and broken variants', { timeout: 600_000, skip: oracleMissing('dhcpd') }, () => {
  const cases: Case[] = [
    ...corpusFiles().map((p) => {
      const text = readFileSync(p, 'utf8');
      return { id: relative(CORPUS, p), text, files: {}, family: iscFamily(p, text) };
    }),
    ...fixtureCases(),
    ...VARIANTS.map((text, i) => ({ id: `variant ${i}: ${JSON.stringify(text).slice(0, 70)}`, text, files: {}, family: iscFamily('dhcpd.conf', text) })),
    ...VARIANTS6.map((text, i) => ({ id: `dhcpd6.conf variant ${i}: ${JSON.stringify(text).slice(0, 70)}`, text, files: {}, family: iscFamily('dhcpd6.conf', text) })),
  ];
  const table: string[] = [];
  const unexplained: string[] = [];
  let semantic = 0;
  for (const c of cases) {
    const dhcpd = oracleAccepts(c.family === 6 ? 'dhcpd6' : 'dhcpd', c.text, c.files);
    const ours = [parseIsc('dhcpd.conf', c.text, { family: c.family }), ...Object.entries(c.files).filter(([p]) => !/\.json$/.test(p)).map(([p, text]) => parseIsc(p, text, { included: true, family: c.family }))];
    const errors = ours.flatMap((f) => f.problems.filter((p) => p.severity === 'error'));
    if (dhcpd.ok === !errors.length) continue;
    const message = dhcpd.output.split('\n').find((l) => / line \d+: |^bad range|Can't open|overly large|no referring/.test(l)) ?? dhcpd.output.trim().split('\n').pop() ?? '';
    const why = dhcpd.ok ? undefined : SEMANTIC.find((s) => s.pattern.test(dhcpd.output));
    const row = `${why ? 'semantic' : 'MISMATCH'} | ${c.id} | dhcpd -${c.family}: ${dhcpd.ok ? 'accepts' : message.trim()} | parseIsc: ${errors.length ? errors.map((e) => e.message).slice(0, 2).join('; ') : 'no error'}${why ? ` | ${why.reason}` : ''}`;
    table.push(row);
    if (why) semantic++;
    else unexplained.push(row);
  }
  console.log(`dhcpd -t vs parseIsc over ${cases.length} configs: ${table.length} disagreements (${semantic} semantic)\n${table.join('\n')}`);
  if (existsSync(CORPUS)) assert.ok(cases.length > 300, `expected the corpus, the fixtures and the variants (${cases.length} cases)`);
  assert.deepEqual(unexplained, []);
});

/** Configs dhcpd refuses for an option 121/249 name used without its definition. */
const UNDEFINED_ROUTES: string[] = [
  `${S} option routers 10.0.0.1;\n  option rfc3442-classless-static-routes 24, 10,8,1, 10,0,0,254, 0, 10,0,0,1;\n}\n`,
  `option domain-name "x";\nshared-network lan {\n  ${S}\n    option ms-classless-static-routes 0, 10,0,0,1;\n  }\n}\noption ms-classless-static-routes 8, 10, 10,0,0,1;\n`,
  `authoritative; if exists host-name {\n  option rfc3442-classless-static-routes 0, 10,0,0,1;\n}\n`,
  `class "a" { match if exists host-name; option rfc3442-classless-static-routes 0, 10,0,0,1; }\n${S} option ms-classless-static-routes 0, 10,0,0,1; }\n`,
  `host a {\n  host-identifier option rfc3442-classless-static-routes 0, 10,0,0,1;\n}\n`,
];

const applyEdits = (text: string, edits: Edit[]) => [...edits].sort((a, b) => b.span.start - a.span.start).reduce((t, e) => t.slice(0, e.span.start) + e.newText + t.slice(e.span.end), text);

test('the dhcp/syntax-error quick fix for an undefined route option gives a config dhcpd -t loads', { skip: oracleMissing('dhcpd') }, () => {
  const fixesOf = (text: string) =>
    analyzeDocument({ path: '/ws/dhcpd.conf', text, language: 'dhcpd' }, { host: memoryHost({ '/ws/dhcpd.conf': text }, ['/ws']), settings: normalizeSettings({}), log: () => undefined }).findings.filter((f) => f.rule === 'dhcp/syntax-error' && f.fixes?.length);
  for (const text of [readFileSync(join(FIXTURES, 'bad-rfc3442-undefined/dhcpd.conf'), 'utf8'), ...UNDEFINED_ROUTES]) {
    assert.equal(oracleAccepts('dhcpd', text).ok, false, `dhcpd refuses:\n${text}`);
    // One fix per undefined name: apply them in turn, as a user would.
    let fixed = text;
    for (let f = fixesOf(fixed)[0], n = 0; f && n < 4; f = fixesOf(fixed)[0], n++) fixed = applyEdits(fixed, f.fixes?.[0].edits ?? []);
    const r = oracleAccepts('dhcpd', fixed);
    assert.ok(r.ok, `dhcpd refuses the fixed config:\n${fixed}\n${r.output}`);
    assert.deepEqual(fixesOf(fixed), []);
  }
});
