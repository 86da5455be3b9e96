import type { Span } from '../core/text';
import type { Prefix } from './ipv4';

/**
 * One model for the DHCP server dialects. Each parser (cisco/, isc/, kea/, dnsmasq/, mikrotik/) turns
 * its text into a `DhcpFile`; the rules, hovers and lenses work on this model only, so a check
 * written once covers every dialect. Parsers are tolerant: they never throw, keep exact spans
 * (UTF-16 offsets into the file's text) and record what they cannot read in `problems`.
 */
export type DhcpDialect = 'cisco-ios' | 'dhcpd' | 'kea' | 'dnsmasq' | 'mikrotik';

/** A value with where it is written. */
export interface At<T> {
  value: T;
  span: Span;
}

/**
 * How an option's value is spelled, which decides how `value` is read:
 * - `hex`: bytes in hex with any separators: `2001.0101.01c0`, `20:01:01`, `2001 0101`, `0x2001…`;
 * - `decimal`: bytes as comma-separated decimals (ISC `array of unsigned integer 8`, Kea CSV);
 * - `routes`: a route list: Kea `1.1.1.1/32 - 192.168.0.1, …` or dnsmasq `1.1.1.1/32,192.168.0.1,…`;
 * - `ip`: one or more IPv4 addresses (Cisco `option N ip`, ISC `option routers a, b`);
 * - `ascii`: a string (Cisco `option N ascii "x"`, ISC quoted strings);
 * - `text`: anything else, as written (a lease time, a name list).
 */
export type OptionFormat = 'hex' | 'decimal' | 'routes' | 'ip' | 'ascii' | 'text';

export interface DhcpOption {
  /** The DHCP option code, resolved from a name through the dialect's option table or definitions; undefined when unknown. */
  code: number | undefined;
  /** The name as written (`routers`, `default-router`, `classless-static-route`, `option:router`), if any. */
  name?: string;
  /** The whole statement, entry or line. */
  span: Span;
  /** The value as written, without quotes. For JSON strings, the decoded string. */
  value: string;
  /** Where `value` is in the file. When `exact`, `text.slice(valueSpan.start, valueSpan.end) === value`. */
  valueSpan: Span;
  /** False when `value` was unescaped from the source (a JSON string with escapes): spans inside it are approximate. */
  exact: boolean;
  format: OptionFormat;
  /** dnsmasq `dhcp-option-force`, ISC `always-send`-like forcing: sent even if not requested. */
  force?: boolean;
  /** dnsmasq `tag:`/`set:` conditions, Kea client classes: the option applies only to some clients. */
  tags?: string[];
}

export interface AddressRange {
  start: At<number>;
  end: At<number>;
  /** The whole `range`, `address range`, pool entry or `dhcp-range`. */
  span: Span;
}

export interface StaticHost {
  name?: At<string>;
  /** The reserved address (`fixed-address`, `ip-address`, Cisco host pool `host`, dnsmasq `dhcp-host` address). */
  address?: At<number>;
  /** MAC (`hardware ethernet`, `hw-address`, `hardware-address`) or client id, normalised to lowercase hex with colons. */
  hardware?: At<string>;
  clientId?: At<string>;
  span: Span;
}

/** Lease time: seconds, `infinite`, or undefined when unparsable (with the text kept). */
export interface Lease {
  seconds: number | 'infinite' | undefined;
  raw: string;
  span: Span;
}

/**
 * A scope options apply to: the file's global scope, an ISC `subnet`/`shared-network`/`pool`/
 * `group`/`host`/`class`, a Cisco `ip dhcp pool`, a Kea subnet4/pool/reservation, a dnsmasq
 * range (dnsmasq has one global scope plus tagged ranges).
 */
export interface DhcpScope {
  kind: 'global' | 'subnet' | 'shared-network' | 'pool' | 'group' | 'host' | 'class';
  /** The file the scope is written in (included files have their own). */
  file: string;
  /** Pool, shared-network, host or class name; Kea subnet `id` as text. */
  name?: At<string>;
  /** The whole block (for a Cisco pool: the `ip dhcp pool` line through its last sub-command). */
  span: Span;
  /** The header (`ip dhcp pool NAME`, `subnet A netmask M`, the `subnet4` entry's `subnet`). */
  headerSpan: Span;
  /**
   * IPv4 networks the scope serves: Cisco `network` (+ `secondary`), ISC `subnet`/`netmask`, Kea
   * `subnet`. IPv6 stays out of the model: an ISC `subnet6` (dhcpd -6) is a subnet scope with no
   * networks, and its `range6`/`prefix6` add no `ranges`.
   * `maskText` is the mask as written (`255.255.255.0` or `/24`), absent when none was written.
   * `overrideRouters` is a Cisco `override default-router` under a `network ... secondary` line:
   * option 3 for clients of that subnet only (not in the scope's `options`).
   */
  networks: Array<At<Prefix> & { secondary?: boolean; maskText?: string; overrideRouters?: DhcpOption }>;
  ranges: AddressRange[];
  hosts: StaticHost[];
  /** Options set here, including the dialect's dedicated spellings of them: Cisco `default-router`/`dns-server`/`domain-name` and ISC `option routers` are codes 3/6/15. */
  options: DhcpOption[];
  lease?: Lease;
  /** ISC `max-lease-time`: the longest lease a client may ask for (the default one is `lease`). */
  maxLease?: Lease;
  /** Cisco `vrf NAME`. */
  vrf?: At<string>;
  /** Cisco `import all`. */
  importAll?: Span;
  /** Cisco `override default-router`: routers sent instead of the relay's. */
  overrideDefaultRouter?: Span;
  /**
   * Enclosing scope in the text (ISC pool in subnet in shared-network; Kea pool in subnet4). Cisco
   * nesting by network is computed by `inheritance.ts`. Kea splices an included file's text where
   * `<?include?>` stands, so an included Kea file's global scope has the scope the include sits
   * in as parent (`DhcpInclude.within`).
   */
  parent?: DhcpScope;
  children: DhcpScope[];
}

/** Cisco `ip dhcp excluded-address LOW [HIGH]` (optionally `vrf NAME`). */
export interface Exclusion {
  file: string;
  start: At<number>;
  end: At<number>;
  vrf?: string;
  span: Span;
}

/** Cisco `ip dhcp class NAME` with `relay agent information` / `relay-information hex ...` lines. */
export interface RelayClass {
  file: string;
  name: At<string>;
  span: Span;
  /** Each `relay-information hex HEX [*] [mask MASK]` value (hex text as written). */
  relayInformation: At<string>[];
}

/** A custom option definition: ISC `option NAME code N = TYPE;`, Kea `option-def`. */
export interface OptionDefinition {
  file: string;
  name: At<string>;
  code: At<number>;
  /** The type as written: `array of unsigned integer 8`, `string`, `uint8` (+ `array`), `record`… */
  type: string;
  array?: boolean;
  span: Span;
}

/** `include "path";` (ISC), `<?include "path"?>` (Kea), `conf-file=`/`conf-dir=` (dnsmasq). */
export interface DhcpInclude {
  file: string;
  path: At<string>;
  span: Span;
  /** dnsmasq `conf-dir=`: the path names a directory, whose files dnsmasq reads. */
  directory?: boolean;
  /** Kea: the scope whose JSON the include sits in (the included text is read in its place). */
  within?: DhcpScope;
}

/**
 * A machine-readable identity for parse problems a quick fix repairs (fixes match it, never the
 * message text), with what the fix needs.
 * - `isc-undefined-route-option`: dhcpd has no built-in option 121 or 249; `option` (as written,
 *   `rfc3442-classless-static-routes` or `ms-classless-static-routes`) is used with no
 *   `option NAME code N = array of unsigned integer 8;` before it. `topLevel` is where the
 *   top-level statement holding this use starts: a definition may only be top-level and must
 *   precede every use.
 */
export type ParseProblemCode = { code: 'isc-undefined-route-option'; data: { option: string; optionCode: 121 | 249; topLevel: number } };

/** Something the parser could not read, or the server would refuse to load. */
export interface ParseProblem {
  file: string;
  span: Span;
  message: string;
  /** `error` when the server refuses the config (dhcpd -t / kea-dhcp4 -t / dnsmasq --test fail), `warning` when it only ignores or warns. */
  severity: 'error' | 'warning';
  /**
   * Set when the verdict holds for some server versions only. Parsers know no settings: they judge
   * as `version` would (Kea 2.2, as Debian 12 ships; the default when `tlsnet.dhcp.keaVersion` is
   * unset) and give the first version known to accept the text in `acceptedSince` (Kea 2.6.0
   * defines `classless-static-route`), absent when unknown (a keyword Kea 2.2 does not know may
   * be a typo or a newer keyword). Rules that know the configured version drop or soften these.
   */
  versionDependent?: { version: string; acceptedSince?: string };
  /** Set on problems a quick fix repairs (ParseProblemCode), with `data`; absent on the others. */
  code?: ParseProblemCode['code'];
  data?: ParseProblemCode['data'];
  /**
   * Kea 2.2 refuses option 121 as written here: by its Kea 2.6 name `classless-static-route`, or
   * by code with route-list (or, in the global option-data, CSV) data. `entry` is the option-data
   * object; its data is a Kea route list or hex, so a quick fix can rewrite the entry as
   * `"code": 121, "space": "dhcp4", "csv-format": false` with hex data, which every Kea reads.
   */
  keaRoute121?: { entry: Span };
}

/** One parsed file. */
export interface DhcpFile {
  dialect: DhcpDialect;
  path: string;
  text: string;
  /** The file's top level; every other scope is a descendant. */
  global: DhcpScope;
  /** Every scope in document order, the global one first. */
  scopes: DhcpScope[];
  exclusions: Exclusion[];
  classes: RelayClass[];
  /** Cisco `ip dhcp client request classless-static-route` lines (client side). */
  clientRouteRequests: Span[];
  definitions: OptionDefinition[];
  includes: DhcpInclude[];
  problems: ParseProblem[];
  /** Comments, for `# tlsnet-disable-next-line dhcp/...` suppression. */
  comments: At<string>[];
}
