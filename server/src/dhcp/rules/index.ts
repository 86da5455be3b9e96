import type { DhcpRule } from '../rule';
import { OPTION_RULES } from './optionRules';
import { SCOPE_RULES } from './scopeRules';

/** Every `dhcp/` rule: addresses, scopes and leases (scopeRules.ts), then option values (optionRules.ts). */
export const DHCP_RULES: readonly DhcpRule[] = [...SCOPE_RULES, ...OPTION_RULES];
