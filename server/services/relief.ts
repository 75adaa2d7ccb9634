// Relief (docs/api.md C4 "swap after 3 tubes", C5): the store's facts and the clock handed to the
// rules of shared/rotation/relief.ts, and the calls and alerts that follow.
import type { AppContext } from "../context.ts";
import { assignmentAt, onDesk } from "../../shared/rotation/now.ts";
import { reliefDue, reliefFor } from "../../shared/rotation/relief.ts";
import { errors } from "../errors.ts";

/** After a seal: if the sampler's stint reached a multiple of the set tube count, call relief. */
export function relieveAfterTubes(context: AppContext, site: string, point: string, desk: number, sealedAt: number): void {
  const n = context.store.swaps.settings(site).swapAfterTubes;
  if (!n) return;
  const current = context.store.plans.current(site);
  if (!current) return;
  const sampler = onDesk(current.plan, point, desk, "sampler", sealedAt);
  const since = sampler ? Date.parse(sampler.start) : sealedAt;
  const sealed = context.store.tubes.sealedAtDeskSince(site, point, desk, since);
  if (!reliefDue(sealed, n)) return;
  const scenario = context.store.sites.get(site)!.scenario;
  const now = context.clock.now();
  const relief = reliefFor(scenario, current.plan, "sampler", now, sampler ? [sampler.staff] : []);
  const hub = context.live;
  if (!relief) {
    hub.alert(site, "gap", "no-relief-after-tubes", { point, desk, sealed }, { point, desk });
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
  if (!here || here.activity !== "desk") throw errors.notAtDesk(staff);
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
  hub.alert(site, "gap", "relief-requested", { staff, point: here.point!, desk: here.desk!, called: relief }, {
    staff,
    point: here.point,
    desk: here.desk,
    called: relief,
  });
  return { staff, point: here.point!, desk: here.desk!, called: relief };
}
