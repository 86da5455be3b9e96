#!/usr/bin/env node
// Writes every rule into package.json (`tlsnet.rules` settings, one property per rule id with its
// default severity and description) and adds a CHANGELOG line for any rule not yet mentioned.
// Run after adding a rule: `node scripts/sync-rules.mjs`. The meta test checks the result.
import * as esbuild from 'esbuild';
import { mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import { tmpdir } from 'node:os';
import { join } from 'node:path';

const dir = mkdtempSync(join(tmpdir(), 'tlsnet-sync-'));
let rules;
try {
  const out = join(dir, 'analysis.js');
  await esbuild.build({ entryPoints: ['server/src/analysis.ts'], outfile: out, bundle: true, platform: 'node', format: 'cjs', logLevel: 'warning', mainFields: ['module', 'main'] });
  rules = createRequire(import.meta.url)(out).ALL_RULES;
} finally {
  rmSync(dir, { recursive: true, force: true });
}

const pkg = JSON.parse(readFileSync('package.json', 'utf8'));
const setting = pkg.contributes.configuration.properties['tlsnet.rules'];
setting.properties = Object.fromEntries(
  rules.map((r) => [r.id, { type: 'string', enum: ['error', 'warning', 'info', 'hint', 'off'], default: r.severity, markdownDescription: r.description }]),
);
writeFileSync('package.json', JSON.stringify(pkg, null, 2) + '\n');

const log = readFileSync('CHANGELOG.md', 'utf8');
const missing = rules.filter((r) => !log.includes(`\`${r.id}\``));
if (missing.length) {
  const lines = missing.map((r) => `- Rule \`${r.id}\` (${r.severity}${r.fixable ? ', quick fix' : ''}).`).join('\n');
  const at = log.indexOf('\n## ', log.indexOf('## ') + 1);
  const next = at < 0 ? log.trimEnd() + '\n' + lines + '\n' : log.slice(0, at).trimEnd() + '\n' + lines + '\n' + log.slice(at);
  writeFileSync('CHANGELOG.md', next);
}
process.stdout.write(`package.json: ${rules.length} rules; CHANGELOG: ${missing.length} added\n`);
