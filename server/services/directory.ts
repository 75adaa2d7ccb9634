// The public directory of sites (for the pages): names, points, the plan in force and its
// call-ups, and the server's clock. Buildings and points are public; no person is named.
import type { AppContext } from "../context.ts";
import type { Directory } from "../../shared/live/directory.ts";
import { effectiveRules } from "../../shared/scenario/rules.ts";

export type { Directory };

export function directory(context: AppContext): Directory {
  return {
    now: context.clock.now(),
    sites: context.store.sites.list().map(({ id }) => {
      const { scenario } = context.store.sites.get(id)!;
      const current = context.store.plans.current(id);
      const names = new Map(scenario.buildings.map((b) => [b.id, b.name]));
      return {
        id,
        name: scenario.site.name,
        timezone: scenario.site.timezone,
        ...(scenario.site.district ? { district: scenario.site.district } : {}),
        ...(scenario.site.city ? { city: scenario.site.city } : {}),
        poolSize: scenario.pooling.poolSize,
        workload: effectiveRules(scenario).workload,
        points: scenario.points.map((p) => ({ id: p.id, name: p.name, shelter: p.shelter, desks: p.desks, ...(p.location ? { location: p.location } : {}) })),
        published: current ? { id: current.id, revision: current.revision } : null,
        callups: (current?.plan.callups ?? []).map((c) => ({ building: c.building, buildingName: names.get(c.building) ?? c.building, point: c.point, start: c.start, end: c.end })),
      };
    }),
  };
}
