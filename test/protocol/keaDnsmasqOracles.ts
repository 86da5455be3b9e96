import { spawnSync } from 'node:child_process';
import { mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { dirname, isAbsolute, join, normalize } from 'node:path';

// kea-dhcp4 (Kea 2.2.0) and dnsmasq (2.90) as oracles: each judges a config text the way its
// service would at start, in a private directory that is also its working directory.

export const KEA = 'kea-dhcp4';
export const DNSMASQ = 'dnsmasq';

const installed = (bin: string, args: string[]): boolean => !(spawnSync(bin, args, { encoding: 'utf8' }).error as NodeJS.ErrnoException | undefined);

/** Whether the binaries can run here (tests skip, saying so, only when one is absent). */
export const hasKea = (): boolean => installed(KEA, ['-v']);
export const hasDnsmasq = (): boolean => installed(DNSMASQ, ['--version']);

function writeFiles(dir: string, files: Record<string, string>): void {
  for (const [rel, text] of Object.entries(files)) {
    const path = normalize(join(dir, rel));
    if (isAbsolute(rel) || !path.startsWith(dir + '/')) throw new Error(`oracle files must stay in the config's directory: ${rel}`);
    mkdirSync(dirname(path), { recursive: true });
    writeFileSync(path, text);
  }
}

function judge(bin: string, name: string, text: string, files: Record<string, string>, args: (dir: string) => string[]): { ok: boolean; output: string } {
  const dir = mkdtempSync(join(tmpdir(), `tlsnet-${bin}-`));
  try {
    writeFiles(dir, files);
    writeFileSync(join(dir, name), text);
    const r = spawnSync(bin, args(dir), { cwd: dir, encoding: 'utf8', timeout: 30_000, env: { ...process.env, KEA_LOCKFILE_DIR: dir, KEA_PIDFILE_DIR: dir, KEA_LOGGER_DESTINATION: 'stdout' } });
    if ((r.error as NodeJS.ErrnoException | undefined)?.code === 'ENOENT') throw new Error(`${bin} is not installed`);
    const signal = r.signal ? `\n(${bin} ended by ${r.signal})` : '';
    return { ok: r.status === 0, output: `${r.stdout ?? ''}${r.stderr ?? ''}${signal}` };
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
}

/**
 * `kea-dhcp4 -t` on `text` as `kea-dhcp4.conf`. `output` keeps only Kea's verdict lines ("Syntax
 * check failed with: …", "Error encountered: …"), not its INFO log.
 */
export function keaAccepts(text: string, files: Record<string, string> = {}): { ok: boolean; output: string } {
  const r = judge(KEA, 'kea-dhcp4.conf', text, files, () => ['-t', 'kea-dhcp4.conf']);
  const verdict = r.output.split('\n').filter((l) => /Syntax check failed|Error encountered|ERROR/.test(l) && !/DHCP4_CONFIG_LOAD_FAIL|DHCP4_PARSER_FAIL/.test(l));
  return { ok: r.ok, output: verdict.join('\n') || r.output.slice(-500) };
}

/** `dnsmasq --test --conf-file=dnsmasq.conf`: parses the file (and what it includes) and nothing else. */
export function dnsmasqAccepts(text: string, files: Record<string, string> = {}): { ok: boolean; output: string } {
  return judge(DNSMASQ, 'dnsmasq.conf', text, files, () => ['--test', '--conf-file=dnsmasq.conf']);
}
