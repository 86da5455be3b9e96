import type { DhcpFile, DhcpScope } from '../model';
import { emptyScope } from '../file';

/** confpars.c's declaration types: what may appear where depends on them. */
export type DeclType = 'root' | 'host' | 'shared' | 'subnet' | 'class' | 'group' | 'pool';

/** A shared network, explicit or the implicit one dhcpd makes around a lone subnet. */
export interface Share {
  interfaceName?: string;
  subnets: number;
  /** A failover peer is declared or named in the shared network: its pools inherit it. */
  peer?: boolean;
}

/** A host declaration's one-per-host parameters. */
export interface HostDecl {
  name: string;
  hardware?: { mac: string; start: number; end: number };
  /** `fixed-address` entries: an address, or a name dhcpd resolves later. */
  fixed?: Array<{ address?: number; start: number; end: number }>;
  uid?: { value: string; start: number; end: number };
  identifier: boolean;
}

/**
 * Where a statement is parsed: dhcpd's group type and what the group inherits (its subnet and
 * shared network), the model scope receiving options and ranges, and the conditions (`if`, `on`)
 * the statement sits under.
 */
export interface Ctx {
  type: DeclType;
  scope: DhcpScope;
  subnet: boolean;
  share?: Share;
  host?: HostDecl;
  tags?: string[];
  /** The address family of the enclosing subnet (`subnet` 4, `subnet6` 6): dhcpd -6 stops when the families meet. */
  family?: 4 | 6;
  /** The enclosing subnet6's prefix, which range6 addresses must lie in. */
  net6?: { address: bigint; length: number };
}

/** What dhcpd does when an IPv4 and an IPv6 address meet (inet.c subnet_number() exits the server). */
export const FAMILY_MISMATCH = 'dhcpd -6 stops here with "subnet_number(): Addr/mask length mismatch"';

/** A new scope in `out`, a child of `parent`, spanning from `start` until its block closes. */
export function newScope(out: DhcpFile, kind: DhcpScope['kind'], parent: DhcpScope, start: number): DhcpScope {
  const scope: DhcpScope = { ...emptyScope(kind, out.path, { start, end: start }), parent };
  parent.children.push(scope);
  out.scopes.push(scope);
  return scope;
}

export const child = (ctx: Ctx, type: DeclType, scope: DhcpScope, extra: Partial<Ctx> = {}): Ctx => ({ ...ctx, type, scope, host: undefined, tags: undefined, ...extra });
