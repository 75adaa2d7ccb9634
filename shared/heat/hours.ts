// The plan's `heat` section (docs/api.md contract): one entry per weather hour.
import type { HeatHour } from "../plan/types.ts";
import type { Scenario } from "../scenario/schema.ts";
import { toIso } from "../time.ts";
import { heatSpells } from "./timeline.ts";

const tenth = (x: number) => Math.round(x * 10) / 10;

/**
 * One HeatHour per weather hour: WBGT (measured, else estimated), effective WBGT and category in the
 * open and in shade. Categories come from the unrounded values.
 * @example heatHours(yiyuan)[6] // { start: "2021-08-03T13:00:00+08:00", tempC: 36, wbgt: 35.5, category: { open: 5, shade: 5 } }
 */
export function heatHours(scenario: Pick<Scenario, "weather" | "heat" | "site">): HeatHour[] {
  const tz = scenario.site.timezone;
  return heatSpells(scenario).map((s) => ({
    start: toIso(s.start, tz),
    end: toIso(s.end, tz),
    tempC: s.tempC,
    humidity: s.humidity,
    wbgt: tenth(s.wbgt),
    effectiveWbgt: { open: tenth(s.effective.open), shade: tenth(s.effective.shade) },
    category: s.category,
  }));
}
