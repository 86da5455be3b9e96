import type { DhcpRule } from '../rule';

export const OPTION_RULES: readonly DhcpRule[] = [];
