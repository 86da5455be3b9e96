// What the benchmarks share: the repository root, timing, and loading the TypeScript core in-process.
import * as esbuild from 'esbuild';
import { createRequire } from 'node:module';
import { dirname, join, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';

export const ROOT = resolve(dirname(fileURLToPath(import.meta.url)), '..');

export const median = (xs) => [...xs].sort((a, b) => a - b)[Math.floor(xs.length / 2)];

/** Milliseconds `f` takes once. */
export const time = (f) => {
  const t0 = performance.now();
  f();
  return performance.now() - t0;
};

/**
 * Bundles `exportsSource` (export lines relative to the repository root) from the TypeScript
 * sources into `dir` and loads it, as the bundles in dist/ are built ('module' first: jsonc-parser).
 */
export async function loadSources(exportsSource, dir) {
  const outfile = join(dir, 'core.cjs');
  await esbuild.build({ stdin: { contents: exportsSource, resolveDir: ROOT, loader: 'ts' }, bundle: true, platform: 'node', format: 'cjs', outfile, mainFields: ['module', 'main'], logLevel: 'error' });
  return createRequire(import.meta.url)(outfile);
}
