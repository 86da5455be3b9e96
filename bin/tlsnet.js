#!/usr/bin/env node
// The package's `tlsnet` command: the bundled CLI (built by `npm run build`, or `prepare` on install).
const { existsSync } = require('node:fs');
const { join } = require('node:path');
const cli = join(__dirname, '..', 'dist', 'cli.js');
if (!existsSync(cli)) {
  process.stderr.write('tlsnet: dist/cli.js is missing; run `npm run build` first.\n');
  process.exit(2);
}
require(cli);
