import type { DhcpRule } from '../rule';
import { missingOption249 } from './missing-option-249';
import { option33NetworkRoute } from './option33-network-route';
import { option82Malformed } from './option82-malformed';
import { route121Duplicate } from './route121-duplicate';
import { route121HostBits } from './route121-host-bits';
import { route121Malformed } from './route121-malformed';
import { route121RouterOffSubnet } from './route121-router-off-subnet';
import { route121WithoutDefault } from './route121-without-default';

/** Rules on option values: classless static routes (121/249), option 33, option 82. */
export const OPTION_RULES: readonly DhcpRule[] = [
  route121Malformed,
  route121HostBits,
  route121Duplicate,
  route121RouterOffSubnet,
  route121WithoutDefault,
  missingOption249,
  option33NetworkRoute,
  option82Malformed,
];
