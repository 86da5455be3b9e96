import { parseCisco } from './cisco/parser';
import { parseDnsmasq } from './dnsmasq/parser';
import { parseIsc } from './isc/parser';
import { parseKea } from './kea/parser';
import { parseMikrotik } from './mikrotik/parser';
import type { DhcpDialect, DhcpFile, DhcpScope } from './model';

export interface ParseOptions {
  /** The file is included by another: checks that depend on the includer (names it defines) are only warnings. */
  included?: boolean;
  /** Kea: the includer's scope the include sits in (DhcpInclude.within); the file is read as that scope's inside. */
  within?: DhcpScope;
}

/** Parses one file of any dialect into the shared model. Never throws. */
export function parseDhcp(dialect: DhcpDialect, path: string, text: string, options: ParseOptions = {}): DhcpFile {
  switch (dialect) {
    case 'cisco-ios':
      return parseCisco(path, text);
    case 'dhcpd':
      return parseIsc(path, text, { included: options.included });
    case 'kea':
      return parseKea(path, text, { included: options.included, within: options.within });
    case 'dnsmasq':
      return parseDnsmasq(path, text);
    case 'mikrotik':
      return parseMikrotik(path, text);
  }
}
