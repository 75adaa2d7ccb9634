// What a published plan says about one moment (docs/api.md C7, C8): which desks are staffed, who
// is where, whether the site is open. Pure: the moment comes in as `at` (ms), from the caller's clock.
import type { Assignment, Plan } from "../plan/types.ts";
import type { Role, Scenario } from "../scenario/schema.ts";
import { isWithin } from "../time.ts";

const covers = (a: { start: string; end: string }, at: number) => isWithin(at, a);

/**
 * Whether a sampling window is open at `at` (ms).
 * @example inWindow(yiyuan, Date.parse("2021-08-03T12:00:00+08:00")) // true
 */
export function inWindow(scenario: Scenario, at: number): boolean {
  return scenario.windows.some((w) => covers(w, at));
}

/**
 * Desk assignments in force at `at` at one point, by desk number.
 * @example [...deskCrews(plan, "north-gate", Date.parse("2021-08-03T07:10:00+08:00")).keys()] // [1]
 */
export function deskCrews(plan: Plan, point: string, at: number): Map<number, Assignment[]> {
  const crews = new Map<number, Assignment[]>();
  for (const a of plan.assignments) {
    if (a.activity !== "desk" || a.point !== point || a.desk === undefined || !covers(a, at)) continue;
    const crew = crews.get(a.desk) ?? [];
    crew.push(a);
    crews.set(a.desk, crew);
  }
  return crews;
}

/**
 * Desks open at a point: those with every role a desk needs (scenario `desk`) on duty. Without a
 * published plan, the point's own desk count inside the windows.
 * @example desksOpenAt(yiyuan, plan, "north-gate", Date.parse("2021-08-03T07:10:00+08:00")) // 1
 * @example desksOpenAt(yiyuan, undefined, "north-gate", Date.parse("2021-08-03T07:10:00+08:00")) // 2 (no plan: every desk)
 */
export function desksOpenAt(scenario: Scenario, plan: Plan | undefined, point: string, at: number): number {
  if (!inWindow(scenario, at)) return 0;
  if (!plan) return scenario.points.find((p) => p.id === point)?.desks ?? 0;
  const needs = Object.entries(scenario.desk).filter(([, n]) => (n ?? 0) > 0) as [Role, number][];
  let open = 0;
  for (const crew of deskCrews(plan, point, at).values()) {
    if (needs.every(([role, n]) => crew.filter((a) => a.role === role).length >= n)) open++;
  }
  return open;
}

/**
 * The plan's forecast line at a point at `at`: the last slot at or before it.
 * @example forecastLength(plan, "north-gate", Date.parse("2021-08-03T07:10:00+08:00")) // 41.7
 */
export function forecastLength(plan: Plan | undefined, point: string, at: number): number | undefined {
  if (!plan) return undefined;
  let best: { at: number; length: number } | undefined;
  for (const f of plan.forecast) {
    if (f.point !== point) continue;
    const t = Date.parse(f.at);
    if (t <= at && (!best || t > best.at)) best = { at: t, length: f.queueLength };
  }
  return best?.length;
}

/**
 * The assignment a person holds at `at`, if any.
 * @example assignmentAt(plan, "bai-xue", Date.parse("2021-08-03T07:10:00+08:00")).activity // "desk"
 */
export function assignmentAt(plan: Pick<Plan, "assignments">, staff: string, at: number): Assignment | undefined {
  return plan.assignments.find((a) => a.staff === staff && covers(a, at));
}

/**
 * The person of `role` at a desk at `at`.
 * @example onDesk(plan, "north-gate", 1, "sampler", Date.parse("2021-08-03T07:10:00+08:00")).staff // "bai-xue"
 */
export function onDesk(plan: Plan, point: string, desk: number, role: Role, at: number): Assignment | undefined {
  return plan.assignments.find((a) => a.activity === "desk" && a.point === point && a.desk === desk && a.role === role && covers(a, at));
}

/**
 * One person's assignments in a plan.
 * @example assignmentsOf(plan, "nobody") // []
 */
export function assignmentsOf(plan: Plan, staff: string): Assignment[] {
  return plan.assignments.filter((a) => a.staff === staff);
}
