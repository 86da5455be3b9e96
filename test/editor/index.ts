// Entry of the in-editor suite: VS Code's extension host calls run() (extensionTestsPath points at the
// bundle, out/test/test/editor/index.js) with the fixture workspace open. Standard mocha run() as in the
// yo-code template; every sibling *.test.js bundle is added.
import * as fs from 'node:fs';
import * as path from 'node:path';
import * as util from 'node:util';

type MochaCtor = typeof import('mocha');

function loadMocha(): MochaCtor {
  // mocha >= 11 is an ES module whose default export is the Mocha class; require(esm) returns its
  // namespace. Older mocha is CommonJS and module.exports is the class itself.
  // eslint-disable-next-line @typescript-eslint/no-require-imports
  const mod = require('mocha') as MochaCtor & { default?: MochaCtor };
  return mod.default ?? mod;
}

export function run(): Promise<void> {
  const Mocha = loadMocha();
  // The workbench forwards console arguments unformatted: pre-format so '%s'/'%d' placeholders are filled in.
  Mocha.reporters.Base.consoleLog = (...a: unknown[]) => console.log(util.format(...a));
  const mocha = new Mocha({
    ui: 'bdd',
    reporter: 'spec',
    color: false,
    timeout: 60_000,
    slow: 5_000,
    grep: process.env.TLSNET_EDITOR_GREP || undefined,
  });
  const files = fs.readdirSync(__dirname).filter((f) => f.endsWith('.test.js')).sort();
  for (const f of files) mocha.addFile(path.join(__dirname, f));
  return new Promise((resolve, reject) => {
    try {
      mocha.run((failures) => (failures > 0 ? reject(new Error(`${failures} editor test(s) failed.`)) : resolve()));
    } catch (err) {
      console.error(err);
      reject(err instanceof Error ? err : new Error(String(err)));
    }
  });
}
