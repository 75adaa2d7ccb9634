// Rest and meal entries between a person's work, so their phone shows "break until 10:40" rather
// than nothing: every gap between two pieces of work in one shift.
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
 * The rest and meal entries between a person's desk and standby assignments, within each shift;
 * ids `${staff}-rest-${n}` / `${staff}-meal-${n}`, numbered in time order.
 * @example breaksBetween(ctx, "bai-xue", rotation.assignments.filter((a) => a.staff === "bai-xue" && a.activity === "desk").slice(0, 2)).map((b) => [b.activity, b.end - b.start]) // [["rest", 60]] (07:30–08:30, between her first two desk stints)
 */
export function breaksBetween(ctx: RotationContext, staff: string, work: MinuteAssignment[]): MinuteAssignment[] {
  const person = ctx.personById.get(staff);
  const sorted = work.filter((a) => a.activity === "desk" || a.activity === "standby").sort((a, b) => a.start - b.start);
  const out: MinuteAssignment[] = [];
  let mealClock = sorted[0]?.start ?? 0;
  const n = { rest: 0, meal: 0 };
  let reach = sorted[0]?.end ?? 0;
  for (let i = 1; i < sorted.length; i++) {
    const prev = sorted[i - 1], next = sorted[i];
    const start = reach, end = next.start;
    reach = Math.max(reach, next.end);
    if (end <= start) continue;
    const shift = person ? shiftOf(person, start, end) : -1;
    if (person && shift < 0) { mealClock = next.start; continue; } // between shifts: off, not a break
    if (end - start >= OFF_DUTY_GAP_MINUTES) { mealClock = next.start; continue; } // hours off: not on duty
    const isMeal = end - start >= ctx.rules.mealBreakMinutes && start - mealClock >= MEAL_AFTER_MINUTES;
    if (end - start >= ctx.rules.mealBreakMinutes && isMeal) mealClock = end;
    const activity = isMeal ? "meal" : "rest";
    const role: Role = prev.role;
    out.push({ id: `${staff}-${activity}-${++n[activity]}`, staff, role, activity, start, end });
  }
  return out;
}
