#!/usr/bin/env node
// Runs the in-editor suite in VS Code DESKTOP via @vscode/test-electron, for machines that can download
// VS Code from Microsoft's update servers (CI runners, developer laptops). Same suite and paths as the
// offline runner scripts/vscode-host/run-tests.mjs, which is what this repository's own checks use.
//
//   node esbuild.mjs && node esbuild.mjs --tests && node test/editor/run-electron.mjs
//
// Env: VSCODE_VERSION (default 'stable'), passed to runTests as `version`.
// On a headless Linux box wrap it in xvfb-run.
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { runTests } from '@vscode/test-electron';

const root = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..', '..');
try {
  await runTests({
    version: process.env.VSCODE_VERSION || 'stable',
    extensionDevelopmentPath: root,
    extensionTestsPath: path.join(root, 'out/test/test/editor/index.js'),
    launchArgs: [
      path.join(root, 'test/fixtures/editor-workspace'),
      '--disable-extensions', // only tlsnet (the development extension) runs
      '--disable-workspace-trust',
      '--skip-welcome',
      '--skip-release-notes',
    ],
  });
} catch (err) {
  console.error('editor tests failed:', err instanceof Error ? err.message : err);
  process.exit(1);
}
