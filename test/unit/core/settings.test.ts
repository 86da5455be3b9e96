import assert from 'node:assert/strict';
import { test } from 'node:test';
import type { Finding } from '../../../server/src/core/finding';
import { applySeverity, normalizeSettings } from '../../../server/src/core/settings';

const f = (rule: string): Finding => ({ rule, file: '/a', span: { start: 0, end: 1 }, message: 'm', severity: 'error' });

test('settings: overrides by rule id, "off" removes, junk ignored', () => {
  const s = normalizeSettings({ rules: { 'nginx/a': 'warning', 'nginx/b': 'off', 'nginx/c': 'loud', 'nginx/d': 3 } });
  assert.deepEqual(s.rules, { 'nginx/a': 'warning', 'nginx/b': 'off' });
  const out = applySeverity([f('nginx/a'), f('nginx/b'), f('nginx/c')], s);
  assert.deepEqual(out.map((x) => [x.rule, x.severity]), [['nginx/a', 'warning'], ['nginx/c', 'error']]);
  assert.deepEqual(normalizeSettings(null).rules, {});
  assert.deepEqual(normalizeSettings('x').rules, {});
});
