// China's occupational limit for heat, GBZ 2.2-2007 table 8 (docs/domain.md "Heat", "GBZ
// 2.2-2007"): the highest WBGT allowed by workload class and share of time exposed, turned into
// work/rest per hour, with the +1 °C note for hot regions and a lower limit for the unacclimatised.
import type { Workload } from "../scenario/schema.ts";

/** An hour's allowance for one role at one point: minutes of work and rest, no limit, or none at all. */
export type Allowance = { work: number; rest: number } | "unlimited" | "stop";

/** GBZ 2.2 share-of-time bands, from the most lenient; "stop" is above the 25 % limit. */
export type GbzBand = "100%" | "75%" | "50%" | "25%" | "stop";

/** The workload classes of table 8 our workloads fall in: easy I (registering), moderate II (swabbing), hard III. */
const CLASS: Record<Workload, 0 | 1 | 2 | 3> = { easy: 0, moderate: 1, hard: 2 };

/** GBZ 2.2-2007 table 8: WBGT limit (°C) by share of time exposed, for classes I, II, III, IV. */
const TABLE_8: { band: Exclude<GbzBand, "stop">; limits: [number, number, number, number]; allowance: Allowance }[] = [
  { band: "100%", limits: [30, 28, 26, 25], allowance: "unlimited" }, // continuous (the PPE cap still applies)
  { band: "75%", limits: [31, 29, 28, 26], allowance: { work: 45, rest: 15 } },
  { band: "50%", limits: [32, 30, 29, 28], allowance: { work: 30, rest: 30 } },
  { band: "25%", limits: [33, 32, 31, 30], allowance: { work: 15, rest: 45 } },
];

/** Table 8's note: +1 °C where the summer outdoor design temperature is ≥ 30 °C. */
export const HOT_REGION_C = 1;
/** First week in the heat: limits 2.5 °C lower (ACGIH's action limit sits 2–3 °C below its TLV). */
export const UNACCLIMATIZED_C = -2.5;

export interface GbzSettings {
  hotRegion?: boolean;
  acclimatized: boolean;
}

/**
 * The GBZ 2.2 band of an effective WBGT for a workload: the largest share of time whose limit it
 * does not exceed.
 * @example gbzBand(29.5, "moderate", { hotRegion: true, acclimatized: true }) // "75%" (limit 29 + 1)
 * @example gbzBand(33.5, "moderate", { hotRegion: true, acclimatized: true }) // "stop" (25 % limit 33)
 * @example gbzBand(27, "moderate", { acclimatized: false }) // "50%" (limits 2.5 °C lower)
 */
export function gbzBand(effectiveWbgtC: number, workload: Workload, s: GbzSettings): GbzBand {
  const shift = (s.hotRegion ? HOT_REGION_C : 0) + (s.acclimatized ? 0 : UNACCLIMATIZED_C);
  const row = TABLE_8.find((r) => effectiveWbgtC <= r.limits[CLASS[workload]] + shift + 1e-9);
  return row ? row.band : "stop";
}

/**
 * Work/rest per hour for a GBZ 2.2 band: 100 % unlimited, 75 % 45/15, 50 % 30/30, 25 % 15/45, else stop.
 * @example gbzAllowance("50%") // { work: 30, rest: 30 }
 */
export function gbzAllowance(band: GbzBand): Allowance {
  return TABLE_8.find((r) => r.band === band)?.allowance ?? "stop";
}
