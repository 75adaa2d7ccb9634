// A grid team's door-to-door route (docs/domain.md "Home sampling"): its households in walking
// order, the minutes at each door and on the stairs between them, the tubes each household's swabs
// go into, and the rests the heat and the suit call for on the way.
import type { HomeVisit } from "../scenario/schema.ts";
import type { Minute } from "../time.ts";
import type { Allowance } from "./allowance.ts";
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
 * order, until the team's time runs out.
 */
export function planHomeRoute(input: RouteInput): HomeRoute {
  const { rules } = input;
  const ordered = routeOrder(input.buildings, input.visits);
  const tubes = homeTubes(input.team, ordered, rules.poolSize);
  const route: HomeRoute = { team: input.team, medic: input.medic, stops: [], pauses: [], tubes: tubes.tubes, unvisited: [], start: input.start, end: input.start };
  if (!input.medic) {
    route.unvisited = ordered.map((v) => ({ visit: v.id, building: v.building, reason: "the team has no medic (a sampler) to take the swabs" }));
    return route;
  }
  let t = input.start;
  let here: { building?: string; floor: number } = { floor: GROUND };
  // Minutes worked since the last rest (heat) and since the suit was last off (PPE cap).
  let stint = 0;
  let inSuit = 0;
  for (let i = 0; i < ordered.length; i++) {
    const v = ordered[i];
    const to = { building: v.building, floor: v.floor ?? GROUND };
    const walk = walkMinutes(here, to, rules);
    const atDoor = rules.homeVisitMinutes + Math.ceil(((v.people - 1) * rules.swabSeconds) / 60);
    const need = walk + atDoor;
    // Heat first: wait out hours where no work is allowed, rest when this door would overrun the stint.
    let allowance = input.allowance(t, t + need);
    while (allowance === "stop" && t < input.end) {
      const from = t;
      while (t < input.end && input.allowance(t, t + 5) === "stop") t += 5;
      pause(route, from, t, "wait");
      stint = 0;
      allowance = input.allowance(t, t + need);
    }
    if (typeof allowance === "object" && stint > 0 && stint + need > allowance.work) {
      const rest = Math.ceil((stint * allowance.rest) / allowance.work);
      pause(route, t, t + rest, "rest");
      t += rest;
      stint = 0;
    }
    // The PPE cap: the suit comes off for a full break before the cap is passed.
    if (inSuit > 0 && inSuit + need > rules.maxContinuousPpeMinutes) {
      pause(route, t, t + rules.ppeBreakMinutes, "break");
      t += rules.ppeBreakMinutes;
      inSuit = 0;
      stint = 0;
    }
    if (t + need > input.end || allowance === "stop") {
      const reason = allowance === "stop" ? "the heat allows no work at the door until the team's day ends" : "no time left in the team's day";
      for (const rest of ordered.slice(i)) route.unvisited.push({ visit: rest.id, building: rest.building, reason });
      break;
    }
    const own = tubes.byVisit.get(v.id)!;
    route.stops.push({
      visit: v.id,
      building: v.building,
      label: v.label,
      floor: to.floor,
      people: v.people,
      start: t + walk,
      end: t + need,
      tube: own[0],
      tubes: own,
      single: v.reason === "isolated",
    });
    t += need;
    stint += need;
    inSuit += need;
    here = to;
  }
  route.end = route.stops.at(-1)?.end ?? input.start;
  // Tubes hold only the households reached. Those are a prefix of the walking order, and tubes are
  // filled in that order, so counting the prefix again gives the same tube ids.
  route.tubes = homeTubes(input.team, ordered.slice(0, route.stops.length), rules.poolSize).tubes;
  return route;
}

function pause(route: HomeRoute, start: Minute, end: Minute, activity: RoutePause["activity"]): void {
  if (end > start) route.pauses.push({ start, end, activity });
}
