// Settings a scenario may still carry but that now mean something else or nothing (docs/api.md
// "Scenario"): reported by `tenfold check` as warnings, never as errors.
import type { Scenario } from "./schema.ts";
import type { Problem } from "./problems.ts";
import { dressAt } from "../heat/garments.ts";

/**
 * Warnings for a valid scenario: the older flat clothing adjustment (now the site garment's) and
 * shade reduction (now ignored: the sun model gives shaded points their own WBGT).
 * @example scenarioWarnings({ heat: { clothingAdjustmentC: 6, shadeReductionC: 2, acclimatized: true } })
 *   // [{ path: "$.heat.clothingAdjustmentC", message: "older setting: taken as the clothing adjustment of the site's garment (coverall with hood, +6 °C instead of +4 °C); set heat.garment and heat.hood instead" }, { path: "$.heat.shadeReductionC" }]
 */
export function scenarioWarnings(scenario: Pick<Scenario, "heat">): Problem[] {
  const out: Problem[] = [];
  const heat = scenario.heat;
  if (typeof heat.clothingAdjustmentC === "number") {
    const d = dressAt(heat, {});
    const standard = dressAt({ garment: heat.garment, hood: heat.hood }, {});
    out.push({
      path: "$.heat.clothingAdjustmentC",
      message: `older setting: taken as the clothing adjustment of the site's garment (${d.garment}${d.hood ? " with hood" : ""}, +${heat.clothingAdjustmentC} °C instead of +${standard.adjustmentC} °C); set heat.garment and heat.hood instead`,
    });
  }
  if (typeof heat.shadeReductionC === "number")
    out.push({ path: "$.heat.shadeReductionC", message: "ignored: shaded points get their own WBGT from the sun model (no direct sun), so no flat reduction is taken off" });
  return out;
}
