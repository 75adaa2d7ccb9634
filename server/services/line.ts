// The live line at each point (docs/api.md C7): the store's counts and the plan in force, turned
// into a point's state by the pure arithmetic of shared/queue-live/.
import type { Clock } from "../../shared/clock.ts";
import type { Store } from "../store/index.ts";
import { lineState, type LineState } from "../../shared/queue-live/state.ts";
import { desksOpenAt, forecastLength, inWindow } from "../../shared/rotation/now.ts";
import { errors } from "../errors.ts";

/** Service rate is measured over the last ten minutes of swabs. */
export const MEASURE_MINUTES = 10;

/** One point's line now, without presentation fields. */
export function pointLine(context: { store: Store; clock: Clock }, site: string, point: string): LineState {
  const record = context.store.sites.get(site);
  if (!record) throw errors.notFound(`site "${site}"`);
  const scenario = record.scenario;
  const plan = context.store.plans.current(site)?.plan;
  const now = context.clock.now();
  const q = context.store.queue;
  const head = q.lastHeadcount(site, point);
  const { arrivals, reports } = q.arrivalsSinceHeadcount(site, point);
  const recent = q.swabsBetween(site, point, now - MEASURE_MINUTES * 60_000, now);
  const hasDesks = (scenario.points.find((p) => p.id === point)?.desks ?? 0) > 0;
  return lineState({
    // A point with no desks never opens.
    inWindow: hasDesks && inWindow(scenario, now),
    desksOpen: desksOpenAt(scenario, plan, point, now),
    headcount: head?.count,
    arrivalsSince: arrivals,
    swabsSince: q.swabsReceivedSince(site, point, head?.at ?? -1),
    reported: head !== undefined || reports > 0,
    forecastLength: forecastLength(plan, point, now),
    recentSwabs: recent.swabs,
    recentDesks: recent.desks,
    recentMinutes: MEASURE_MINUTES,
    swabSeconds: scenario.service.swabSeconds,
  });
}
