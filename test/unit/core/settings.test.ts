import assert from 'node:assert/strict';
import { test } from 'node:test';
import type { Finding } from '../../../server/src/core/finding';
import { applySeverity, normalizeSettings, settingProblem, settingsFromEntries } from '../../../server/src/core/settings';

const f = (rule: string): Finding => ({ rule, file: '/a', span: { start: 0, end: 1 }, message: 'm', severity: 'error' });

test('settings: overrides by rule id, "off" removes, junk ignored', () => {
  const s = normalizeSettings({ rules: { 'nginx/a': 'warning', 'nginx/b': 'off', 'nginx/c': 'loud', 'nginx/d': 3 } });
  assert.deepEqual(s.rules, { 'nginx/a': 'warning', 'nginx/b': 'off' });
  const out = applySeverity([f('nginx/a'), f('nginx/b'), f('nginx/c')], s);
  assert.deepEqual(out.map((x) => [x.rule, x.severity]), [['nginx/a', 'warning'], ['nginx/c', 'error']]);
  assert.deepEqual(normalizeSettings(null).rules, {});
  assert.deepEqual(normalizeSettings('x').rules, {});
});

test('settings: tlsnet.dhcp.windowsClients and keaVersion, nested or flat, junk ignored', () => {
  assert.deepEqual(normalizeSettings({}).dhcp, { windowsClients: false });
  assert.deepEqual(normalizeSettings({ dhcp: { windowsClients: true, keaVersion: '2.6.1' } }).dhcp, { windowsClients: true, keaVersion: '2.6.1' });
  assert.deepEqual(normalizeSettings(settingsFromEntries([['tlsnet.dhcp.windowsClients', true], ['tlsnet.dhcp.keaVersion', '2.2.0']])).dhcp, { windowsClients: true, keaVersion: '2.2.0' });
  assert.deepEqual(normalizeSettings({ dhcp: { windowsClients: 'yes', keaVersion: 'latest' } }).dhcp, { windowsClients: false });
  const isRule = (): boolean => false;
  assert.equal(settingProblem('tlsnet.dhcp.windowsClients', true, isRule), undefined);
  assert.match(settingProblem('tlsnet.dhcp.windowsClients', 'yes', isRule) ?? '', /true or false/);
  assert.equal(settingProblem('tlsnet.dhcp.keaVersion', '2.6.0', isRule), undefined);
  assert.match(settingProblem('tlsnet.dhcp.keaVersion', 'new', isRule) ?? '', /version/);
});
