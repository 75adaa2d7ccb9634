// The rule checker for assignments: every rule of docs/api.md a rotation, a swap or a repair must
// keep, each broken one named with its person and minute. Tests use it as the oracle.
import { restAfter } from "../heat/category.ts";
import { inNoOutdoor } from "../heat/day-rule.ts";
import type { Scenario } from "../scenario/schema.ts";
import { toIso, wallClock, type Minute } from "../time.ts";
import type { MinuteAssignment } from "./api.ts";
import { localDay, MEAL_WITHIN_MINUTES, rotationContext, shiftOf, type RotationContext } from "./context.ts";
import { breaksBetween } from "./breaks.ts";
import { deskStints } from "./stints.ts";

export type RuleName =
  | "assignment" | "availability" | "role" | "window" | "two-places" | "heat-stint" | "heat-rest"
  | "ppe" | "meal" | "overtime" | "day-rule" | "shift-rest";

export interface Violation {
  rule: RuleName;
  staff: string;
  minute: Minute;
  message: string;
}

const isWork = (a: MinuteAssignment) => a.activity === "desk" || a.activity === "standby";

/** Every rule one person's assignments break. */
export function checkPerson(ctx: RotationContext, staff: string, list: MinuteAssignment[]): Violation[] {
  const out: Violation[] = [];
  const at = (m: Minute) => wallClock(toIso(m, ctx.timezone));
  const fail = (rule: RuleName, minute: Minute, message: string) => out.push({ rule, staff, minute, message: `${staff}: ${message}` });
  const person = ctx.personById.get(staff);
  if (!person) { fail("assignment", list[0]?.start ?? 0, "not on the roster"); return out; }
  const sorted = [...list].sort((a, b) => a.start - b.start || a.end - b.end);
  const { rules, dayRule } = ctx;
  for (const a of sorted) {
    if (!(a.end > a.start)) fail("assignment", a.start, `${a.id} is empty or backwards`);
    if (shiftOf(person, a.start, a.end) < 0) fail("availability", a.start, `${a.activity} ${at(a.start)}–${at(a.end)} is outside their availability`);
    if (isWork(a) && !person.roles.has(a.role)) fail("role", a.start, `works as ${a.role} without that role`);
    // a standby names the point it stands by at, if any; it is held to the same place rules as a desk there
    if (a.activity !== "desk" && !(a.activity === "standby" && a.point !== undefined)) continue;
    const what = a.activity === "desk" ? "desk" : "standby";
    const point = ctx.points.get(a.point ?? "");
    if (!point) { fail("assignment", a.start, `${what} at unknown point ${a.point}`); continue; }
    if (a.activity === "desk" && !(a.desk !== undefined && a.desk >= 1 && a.desk <= point.desks)) fail("assignment", a.start, `desk ${a.desk} at ${a.point}, which has ${point.desks}`);
    if (!ctx.windows.some((w) => a.start >= w.start && a.end <= w.end)) fail("window", a.start, `at a ${what} ${at(a.start)}–${at(a.end)} outside the sampling windows`);
    if (point.shelter !== "booth") {
      // 2012 measures art. 8: ≥ 40 °C no outdoor work; 37–40 °C none in the 3 hottest hours
      if (inNoOutdoor(dayRule, a.start, a.end)) fail("day-rule", a.start, `outdoor ${what} ${at(a.start)}–${at(a.end)} when the day rule (${dayRule.band} °C) forbids it`);
      if (dayRule.hot && person.noOutdoorHeat) fail("day-rule", a.start, `outdoor ${what} on a ${dayRule.maxTempC} °C day, excused from outdoor heat`);
    }
  }
  for (let i = 1; i < sorted.length; i++) {
    const reach = Math.max(...sorted.slice(Math.max(0, i - 8), i).map((a) => a.end));
    if (sorted[i].start < reach) fail("two-places", sorted[i].start, `${sorted[i].activity} at ${at(sorted[i].start)} overlaps other assignments`);
  }
  const outdoor = sorted.filter((a) => a.activity === "desk" && ctx.points.get(a.point ?? "")?.shelter !== "booth").reduce((n, a) => n + a.end - a.start, 0);
  const cap = dayRule.maxOutdoorMinutesPerPerson;
  if (cap !== null && cap > 0 && outdoor > cap) fail("day-rule", sorted[0].start, `${outdoor} outdoor desk minutes, over the day rule's ${cap}`);
  // heat: no stint longer than the worst category allows; the rest after it at least stint × rest/work
  const stints = deskStints(ctx, sorted);
  const standby = sorted.filter((a) => a.activity === "standby");
  stints.forEach((s, i) => {
    const len = s.end - s.start;
    if (s.limit && len > s.limit.work) fail("heat-stint", s.start, `desk stint ${at(s.start)}–${at(s.end)} is ${len} min; the heat allows ${s.limit.work}`);
    const next = stints[i + 1];
    const need = restAfter(len, s.limit);
    if (next && next.start - s.end < need) fail("heat-rest", s.end, `rests ${next.start - s.end} min after a ${len}-min stint ending ${at(s.end)}; the heat needs ${need}`);
    // the rest a stint earns is rest: nobody stands by before it is over
    const early = standby.find((b) => b.start < s.end + need && b.end > s.end);
    if (early) fail("heat-rest", early.start, `on standby at ${at(early.start)}, inside the ${need}-min rest after a stint ending ${at(s.end)}`);
  });
  // the person's day as the plan shows it: where the list gives only work, the rests, breaks and
  // meals between are those the rotation would assemble (./breaks.ts)
  const listed = sorted.some((a) => a.activity === "rest" || a.activity === "break" || a.activity === "meal");
  const full = listed ? sorted : [...sorted, ...breaksBetween(ctx, staff, sorted)].sort((a, b) => a.start - b.start || a.end - b.end);
  // PPE (docs/api.md "Defaults", "Time in PPE and on duty"): the suit stays on through desk,
  // standby, rests and every other duty; only a break or a meal of at least ppeBreakMinutes, or
  // that long off duty (no assignment), ends time in PPE; a run with desk time may not pass the cap
  const offSuit = (a: MinuteAssignment) => a.activity === "break" || a.activity === "meal";
  const suitOff = full.filter((a) => offSuit(a) && a.end - a.start >= rules.ppeBreakMinutes);
  let runStart: Minute | null = null, runEnd: Minute = 0, runDesk = false;
  const closeRun = () => {
    if (runStart !== null && runDesk && runEnd - runStart > rules.maxContinuousPpeMinutes)
      fail("ppe", runStart + rules.maxContinuousPpeMinutes, `in PPE ${at(runStart)}–${at(runEnd)} (${runEnd - runStart} min, cap ${rules.maxContinuousPpeMinutes})`);
  };
  for (const a of full) {
    if (offSuit(a)) continue;
    const ends = runStart !== null && (a.start - runEnd >= rules.ppeBreakMinutes || suitOff.some((o) => o.start >= runEnd && o.end <= a.start));
    if (runStart === null || ends) { closeRun(); runStart = a.start; runEnd = a.end; runDesk = a.activity === "desk"; }
    else { runEnd = Math.max(runEnd, a.end); runDesk ||= a.activity === "desk"; }
  }
  closeRun();
  // time on duty per local day of the shift: every minute but meals, heat rests included
  const byDay = new Map<string, number>();
  for (const a of full) {
    if (a.activity === "meal") continue;
    const shift = shiftOf(person, a.start, a.end);
    const day = shift >= 0 ? person.shiftDay[shift] : localDay(a.start, ctx.timezone);
    byDay.set(day, (byDay.get(day) ?? 0) + a.end - a.start);
  }
  for (const [day, minutes] of byDay)
    if (minutes > rules.maxWorkMinutesPerDay) fail("overtime", sorted[0].start, `is on duty ${minutes} min on ${day}, over ${rules.maxWorkMinutesPerDay}`);
  // a meal within any 5 h of work; rest between shifts
  const work = sorted.filter(isWork);
  let stretch: Minute | null = null, reach: Minute = -Infinity, lastShift = -1;
  for (const a of work) {
    if (stretch === null || a.start - reach >= rules.mealBreakMinutes) stretch = a.start;
    if (a.end - stretch > MEAL_WITHIN_MINUTES) { fail("meal", stretch + MEAL_WITHIN_MINUTES, `works from ${at(stretch)} to ${at(a.end)} without a ${rules.mealBreakMinutes}-min break`); stretch = a.end; }
    const shift = shiftOf(person, a.start, a.end);
    if (shift >= 0 && lastShift >= 0 && shift !== lastShift && a.start - reach < rules.minRestBetweenShiftsMinutes)
      fail("shift-rest", a.start, `starts a shift at ${at(a.start)} after ${a.start - reach} min off; needs ${rules.minRestBetweenShiftsMinutes}`);
    if (shift >= 0) lastShift = shift;
    reach = Math.max(reach, a.end);
  }
  return out;
}

/**
 * Every rule the assignments break, person by person (empty when all rules hold).
 * @example checkAssignments(yiyuan, planRotation(yiyuan, maxDeskRequests(yiyuan)).assignments) // []
 */
export function checkAssignments(scenario: Scenario | RotationContext, assignments: MinuteAssignment[]): Violation[] {
  const ctx = "people" in scenario ? scenario : rotationContext(scenario);
  const by = new Map<string, MinuteAssignment[]>();
  for (const a of assignments) { const l = by.get(a.staff); if (l) l.push(a); else by.set(a.staff, [a]); }
  return [...by].flatMap(([staff, list]) => checkPerson(ctx, staff, list));
}
