/**
 * mulberry32: a small, fast, seeded 32-bit generator of numbers in [0, 1). Reproducible across
 * machines and Node versions (integer arithmetic only), which is what the inspection draw (replayable
 * from its seed) and the demo dataset (the same city on every machine) need; not for secrets.
 */
export function mulberry32(seed: number): () => number {
  let state = seed >>> 0;
  return () => {
    state = (state + 0x6d2b79f5) >>> 0;
    let t = state;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}
