/**
 * Parse problems whose verdict depends on the server version (ParseProblem.versionDependent). The
 * Kea parser judges as Kea 2.2, which Debian 12 ships; `tlsnet.dhcp.keaVersion` names the Kea the
 * config is for (unset: before 2.6, as Kea 2.2). A problem whose `acceptedSince` that version
 * reaches is dropped; the others stay, since the configured Kea refuses them as 2.2 does (or no
 * version is known to accept them).
 *
 *     { "name": "classless-static-route", "data": "10.0.0.0/8 - 192.168.0.1" }
 *     # refused when keaVersion is unset or 2.4; accepted, so not reported, with 2.6.0
 */
import type { Fix } from '../../core/finding';
import type { Settings } from '../../core/settings';
import { atLeast, isVersion } from '../../core/version';
import type { DhcpFile, ParseProblem } from '../model';
import { keaRoute121Fix } from './keaRoute121Fix';

/** True when the configured server refuses (or warns about) what the problem says. */
export function applies(file: DhcpFile, p: ParseProblem, settings: Settings): boolean {
  const since = p.versionDependent?.acceptedSince;
  const kea = settings.dhcp.keaVersion;
  return !(file.dialect === 'kea' && since && kea && isVersion(kea) && atLeast(kea, since));
}

/** The file's problems as the configured server version judges them. */
export function problemsFor(file: DhcpFile, settings: Settings): ParseProblem[] {
  return file.problems.some((p) => p.versionDependent) ? file.problems.filter((p) => applies(file, p, settings)) : file.problems;
}

/** The quick fixes a version-dependent problem's marker asks for: Kea option 121 as code 121 hex. */
export function versionedFixes(file: DhcpFile, p: ParseProblem): Fix[] | undefined {
  return p.keaRoute121 ? keaRoute121Fix(file, p.keaRoute121.entry) : undefined;
}
