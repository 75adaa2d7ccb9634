// Lab results and what follows them (docs/api.md C6): a positive pool yields its re-test list, one
// single tube per resident, sampled door to door by the grid's three-person group.
import type { AppContext } from "../context.ts";
import type { TubeResult } from "../store/tubes.ts";
import { errors, tubeRefused } from "../errors.ts";
import type { Retest } from "../../shared/live/shapes.ts";

export type { Retest };
import { TUBE_STEPS, tubeStep } from "../../shared/tubes/lifecycle.ts";

export interface TubeView {
  id: string;
  state: string;
  point: string;
  desk: number;
  swabs: { id: string; resident: string; at: string }[];
  box?: string;
  result?: TubeResult;
  custody: { at: string; state: string; holder: string; box?: string }[];
}

/** A tube as the lead and the lab see it, with residents' ids. */
export function tubeView(context: AppContext, site: string, tubeId: string): TubeView {
  const tube = context.store.tubes.get(site, tubeId);
  if (!tube) throw errors.notFound(`tube "${tubeId}"`);
  return {
    id: tube.id,
    state: tube.state,
    point: tube.point,
    desk: tube.desk,
    swabs: context.store.tubes.swabsOf(site, tubeId).map((s) => ({ id: s.id, resident: s.resident, at: s.at })),
    ...(tube.box ? { box: tube.box } : {}),
    ...(tube.result ? { result: tube.result } : {}),
    custody: context.store.tubes
      .custody(site, tubeId)
      .map((c) => ({ at: new Date(c.at).toISOString(), state: c.state, holder: c.holder, ...(c.box ? { box: c.box } : {}) })),
  };
}

/** Records a tube's result; a positive pool alerts the lead with its re-test list. */
export function postResult(context: AppContext, site: string, input: { tube: string; result: TubeResult }): { tube: string; result: TubeResult; retests: Retest[] } {
  const now = context.clock.now();
  context.store.transaction(() => {
    const tube = context.store.tubes.get(site, input.tube);
    const move = tubeStep(tube, "result");
    if (!move.ok) throw tubeRefused(move.refusal, input.tube);
    context.store.tubes.setResult(site, input.tube, input.result, now);
    context.store.tubes.addCustody(site, input.tube, { at: now, state: `${TUBE_STEPS.result.to}:${input.result}`, holder: "lab", box: tube!.box });
  });
  const retests = input.result === "positive" ? retestsOf(context, site, input.tube) : [];
  if (retests.length)
    context.live.alert(site, "positive", "positive", { tube: input.tube, residents: retests.length }, {
      tube: input.tube,
      retests,
    });
  return { tube: input.tube, result: input.result, retests };
}

function retestsOf(context: AppContext, site: string, tubeId: string): Retest[] {
  const tube = context.store.tubes.get(site, tubeId)!;
  const scenario = context.store.sites.get(site)!.scenario;
  const pointName = scenario.points.find((p) => p.id === tube.point)?.name ?? tube.point;
  // The grid team covering the resident's building goes to the door (docs/domain.md "Home sampling").
  const teamOf = new Map((scenario.teams ?? []).flatMap((t) => t.buildings.map((b) => [b, t.id] as const)));
  return context.store.tubes.swabsOf(site, tubeId).map((s) => ({
    tube: tubeId,
    point: tube.point,
    resident: s.resident,
    method: "single-tube",
    where: "door-to-door",
    grid: tube.point,
    team: (s.building ? teamOf.get(s.building) : undefined) ?? `three-person group of the ${pointName} grid`,
    ...(s.building ? { building: s.building } : {}),
    ...(s.unit ? { unit: s.unit } : {}),
    positiveAt: new Date(tube.resultedAt!).toISOString(),
  }));
}

/** Every re-test the site owes: the residents of each positive tube. */
export function retests(context: AppContext, site: string): { retests: Retest[] } {
  return { retests: context.store.tubes.withResult(site, "positive").flatMap((t) => retestsOf(context, site, t.id)) };
}
