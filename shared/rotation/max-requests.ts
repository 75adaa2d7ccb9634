// Every desk through every window, less the minutes the day rule forbids outright at outdoor
// points and the hours the heat stops a point: the most the site planner may usefully ask the
// rotation to staff.
import { rotationContext } from "./context.ts";
import { stopSpans } from "../heat/table.ts";
import type { Scenario } from "../scenario/schema.ts";
import type { Span } from "../time.ts";
import type { DeskRequest } from "./api.ts";

/**
 * Spans less the parts that overlap any of `holes`.
 * @example subtractSpans([{ start: 0, end: 100 }], [{ start: 40, end: 60 }]) // [{ start: 0, end: 40 }, { start: 60, end: 100 }]
 */
export function subtractSpans(spans: Span[], holes: Span[]): Span[] {
  let out = spans.map((s) => ({ ...s }));
  for (const h of holes) {
    out = out.flatMap((s) => {
      if (h.end <= s.start || h.start >= s.end) return [s];
      const parts: Span[] = [];
      if (h.start > s.start) parts.push({ start: s.start, end: h.start });
      if (h.end < s.end) parts.push({ start: h.end, end: s.end });
      return parts;
    });
  }
  return out;
}

/**
 * Every desk of every point through every window, minus what the day rule forbids outright (2012
 * measures art. 8: ≥ 40 °C no outdoor work; 37–40 °C none in the 3 hottest hours; booths are
 * exempt), and minus the hours whose heat allowance for a role the desk needs is stop (docs/api.md
 * "Defaults"). A desk left with no minutes is left out.
 * @example maxDeskRequests(yiyuan).length // 4 (2 points × 2 desks, 07:00–21:00 each)
 */
export function maxDeskRequests(scenario: Scenario): DeskRequest[] {
  const ctx = rotationContext(scenario);
  const out: DeskRequest[] = [];
  for (const p of scenario.points) {
    const allowed = p.shelter === "booth" ? ctx.windows.map((w) => ({ ...w })) : subtractSpans(ctx.windows, ctx.dayRule.noOutdoor);
    const stops = ctx.windows.flatMap((w) => stopSpans(ctx.heat, scenario.desk, p.id, w.start, w.end));
    const open = subtractSpans(allowed, stops);
    if (open.length === 0) continue;
    for (let d = 1; d <= p.desks; d++) out.push({ point: p.id, desk: d, open: open.map((s) => ({ ...s })) });
  }
  return out;
}
