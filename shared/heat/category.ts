// Heat categories and work/rest minutes per hour from the US Army TB MED 507 table (docs/domain.md
// "Heat"), judged on the effective WBGT in °F.
import type { Workload } from "../scenario/schema.ts";

/** A TB MED 507 heat category: 0 (below category 1) to 5. */
export type HeatCategory = 0 | 1 | 2 | 3 | 4 | 5;

/** Minutes of work and of rest in each hour a heat category allows. */
export interface WorkRest {
  work: number;
  rest: number;
}

/**
 * °C to °F.
 * @example celsiusToFahrenheit(30) // 86
 */
export function celsiusToFahrenheit(c: number): number {
  return (c * 9) / 5 + 32;
}

/**
 * The TB MED 507 heat category of an effective WBGT in °C: 0 below category 1 (78 °F).
 * @example heatCategory(30.9) // 3 (87.6 °F)
 * @example heatCategory(32.3) // 5 (90.1 °F)
 */
export function heatCategory(effectiveWbgtC: number): HeatCategory {
  const f = celsiusToFahrenheit(effectiveWbgtC);
  if (f >= 90) return 5;
  if (f >= 88) return 4;
  if (f >= 85) return 3;
  if (f >= 82) return 2;
  if (f >= 78) return 1;
  return 0;
}

// TB MED 507 work/rest table; null = no limit. Index = category 0..5.
const TABLE: Record<Workload, (WorkRest | null)[]> = {
  easy: [null, null, null, null, null, { work: 50, rest: 10 }],
  moderate: [null, null, { work: 50, rest: 10 }, { work: 40, rest: 20 }, { work: 30, rest: 30 }, { work: 20, rest: 40 }],
  hard: [null, { work: 40, rest: 20 }, { work: 30, rest: 30 }, { work: 30, rest: 30 }, { work: 20, rest: 40 }, { work: 10, rest: 50 }],
};

/**
 * Work/rest minutes per hour for a workload in a heat category; null when the table sets no limit.
 * @example workRest(5, "moderate") // { work: 20, rest: 40 }
 * @example workRest(3, "easy") // null
 */
export function workRest(category: HeatCategory, workload: Workload): WorkRest | null {
  return TABLE[workload][category] ?? null;
}

/**
 * Minutes of rest a desk stint of `stintMinutes` needs under a work/rest limit: stint × rest/work.
 * @example restAfter(20, { work: 20, rest: 40 }) // 40
 * @example restAfter(30, null) // 0
 */
export function restAfter(stintMinutes: number, limit: WorkRest | null): number {
  if (!limit) return 0;
  // a stop allows no work: any desk time there (only ever a plan being checked) owes the hour's rest
  if (limit.work <= 0) return stintMinutes > 0 ? limit.rest : 0;
  return Math.ceil((stintMinutes * limit.rest) / limit.work - 1e-9);
}
