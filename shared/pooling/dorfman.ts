// Pool-size advice by Dorfman (1943), docs/domain.md "Pooled sampling": expected tests per person with
// pools of k at prevalence p are 1/k + 1 − (1−p)^k; pooling pays only below p ≈ 0.307.

/** The pool sizes the lab has validated; mixing pooled tubes again is not (docs/domain.md). */
export const ADVISED_POOL_SIZES = [5, 10, 20] as const;

/**
 * Expected tests (first-round tubes plus re-swabs) per person sampled.
 * @example testsPerPerson(0.01, 10) // 0.1956
 */
export function testsPerPerson(prevalence: number, poolSize: number): number {
  if (poolSize <= 1) return 1;
  return 1 / poolSize + 1 - (1 - prevalence) ** poolSize;
}

/**
 * Expected people to re-swab per `sampled` people: every member of a positive pool, N·[1 − (1−p)^k].
 * @example reswabsExpected(10000, 0.001, 10) // 99.55
 */
export function reswabsExpected(sampled: number, prevalence: number, poolSize: number): number {
  return sampled * (1 - (1 - prevalence) ** poolSize);
}

export interface PoolAdvice {
  poolSize: number;
  testsPerPerson: number;
  /** The validated size with the fewest expected tests a person. */
  best: boolean;
}

/**
 * Dorfman's figures for pools of 5, 10 and 20, the fewest tests marked best.
 * @example poolingAdvice(0.05) // [{ poolSize: 5, testsPerPerson: 0.4262, best: true }, { poolSize: 10, testsPerPerson: 0.5013, best: false }, { poolSize: 20, testsPerPerson: 0.6915, best: false }]
 */
export function poolingAdvice(prevalence: number): PoolAdvice[] {
  const rows = ADVISED_POOL_SIZES.map((k) => ({ poolSize: k, testsPerPerson: round4(testsPerPerson(prevalence, k)), best: false }));
  const exact = ADVISED_POOL_SIZES.map((k) => testsPerPerson(prevalence, k));
  rows[exact.indexOf(Math.min(...exact))].best = true;
  return rows;
}

const round4 = (x: number) => Math.round(x * 10000) / 10000;
