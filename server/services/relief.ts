// Relief on the swab stream (docs/api.md C4 "swap after 3 tubes"): when a sampler has sealed the
// site's set number of tubes in one stint, the nearest rested sampler is called to take the desk.
import type { AppContext } from "../context.ts";
import type { Plan } from "../../shared/plan/types.ts";
import type { Scenario } from "../../shared/scenario/schema.ts";
import { assignmentAt, onDesk } from "./rotation-now.ts";
import { errors } from "../errors.ts";

const covers = (spans: { start: string; end: string }[], at: number) => spans.some((s) => Date.parse(s.start) <= at && at < Date.parse(s.end));

/**
 * Who can relieve a desk now: someone of the role on standby first, then someone free and
 * available; never someone resting, at a meal or at another desk.
 */
export function reliefFor(scenario: Scenario, plan: Pick<Plan, "assignments">, role: string, at: number, except: string[]): string | undefined {
  return reliefCandidates(scenario, plan, role, at, except)[0];
}

/** Everyone who could relieve, best first (standby, then free). */
export function reliefCandidates(scenario: Scenario, plan: Pick<Plan, "assignments">, role: string, at: number, except: string[]): string[] {
  const qualified = scenario.staff.filter((p) => p.roles.includes(role as never) && !except.includes(p.id) && covers(p.available, at));
  const standby = qualified.filter((p) => assignmentAt(plan as Plan, p.id, at)?.activity === "standby");
  const free = qualified.filter((p) => assignmentAt(plan as Plan, p.id, at) === undefined);
  return [...standby, ...free].map((p) => p.id);
}

/** After a seal: if the sampler's stint reached a multiple of the set tube count, call relief. */
export function relieveAfterTubes(context: AppContext, site: string, point: string, desk: number, sealedAt: number): void {
  const n = context.store.swaps.settings(site).swapAfterTubes;
  if (!n) return;
  const current = context.store.plans.current(site);
  if (!current) return;
  const sampler = onDesk(current.plan, point, desk, "sampler", sealedAt);
  const since = sampler ? Date.parse(sampler.start) : sealedAt;
  const sealed = context.store.tubes.sealedAtDeskSince(site, point, desk, since);
  if (sealed === 0 || sealed % n !== 0) return;
  const scenario = context.store.sites.get(site)!.scenario;
  const now = context.clock.now();
  const relief = reliefFor(scenario, current.plan, "sampler", now, sampler ? [sampler.staff] : []);
  const hub = context.live;
  if (!relief) {
    hub.alert(site, "gap", `${point} desk ${desk}: ${sealed} tubes sealed this stint, but no rested sampler is free to take over`, { point, desk });
    return;
  }
  hub.call({
    site,
    staff: relief,
    point,
    desk,
    at: new Date(now).toISOString(),
    reason: "tubes",
    message: `take over at ${point} desk ${desk}: the sampler there has sealed ${sealed} tubes`,
  });
}

/** "Call for relief" (docs/api.md): someone at a desk asks to be taken off it now. */
export function requestRelief(context: AppContext, site: string, staff: string): { staff: string; point: string; desk: number; called: string | null } {
  const current = context.store.plans.current(site);
  if (!current) throw errors.noPlan(site);
  const now = context.clock.now();
  const here = assignmentAt(current.plan, staff, now);
  if (!here || here.activity !== "desk") throw errors.state("NOT_AT_A_DESK", `${staff} is not at a desk now; relief is for someone on a desk`);
  const scenario = context.store.sites.get(site)!.scenario;
  const relief = reliefFor(scenario, current.plan, here.role, now, [staff]) ?? null;
  const hub = context.live;
  if (relief)
    hub.call({
      site,
      staff: relief,
      point: here.point!,
      desk: here.desk!,
      at: new Date(now).toISOString(),
      reason: "relief",
      assignment: here.id,
      message: `${staff} asks for relief at ${here.point} desk ${here.desk}: take over now`,
    });
  hub.alert(site, "gap", `${staff} asks for relief at ${here.point} desk ${here.desk}; ${relief ? `${relief} is called` : "nobody rested is free"}`, {
    staff,
    point: here.point,
    desk: here.desk,
    called: relief,
  });
  return { staff, point: here.point!, desk: here.desk!, called: relief };
}
