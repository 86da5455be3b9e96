import { spawn, spawnSync } from 'node:child_process';
import { existsSync } from 'node:fs';
import { basename, dirname, join } from 'node:path';

// The three DHCP servers on this machine as oracles: `dhcpd -t` (isc-dhcp-server 4.4.3),
// `kea-dhcp4 -t` (Kea 2.2.0) and `dnsmasq --test` (2.90), each run in the config's directory
// (all three open relative includes from the working directory), their verdict reduced to
// accepted / rejected with the first message and where it points.

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

/** The server's version line, or undefined when it is not installed. */
export function oracleVersion(o: Oracle): string | undefined {
  const args = o === 'kea' ? ['-v'] : ['--version'];
  const r = spawnSync(BINARIES[o], args, { encoding: 'utf8' });
  if (r.error) return undefined;
  const out = `${r.stdout}\n${r.stderr}`;
  const v = o === 'kea' ? /^(\d+\.\d+\.\d+)/m.exec(out) : o === 'dnsmasq' ? /version (\d+\.\d+)/.exec(out) : /(\d+\.\d+\.\d+\S*)/.exec(out);
  return v?.[1] ?? out.trim().split('\n')[0];
}

function argv(o: Oracle, file: string, work: string): string[] {
  switch (o) {
    case 'dhcpd':
    case 'dhcpd6':
      // -t parses only; the lease and pid files are named so nothing under /var is consulted.
      // No -q: it silences the complaints too.
      return [o === 'dhcpd6' ? '-6' : '-4', '-t', '-cf', file, '-lf', join(work, 'dhcpd.leases'), '-pf', join(work, 'dhcpd.pid')];
    case 'kea':
      return ['-t', file];
    case 'dnsmasq':
      return ['--test', `--conf-file=${file}`];
  }
}

/** Runs the oracle on `main` (absolute) with its directory as the working directory. */
export function runOracle(o: Oracle, main: string): Promise<Verdict> {
  const t0 = performance.now();
  return new Promise((resolve) => {
    const p = spawn(BINARIES[o], argv(o, basename(main), dirname(main)), { cwd: dirname(main), stdio: ['ignore', 'pipe', 'pipe'] });
    let out = '';
    p.stdout.on('data', (d: Buffer) => (out += d.toString()));
    p.stderr.on('data', (d: Buffer) => (out += d.toString()));
    p.on('error', (e) => resolve({ ok: false, message: `cannot run ${BINARIES[o]}: ${e.message}`, output: '', ms: 0 }));
    p.on('close', (code) => resolve({ ok: code === 0, ...(code === 0 ? {} : complaint(o, out)), output: out, ms: performance.now() - t0 }));
  });
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
