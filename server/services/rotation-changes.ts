// Changes to the rotation in force (docs/api.md C5) through the rotation planner's pure functions
// (shared/rotation/swap.ts, repair.ts): the plan keeps ISO times, the planner counts minutes, so
// this module converts both ways and keeps untouched assignments exactly as they were.
import type { Assignment, Gap } from "../../shared/plan/types.ts";
import type { Scenario } from "../../shared/scenario/schema.ts";
import type { MinuteAssignment } from "../../shared/rotation/api.ts";
import { checkSwap as checkSwapInMinutes } from "../../shared/rotation/swap.ts";
import { repairFromMinute as repairInMinutes } from "../../shared/rotation/repair.ts";
import { toIso, toMinute } from "../../shared/time.ts";

export type SwapCheck = { ok: true; assignments: Assignment[] } | { ok: false; rule: string; message: string };

export interface Repair {
  assignments: Assignment[];
  /** The person's assignments taken away or cut short at the minute. */
  removed: Assignment[];
  /** Desk assignments given to others in their place. */
  added: Assignment[];
  gaps: Gap[];
}

const inMinutes = (a: Assignment): MinuteAssignment => ({ ...a, start: toMinute(a.start), end: toMinute(a.end) });

/** Back to the plan's ISO form; an assignment the change did not touch is returned as it was. */
function inIso(list: MinuteAssignment[], before: Assignment[], timezone: string): Assignment[] {
  const old = new Map(before.map((a) => [a.id, a]));
  return list.map((m) => {
    const was = old.get(m.id);
    if (was && same(was, m)) return was;
    const { start, end, ...rest } = m;
    return { ...rest, start: toIso(start, timezone), end: toIso(end, timezone) } as Assignment;
  });
}

const same = (a: Assignment, m: MinuteAssignment) =>
  a.staff === m.staff && a.role === m.role && a.activity === m.activity && a.point === m.point && a.desk === m.desk && toMinute(a.start) === m.start && toMinute(a.end) === m.end;

const byTime = (a: Assignment, b: Assignment) => Date.parse(a.start) - Date.parse(b.start) || a.staff.localeCompare(b.staff);

/** Whether `to` may take assignment `assignmentId`; every rule re-checked for both people. */
export function checkSwap(scenario: Scenario, assignments: Assignment[], assignmentId: string, to: string): SwapCheck {
  const outcome = checkSwapInMinutes(scenario, assignments.map(inMinutes), assignmentId, to);
  if (!outcome.ok) return { ok: false, rule: outcome.rule, message: outcome.message };
  return { ok: true, assignments: inIso(outcome.assignments, assignments, scenario.site.timezone).sort(byTime) };
}

/**
 * Takes a person off from `at` (unwell): their assignments end there; the nearest rested
 * qualified people take the desk time they leave, or it becomes a named gap.
 */
export function repairFromMinute(scenario: Scenario, assignments: Assignment[], staff: string, at: number, reason: string): Repair {
  const tz = scenario.site.timezone;
  const result = repairInMinutes(scenario, assignments.map(inMinutes), staff, Math.floor(at / 60000), reason);
  const next = inIso(result.assignments, assignments, tz).sort(byTime);
  const kept = new Set(next);
  const ids = new Set(assignments.map((a) => a.id));
  return {
    assignments: next,
    removed: assignments.filter((a) => a.staff === staff && !kept.has(a)),
    added: next.filter((a) => a.staff !== staff && a.activity === "desk" && !ids.has(a.id)),
    gaps: result.gaps.map((g) => ({ ...g, start: toIso(g.start, tz), end: toIso(g.end, tz) })),
  };
}
