import { spawnSync } from 'node:child_process';
import { existsSync, mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { dirname, isAbsolute, join, normalize } from 'node:path';

// The real DHCP servers as oracles: each judges a config text the way its service would at start.

/** Debian's isc-dhcp-server installs dhcpd here; CI installs the same package. */
export const DHCPD = '/usr/sbin/dhcpd';

/** Whether `dhcpd` can run here (tests skip, saying so, only when it is absent). */
export const hasDhcpd = (): boolean => existsSync(DHCPD);

/** Writes `files` (paths relative to the config's directory) under `dir`. */
function writeFiles(dir: string, files: Record<string, string>): void {
  for (const [rel, text] of Object.entries(files)) {
    const path = normalize(join(dir, rel));
    if (isAbsolute(rel) || !path.startsWith(dir + '/')) throw new Error(`oracle files must stay in the config's directory: ${rel}`);
    mkdirSync(dirname(path), { recursive: true });
    writeFileSync(path, text);
  }
}

/**
 * `dhcpd -t` on `text` as `dhcpd.conf`, in a private directory that also holds `files` and is
 * dhcpd's working directory (relative includes resolve as they would beside the config), in
 * DHCPv4 mode or, with `family` 6, DHCPv6 mode (`-6`). A crash or a timeout counts as a refusal.
 * `output` is everything dhcpd printed.
 */
export function dhcpdAccepts(text: string, files: Record<string, string> = {}, family: 4 | 6 = 4): { ok: boolean; output: string } {
  const dir = mkdtempSync(join(tmpdir(), 'tlsnet-dhcpd-'));
  try {
    writeFiles(dir, files);
    writeFileSync(join(dir, 'dhcpd.conf'), text);
    const r = spawnSync(DHCPD, [`-${family}`, '-t', '-cf', 'dhcpd.conf', '-lf', join(dir, 'dhcpd.leases'), '-pf', join(dir, 'dhcpd.pid')], { cwd: dir, encoding: 'utf8', timeout: 30_000 });
    if ((r.error as NodeJS.ErrnoException | undefined)?.code === 'ENOENT') throw new Error(`${DHCPD} is not installed (apt-get install isc-dhcp-server)`);
    const signal = r.signal ? `\n(dhcpd ended by ${r.signal})` : '';
    return { ok: r.status === 0, output: `${r.stdout ?? ''}${r.stderr ?? ''}${signal}` };
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
}
