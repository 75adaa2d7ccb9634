// A grid team's door-to-door route (docs/domain.md "Home sampling"): its households in walking
// order, the minutes at each door and on the stairs between them, the tubes each household's swabs
// go into, and the rests the heat and the suit call for on the way.
import type { HomeVisit } from "../scenario/schema.ts";
import type { Minute } from "../time.ts";
import type { Allowance } from "../heat/gbz.ts";
import { homeTubes, type HomeTube } from "./tubes.ts";

export interface RouteRules {
  /** Minutes at one door: don, swab, label, dispose. */
  homeVisitMinutes: number;
  stairMinutesPerFloor: number;
  walkBetweenBuildingsMinutes: number;
  /** Seconds per swab: each person after the first adds one (docs/api.md "Scenario": service.swabSeconds). */
  swabSeconds: number;
  poolSize: number;
  maxContinuousPpeMinutes: number;
  ppeBreakMinutes: number;
  /** The age limit on arrival at the lab, and the trip there (docs/domain.md "Transport"). */
  maxTubeAgeMinutes: number;
  labTravelMinutes: number;
}

export interface HomeStop {
  visit: string;
  building: string;
  label: string;
  floor: number;
  people: number;
  start: Minute;
  end: Minute;
  /** The first tube the household's swabs go into; `tubes` lists all (a pool may spill over). */
  tube: string;
  tubes: string[];
  /** Single tubes (1:1): an isolated household. */
  single: boolean;
  /** Which trip of the route (a new one after the heat stopped all work for a while). */
  trip: number;
}

/** Tubes handed to the point's courier: at the end of a trip, or sooner for their age. */
export interface Handover {
  at: Minute;
  trip: number;
  tubes: string[];
  swabs: number;
}

export interface RoutePause {
  start: Minute;
  end: Minute;
  /** `rest`: in the suit, in the shade, after a heat stint; `break`: suit off, after the PPE cap; `wait`: the heat allows no work. */
  activity: "rest" | "break" | "wait";
}

export interface HomeRoute {
  team: string;
  medic?: string;
  stops: HomeStop[];
  pauses: RoutePause[];
  tubes: HomeTube[];
  handovers: Handover[];
  /** Households the route could not reach, each with why. */
  unvisited: { visit: string; building: string; reason: string }[];
  start: Minute;
  end: Minute;
}

export interface RouteInput {
  team: string;
  /** The team's medic (a sampler), who swabs; without one nobody can be sampled. */
  medic?: string;
  /** The team's buildings in the order it walks them. */
  buildings: string[];
  visits: HomeVisit[];
  /** When the team may start and must be done. */
  start: Minute;
  end: Minute;
  rules: RouteRules;
  /** The strictest heat allowance for walking and swabbing in PPE over [start, end). */
  allowance: (start: Minute, end: Minute) => Allowance;
}

/** Chinese floor numbers start at 1 on the ground: a household without a floor is taken as there. */
const GROUND = 1;

/**
 * Households in walking order: building by building as the team lists them, each building climbed
 * from the ground up.
 * @example routeOrder(["b2", "b1"], [{ id: "a", building: "b1", floor: 3 }, { id: "b", building: "b2", floor: 5 }, { id: "c", building: "b2", floor: 2 }]).map((v) => v.id) // ["c", "b", "a"]
 */
export function routeOrder<V extends Pick<HomeVisit, "id" | "building" | "floor">>(buildings: string[], visits: V[]): V[] {
  const rank = new Map(buildings.map((b, i) => [b, i]));
  return [...visits].sort(
    (a, b) =>
      (rank.get(a.building) ?? Infinity) - (rank.get(b.building) ?? Infinity) ||
      (a.floor ?? GROUND) - (b.floor ?? GROUND) ||
      a.id.localeCompare(b.id),
  );
}

/**
 * Minutes on foot from one door to the next: down and out of a building, across, and up the next
 * one; or along the stairs within one building.
 * @example walkMinutes({ building: "b1", floor: 5 }, { building: "b2", floor: 3 }, { stairMinutesPerFloor: 1, walkBetweenBuildingsMinutes: 3 }) // 9
 * @example walkMinutes({ building: "b1", floor: 5 }, { building: "b1", floor: 7 }, { stairMinutesPerFloor: 1, walkBetweenBuildingsMinutes: 3 }) // 2
 */
export function walkMinutes(
  from: { building?: string; floor: number },
  to: { building: string; floor: number },
  rules: Pick<RouteRules, "stairMinutesPerFloor" | "walkBetweenBuildingsMinutes">,
): number {
  const stairs = (floors: number) => Math.abs(floors) * rules.stairMinutesPerFloor;
  if (from.building === to.building) return stairs(to.floor - from.floor);
  return stairs(from.floor - GROUND) + rules.walkBetweenBuildingsMinutes + stairs(to.floor - GROUND);
}

/**
 * The team's route: each household at the earliest minute the heat and the suit allow, in walking
 * order, until the team's time runs out. Where the heat stops all work for a while, the team goes
 * back off duty and the route goes on in a new trip; each trip's tubes are handed over at the
 * point at its end, or sooner when the age limit needs it, and no pooled tube spans two handovers.
 */
export function planHomeRoute(input: RouteInput): HomeRoute {
  const { rules } = input;
  const ordered = routeOrder(input.buildings, input.visits);
  const route: HomeRoute = { team: input.team, medic: input.medic, stops: [], pauses: [], tubes: [], handovers: [], unvisited: [], start: input.start, end: input.start };
  if (!input.medic) {
    route.unvisited = ordered.map((v) => ({ visit: v.id, building: v.building, reason: "the team has no medic (a sampler) to take the swabs" }));
    return route;
  }
  const walkBack = rules.walkBetweenBuildingsMinutes;
  const timed: { visit: HomeVisit; floor: number; start: Minute; end: Minute; trip: number }[] = [];
  let trip = 0;
  let t = input.start;
  let here: { building?: string; floor: number } = { floor: GROUND };
  // Minutes worked since the last rest (heat) and since the suit was last off (PPE cap).
  let stint = 0;
  let inSuit = 0;
  for (let i = 0; i < ordered.length; i++) {
    const v = ordered[i];
    const to = { building: v.building, floor: v.floor ?? GROUND };
    const atDoor = rules.homeVisitMinutes + Math.ceil(((v.people - 1) * rules.swabSeconds) / 60);
    let walk = walkMinutes(here, to, rules);
    let allowance: Allowance = "stop";
    // The heat and the suit, settled before this door: wait out a stop, rest when the door would
    // overrun the stint, take the suit off before the cap; then look again.
    while (t < input.end) {
      allowance = input.allowance(t, t + walk + atDoor);
      if (allowance === "stop") {
        const from = t;
        // until the whole walk and door fit outside the stop (in 5-minute steps)
        while (t < input.end && input.allowance(t, t + walk + atDoor) === "stop") t += 5;
        pause(route, from, t, "wait");
        stint = 0;
        if (t - from >= rules.ppeBreakMinutes) {
          // long enough to go back, take the suit off and come out again: a new trip
          inSuit = 0;
          if (timed.length && timed[timed.length - 1].trip === trip) trip++;
          here = { floor: GROUND };
          walk = walkMinutes(here, to, rules);
        }
        continue;
      }
      if (typeof allowance === "object" && stint > 0 && stint + walk + atDoor > allowance.work) {
        const rest = Math.ceil((stint * allowance.rest) / allowance.work);
        pause(route, t, t + rest, "rest");
        t += rest;
        stint = 0;
        continue;
      }
      if (inSuit > 0 && inSuit + walk + atDoor > rules.maxContinuousPpeMinutes) {
        pause(route, t, t + rules.ppeBreakMinutes, "break");
        t += rules.ppeBreakMinutes;
        inSuit = 0;
        stint = 0;
        continue;
      }
      break;
    }
    if (allowance === "stop" || t + walk + atDoor + walkBack > input.end) {
      const reason = allowance === "stop" ? "the heat allows no work at the door until the team's day ends" : "no time left in the team's day";
      for (const rest of ordered.slice(i)) route.unvisited.push({ visit: rest.id, building: rest.building, reason });
      break;
    }
    timed.push({ visit: v, floor: to.floor, start: t + walk, end: t + walk + atDoor, trip });
    t += walk + atDoor;
    stint += walk + atDoor;
    inSuit += walk + atDoor;
    here = to;
  }

  // Handovers: the end of each trip, and sooner where the oldest swab would reach the lab too old.
  const batches: (typeof timed)[] = [];
  for (const x of timed) {
    const batch = batches.at(-1);
    const fits = batch && batch[0].trip === x.trip && x.end + walkBack + rules.labTravelMinutes - batch[0].start <= rules.maxTubeAgeMinutes;
    if (fits) batch.push(x);
    else batches.push([x]);
  }
  const counters = { singles: 0, pools: 0 };
  for (const batch of batches) {
    const { tubes, byVisit } = homeTubes(input.team, batch.map((x) => x.visit), rules.poolSize, counters);
    route.tubes.push(...tubes);
    for (const x of batch) {
      const own = byVisit.get(x.visit.id)!;
      route.stops.push({ visit: x.visit.id, building: x.visit.building, label: x.visit.label, floor: x.floor, people: x.visit.people, start: x.start, end: x.end, tube: own[0], tubes: own, single: x.visit.reason === "isolated", trip: x.trip });
    }
    route.handovers.push({ at: batch[batch.length - 1].end + walkBack, trip: batch[0].trip, tubes: tubes.map((x) => x.id), swabs: tubes.reduce((n, x) => n + x.swabs, 0) });
  }
  route.end = route.handovers.at(-1)?.at ?? input.start;
  return route;
}

function pause(route: HomeRoute, start: Minute, end: Minute, activity: RoutePause["activity"]): void {
  if (end > start) route.pauses.push({ start, end, activity });
}
