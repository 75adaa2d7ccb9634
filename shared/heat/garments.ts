// The clothing adjustment added to WBGT for what staff wear (docs/domain.md "Heat", "Clothing
// adjustment"): ACGIH TLV (2017) clothing adjustment values, and for Chinese medical coveralls the
// microporous-film figures of Bernard and colleagues (2005–2008).
import { GARMENTS, type Garment, type Point, type Scenario } from "../scenario/schema.ts";

/** °C added to WBGT per garment, without a hood (docs/domain.md "Clothing adjustment"). */
export const GARMENT_ADJUSTMENT_C: Record<Garment, number> = {
  coverall: 3, // GB 19082 microporous-film coverall: Bernard et al. put such films near +2.5 to +3
  gown: 1, // isolation gown, SMS-like: ACGIH SMS coverall +0.5, rounded up to +1 for the cap
  workclothes: 0, // ACGIH: work clothes 0
};

/** ACGIH: a hood adds +1 °C to any garment. */
export const HOOD_ADJUSTMENT_C = 1;

/** The site's default garment when `heat.garment` is not given. */
export const DEFAULT_GARMENT: Garment = "coverall";

/** How a point is dressed: the garment, whether hooded, and the adjustment in °C. */
export interface Dress {
  garment: Garment;
  hood: boolean;
  adjustmentC: number;
}

/**
 * What staff wear at a point and its adjustment: the point's `garment`, else `heat.garment`, else
 * an older scenario's `heat.clothing` when it names a garment (default coverall); a hood when
 * `heat.hood` says so, else with a coverall only. An explicit older `heat.clothingAdjustmentC`
 * stands for the site's default garment, hood included.
 * @example dressAt({ garment: "coverall" }, { id: "p" }) // { garment: "coverall", hood: true, adjustmentC: 4 }
 * @example dressAt({ garment: "coverall" }, { garment: "gown" }) // { garment: "gown", hood: false, adjustmentC: 1 }
 * @example dressAt({ clothingAdjustmentC: 6 }, {}) // { garment: "coverall", hood: true, adjustmentC: 6 }
 */
export function dressAt(
  heat: Pick<Scenario["heat"], "garment" | "hood" | "clothingAdjustmentC" | "clothing">,
  point: Pick<Point, "garment">,
): Dress {
  const named = GARMENTS.find((g) => g === heat.clothing);
  const siteGarment = heat.garment ?? named ?? DEFAULT_GARMENT;
  const garment = point.garment ?? siteGarment;
  const hood = heat.hood ?? garment === "coverall";
  if (garment === siteGarment && typeof heat.clothingAdjustmentC === "number")
    return { garment, hood, adjustmentC: heat.clothingAdjustmentC };
  return { garment, hood, adjustmentC: GARMENT_ADJUSTMENT_C[garment] + (hood ? HOOD_ADJUSTMENT_C : 0) };
}
