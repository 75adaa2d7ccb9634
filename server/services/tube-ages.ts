// Tubes on their way to the lab and how old they are (docs/api.md C3, C6): the lead's board shows
// each open or sealed tube's age against the limit, so a courier is sent before it is too late.
// No resident ids: the list says how many swabs a tube holds, not whose.
import type { AppContext } from "../context.ts";
import type { TubeRecord } from "../store/tubes.ts";
import { TUBE_AGE_WARNING_MINUTES } from "../live/ticker.ts";
import type { TubeAge, TubeAges, TubeListState } from "../../shared/live/tube-ages.ts";
import { tubeAgeMinutes } from "../../shared/tubes/age.ts";

export type { TubeAge, TubeAges, TubeListState };

/**
 * The site's tubes in `states`, oldest first.
 * E.g. `tubeAges(context, "yiyuan", ["open"])` gives `{now, sendWithinMinutes, warnFromMinutes, tubes:
 * [{id, point, desk, state, ageMinutes, …}]}` (test/tube-list.test.ts).
 */
export function tubeAges(context: AppContext, site: string, states: readonly TubeListState[]): TubeAges {
  const now = context.clock.now();
  const { maxTubeAgeMinutes, labTravelMinutes } = context.store.sites.get(site)!.scenario.pooling;
  const sendWithin = maxTubeAgeMinutes - labTravelMinutes;
  const tubes = context.store.tubes
    .inStates(site, states)
    .map((t) => ageOf(t, now, sendWithin))
    .sort((a, b) => (b.ageMinutes ?? -1) - (a.ageMinutes ?? -1) || a.id.localeCompare(b.id));
  return {
    now: new Date(now).toISOString(),
    maxTubeAgeMinutes,
    labTravelMinutes,
    sendWithinMinutes: sendWithin,
    warnFromMinutes: Math.max(0, sendWithin - TUBE_AGE_WARNING_MINUTES),
    tubes,
  };
}

function ageOf(t: TubeRecord, now: number, sendWithinMinutes: number): TubeAge {
  const first = t.firstSwabAt;
  return {
    id: t.id,
    point: t.point,
    desk: t.desk,
    state: t.state as TubeListState,
    swabs: t.swabs,
    firstSwabAt: first === null ? null : new Date(first).toISOString(),
    ageMinutes: first === null ? null : tubeAgeMinutes(first, now),
    sendBy: first === null ? null : new Date(first + sendWithinMinutes * 60000).toISOString(),
    ...(t.box ? { box: t.box } : {}),
  };
}
