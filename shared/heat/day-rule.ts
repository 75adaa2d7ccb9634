// The national day rule on the forecast daily maximum (防暑降温措施管理办法 2012, art. 8): ≥ 40 °C no
// outdoor work; 37–40 °C at most 6 h outdoors a person and none in the 3 hottest hours; ≥ 35 °C no
// overtime, and no outdoor work for pregnant workers and minors.
import type { DayRule, DayRuleBand } from "../plan/types.ts";
import type { Scenario } from "../scenario/schema.ts";
import { toIso, toMinute, type Minute, type Span } from "../time.ts";

/**
 * The day-rule band of a forecast maximum temperature.
 * @example dayRuleBand(36) // "35-37"
 * @example dayRuleBand(40) // ">=40"
 */
export function dayRuleBand(maxTempC: number): DayRuleBand {
  if (maxTempC >= 40) return ">=40";
  if (maxTempC >= 37) return "37-40";
  if (maxTempC >= 35) return "35-37";
  return "<35";
}

/**
 * The 3 hottest hours: the three consecutive hourly forecasts with the highest mean temperature
 * (the first such run on a tie), as minutes; null with fewer than three forecasts.
 * @example hottestHours(yiyuan) // { start: toMinute("2021-08-03T13:00:00+08:00"), end: toMinute("2021-08-03T16:00:00+08:00") }
 */
export function hottestHours(scenario: Pick<Scenario, "weather">): Span | null {
  const w = [...scenario.weather].map((h) => ({ m: toMinute(h.at), t: h.tempC })).sort((a, b) => a.m - b.m);
  let best = -Infinity, span: Span | null = null;
  for (let i = 0; i + 2 < w.length; i++) {
    const sum = w[i].t + w[i + 1].t + w[i + 2].t;
    if (sum > best) { best = sum; span = { start: w[i].m, end: w[i + 2].m + 60 }; }
  }
  return span;
}

/** The day rule in minutes, as the rotation applies it. */
export interface DayRuleMinutes {
  maxTempC: number;
  band: DayRuleBand;
  /** Outdoor desk minutes a person may work; null = no limit. */
  maxOutdoorMinutesPerPerson: number | null;
  /** Spans with no outdoor desk work at all. */
  noOutdoor: Span[];
  /** At ≥ 35 °C: no overtime, and no outdoor work for staff marked noOutdoorHeat. */
  hot: boolean;
}

/**
 * The day rule for a scenario's forecast, in minutes.
 * @example dayRuleMinutes(yiyuan).band // "35-37"
 */
export function dayRuleMinutes(scenario: Pick<Scenario, "weather" | "windows">): DayRuleMinutes {
  const maxTempC = Math.max(...scenario.weather.map((w) => w.tempC));
  const band = dayRuleBand(maxTempC);
  let noOutdoor: Span[] = [];
  let maxOutdoor: number | null = null;
  if (band === ">=40") {
    // art. 8: no outdoor work that day, so every window is closed to open and shaded points
    const all = [...scenario.windows.map((w) => toMinute(w.start)), ...scenario.weather.map((w) => toMinute(w.at))];
    const ends = [...scenario.windows.map((w) => toMinute(w.end)), ...scenario.weather.map((w) => toMinute(w.at) + 60)];
    noOutdoor = [{ start: Math.min(...all), end: Math.max(...ends) }];
    maxOutdoor = 0;
  } else if (band === "37-40") {
    const hot = hottestHours(scenario);
    noOutdoor = hot ? [hot] : [];
    maxOutdoor = 360;
  }
  return { maxTempC, band, maxOutdoorMinutesPerPerson: maxOutdoor, noOutdoor, hot: band !== "<35" };
}

/**
 * The day rule as the plan contract renders it (ISO times in the site's timezone).
 * @example dayRule(yiyuan) // { maxTempC: 36, band: "35-37", maxOutdoorMinutesPerPerson: null, noOutdoor: [] }
 */
export function dayRule(scenario: Pick<Scenario, "weather" | "windows" | "site">): DayRule {
  const r = dayRuleMinutes(scenario);
  const tz = scenario.site.timezone;
  return {
    maxTempC: r.maxTempC,
    band: r.band,
    maxOutdoorMinutesPerPerson: r.maxOutdoorMinutesPerPerson,
    noOutdoor: r.noOutdoor.map((s) => ({ start: toIso(s.start, tz), end: toIso(s.end, tz) })),
  };
}

/**
 * Whether minutes [start, end) touch a span where the day rule forbids outdoor work.
 * @example inNoOutdoor({ ...dayRuleMinutes(yiyuan), noOutdoor: [hottestHours(yiyuan)] }, toMinute("2021-08-03T14:00:00+08:00"), toMinute("2021-08-03T14:20:00+08:00")) // true
 */
export function inNoOutdoor(rule: DayRuleMinutes, start: Minute, end: Minute): boolean {
  return rule.noOutdoor.some((s) => start < s.end && end > s.start);
}
