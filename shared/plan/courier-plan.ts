// The couriers' part of a plan (docs/api.md "Plan (output)", docs/domain.md "Transport"): every
// pickup names its courier, a round trip (2 × labTravelMinutes) each, never two at once, inside the
// courier's availability and time on duty, away from their other duties; the tubes counted again
// for the pickups as the couriers can make them, and a gap for each trip no courier can make.
import type { Scenario } from "../scenario/schema.ts";
import { effectiveRules } from "../scenario/rules.ts";
import { toMinute, type Minute, type Span } from "../time.ts";
import type { MinuteAssignment, MinuteGap } from "../rotation/api.ts";
import { localDay, mergeSpans } from "../rotation/context.ts";
import { countTubes, tubesByPoolSize } from "../pooling/tubes.ts";
import { boxLoads } from "../transport/boxes.ts";
import { pickupLimit } from "../transport/pickups.ts";
import { planCourierTrips, type Courier, type TubeLot } from "../transport/couriers.ts";
import type { HomePickup } from "../home/plan.ts";
import type { PointDay } from "./point-day.ts";

/** Swabs below this (expected values are fractional) are rounding, not people. */
const CRUMB = 0.01;

export interface CourierPickup {
  at: Minute;
  point: string;
  tubes: number;
  swabs: number;
  boxLoads: number[];
  courier?: string;
  teams: { team: string; tubes: number; swabs: number }[];
}

export interface CourierPart {
  pickups: CourierPickup[];
  /** One `pickup` assignment per trip a courier makes. */
  assignments: MinuteAssignment[];
  gaps: MinuteGap[];
  /** Each point's tubes, counted again for the pickups as made. */
  tubes: Map<string, { expectedTubes: number; byPoolSize: Record<number, number> }>;
}

/**
 * The couriers' trips for a planned day, or null when the roster names no courier (the pickups
 * are then the points' own, for whoever the lab sends). `assignments` are everyone's other
 * duties: a courier's trip keeps ppeBreakMinutes clear of them, and their time on duty (every
 * minute but meals) stays within maxWorkMinutesPerDay.
 */
export function courierPart(scenario: Scenario, origin: Minute, days: Map<string, PointDay>, home: HomePickup[], assignments: MinuteAssignment[]): CourierPart | null {
  const staff = scenario.staff.filter((s) => s.roles.includes("courier"));
  if (!staff.length) return null;
  const rules = effectiveRules(scenario);
  const tz = scenario.site.timezone;
  const { labTravelMinutes, poolSize } = scenario.pooling;
  const trip = 2 * labTravelMinutes;
  const limit = pickupLimit(scenario.pooling);
  const dayOf = (m: Minute) => localDay(m, tz);
  const couriers: Courier[] = staff.map((s) => {
    const mine = assignments.filter((a) => a.staff === s.id);
    let free: Span[] = mergeSpans(s.available.map((a) => ({ start: toMinute(a.start), end: toMinute(a.end) })));
    for (const a of mine) {
      const cut = { start: a.start - rules.ppeBreakMinutes, end: a.end + rules.ppeBreakMinutes };
      free = free.flatMap((p) => (cut.end <= p.start || cut.start >= p.end ? [p] : [{ start: p.start, end: cut.start }, { start: cut.end, end: p.end }].filter((x) => x.end > x.start)));
    }
    const budget = new Map<string, number>();
    for (const f of free) for (const d of [dayOf(f.start), dayOf(f.end - 1)]) budget.set(d, rules.maxWorkMinutesPerDay);
    for (const a of mine) if (a.activity !== "meal") budget.set(dayOf(a.start), (budget.get(dayOf(a.start)) ?? rules.maxWorkMinutesPerDay) - (a.end - a.start));
    return { id: s.id, free, budget };
  });
  // the tubes waiting at each point: a desk's swabs from the minute after they are taken, due by
  // their age limit; a team's from its handover, due by its oldest swab's limit
  const points = scenario.points.map((p) => p.id);
  const lots: TubeLot[] = [];
  const homeOf: (HomePickup | null)[] = [];
  for (const p of points) {
    const served = days.get(p)?.trace.served;
    if (served) for (let m = 0; m < served.length; m++) if (served[m] > CRUMB) { lots.push({ point: p, ready: origin + m + 1, deadline: origin + m + limit }); homeOf.push(null); }
  }
  for (const h of home) { lots.push({ point: h.point, ready: h.at, deadline: Math.max(h.at, h.oldest + limit) }); homeOf.push(h); }
  const plan = planCourierTrips(points, lots, couriers, trip, dayOf);

  const out: CourierPart = { pickups: [], assignments: [], gaps: [], tubes: new Map() };
  for (const p of points) {
    const pd = days.get(p);
    const trips = plan.trips.filter((t) => t.point === p);
    if (!pd) continue;
    const cuts = trips.map((t) => t.at - origin);
    const tally = countTubes(pd.shares, poolSize, cuts);
    const floor = (k: number) => Math.ceil(pd.expectedSwabs / k - 1e-9);
    out.tubes.set(p, {
      expectedTubes: Math.max(tally.tubes, floor(poolSize)),
      byPoolSize: Object.fromEntries(Object.entries(tubesByPoolSize(pd.shares, cuts)).map(([k, n]) => [k, Math.max(n, floor(Number(k)))])),
    });
    trips.forEach((t, j) => {
      const teams = new Map<string, { team: string; tubes: number; swabs: number }>();
      for (const k of t.lots) {
        const h = homeOf[k];
        if (!h) continue;
        const x = teams.get(h.team) ?? { team: h.team, tubes: 0, swabs: 0 };
        x.tubes += h.tubes; x.swabs += h.swabs;
        teams.set(h.team, x);
      }
      const homeTubes = [...teams.values()].reduce((n, x) => n + x.tubes, 0);
      const tubes = (tally.perInterval[j] ?? 0) + homeTubes;
      const swabs = Math.round(((tally.swabsPerInterval[j] ?? 0) + [...teams.values()].reduce((n, x) => n + x.swabs, 0)) * 10) / 10;
      out.pickups.push({ at: t.at, point: p, tubes, swabs, boxLoads: boxLoads(tubes, scenario.pooling.boxCapacity), ...(t.courier ? { courier: t.courier } : {}), teams: [...teams.values()] });
    });
  }
  // a team's tubes at a point no desk opens at: their trips carry them alone
  for (const t of plan.trips) if (!days.has(t.point)) {
    const hs = t.lots.map((k) => homeOf[k]).filter((h): h is HomePickup => h !== null);
    const tubes = hs.reduce((n, h) => n + h.tubes, 0);
    out.pickups.push({ at: t.at, point: t.point, tubes, swabs: hs.reduce((n, h) => n + h.swabs, 0), boxLoads: boxLoads(tubes, scenario.pooling.boxCapacity), ...(t.courier ? { courier: t.courier } : {}), teams: hs.map((h) => ({ team: h.team, tubes: h.tubes, swabs: h.swabs })) });
  }
  out.pickups.sort((a, b) => a.at - b.at || points.indexOf(a.point) - points.indexOf(b.point));
  const count = new Map<string, number>();
  for (const k of out.pickups) {
    if (!k.courier) continue;
    const n = (count.get(k.courier) ?? 0) + 1;
    count.set(k.courier, n);
    out.assignments.push({ id: `${k.courier}-pickup-${n}`, staff: k.courier, role: "courier", activity: "pickup", point: k.point, start: k.at, end: k.at + trip });
  }
  const names = staff.length === 1 ? `the roster's one courier is` : `the roster's ${staff.length} couriers are`;
  for (const s of plan.short)
    out.gaps.push({ point: s.point, role: "courier", start: s.start, end: s.end, reason: `no courier for the ${trip}-min round trip to the lab these tubes need by then: ${names} on other trips, on other duties or off duty` });
  return out;
}
