import type { Rule } from '../core/rule';
import type { Settings } from '../core/settings';
import type { DhcpFile, DhcpInclude } from './model';

/**
 * What every DHCP rule sees: the linted file and the files it includes (ISC `include`, Kea
 * `<?include?>`, dnsmasq `conf-file`), parsed into the shared model, and the settings. Rules
 * report findings in any of `files`; the adapters keep those in the linted file.
 */
export interface DhcpContext {
  /** The linted file. */
  file: DhcpFile;
  /** The linted file first, then every file it includes (transitively, each once). */
  files: DhcpFile[];
  settings: Settings;
  /** dnsmasq `conf-dir` includes (of any of `files`) whose directory does not exist; absent when not looked up. */
  missingDirectories?: ReadonlySet<DhcpInclude>;
}

export type DhcpRule = Rule<DhcpContext>;
