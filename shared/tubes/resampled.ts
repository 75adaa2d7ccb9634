// A resident swabbed again into a pooled tube the same day, after a tube of theirs was sealed
// (docs/domain.md "Pooled sampling": a resident bound twice is a common failure). It is flagged, not
// refused: the swab matters more. Expected, and not flagged: a single-tube re-test after a positive
// pool, a site that samples one person a tube, and another day's round.
import { toIso } from "../time.ts";

export interface EarlierTube {
  id: string;
  state: string;
  firstSwabAt: number | null;
  result: string | null;
}

/**
 * The resident's sealed tubes of the same local day that make this swab a second one.
 * @example resampledIn([{ id: "T1", state: "sealed", firstSwabAt: Date.parse("2021-08-03T08:00:00+08:00"), result: null }], Date.parse("2021-08-03T15:00:00+08:00"), "Asia/Shanghai", 10) // ["T1"]
 * @example resampledIn([{ id: "T1", state: "resulted", firstSwabAt: Date.parse("2021-08-03T08:00:00+08:00"), result: "positive" }], Date.parse("2021-08-03T15:00:00+08:00"), "Asia/Shanghai", 10) // []
 * @example resampledIn([{ id: "T1", state: "sealed", firstSwabAt: Date.parse("2021-08-03T08:00:00+08:00"), result: null }], Date.parse("2021-08-04T08:00:00+08:00"), "Asia/Shanghai", 10) // []
 */
export function resampledIn(earlier: EarlierTube[], swabAt: number, timezone: string, poolSize: number): string[] {
  if (poolSize <= 1) return [];
  const day = (ms: number) => toIso(Math.floor(ms / 60_000), timezone).slice(0, 10);
  const today = day(swabAt);
  // A positive pool's people are re-swabbed on purpose (docs/domain.md "Pooled sampling").
  if (earlier.some((t) => t.result === "positive")) return [];
  return earlier.filter((t) => t.state !== "open" && t.firstSwabAt !== null && day(t.firstSwabAt) === today).map((t) => t.id);
}
