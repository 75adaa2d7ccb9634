// Effective WBGT at a point: its shelter's WBGT plus its garment's clothing adjustment (docs/domain.md
// "Heat", "Clothing adjustment"); the shelter itself is in the WBGT (docs/api.md "Defaults").
import type { Shelter } from "../scenario/schema.ts";
import type { Dress } from "./garments.ts";

/**
 * The effective WBGT (°C) of a shelter's WBGT for what staff wear there.
 * @example effectiveWbgt(30, { garment: "coverall", hood: true, adjustmentC: 4 }) // 34
 */
export function effectiveWbgt(shelterWbgtC: number, dress: Pick<Dress, "adjustmentC">): number {
  return shelterWbgtC + dress.adjustmentC;
}

/**
 * Whether the day rule's outdoor limits apply under a shelter (a booth is indoors).
 * @example isOutdoor("shade") // true
 */
export function isOutdoor(shelter: Shelter): boolean {
  return shelter !== "booth";
}
