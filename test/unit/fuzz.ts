/** What the fuzz tests share: a seeded random stream, so that a failing run can be replayed. */

/** The run's seed: TLSNET_FUZZ_SEED=<n> replays a run, `fallback` otherwise. */
export const fuzzSeed = (fallback: number): number => Number(process.env.TLSNET_FUZZ_SEED ?? fallback) >>> 0;

/** mulberry32: small, fast and the same on every platform. */
export function prng(seed: number): () => number {
  let a = seed >>> 0;
  return () => {
    a = (a + 0x6d2b79f5) >>> 0;
    let t = a;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

/** One element of `xs`, drawn from `r`. */
export const pick = <T>(xs: readonly T[], r: () => number): T => xs[Math.floor(r() * xs.length)];
