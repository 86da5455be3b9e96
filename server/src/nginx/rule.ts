import type { FileHost } from '../core/host';
import type { Rule } from '../core/rule';
import type { Settings } from '../core/settings';
import type { ExpandedConfig } from './include';
import type { ServerContext } from './contexts';

/** What every nginx rule sees: the config with includes expanded, its servers merged, the settings. */
export interface NginxContext {
  config: ExpandedConfig;
  servers: ServerContext[];
  host: FileHost;
  /** Resolved for the linted file: nginx/OpenSSL versions, TLS profile, path mappings, expiry window. */
  settings: Settings;
  /** The clock, passed in so expiry checks are deterministic in tests. */
  now: Date;
}

export type NginxRule = Rule<NginxContext>;
