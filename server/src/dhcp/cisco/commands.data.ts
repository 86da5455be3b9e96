/**
 * IOS DHCP pool sub-commands the parser knows (data, not logic). Commands not listed here are
 * still valid IOS (the set grows with every release): the parser skips them quietly.
 */

/** Sub-commands that set an option from a list of addresses, with the option they set and IOS's limit. */
export const ADDRESS_LIST_COMMANDS: ReadonlyMap<string, { code: number; max: number }> = new Map([
  ['default-router', { code: 3, max: 8 }],
  ['dns-server', { code: 6, max: 8 }],
  ['netbios-name-server', { code: 44, max: 8 }],
]);

/**
 * Pool sub-commands that are not also global configuration commands. A line starting with one of
 * these stays in the pool even when it is not indented, as it does when typed or pasted into IOS
 * (the CLI stays in dhcp-config mode until a command that mode does not know).
 */
export const POOL_ONLY_COMMANDS: ReadonlySet<string> = new Set([
  'network', 'default-router', 'dns-server', 'domain-name', 'netbios-name-server', 'netbios-node-type', 'lease', 'option',
  'host', 'client-identifier', 'hardware-address', 'client-name', 'import', 'next-server', 'bootfile', 'override',
  'utilization', 'origin', 'reserved-only', 'address', 'class', 'update', 'relay', 'renew', 'remember', 'subnet',
]);

/** Commands of a pool's `class NAME` sub-mode (dhcp-pool-class): anything else returns to the pool. */
export const POOL_CLASS_COMMANDS: ReadonlySet<string> = new Set(['address', 'relay', 'relay-information', 'remark']);

/** Commands of a global `ip dhcp class NAME` (dhcp-class mode and its `relay agent information` sub-mode). */
export const RELAY_CLASS_COMMANDS: ReadonlySet<string> = new Set(['relay', 'relay-information', 'remark']);

/** Option value types of `option N [instance I] TYPE VALUE`. */
export const OPTION_TYPES: ReadonlyMap<string, 'hex' | 'ip' | 'ascii'> = new Map([
  ['hex', 'hex'],
  ['ip', 'ip'],
  ['ascii', 'ascii'],
]);
