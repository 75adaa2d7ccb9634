// Rest, break and meal entries between a person's work, so their phone shows "break until 10:40"
// rather than nothing: every gap between two pieces of work in one shift.
import type { Role } from "../scenario/schema.ts";
import type { MinuteAssignment } from "./api.ts";
import { shiftOf, type RotationContext } from "./context.ts";

/** A meal is a break of mealBreakMinutes or more, once this long has passed since the last. */
const MEAL_AFTER_MINUTES = 150;

/**
 * A gap this long is time off, not a break on duty: the longest rest any heat allowance owes is 45
 * min after a stint (GBZ 2.2's 25 % band, docs/domain.md "Heat") and a meal is 30; hours with no
 * desk (a heat stop through the middle of the day) send people home, out of their suits.
 */
export const OFF_DUTY_GAP_MINUTES = 120;

/**
 * The rest, break and meal entries between a person's desk and standby assignments, within each
 * shift; ids `${staff}-rest-${n}` / `${staff}-break-${n}` / `${staff}-meal-${n}`, numbered in time
 * order. A rest is spent in the suit; a `break` takes the suit off (docs/api.md "Defaults": time in
 * PPE ends only with a break or a meal of at least ppeBreakMinutes, or that long off duty). A gap of
 * at least ppeBreakMinutes becomes a break only where the PPE cap needs one: when keeping the suit
 * on through it would carry the PPE run past maxContinuousPpeMinutes before the next chance to take
 * it off.
 * @example breaksBetween(ctx, "bai-xue", rotation.assignments.filter((a) => a.staff === "bai-xue" && a.activity === "desk").slice(0, 2)).map((b) => [b.activity, b.end - b.start]) // [["rest", 60]] (07:30–08:30, between her first two desk stints)
 */
export function breaksBetween(ctx: RotationContext, staff: string, work: MinuteAssignment[]): MinuteAssignment[] {
  const person = ctx.personById.get(staff);
  const { rules } = ctx;
  const sorted = work.filter((a) => a.activity === "desk" || a.activity === "standby").sort((a, b) => a.start - b.start);
  // the gaps in time order, each: where, and whether it is time off (ends PPE, no entry)
  const gaps: { start: number; end: number; prevRole: Role; off: boolean; nextStart: number }[] = [];
  let reach = sorted[0]?.end ?? 0;
  for (let i = 1; i < sorted.length; i++) {
    const prev = sorted[i - 1], next = sorted[i];
    const start = reach, end = next.start;
    reach = Math.max(reach, next.end);
    if (end <= start) continue;
    const shift = person ? shiftOf(person, start, end) : -1;
    const off = (person !== undefined && shift < 0) || end - start >= OFF_DUTY_GAP_MINUTES;
    gaps.push({ start, end, prevRole: prev.role, off, nextStart: next.start });
  }
  const out: MinuteAssignment[] = [];
  const n = { rest: 0, meal: 0, break: 0 };
  let mealClock = sorted[0]?.start ?? 0;
  let ppeStart = sorted[0]?.start ?? 0;
  const canEnd = (g: { start: number; end: number; off: boolean }) => g.off || g.end - g.start >= rules.ppeBreakMinutes;
  for (let k = 0; k < gaps.length; k++) {
    const g = gaps[k];
    if (g.off) { mealClock = g.end; ppeStart = g.end; continue; } // between shifts or hours off: not on duty
    const len = g.end - g.start;
    const isMeal = len >= rules.mealBreakMinutes && g.start - mealClock >= MEAL_AFTER_MINUTES;
    if (isMeal) mealClock = g.end;
    let activity: "rest" | "meal" | "break" = isMeal ? "meal" : "rest";
    if (isMeal && len >= rules.ppeBreakMinutes) ppeStart = g.end;
    else if (len >= rules.ppeBreakMinutes) {
      // suit on through this gap only if the run still fits up to the next gap that can end it
      const nextEnd = gaps.slice(k + 1).find(canEnd)?.start ?? reach;
      if (nextEnd - ppeStart > rules.maxContinuousPpeMinutes) { activity = "break"; ppeStart = g.end; }
    }
    out.push({ id: `${staff}-${activity}-${++n[activity]}`, staff, role: g.prevRole, activity, start: g.start, end: g.end });
  }
  return out;
}
