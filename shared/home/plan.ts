// The grid teams' part of a plan (docs/api.md C13): each team's route on each sampling day, the
// time its walkers are away from the desks, the tubes it brings to its point for the courier, and
// what it cannot do, with why.
import type { Role, Scenario, Staff } from "../scenario/schema.ts";
import { effectiveRules } from "../scenario/rules.ts";
import { toMinute, type Minute, type Span } from "../time.ts";
import type { HeatTableHour } from "../heat/table.ts";
import { planHomeRoute, type HomeRoute } from "./route.ts";
import { routeAllowance } from "./heat.ts";

export interface HomePickup {
  at: Minute;
  point: string;
  team: string;
  tubes: number;
  swabs: number;
  /** When the oldest swab in these tubes was taken: they leave for the lab by this + the pickup limit. */
  oldest: Minute;
}

export interface HomeDuty {
  staff: string;
  role: Role;
  team: string;
  start: Minute;
  end: Minute;
}

export interface HomePlan {
  routes: (HomeRoute & { day: number })[];
  /** Who walks each route, and when: away from any desk then. */
  duties: HomeDuty[];
  pickups: HomePickup[];
}

/** The sampling days: the windows grouped by the calendar day (site time) they start on. */
function samplingDays(scenario: Scenario): Span[] {
  const days = new Map<string, Span>();
  for (const w of scenario.windows) {
    const key = w.start.slice(0, 10);
    const span = { start: toMinute(w.start), end: toMinute(w.end) };
    const day = days.get(key);
    if (!day) days.set(key, span);
    else days.set(key, { start: Math.min(day.start, span.start), end: Math.max(day.end, span.end) });
  }
  return [...days.values()].sort((a, b) => a.start - b.start);
}

/** The part of [day] a person is available: their longest availability inside it. */
function availableIn(person: Staff | undefined, day: Span): Span | undefined {
  let best: Span | undefined;
  for (const a of person?.available ?? []) {
    const start = Math.max(day.start, toMinute(a.start));
    const end = Math.min(day.end, toMinute(a.end));
    if (end > start && (!best || end - start > best.end - best.start)) best = { start, end };
  }
  return best;
}

/**
 * Plans every team's route on every sampling day. The medic (the team's sampler) swabs; the
 * community worker walks with them; the police officer is called only when a household refuses
 * (docs/domain.md "Home sampling"), so is not on the route.
 */
export function planHome(scenario: Scenario, table: HeatTableHour[]): HomePlan {
  const plan: HomePlan = { routes: [], duties: [], pickups: [] };
  const visits = scenario.homeVisits ?? [];
  if (!visits.length || !scenario.teams?.length) return plan;
  const rules = effectiveRules(scenario);
  const staff = new Map(scenario.staff.map((s) => [s.id, s]));
  const pointOf = new Map(scenario.buildings.map((b) => [b.id, b.point]));
  const allowance = routeAllowance(scenario, table);
  const { maxTubeAgeMinutes, labTravelMinutes, poolSize } = scenario.pooling;
  samplingDays(scenario).forEach((day, d) => {
    for (const team of scenario.teams!) {
      const mine = visits.filter((v) => team.buildings.includes(v.building));
      if (!mine.length) continue;
      const medic = team.staff.find((id) => staff.get(id)?.roles.includes("sampler"));
      const span = (medic ? availableIn(staff.get(medic), day) : undefined) ?? day;
      const route = planHomeRoute({
        team: d === 0 ? team.id : `${team.id}-d${d + 1}`,
        medic,
        buildings: team.buildings,
        visits: mine,
        start: span.start,
        end: span.end,
        rules: { ...rules, swabSeconds: scenario.service.swabSeconds, poolSize, maxTubeAgeMinutes, labTravelMinutes },
        allowance,
      });
      plan.routes.push({ ...route, team: team.id, day: d });
      if (!route.stops.length) continue;
      const walk = rules.walkBetweenBuildingsMinutes;
      const point = pointOf.get(team.buildings[0]) ?? scenario.points[0].id;
      // Each trip: from the point and back to it; its walkers are on duty the whole way.
      for (const trip of new Set(route.stops.map((x) => x.trip))) {
        const stops = route.stops.filter((x) => x.trip === trip);
        const start = stops[0].start - walk;
        const end = stops[stops.length - 1].end + walk;
        for (const id of team.staff) {
          const roles = staff.get(id)?.roles ?? [];
          if (id === medic) plan.duties.push({ staff: id, role: "sampler", team: team.id, start, end });
          else if (roles.includes("community")) plan.duties.push({ staff: id, role: "community", team: team.id, start, end });
        }
      }
      // The tubes go to the point's courier at each handover.
      for (const h of route.handovers) {
        const oldest = Math.min(h.at, ...route.stops.filter((x) => x.tubes.some((t) => h.tubes.includes(t))).map((x) => x.start));
        plan.pickups.push({ at: h.at, point, team: team.id, tubes: h.tubes.length, swabs: h.swabs, oldest });
      }
    }
  });
  return plan;
}

/**
 * The scenario the desks are planned on: each walker's availability without their route (a team
 * member is never at a desk while on the doorsteps), nor `margin` minutes either side of it. The
 * desks' default margin is ppeBreakMinutes: a route is time in PPE, so the suit comes off that long
 * between the doorsteps and a desk (docs/api.md "Defaults", "Time in PPE and on duty").
 */
export function withoutHomeDuties(scenario: Scenario, duties: { staff: string; start: Minute; end: Minute }[], margin = effectiveRules(scenario).ppeBreakMinutes): Scenario {
  if (!duties.length) return scenario;
  const away = new Map<string, Span[]>();
  for (const d of duties) away.set(d.staff, [...(away.get(d.staff) ?? []), { start: d.start - margin, end: d.end + margin }]);
  return {
    ...scenario,
    staff: scenario.staff.map((s) => {
      const spans = away.get(s.id);
      if (!spans) return s;
      const available = s.available.flatMap((a) => {
        let pieces: Span[] = [{ start: toMinute(a.start), end: toMinute(a.end) }];
        for (const cut of spans) pieces = pieces.flatMap((p) => (cut.end <= p.start || cut.start >= p.end ? [p] : [{ start: p.start, end: cut.start }, { start: cut.end, end: p.end }].filter((x) => x.end > x.start)));
        return pieces.map((p) => ({ start: shiftIso(p.start, a.start), end: shiftIso(p.end, a.start) }));
      });
      return { ...s, available };
    }),
  };
}

/** A minute as ISO 8601 in the offset another ISO instant is written in (the scenario's own). */
function shiftIso(minute: Minute, like: string): string {
  const m = /([+-])(\d{2}):(\d{2})$/.exec(like);
  const offset = m ? (m[1] === "-" ? -1 : 1) * (Number(m[2]) * 60 + Number(m[3])) : 0;
  const local = new Date((minute + offset) * 60_000).toISOString().slice(0, 19);
  return m ? `${local}${m[0]}` : `${local}Z`;
}
