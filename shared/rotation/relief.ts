// Relief at a desk (docs/api.md C4 "swap after 3 tubes", C5 "call for relief"): who takes over, and
// when a sampler's sealed tubes call for it. Pure: the moment comes in as `at` (ms).
import type { Plan } from "../plan/types.ts";
import type { Role, Scenario } from "../scenario/schema.ts";
import { isWithin } from "../time.ts";
import { assignmentAt } from "./now.ts";

/**
 * Everyone who could relieve a desk's `role` at `at`, best first: someone of the role on standby,
 * then someone free and available; never someone resting, at a meal or at another desk.
 * @example reliefCandidates(yiyuan, plan, "sampler", Date.parse("2021-08-03T06:00:00+08:00"), []) // [] (before anyone's hours)
 */
export function reliefCandidates(scenario: Scenario, plan: Pick<Plan, "assignments">, role: Role, at: number, except: readonly string[]): string[] {
  const qualified = scenario.staff.filter((p) => p.roles.includes(role) && !except.includes(p.id) && p.available.some((s) => isWithin(at, s)));
  const doing = (id: string) => assignmentAt(plan, id, at)?.activity;
  const standby = qualified.filter((p) => doing(p.id) === "standby");
  const free = qualified.filter((p) => doing(p.id) === undefined);
  return [...standby, ...free].map((p) => p.id);
}

/**
 * The one to call: the best candidate, if any.
 * @example reliefFor(yiyuan, { assignments: [] }, "sampler", Date.parse("2021-08-03T07:00:00+08:00"), []) // "bai-xue"
 */
export function reliefFor(scenario: Scenario, plan: Pick<Plan, "assignments">, role: Role, at: number, except: readonly string[]): string | undefined {
  return reliefCandidates(scenario, plan, role, at, except)[0];
}

/**
 * Whether a sampler's tubes sealed this stint call for relief: at every multiple of the site's
 * setting (0: never).
 * @example reliefDue(3, 3) // true
 * @example reliefDue(4, 3) // false
 */
export function reliefDue(sealedThisStint: number, swapAfterTubes: number): boolean {
  return swapAfterTubes > 0 && sealedThisStint > 0 && sealedThisStint % swapAfterTubes === 0;
}
