// Shift swaps (docs/api.md C5): one person's desk or standby assignment goes to another; every rule
// is checked again for both, and only their affected assignments change.
import type { Scenario } from "../scenario/schema.ts";
import type { Minute } from "../time.ts";
import type { MinuteAssignment } from "./api.ts";
import { checkPerson, type RuleName } from "./check.ts";
import { rotationContext } from "./context.ts";
import { byStaff, isWork, newViolations, rebuildBreaks } from "./changes.ts";

export type SwapOutcome =
  | { ok: true; assignments: MinuteAssignment[]; changed: string[] }
  | { ok: false; rule: RuleName | "swap"; minute: Minute; message: string };

/**
 * Checks a swap of assignment `assignmentId` to `toStaffId`; ok with the new assignments, or a
 * refusal naming the rule broken and the minute.
 * @example checkSwap(yiyuan, rotation.assignments, "bai-xue-3", "gao-lin") // { ok: false, rule: "heat-rest", message: "gao-lin: rests 30 min after a 15-min stint ending 18:00; the heat needs 45" }
 */
export function checkSwap(scenario: Scenario, assignments: MinuteAssignment[], assignmentId: string, toStaffId: string): SwapOutcome {
  const ctx = rotationContext(scenario);
  const a = assignments.find((x) => x.id === assignmentId);
  if (!a) return { ok: false, rule: "swap", minute: 0, message: `no assignment ${assignmentId}` };
  if (!isWork(a)) return { ok: false, rule: "swap", minute: a.start, message: `${assignmentId} is a ${a.activity}, not work to swap` };
  if (!ctx.personById.has(toStaffId)) return { ok: false, rule: "swap", minute: a.start, message: `${toStaffId} is not on the roster` };
  if (toStaffId === a.staff) return { ok: false, rule: "swap", minute: a.start, message: `${assignmentId} is already ${toStaffId}'s` };
  const people = byStaff(assignments);
  const from = people.get(a.staff) ?? [], to = people.get(toStaffId) ?? [];
  const moved = { ...a, staff: toStaffId };
  const newFrom = rebuildBreaks(ctx, a.staff, from.filter((x) => x.id !== a.id));
  const newTo = rebuildBreaks(ctx, toStaffId, [...to.filter(isWork), moved]);
  const before = [...checkPerson(ctx, a.staff, from), ...checkPerson(ctx, toStaffId, to)];
  const after = [...checkPerson(ctx, a.staff, newFrom), ...checkPerson(ctx, toStaffId, newTo)];
  const broken = newViolations(before, after).sort((x, y) => x.minute - y.minute);
  if (broken.length > 0) return { ok: false, rule: broken[0].rule, minute: broken[0].minute, message: broken[0].message };
  const others = assignments.filter((x) => x.staff !== a.staff && x.staff !== toStaffId);
  const oldIds = new Set([...from, ...to].map((x) => x.id));
  const result = [...others, ...newFrom, ...newTo];
  const changed = [...newFrom, ...newTo].filter((x) => !oldIds.has(x.id) || x.id === a.id).map((x) => x.id);
  return { ok: true, assignments: result, changed };
}
