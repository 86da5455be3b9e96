import type { RuleMeta } from './rule';

/** Files above this size are refused politely rather than parsed (configs are kilobytes). */
export const MAX_ANALYZED_BYTES = 4 * 1024 * 1024;

export const fileTooLarge: RuleMeta = {
  id: 'general/file-too-large',
  language: 'general',
  description: 'The file is too large to analyse; tlsnet skips it instead of slowing the editor down.',
  severity: 'info',
  fixable: false,
  citation: 'tlsnet: analysis limits',
};
