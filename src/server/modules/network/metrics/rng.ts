/**
 * mulberry32: a 32-bit seeded PRNG. Small, fast and good enough for shuffling node order in Louvain
 * and for generating benchmark networks; the point is that the same seed gives the same numbers on
 * every machine and Node version, which Math.random cannot promise.
 */
export function seededRandom(seed: number): () => number {
  let a = seed >>> 0;
  return () => {
    a = (a + 0x6d2b79f5) >>> 0;
    let t = a;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}
