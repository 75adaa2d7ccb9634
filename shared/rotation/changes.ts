// Shared pieces of the changes made during the day (swaps, repairs, re-plans): cutting a person's
// assignments at a minute, rebuilding their breaks, and telling new rule breaks from old ones.
import type { Minute } from "../time.ts";
import type { MinuteAssignment } from "./api.ts";
import { breaksBetween } from "./breaks.ts";
import { checkPerson, type Violation } from "./check.ts";
import type { RotationContext } from "./context.ts";

export const isWork = (a: MinuteAssignment) => a.activity === "desk" || a.activity === "standby";

/** A person's assignments, with their rest and meal entries rebuilt from their work. */
export function rebuildBreaks(ctx: RotationContext, staff: string, list: MinuteAssignment[]): MinuteAssignment[] {
  const work = list.filter(isWork).sort((a, b) => a.start - b.start);
  return [...work, ...breaksBetween(ctx, staff, work)].sort((a, b) => a.start - b.start || a.end - b.end);
}

/** Violations in `after` that `before` did not have (same rule, person and minute). */
export function newViolations(before: Violation[], after: Violation[]): Violation[] {
  const seen = new Set(before.map((v) => `${v.rule}|${v.staff}|${v.minute}`));
  return after.filter((v) => !seen.has(`${v.rule}|${v.staff}|${v.minute}`));
}

/** Whether adding `extra` to a person's work breaks a rule their assignments did not already break. */
export function breaksRule(ctx: RotationContext, staff: string, list: MinuteAssignment[], extra: MinuteAssignment): Violation | null {
  const before = checkPerson(ctx, staff, list.filter(isWork));
  const after = checkPerson(ctx, staff, [...list.filter(isWork), extra]);
  return newViolations(before, after)[0] ?? null;
}

/** The next free number n for a person's `${staff}-${n}` ids. */
export function nextNumber(staff: string, list: MinuteAssignment[]): number {
  let n = 0;
  for (const a of list) {
    const m = new RegExp(`^${staff.replace(/[.]/g, "\\.")}-(\\d+)$`).exec(a.id);
    if (m) n = Math.max(n, Number(m[1]));
  }
  return n + 1;
}

/** Assignments before `minute` as they stand; one that runs across it ends at it. */
export function pastOf(list: MinuteAssignment[], minute: Minute): MinuteAssignment[] {
  return list.filter((a) => a.start < minute).map((a) => (a.end > minute ? { ...a, end: minute } : a));
}

/** Groups assignments by person. */
export function byStaff(list: MinuteAssignment[]): Map<string, MinuteAssignment[]> {
  const out = new Map<string, MinuteAssignment[]>();
  for (const a of list) { const l = out.get(a.staff); if (l) l.push(a); else out.set(a.staff, [a]); }
  return out;
}
