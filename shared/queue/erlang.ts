// Erlang C for M/M/c (docs/domain.md "Queues"): the steady-state yardstick the time-stepped queue is
// checked against, and a way to size desks for a steady stream of arrivals.

/**
 * Probability an arrival has to wait, C(c, A), with offered load A = λ/μ and c desks; 1 when A ≥ c.
 * Computed through the Erlang B recursion, which stays stable for large c.
 * @example erlangC(5, 4) // 0.5541
 */
export function erlangC(desks: number, offeredLoad: number): number {
  if (desks <= 0 || offeredLoad >= desks) return 1;
  if (offeredLoad <= 0) return 0;
  let b = 1; // Erlang B with 0 servers
  for (let k = 1; k <= desks; k++) b = (offeredLoad * b) / (k + offeredLoad * b);
  return (desks * b) / (desks - offeredLoad * (1 - b));
}

export interface ErlangFigures {
  /** Utilisation ρ = λ / (cμ). */
  utilisation: number;
  /** P(wait) = C(c, A). */
  probabilityOfWait: number;
  /** Mean wait in line, in the unit of 1/λ (hours when rates are per hour). */
  meanWait: number;
  /** Mean number in line, Lq = λ·Wq. */
  meanLine: number;
}

/**
 * Steady-state figures of an M/M/c line: arrival rate λ, service rate μ per desk, c desks.
 * Rates in the same unit (say per hour); waits come out in that unit. Unstable lines (ρ ≥ 1) have
 * infinite wait and line.
 * @example mmc(240, 60, 5) // { utilisation: 0.8, probabilityOfWait: 0.554, meanWait: 0.00924, meanLine: 2.216 } (the wait in hours)
 */
export function mmc(arrivalRate: number, serviceRate: number, desks: number): ErlangFigures {
  const utilisation = arrivalRate / (desks * serviceRate);
  if (utilisation >= 1) return { utilisation, probabilityOfWait: 1, meanWait: Infinity, meanLine: Infinity };
  const probabilityOfWait = erlangC(desks, arrivalRate / serviceRate);
  const meanWait = probabilityOfWait / (desks * serviceRate - arrivalRate);
  return { utilisation, probabilityOfWait, meanWait, meanLine: arrivalRate * meanWait };
}

/**
 * The fewest desks whose steady-state mean wait is at most `maxMeanWait` (same time unit as 1/λ).
 * @example desksForMeanWait(240, 60, 1 / 60) // 5 (Wq 0.55 min ≤ 1 min; 4 desks would be unstable)
 */
export function desksForMeanWait(arrivalRate: number, serviceRate: number, maxMeanWait: number): number {
  if (arrivalRate <= 0) return 0;
  let c = Math.max(1, Math.floor(arrivalRate / serviceRate) + 1);
  while (mmc(arrivalRate, serviceRate, c).meanWait > maxMeanWait) c++;
  return c;
}
