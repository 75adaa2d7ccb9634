// Seeded randomness: the domain may use chance only through a seed, so every run is repeatable
// (the style guide: "no randomness without a seed").

/**
 * A small seeded generator (mulberry32) of uniforms in [0, 1): same seed, same sequence.
 * @example seededUniform(1)() // 0.6270739405881613
 */
export function seededUniform(seed: number): () => number {
  let a = seed >>> 0;
  return () => {
    a = (a + 0x6d2b79f5) >>> 0;
    let t = a;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}
