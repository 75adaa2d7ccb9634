// Tubes for door-to-door sampling (docs/domain.md "Home sampling", "Pooled sampling"): an isolated
// household's people each get a single tube, never shared; immobile households share pooled tubes
// among themselves, filled in walking order up to the pool size.
import type { HomeVisit } from "../scenario/schema.ts";

export interface HomeTube {
  id: string;
  /** Swabs planned into it. */
  swabs: number;
  single: boolean;
  visits: string[];
}

/**
 * The route's tubes and, for each household, the tubes its people's swabs go into.
 * @example homeTubes("t1", [{ id: "a", people: 2, reason: "isolated" }, { id: "b", people: 7, reason: "immobile" }, { id: "c", people: 5, reason: "immobile" }], 10).tubes.map((t) => `${t.id}:${t.swabs}`) // ["t1-S1:1", "t1-S2:1", "t1-P1:10", "t1-P2:2"]
 */
export function homeTubes(
  team: string,
  visits: Pick<HomeVisit, "id" | "people" | "reason">[],
  poolSize: number,
  /** Tubes numbered so far on this route: numbering goes on from them (and they are advanced). */
  counters: { singles: number; pools: number } = { singles: 0, pools: 0 },
): { tubes: HomeTube[]; byVisit: Map<string, string[]> } {
  const tubes: HomeTube[] = [];
  const byVisit = new Map<string, string[]>();
  let open: HomeTube | undefined;
  for (const v of visits) {
    const own: string[] = [];
    if (v.reason === "isolated") {
      // One tube a person: an isolated household is never pooled, not even within itself.
      for (let k = 0; k < v.people; k++) {
        const tube = { id: `${team}-S${++counters.singles}`, swabs: 1, single: true, visits: [v.id] };
        tubes.push(tube);
        own.push(tube.id);
      }
    } else {
      for (let k = 0; k < v.people; k++) {
        if (!open || open.swabs >= poolSize) {
          open = { id: `${team}-P${++counters.pools}`, swabs: 0, single: poolSize === 1, visits: [] };
          tubes.push(open);
        }
        open.swabs++;
        if (open.visits.at(-1) !== v.id) open.visits.push(v.id);
        if (own.at(-1) !== open.id) own.push(open.id);
      }
    }
    byVisit.set(v.id, own);
  }
  return { tubes, byVisit };
}
