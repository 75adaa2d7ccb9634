// One person's running state through the day (current desk stint, rest owed, PPE time, meal clock,
// minutes worked) and the rules that say whether they may stand at a desk for the next minutes.
import { restAfter, type WorkRest } from "../heat/category.ts";
import { inNoOutdoor } from "../heat/day-rule.ts";
import type { Minute } from "../time.ts";
import { OFF_DUTY_GAP_MINUTES } from "./breaks.ts";
import { MEAL_WITHIN_MINUTES, shiftOf, tighter, type Person, type RotationContext } from "./context.ts";

/**
 * The rest before work starting at `start` that counts as time on duty (docs/api.md "Defaults":
 * heat rests count as time on duty): the gap since the last work, within one shift and shorter
 * than time off. Counted whole, meals included, which never undercounts.
 */
function dutyGap(st: PersonState, shift: number, start: Minute): number {
  const gap = start - st.lastWorkEnd;
  return st.lastShift === shift && gap > 0 && gap < OFF_DUTY_GAP_MINUTES ? gap : 0;
}

/** Why a person cannot take a desk now; the gap reasons are built from these. */
export type Unfit =
  | "off-duty" | "busy" | "heat-rest" | "heat-stint" | "ppe" | "meal" | "overtime"
  | "outdoor-limit" | "no-outdoor-person" | "day-rule" | "shift-rest";

/** The desk work a person is about to do: where, and the heat limit there. */
export interface DeskSlot {
  start: Minute;
  end: Minute;
  outdoor: boolean;
  limit: WorkRest | null;
}

const NEVER = -1e12;

export class PersonState {
  /** Position held in the last recorded slot, -1 if none. */
  position = -1;
  /** The current or last desk stint: [stintStart, lastDeskEnd), with its worst heat limit. */
  stintStart = NEVER;
  stintLimit: WorkRest | null = null;
  lastDeskEnd = NEVER;
  /** Earliest minute a new stint may start: the rest owed after the last stint. */
  restUntil = NEVER;
  ppeRunStart = NEVER;
  /** End of the last desk or standby time: standby is spent in PPE, so only time off both is a PPE break. */
  lastPpeEnd = NEVER;
  mealClockStart = NEVER;
  lastWorkEnd = NEVER;
  lastShift = -1;
  deskMinutes = 0;
  outdoorMinutes = 0;
  /** Minutes worked on each of the person's days (indexed by Person.dayIndex). */
  dayWork: number[];
  /** Slot index in which the person is already placed (or just relieved). */
  busySlot = -1;
  constructor(readonly person: Person) {
    this.dayWork = new Array<number>(person.dayIndex.length).fill(0);
  }

  /** Whether [start, …) joins the current stint with no break. */
  joins(start: Minute): boolean {
    return this.lastDeskEnd === start;
  }
}

/**
 * Why `st` may not work `slot`, or null when every rule allows it. Rules: availability, the day
 * rule (2012 measures art. 8), rest between shifts, maxWorkMinutesPerDay, the heat stint and rest
 * (TB MED 507), continuous PPE time, and a meal break within any 5 h.
 * @example unfitFor(ctx, new PersonState(ctx.people[0]), { start: 800, end: 805, outdoor: true, limit: { work: 20, rest: 40 } }, 3) // "off-duty" (minute 800 is long before their hours on the day)
 */
export function unfitFor(ctx: RotationContext, st: PersonState, slot: DeskSlot, slotIndex: number): Unfit | null {
  const { rules } = ctx;
  const p = st.person;
  const shift = shiftOf(p, slot.start, slot.end);
  if (shift < 0) return "off-duty";
  if (st.busySlot === slotIndex) return "busy";
  const len = slot.end - slot.start;
  if (slot.outdoor) {
    if (inNoOutdoor(ctx.dayRule, slot.start, slot.end)) return "day-rule";
    // 2012 measures art. 8: pregnant workers and minors do no outdoor work at ≥ 35 °C
    if (ctx.dayRule.hot && p.noOutdoorHeat) return "no-outdoor-person";
    const cap = ctx.dayRule.maxOutdoorMinutesPerPerson;
    if (cap !== null && st.outdoorMinutes + len > cap) return "outdoor-limit";
  }
  if (st.lastShift >= 0 && st.lastShift !== shift && slot.start - st.lastWorkEnd < rules.minRestBetweenShiftsMinutes) return "shift-rest";
  if (st.dayWork[p.dayIndex[shift]] + dutyGap(st, shift, slot.start) + len > rules.maxWorkMinutesPerDay) return "overtime";
  const joins = st.joins(slot.start);
  if (!joins && slot.start < st.restUntil) return "heat-rest";
  const stintStart = joins ? st.stintStart : slot.start;
  const limit = joins ? tighter(st.stintLimit, slot.limit) : slot.limit;
  if (limit && slot.end - stintStart > limit.work) return "heat-stint";
  // PPE time runs from a stint's start until a break of at least ppeBreakMinutes
  const ppeStart = slot.start - st.lastPpeEnd < rules.ppeBreakMinutes ? st.ppeRunStart : slot.start;
  if (slot.end - ppeStart > rules.maxContinuousPpeMinutes) return "ppe";
  const mealStart = slot.start - st.lastWorkEnd < rules.mealBreakMinutes ? st.mealClockStart : slot.start;
  if (slot.end - mealStart > MEAL_WITHIN_MINUTES) return "meal";
  return null;
}

/**
 * Records desk (or, with `desk` false, standby) work over `slot` in the person's state. Standby is
 * work time (maxWorkMinutesPerDay, the meal clock) and time in PPE (a sampler on standby stays
 * suited, so it is no break out of PPE), but not a desk stint: it neither starts nor extends one.
 */
export function recordWork(ctx: RotationContext, st: PersonState, slot: DeskSlot, desk = true): void {
  const { rules } = ctx;
  const p = st.person;
  const shift = shiftOf(p, slot.start, slot.end);
  const len = slot.end - slot.start;
  if (slot.start - st.lastPpeEnd >= rules.ppeBreakMinutes) st.ppeRunStart = slot.start;
  st.lastPpeEnd = Math.max(st.lastPpeEnd, slot.end);
  if (desk) {
    if (st.joins(slot.start)) st.stintLimit = tighter(st.stintLimit, slot.limit);
    else { st.stintStart = slot.start; st.stintLimit = slot.limit; }
    st.lastDeskEnd = slot.end;
    st.restUntil = slot.end + restAfter(slot.end - st.stintStart, st.stintLimit);
    st.deskMinutes += len;
    if (slot.outdoor) st.outdoorMinutes += len;
  }
  if (slot.start - st.lastWorkEnd >= rules.mealBreakMinutes) st.mealClockStart = slot.start;
  const rest = shift >= 0 ? dutyGap(st, shift, slot.start) : 0;
  st.lastWorkEnd = Math.max(st.lastWorkEnd, slot.end);
  if (shift >= 0) {
    st.lastShift = shift;
    st.dayWork[p.dayIndex[shift]] += len + rest;
  }
}
