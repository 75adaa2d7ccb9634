// Tubes per point (docs/domain.md "Pooled sampling"): each open desk fills its own tube to the pool size;
// a tube partly filled when the desk's line runs dry, when the desk closes or when the courier comes
// is sealed short, never over.
import { POOL_SIZES } from "../scenario/schema.ts";

/** Less than this much of a person in a tube is rounding, not a swab (expected values are fractional). */
const CRUMB = 0.01;

/**
 * Splits a point's swabs per minute among the desks open that minute, equally.
 * @example deskShares(Float64Array.of(6), [Uint8Array.of(1), Uint8Array.of(1)]) // [[3], [3]]
 */
export function deskShares(served: Float64Array, open: Uint8Array[]): Float64Array[] {
  const shares = open.map(() => new Float64Array(served.length));
  for (let m = 0; m < served.length; m++) {
    if (served[m] <= 0) continue;
    let n = 0;
    for (const o of open) n += o[m];
    if (n === 0) continue;
    open.forEach((o, d) => { if (o[m]) shares[d][m] = served[m] / n; });
  }
  return shares;
}

export interface TubeTally {
  swabs: number;
  tubes: number;
  /** Tubes sealed before each cut (and after the last one, last): what each pickup carries. */
  perInterval: number[];
  /** Swabs in those tubes, per interval. */
  swabsPerInterval: number[];
}

/**
 * Expected tubes for the desks' swabs per minute at pool size k; `cuts` are the minutes at which
 * every open tube is sealed (the courier's pickups), sorted.
 * @example countTubes([Float64Array.of(3, 3, 3, 3, 0, 3)], 10, []).tubes // 3 (15 swabs: one full tube, one sealed short at the lull, one at the close)
 */
export function countTubes(desks: Float64Array[], poolSize: number, cuts: number[]): TubeTally {
  const perInterval = new Array(cuts.length + 1).fill(0);
  const swabsPerInterval = new Array(cuts.length + 1).fill(0);
  let swabs = 0, tubes = 0;
  for (const desk of desks) {
    let fill = 0, interval = 0, tubeSwabs = 0;
    const seal = () => { tubes++; perInterval[interval]++; swabsPerInterval[interval] += tubeSwabs; fill = 0; tubeSwabs = 0; };
    for (let m = 0; m < desk.length; m++) {
      while (interval < cuts.length && cuts[interval] <= m) {
        if (fill > CRUMB) seal(); // the courier takes every tube, sealed short if need be
        interval++;
      }
      const x = desk[m];
      if (x <= 0) {
        if (fill > CRUMB) seal(); // the line ran dry: seal short
        continue;
      }
      swabs += x;
      let left = x;
      while (fill + left >= poolSize - 1e-9) {
        const take = poolSize - fill;
        tubeSwabs += take;
        left -= take;
        fill = poolSize;
        seal();
      }
      fill += left;
      tubeSwabs += left;
    }
    if (fill > CRUMB) seal();
  }
  return { swabs, tubes, perInterval, swabsPerInterval };
}

/**
 * Expected tubes at every pool size the scenario allows (1, 5, 10, 20), same swabs and cuts.
 * @example tubesByPoolSize([Float64Array.of(3, 3, 3, 3, 0, 3)], []) // { 1: 15, 5: 4, 10: 3, 20: 2 }
 */
export function tubesByPoolSize(desks: Float64Array[], cuts: number[]): Record<number, number> {
  return Object.fromEntries(POOL_SIZES.map((k) => [k, countTubes(desks, k, cuts).tubes]));
}
