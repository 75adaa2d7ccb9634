// Effective WBGT at a point: the hour's WBGT plus the clothing adjustment, less the shade reduction
// at a shaded point (docs/api.md "Defaults"); a booth is air-conditioned and outside the heat rules.
import type { Scenario, Shelter } from "../scenario/schema.ts";

/**
 * The effective WBGT (°C) under a shelter, or null in a booth (outdoor heat rules do not apply).
 * @example effectiveWbgt(30, "shade", { clothingAdjustmentC: 6, shadeReductionC: 2 }) // 34
 * @example effectiveWbgt(30, "booth", { clothingAdjustmentC: 6, shadeReductionC: 2 }) // null
 */
export function effectiveWbgt(
  wbgtC: number,
  shelter: Shelter,
  heat: Pick<Scenario["heat"], "clothingAdjustmentC" | "shadeReductionC">,
): number | null {
  if (shelter === "booth") return null;
  const clothed = wbgtC + heat.clothingAdjustmentC;
  return shelter === "shade" ? clothed - heat.shadeReductionC : clothed;
}

/**
 * Whether outdoor heat rules (work/rest, day rule) apply under a shelter.
 * @example isOutdoor("shade") // true
 */
export function isOutdoor(shelter: Shelter): boolean {
  return shelter !== "booth";
}
