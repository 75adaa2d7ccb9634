// The site's call-up plan: every building routed to a point that can open, then each point's
// buildings called within the wait target, coolest hours first (docs/api.md C2).
import type { Scenario } from "../scenario/schema.ts";
import type { SamplingDay } from "../queue/day.ts";
import { cumulative } from "../queue/fluid.ts";
import { routeBuildings } from "./reroute.ts";
import type { CallupUnit, PlacedCallup } from "./place.ts";
import { schedulePoint, type PointCallups, type PointRequest } from "./schedule-point.ts";

export interface SiteCallup extends PlacedCallup {
  point: string;
}

export interface PointSchedule extends PointCallups {
  request: PointRequest;
}

export interface SiteCallups {
  callups: SiteCallup[];
  points: Map<string, PointSchedule>;
}

/**
 * The smallest part of a building worth calling on its own: two pooled tubes' worth, so a split
 * never leaves a handful of people to a slot of their own.
 * @example minPartResidents(yiyuan) // 20 (with 10:1 pooling)
 */
export function minPartResidents(scenario: Scenario): number {
  return Math.max(1, 2 * scenario.pooling.poolSize);
}

/** The units each point calls, after rerouting buildings away from points that cannot open. */
export function unitsByPoint(scenario: Scenario, capacities: Map<string, Float64Array>): Map<string, CallupUnit[]> {
  const att = scenario.service.attendance;
  const own = new Map<string, number>();
  for (const b of scenario.buildings) own.set(b.point, (own.get(b.point) ?? 0) + b.residents * att);
  const rooms = scenario.points.map((point) => {
    const cap = capacities.get(point.id);
    let total = 0;
    if (cap) for (let m = 0; m < cap.length; m++) total += cap[m];
    return { point, capacity: total, load: own.get(point.id) ?? 0 };
  });
  const units = new Map<string, CallupUnit[]>(scenario.points.map((p) => [p.id, []]));
  for (const r of routeBuildings(scenario.buildings, rooms, att)) {
    if (!units.has(r.point)) units.set(r.point, []);
    units.get(r.point)!.push({ building: r.building.id, residents: r.building.residents, ...(r.reroutedFrom ? { reroutedFrom: r.reroutedFrom } : {}) });
  }
  return units;
}

/**
 * Calls every building of the scenario, given each point's staffed capacity per minute.
 * @example scheduleCallups(yiyuan, day, capacities).callups[0] // { building: "b01", point: "north-gate", residents: 168, start: 0, end: 20 }
 */
export function scheduleCallups(scenario: Scenario, day: SamplingDay, capacities: Map<string, Float64Array>): SiteCallups {
  const units = unitsByPoint(scenario, capacities);
  const callups: SiteCallup[] = [];
  const points = new Map<string, PointSchedule>();
  for (const [point, list] of units) {
    const capacity = capacities.get(point) ?? new Float64Array(day.length);
    const request: PointRequest = {
      load: { day, capacity, cum: cumulative(capacity), attendance: scenario.service.attendance },
      units: list,
      weather: scenario.weather,
      targetWait: scenario.targets.maxWaitMinutes,
      minPartResidents: minPartResidents(scenario),
    };
    const result = schedulePoint(request);
    points.set(point, { ...result, request });
    for (const c of result.placed) callups.push({ ...c, point });
  }
  callups.sort((a, b) => a.start - b.start || byText(a.point, b.point) || byText(a.building, b.building));
  return { callups, points };
}

/** Code-point order, the same on every machine (a locale-aware compare would not be). */
function byText(a: string, b: string): number {
  return a < b ? -1 : a > b ? 1 : 0;
}
