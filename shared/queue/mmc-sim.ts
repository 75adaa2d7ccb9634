// A seeded stochastic M/M/c line (Poisson arrivals, exponential swabs, first in first out): the
// check that the planner's fluid queue and Erlang C describe the same steady state.

import { seededUniform } from "../random.ts";

export interface SimulatedLine {
  /** Share of people who waited at all. */
  probabilityOfWait: number;
  /** Mean wait in line, in the unit of 1/λ. */
  meanWait: number;
}

/**
 * Simulates `people` arrivals at rate λ to c desks serving at μ each; the first tenth is warm-up.
 * @example simulateMmc(240, 60, 5, 200000, 7).meanWait // ≈ 0.01 (hours; Erlang C says 0.00923)
 */
export function simulateMmc(arrivalRate: number, serviceRate: number, desks: number, people: number, seed: number): SimulatedLine {
  const u = seededUniform(seed);
  const exp = (rate: number) => -Math.log(1 - u()) / rate;
  const free = new Float64Array(desks); // when each desk is next free
  const warmUp = Math.floor(people / 10);
  let t = 0, waited = 0, totalWait = 0, counted = 0;
  for (let i = 0; i < people; i++) {
    t += exp(arrivalRate);
    let d = 0;
    for (let k = 1; k < desks; k++) if (free[k] < free[d]) d = k;
    const start = Math.max(t, free[d]);
    free[d] = start + exp(serviceRate);
    if (i < warmUp) continue;
    counted++;
    if (start > t) waited++;
    totalWait += start - t;
  }
  return { probabilityOfWait: waited / counted, meanWait: totalWait / counted };
}
