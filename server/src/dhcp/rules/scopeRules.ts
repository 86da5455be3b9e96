import type { DhcpRule } from '../rule';

export const SCOPE_RULES: readonly DhcpRule[] = [];
