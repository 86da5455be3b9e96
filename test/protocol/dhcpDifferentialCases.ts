import { cpSync, existsSync, mkdirSync, readdirSync, readFileSync, statSync, writeFileSync } from 'node:fs';
import { basename, extname, join, relative } from 'node:path';
import { iscFamily } from '../../server/src/dhcp/isc/parser';
import type { Oracle } from './dhcpOracles';

// What the DHCP differential test runs: every server config of the corpus (classified by name
// and content), the fixtures under test/fixtures/dhcp, and dnsmasq.conf.example with each of its
// commented-out directives switched on in turn. Each case is a copy in a private directory, so
// repairs never touch the corpus. Files that are not server configs tlsnet reads (clients, Kea
// DHCPv6) are listed with the reason they are left out.

export type DhcpLanguage = 'dhcpd' | 'kea' | 'dnsmasq' | 'cisco-ios';

export interface Case {
  /** How the case is named in the summary: corpus path, fixture path, or example line. */
  id: string;
  source: 'corpus' | 'fixture' | 'example-line';
  /** The server that judges it; undefined for Cisco IOS (no oracle: the fixture's name is the verdict). */
  oracle: Oracle | undefined;
  language: DhcpLanguage;
  /** The private copy: `dir` holds `main` and the files it includes. */
  dir: string;
  main: string;
  /** Fixtures only, from the name: `ok-` accepted and clean, `warn-` accepted but flagged, `bad-` rejected. */
  expected?: 'ok' | 'warn' | 'bad';
  /** What was changed so the server would judge the rest (out-of-scope obstacles removed). */
  repairs: string[];
}

export interface Excluded {
  id: string;
  reason: string;
}

/**
 * keama test inputs: .in6/.err6/.inD/.inN are for DHCPv6 (dhcpd -6); the others run in the mode
 * tlsnet reads them in (iscFamily: .in4/.err4 tests that hold range6 on purpose get -6, where
 * dhcpd refuses them too).
 */
const KEAMA_V4 = new Set(['.in4', '.ind', '.inn', '.inl', '.err', '.err4', '.errF', '.notyet', '.notyet4', '.dir']);
const KEAMA_V6 = new Set(['.in6', '.inD', '.inN', '.err6']);

/** What a corpus file is: a case for an oracle, or a reason it is not one. */
export function classify(path: string, text: string): { oracle: Oracle; language: DhcpLanguage } | { reason: string } {
  const name = basename(path);
  const ext = extname(name);
  if (/"Dhcp4"\s*:/.test(text)) return { oracle: 'kea', language: 'kea' };
  if (/"Dhcp6"\s*:/.test(text)) return { reason: 'Kea DHCPv6 config (kea-dhcp6): the issue covers DHCPv4' };
  if (/^\s*[[{]/.test(text)) return { reason: 'JSON that is not a Kea config (no "Dhcp4")' };
  if (/dhclient/.test(name)) return { reason: 'DHCP client config (dhclient.conf), not a server config' };
  if (ext === '.msg' || name === 'README') return { reason: 'keama test expectation / notes, not a config' };
  if (/dnsmasq/.test(name)) return { oracle: 'dnsmasq', language: 'dnsmasq' };
  // keama's extension says which mode a test is for (v4 error tests may hold range6 on purpose).
  if (KEAMA_V6.has(ext)) return { oracle: 'dhcpd6', language: 'dhcpd' };
  // dhcpd runs in the mode tlsnet reads the file in, as the user's service would (dhcpd6.conf, or DHCPv6 declarations first).
  if (KEAMA_V4.has(ext) || /\.(conf|cf|orig|example)$/.test(name)) return { oracle: iscFamily(path, text) === 6 ? 'dhcpd6' : 'dhcpd', language: 'dhcpd' };
  return { reason: `not recognised as a DHCP server config (${ext || 'no extension'})` };
}

function files(dir: string, out: string[] = []): string[] {
  if (!existsSync(dir)) return out;
  for (const n of readdirSync(dir).sort()) {
    const p = join(dir, n);
    if (statSync(p).isDirectory()) files(p, out);
    else out.push(p);
  }
  return out;
}

let counter = 0;
const caseDir = (work: string) => join(work, `c${String(counter++).padStart(4, '0')}`);

/** Copies `file` alone into a fresh case directory. */
function single(work: string, file: string, name = basename(file)): { dir: string; main: string } {
  const dir = caseDir(work);
  mkdirSync(dir, { recursive: true });
  cpSync(file, join(dir, name));
  return { dir, main: join(dir, name) };
}

/** The corpus's DHCP server configs under `corpus` (isc-dhcp, kea, dnsmasq) and what was left out. */
export function corpusCases(corpus: string, work: string): { cases: Case[]; excluded: Excluded[] } {
  const cases: Case[] = [];
  const excluded: Excluded[] = [];
  for (const project of ['isc-dhcp', 'kea', 'dnsmasq']) {
    for (const file of files(join(corpus, project))) {
      const id = relative(corpus, file);
      const c = classify(file, readFileSync(file, 'utf8'));
      if ('reason' in c) {
        excluded.push({ id, reason: c.reason });
        continue;
      }
      cases.push({ id, source: 'corpus', ...c, ...single(work, file), repairs: [] });
    }
  }
  return { cases, excluded };
}

const FIXTURE_MAIN: Record<string, { file: string; oracle: Oracle | undefined; language: DhcpLanguage }> = {
  isc: { file: 'dhcpd.conf', oracle: 'dhcpd', language: 'dhcpd' },
  kea: { file: 'kea-dhcp4.json', oracle: 'kea', language: 'kea' },
  dnsmasq: { file: 'dnsmasq.conf', oracle: 'dnsmasq', language: 'dnsmasq' },
  cisco: { file: 'router.ios', oracle: undefined, language: 'cisco-ios' },
};

/** Every fixture `<dialect>/<ok|warn|bad>-<what>/` with its main file, copied whole. */
export function fixtureCases(root: string, work: string): Case[] {
  const cases: Case[] = [];
  for (const [dialect, m] of Object.entries(FIXTURE_MAIN)) {
    const base = join(root, dialect);
    if (!existsSync(base)) continue;
    for (const name of readdirSync(base).sort()) {
      const expected = /^(ok|warn|bad)-/.exec(name)?.[1] as Case['expected'];
      if (!expected) throw new Error(`fixture ${dialect}/${name} must be named ok-, warn- or bad-`);
      const dir = caseDir(work);
      cpSync(join(base, name), dir, { recursive: true });
      const main = join(dir, m.file);
      // A DHCPv6 dhcpd.conf (its first declarations are DHCPv6 ones) is judged by dhcpd -6.
      const oracle = m.oracle === 'dhcpd' && iscFamily(main, readFileSync(main, 'utf8')) === 6 ? 'dhcpd6' : m.oracle;
      cases.push({ id: `fixtures/dhcp/${dialect}/${name}`, source: 'fixture', oracle, language: m.language, dir, main, expected, repairs: [] });
    }
  }
  return cases;
}

/**
 * dnsmasq.conf.example ships every directive commented out, as examples to switch on: one case
 * per `#directive[=value]` line, with that line alone uncommented.
 */
export function exampleLineCases(example: string, work: string): Case[] {
  if (!existsSync(example)) return [];
  const lines = readFileSync(example, 'utf8').split('\n');
  const cases: Case[] = [];
  lines.forEach((l, i) => {
    if (!/^#[a-z][a-z0-9-]*(?:=|$)/.test(l)) return;
    const dir = caseDir(work);
    mkdirSync(dir, { recursive: true });
    const main = join(dir, 'dnsmasq.conf');
    writeFileSync(main, [...lines.slice(0, i), l.slice(1), ...lines.slice(i + 1)].join('\n'));
    cases.push({ id: `dnsmasq/dnsmasq.conf.example:${i + 1} ${l.slice(1)}`, source: 'example-line', oracle: 'dnsmasq', language: 'dnsmasq', dir, main, repairs: [] });
  });
  return cases;
}
