import type { FileHost } from '../core/host';
import type { Rule } from '../core/rule';
import type { ExpandedConfig } from './include';
import type { ServerContext } from './contexts';

/** What every nginx rule sees: the config with includes expanded and its servers merged. */
export interface NginxContext {
  config: ExpandedConfig;
  servers: ServerContext[];
  host: FileHost;
}

export type NginxRule = Rule<NginxContext>;
