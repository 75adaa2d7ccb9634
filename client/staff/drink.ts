// How much to drink an hour, from the heat category and the workload (US Army TB MED 507 table:
// ½ to 1 quart an hour by category and work; never over 1½ quarts an hour or 12 a day).
import type { HeatCategory } from "../../shared/plan/types.ts";
import type { Role, Workload } from "../../shared/scenario/schema.ts";

const QUART_LITRES = 0.946;

/** Quarts an hour, by category (1–5) then workload: TB MED 507's fluid column. */
const QUARTS: Record<Exclude<HeatCategory, 0>, Record<Workload, number>> = {
  1: { easy: 0.5, moderate: 0.75, hard: 0.75 },
  2: { easy: 0.5, moderate: 0.75, hard: 1 },
  3: { easy: 0.75, moderate: 0.75, hard: 1 },
  4: { easy: 0.75, moderate: 0.75, hard: 1 },
  5: { easy: 1, moderate: 1, hard: 1 },
};

/** Never more than 1½ quarts an hour: over-drinking brings on hyponatraemia (TB MED 507). */
export const MAX_LITRES_PER_HOUR = 1.5;

/** Swabbing with raised arms in PPE is moderate; registering is easy (docs/domain.md "Heat"). */
export const DEFAULT_WORKLOAD: Partial<Record<Role, Workload>> = { sampler: "moderate", registrar: "easy", marshal: "easy" };

/**
 * Litres an hour to drink, rounded to a quarter litre; below category 1 the table's lowest figure.
 * @example litresPerHour(4, "moderate") // 0.75
 */
export function litresPerHour(category: HeatCategory, workload: Workload): number {
  const quarts = category === 0 ? 0.5 : QUARTS[category][workload];
  return Math.min(MAX_LITRES_PER_HOUR, Math.round(quarts * QUART_LITRES * 4) / 4);
}
