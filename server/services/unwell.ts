// "I feel unwell" (docs/api.md C5; docs/domain.md stop-work signs): off the desk at once, the nearest
// rested qualified person called, the plan repaired from now, the lead alerted.
import type { AppContext } from "../context.ts";
import { errors } from "../errors.ts";
import { repairFromMinute, type Repair } from "./rotation-changes.ts";

export interface UnwellRepair extends Omit<Repair, "assignments"> {
  staff: string;
  at: string;
  revision: number;
  called: string[];
}

export function reportUnwell(context: AppContext, site: string, staff: string, reason: string | undefined): UnwellRepair {
  const scenario = context.store.sites.get(site)!.scenario;
  if (!scenario.staff.some((p) => p.id === staff)) throw errors.notFound(`staff member "${staff}" of site "${site}"`);
  const now = context.clock.now();
  const why = reason ?? "reported unwell";
  const { repair, revision } = context.store.transaction(() => {
    const current = context.store.plans.current(site);
    if (!current) throw errors.noPlan(site);
    const repair = repairFromMinute(scenario, current.plan.assignments, staff, now, why);
    const revision = context.store.plans.revise(site, current.id, {
      ...current.plan,
      assignments: repair.assignments,
      gaps: [...current.plan.gaps, ...repair.gaps],
    });
    return { repair, revision };
  });
  const hub = context.live;
  const called = [...new Set(repair.added.map((a) => a.staff))];
  hub.rotationChanged(site, [staff, ...called], "unwell");
  for (const a of repair.added)
    if (Date.parse(a.start) <= now + 15 * 60000)
      hub.call({
        site,
        staff: a.staff,
        point: a.point!,
        desk: a.desk!,
        at: a.start,
        reason: "relief",
        assignment: a.id,
        message: `relieve ${staff} at ${a.point} desk ${a.desk} now`,
      });
  hub.alert(site, "unwell", "unwell", { staff, reason: reason ?? null, relievedBy: called, gapsLeft: repair.gaps.length }, { staff, relievedBy: called, gaps: repair.gaps });
  hub.queueChangedSite(site);
  return { staff, at: new Date(now).toISOString(), revision, removed: repair.removed, added: repair.added, gaps: repair.gaps, called };
}
