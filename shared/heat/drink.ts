// How much to drink an hour, from the heat category and the workload (docs/domain.md "TB MED 507":
// ½ to 1 quart an hour by category and work; never over 1½ quarts an hour or 12 a day).
import type { HeatCategory } from "./category.ts";
import type { Workload } from "../scenario/schema.ts";

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

export interface DrinkingAdvice {
  /** Litres an hour, rounded to a quarter litre. */
  litresPerHour: number;
  maxLitresPerHour: number;
}

/**
 * What to drink an hour at a heat category and a workload (the site's rules give the workload of
 * each role: shared/scenario/rules.ts); below category 1 the table's lowest figure.
 * @example drinkingAdvice({ category: 4, workload: "moderate" }) // { litresPerHour: 0.75, maxLitresPerHour: 1.5 }
 * @example drinkingAdvice({ category: 5, workload: "hard" }).litresPerHour // 1
 */
export function drinkingAdvice({ category, workload }: { category: HeatCategory; workload: Workload }): DrinkingAdvice {
  const quarts = category === 0 ? 0.5 : QUARTS[category][workload];
  return { litresPerHour: Math.min(MAX_LITRES_PER_HOUR, Math.round(quarts * QUART_LITRES * 4) / 4), maxLitresPerHour: MAX_LITRES_PER_HOUR };
}
