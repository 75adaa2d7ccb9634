// The plan's `heat` section (docs/api.md "Plan"): one entry per weather hour, with the sun, the
// WBGT per shelter, and for each point its effective WBGT, band and allowance per role.
import type { HeatHour } from "../plan/types.ts";
import type { Scenario } from "../scenario/schema.ts";
import { toIso } from "../time.ts";
import { heatTable } from "./table.ts";

/**
 * The heat table with ISO times in the site's timezone.
 * @example heatHours(yiyuan)[6] // { start: "2021-08-03T13:00:00+08:00", source: "liljegren", wbgt: { open: 35.2, shade: 30.6, booth: 21.7 }, points: { "south-gate": { band: "stop" } } }
 */
export function heatHours(scenario: Pick<Scenario, "weather" | "heat" | "site" | "points" | "desk" | "rules">): HeatHour[] {
  const tz = scenario.site.timezone;
  return heatTable(scenario).map((h) => ({ ...h, start: toIso(h.start, tz), end: toIso(h.end, tz) }));
}
