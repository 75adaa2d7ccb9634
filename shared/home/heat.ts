// The heat a grid team works in (docs/domain.md "Home sampling", "Heat"): in stairwells, at doors
// and along the buildings' shaded side, in the site's garment, at moderate work (walking in PPE):
// the allowance of the site's heat standard for that, hour by hour. The shade WBGT stands for it:
// most of a route's minutes are indoors or out of the direct sun; the short walks between
// buildings in the sun are not counted apart.
import type { Scenario } from "../scenario/schema.ts";
import { effectiveRules } from "../scenario/rules.ts";
import type { Minute } from "../time.ts";
import { dressAt } from "../heat/garments.ts";
import { effectiveWbgt } from "../heat/effective.ts";
import { gbzAllowance, gbzBand, UNACCLIMATIZED_C, type Allowance } from "../heat/gbz.ts";
import { heatCategory, workRest } from "../heat/category.ts";
import { hourIndexAt, type HeatTableHour } from "../heat/table.ts";

/**
 * The stricter of two allowances: stop over any work, less work per hour over more.
 * @example stricter({ work: 45, rest: 15 }, { work: 30, rest: 30 }) // { work: 30, rest: 30 }
 * @example stricter("unlimited", "stop") // "stop"
 */
export function stricter(a: Allowance, b: Allowance): Allowance {
  if (a === "stop" || b === "stop") return "stop";
  if (a === "unlimited") return b;
  if (b === "unlimited") return a;
  return a.work / (a.work + a.rest) <= b.work / (b.work + b.rest) ? a : b;
}

/**
 * The allowance for walking a route over [start, end): the strictest of the hours it touches, at
 * the shade WBGT plus the site garment's adjustment.
 * @example routeAllowance(yiyuan, table)(toMinute("2021-08-03T13:00:00+08:00"), toMinute("2021-08-03T13:20:00+08:00")) // "stop"
 */
export function routeAllowance(scenario: Scenario, table: HeatTableHour[]): (start: Minute, end: Minute) => Allowance {
  const rules = effectiveRules(scenario);
  const dress = dressAt(scenario.heat, {});
  const workload = "moderate" as const;
  const hourly = table.map((h): Allowance => {
    const eff = effectiveWbgt(h.wbgt.shade, dress);
    if (rules.heatStandard === "tbmed507")
      return workRest(heatCategory(scenario.heat.acclimatized ? eff : eff - UNACCLIMATIZED_C), workload) ?? "unlimited";
    return gbzAllowance(gbzBand(eff, workload, { hotRegion: scenario.heat.hotRegion, acclimatized: scenario.heat.acclimatized }));
  });
  return (start, end) => {
    if (table.length === 0) return "unlimited";
    let i = hourIndexAt(table, start);
    let a = hourly[i];
    while (i + 1 < table.length && table[i + 1].start < end) a = stricter(a, hourly[++i]);
    return a;
  };
}
