import { spawn, spawnSync } from 'node:child_process';
import { existsSync, mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { basename, dirname, isAbsolute, join, normalize } from 'node:path';

// The three DHCP servers on this machine as oracles: `dhcpd -t` (isc-dhcp-server 4.4.3),
// `kea-dhcp4 -t` (Kea 2.2.0) and `dnsmasq --test` (2.90), each judging a config the way its
// service would at start. They run in the config's directory (all three open relative includes
// from the working directory), either one config text at a time in a private directory
// (`oracleAccepts`) or on configs already on disk, many at once (`runOracle` with `pool`).

export type Oracle = 'dhcpd' | 'dhcpd6' | 'kea' | 'dnsmasq';

export interface Verdict {
  ok: boolean;
  /** The server's first complaint, without its banner and boilerplate. */
  message?: string;
  /** The file the complaint names (as the server prints it: relative to the config's directory). */
  file?: string;
  line?: number;
  /** Kea only: the 1-based column it names. */
  column?: number;
  /** Everything it printed, for the JSON summary of rejected configs. */
  output: string;
  ms: number;
}

/** Debian puts all three in /usr/sbin, which a non-root PATH may lack. */
const sbin = (name: string) => (existsSync(`/usr/sbin/${name}`) ? `/usr/sbin/${name}` : name);
const BINARIES: Record<Oracle, string> = { dhcpd: sbin('dhcpd'), dhcpd6: sbin('dhcpd'), kea: sbin('kea-dhcp4'), dnsmasq: sbin('dnsmasq') };
/** The Debian packages CI installs them from. */
const PACKAGES: Record<Oracle, string> = { dhcpd: 'isc-dhcp-server', dhcpd6: 'isc-dhcp-server', kea: 'kea-dhcp4-server', dnsmasq: 'dnsmasq-base' };
/** What `oracleAccepts` names the config text it is given. */
const CONFIG_NAMES: Record<Oracle, string> = { dhcpd: 'dhcpd.conf', dhcpd6: 'dhcpd.conf', kea: 'kea-dhcp4.conf', dnsmasq: 'dnsmasq.conf' };

/** The server's version line, or undefined when it is not installed. */
export function oracleVersion(o: Oracle): string | undefined {
  const args = o === 'kea' ? ['-v'] : ['--version'];
  const r = spawnSync(BINARIES[o], args, { encoding: 'utf8' });
  if (r.error) return undefined;
  const out = `${r.stdout}\n${r.stderr}`;
  const v = o === 'kea' ? /^(\d+\.\d+\.\d+)/m.exec(out) : o === 'dnsmasq' ? /version (\d+\.\d+)/.exec(out) : /(\d+\.\d+\.\d+\S*)/.exec(out);
  return v?.[1] ?? out.trim().split('\n')[0];
}

const notInstalled = (o: Oracle) => `${BINARIES[o]} is not installed (apt-get install ${PACKAGES[o]})`;

/** A test's skip reason: the server is absent (tests skip only then), else false. */
export const oracleMissing = (o: Oracle): string | false => (oracleVersion(o) === undefined ? notInstalled(o) : false);

/**
 * How `o` checks `file` (relative to the working directory). What a check may write (dhcpd's
 * lease and pid files, Kea's lock and pid files) goes to `scratch`, so nothing under /var is
 * consulted. No -q for dhcpd: it silences the complaints too.
 */
function command(o: Oracle, file: string, scratch: string): { bin: string; args: string[]; env: NodeJS.ProcessEnv } {
  const env = { ...process.env, KEA_LOCKFILE_DIR: scratch, KEA_PIDFILE_DIR: scratch, KEA_LOGGER_DESTINATION: 'stdout' };
  const bin = BINARIES[o];
  switch (o) {
    case 'dhcpd':
    case 'dhcpd6':
      return { bin, env, args: [o === 'dhcpd6' ? '-6' : '-4', '-t', '-cf', file, '-lf', join(scratch, 'dhcpd.leases'), '-pf', join(scratch, 'dhcpd.pid')] };
    case 'kea':
      return { bin, env, args: ['-t', file] };
    case 'dnsmasq':
      return { bin, env, args: ['--test', `--conf-file=${file}`] };
  }
}

/** Writes `files` (paths relative to the config's directory) under `dir`. */
function writeFiles(dir: string, files: Record<string, string>): void {
  for (const [rel, text] of Object.entries(files)) {
    const path = normalize(join(dir, rel));
    if (isAbsolute(rel) || !path.startsWith(dir + '/')) throw new Error(`oracle files must stay in the config's directory: ${rel}`);
    mkdirSync(dirname(path), { recursive: true });
    writeFileSync(path, text);
  }
}

/** Kea's verdict lines ("Syntax check failed with: …", "Error encountered: …"), not its INFO log. */
function keaVerdict(output: string): string {
  const verdict = output.split('\n').filter((l) => /Syntax check failed|Error encountered|ERROR/.test(l) && !/DHCP4_CONFIG_LOAD_FAIL|DHCP4_PARSER_FAIL/.test(l));
  return verdict.join('\n') || output.slice(-500);
}

/**
 * `o` on `text` (named as in CONFIG_NAMES), in a private directory that also holds `files` and is
 * the working directory. A crash or a timeout counts as a refusal. `output` is everything the
 * server printed (for Kea only its verdict lines).
 */
export function oracleAccepts(o: Oracle, text: string, files: Record<string, string> = {}): { ok: boolean; output: string } {
  const dir = mkdtempSync(join(tmpdir(), `tlsnet-${o}-`));
  try {
    writeFiles(dir, files);
    writeFileSync(join(dir, CONFIG_NAMES[o]), text);
    const { bin, args, env } = command(o, CONFIG_NAMES[o], dir);
    const r = spawnSync(bin, args, { cwd: dir, encoding: 'utf8', timeout: 30_000, env });
    if ((r.error as NodeJS.ErrnoException | undefined)?.code === 'ENOENT') throw new Error(notInstalled(o));
    const signal = r.signal ? `\n(${basename(bin)} ended by ${r.signal})` : '';
    const output = `${r.stdout ?? ''}${r.stderr ?? ''}${signal}`;
    return { ok: r.status === 0, output: o === 'kea' ? keaVerdict(output) : output };
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
}

/** Runs the oracle on `main` (absolute) with its directory as the working directory. */
export function runOracle(o: Oracle, main: string): Promise<Verdict> {
  const t0 = performance.now();
  // The server's own files go elsewhere: the config's directory is the caller's to read.
  const scratch = mkdtempSync(join(tmpdir(), `tlsnet-${o}-run-`));
  const { bin, args, env } = command(o, basename(main), scratch);
  return new Promise<Verdict>((resolve) => {
    const p = spawn(bin, args, { cwd: dirname(main), env, stdio: ['ignore', 'pipe', 'pipe'] });
    let out = '';
    p.stdout.on('data', (d: Buffer) => (out += d.toString()));
    p.stderr.on('data', (d: Buffer) => (out += d.toString()));
    p.on('error', (e) => resolve({ ok: false, message: `cannot run ${bin}: ${e.message}`, output: '', ms: 0 }));
    p.on('close', (code) => resolve({ ok: code === 0, ...(code === 0 ? {} : complaint(o, out)), output: out, ms: performance.now() - t0 }));
  }).finally(() => rmSync(scratch, { recursive: true, force: true }));
}

const DHCPD_NOISE = /^(?:Internet Systems Consortium|Copyright|All rights reserved|For info, please visit|Config file:|Database file:|PID file:|Wrote \d+|If you think you have received|than a configuration issue|bugs on either our web page|before submitting a bug|process and the information|exiting\.|Configuration file errors encountered|Warning:|Ignoring|Source compiled)/;

function complaint(o: Oracle, out: string): { message?: string; file?: string; line?: number; column?: number } {
  const lines = out.split('\n').map((l) => l.trimEnd());
  if (o === 'dhcpd' || o === 'dhcpd6') {
    for (const l of lines) {
      const at = /^(\S+) line (\d+): (.*)$/.exec(l);
      if (at) return { file: at[1], line: Number(at[2]), message: at[3] };
    }
    return { message: lines.find((l) => l && !DHCPD_NOISE.test(l)) ?? lines.find((l) => l) };
  }
  if (o === 'kea') {
    for (const l of lines) {
      // Syntax errors: "Syntax check failed with: FILE:LINE.COL-COL: message".
      const syntax = /^Syntax check failed with: (?:(\S+?):(\d+)\.(\d+)(?:-\d+)?: )?(.*)$/.exec(l);
      if (syntax) return { file: syntax[1], line: syntax[2] ? Number(syntax[2]) : undefined, column: syntax[3] ? Number(syntax[3]) : undefined, message: syntax[4] };
      // Semantic errors: "Error encountered: message (FILE:LINE:COL)" (possibly several positions).
      const semantic = /^Error encountered: (.*?)(?: \((\S+?):(\d+):\d+\))*$/.exec(l);
      if (semantic) {
        const pos = /\((\S+?):(\d+):(\d+)\)/.exec(l);
        return { file: pos?.[1], line: pos ? Number(pos[2]) : undefined, column: pos ? Number(pos[3]) : undefined, message: semantic[1] };
      }
    }
    return { message: lines.filter((l) => / ERROR /.test(l)).pop() ?? lines.find((l) => l) };
  }
  for (const l of lines) {
    const at = /^dnsmasq: (.*) at line (\d+) of (\S+)$/.exec(l);
    if (at) return { file: at[3], line: Number(at[2]), message: at[1] };
  }
  return { message: lines.find((l) => l.startsWith('dnsmasq: '))?.slice(9) ?? lines.find((l) => l) };
}

/** Maps `f` over `items`, at most `n` at a time, results in order. */
export async function pool<T, R>(items: T[], n: number, f: (x: T, i: number) => Promise<R>): Promise<R[]> {
  const out: R[] = new Array(items.length);
  let next = 0;
  const worker = async () => {
    while (next < items.length) {
      const i = next++;
      out[i] = await f(items[i], i);
    }
  };
  await Promise.all(Array.from({ length: Math.min(n, items.length) }, worker));
  return out;
}
