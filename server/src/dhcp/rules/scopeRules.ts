import type { DhcpRule } from '../rule';
import { duplicateSubnet } from './duplicate-subnet';
import { excludedAddressUnused } from './excluded-address-unused';
import { gatewayOutsideSubnet } from './gateway-outside-subnet';
import { hostInDynamicRange } from './host-in-dynamic-range';
import { hostOutsideSubnet } from './host-outside-subnet';
import { includeUnresolved } from './include-unresolved';
import { invalidNetmask } from './invalid-netmask';
import { leaseTime } from './lease-time';
import { networkHostBits } from './network-host-bits';
import { overlappingRanges } from './overlapping-ranges';
import { rangeOutsideSubnet } from './range-outside-subnet';
import { syntaxError } from './syntax-error';

/** Rules about the file itself, addresses, scopes and leases (options are in optionRules.ts). */
export const SCOPE_RULES: readonly DhcpRule[] = [
  syntaxError,
  includeUnresolved,
  invalidNetmask,
  networkHostBits,
  gatewayOutsideSubnet,
  rangeOutsideSubnet,
  overlappingRanges,
  duplicateSubnet,
  hostOutsideSubnet,
  hostInDynamicRange,
  excludedAddressUnused,
  leaseTime,
];
