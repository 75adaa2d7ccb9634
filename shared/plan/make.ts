// The site planner (docs/api.md C1–C4): from a scenario to the plan contract of docs/api.md, composed of the
// rotation (who can staff which desk when), the call-ups, the queue, the tubes and the pickups.
import type { Scenario } from "../scenario/schema.ts";
import { effectiveRules } from "../scenario/rules.ts";
import { toIso, toMinute } from "../time.ts";
import type { PlanRotation, RotationResult } from "../rotation/api.ts";
import { samplingDay } from "../queue/day.ts";
import { cumulative } from "../queue/fluid.ts";
import { describeShortfall, whatWouldMeet, type PointShortfall } from "../callup/shortfall.ts";
import { poolingAdvice } from "../pooling/dorfman.ts";
import { maxDeskRequests, planRotation } from "../rotation/index.ts";
import type { DeskRequest } from "../rotation/api.ts";
import { dayRule as heatDayRule, heatHours as heatHoursOf } from "../heat/index.ts";
import { heatTable, stopSpans } from "../heat/table.ts";
import { dayRuleMinutes } from "../heat/day-rule.ts";
import { lineWbgt, RESIDENT_HEAT_WBGT_C, residentHeatMinutes } from "../heat/residents.ts";
import { settle } from "./rounds.ts";
import { planHome, withoutHomeDuties } from "../home/plan.ts";
import { courierPart } from "./courier-plan.ts";
import type { DayRule, HeatHour, Plan } from "./types.ts";

export interface PlanOptions {
  /** Who can staff which desk when; defaults to the project's rotation. */
  rotation?: PlanRotation;
  heatHours?: (scenario: Scenario) => HeatHour[];
  dayRule?: (scenario: Scenario) => DayRule;
  /** The widest desk requests worth asking for (every desk through every window, less what the day rule forbids). */
  maxRequests?: (scenario: Scenario) => DeskRequest[];
}

/** The project's rotation and heat modules; tests may pass `allStaffed` (./all-staffed.ts) instead. */
export const DEFAULT_PLAN_OPTIONS: Required<PlanOptions> = { rotation: planRotation, heatHours: heatHoursOf, dayRule: heatDayRule, maxRequests: maxDeskRequests };

/**
 * Plans a site's day: desks, call-ups, queue forecast, tubes, pickups, and the rotation's heat,
 * assignments and gaps; a `shortfall` says where the wait target is missed and what would meet it.
 * Pure and deterministic: the same scenario gives the same plan.
 * @example makePlan(yiyuan).summary // { residents: 3000, expectedSwabs: 2790, expectedTubes: 280, maxWaitMinutes: 86, staffUsed: 9, coverage: 1 }
 */
export function makePlan(scenario: Scenario, options: PlanOptions = {}): Plan {
  const { rotation, heatHours, dayRule, maxRequests } = { ...DEFAULT_PLAN_OPTIONS, ...options };
  const rules = effectiveRules(scenario);
  const tz = scenario.site.timezone;
  // a plan names the same few hundred minutes thousands of times, and each timezone conversion is dear
  const isoOf = new Map<number, string>();
  const iso = (m: number) => {
    let s = isoOf.get(m);
    if (s === undefined) { s = toIso(m, tz); isoOf.set(m, s); }
    return s;
  };
  const day = samplingDay(scenario.windows.map((w) => ({ start: toMinute(w.start), end: toMinute(w.end) })), rules.slotMinutes);
  const perDesk = 60 / scenario.service.swabSeconds;
  const target = scenario.targets.maxWaitMinutes;

  // (1)–(4): what the rotation can staff, call-ups against it, just the desks they need, and the
  // rotation asked again for those; each point's day on the desks it finally staffed
  // (0) the grid teams' door-to-door routes first: their walkers are away from the desks meanwhile
  const table = heatTable(scenario);
  const home = planHome(scenario, table);
  const desksScenario = withoutHomeDuties(scenario, home.duties);
  const { site, callups, staffing, days, widestCapacity } = settle(desksScenario, day, rotation, perDesk, maxRequests(desksScenario));

  // (5) where the target is missed: by how much, and what would meet it
  const shortfalls: PointShortfall[] = [];
  for (const p of scenario.points) {
    const pd = days.get(p.id)!;
    const planned = site.points.get(p.id);
    const people = pd.expectedSwabs;
    if (!planned || people <= 0) continue;
    let peakCap = 0;
    for (let m = 0; m < day.length; m++) peakCap = Math.max(peakCap, pd.capacity[m]);
    const noDesk = peakCap === 0;
    const over = pd.trace.maxWait > target;
    const left = pd.trace.leftAtClose > 0.5;
    if (!noDesk && !over && !left) continue;
    const request = { ...planned.request, load: { ...planned.request.load, capacity: pd.capacity, cum: cumulative(pd.capacity) } };
    const most0 = widestCapacity.get(p.id)!;
    let peakStaffed = 0;
    for (let m = 0; m < day.length; m++) peakStaffed = Math.max(peakStaffed, Math.round(most0[m] / perDesk));
    const base = {
      point: p.id,
      reason: noDesk ? "no-staffed-desk" as const : left ? "capacity-short" as const : "wait-over-target" as const,
      targetWaitMinutes: target,
      maxWaitMinutes: pd.trace.maxWait,
      overByMinutes: Math.max(0, pd.trace.maxWait - target),
      leftAtClosing: Math.round(pd.trace.leftAtClose * 10) / 10,
      toMeet: whatWouldMeet(scenario, request, perDesk, p.desks, peakStaffed, openableMinutes(scenario, day, p.id)),
    };
    shortfalls.push({ ...base, message: describeShortfall(base) });
  }

  // (6) couriers: each pickup a round trip by a courier of the roster, around their other duties
  const deskAndHome = [...staffing.assignments, ...home.duties.map((h) => ({ id: "", staff: h.staff, role: h.role, activity: "home" as const, start: h.start, end: h.end }))];
  const couriers = courierPart(desksScenario, day.origin, days, home.pickups, deskAndHome);

  const rows = scenario.points.map((p) => ({ p, pd: days.get(p.id)! }));
  const expectedSwabs = round1(rows.reduce((n, r) => n + r.pd.expectedSwabs, 0));
  const tubesOf = (p: string, pd: (typeof rows)[number]["pd"]) => couriers?.tubes.get(p) ?? { expectedTubes: pd.expectedTubes, byPoolSize: pd.tubesByPoolSize };
  const expectedTubes = rows.reduce((n, r) => n + tubesOf(r.p.id, r.pd).expectedTubes, 0);
  const maxWait = Math.max(0, ...rows.map((r) => r.pd.trace.maxWait));
  // residents' minutes in line in the heat, and the forecast rows where they stand in it
  const hotLine = rows.map(({ p, pd }) => residentHeatMinutes(table, p, day.origin, pd.trace.line));
  const plan: Plan = {
    heat: heatHours(scenario),
    dayRule: dayRule(scenario),
    desks: staffing.desks.map((d) => ({ point: d.point, desk: d.desk, open: d.open.map((s) => ({ start: iso(s.start), end: iso(s.end) })) })),
    assignments: [
      ...staffing.assignments.map((a) => ({ ...a, start: iso(a.start), end: iso(a.end) })),
      ...home.duties.map((h, k) => ({ id: `${h.staff}-home-${k + 1}`, staff: h.staff, role: h.role, activity: "home" as const, start: iso(h.start), end: iso(h.end) })),
      ...(couriers?.assignments ?? []).map((a) => ({ ...a, start: iso(a.start), end: iso(a.end) })),
    ],
    callups: callups.map((c) => ({
      building: c.building, point: c.point, start: iso(day.origin + c.start), end: iso(day.origin + c.end), residents: c.residents,
      ...(c.reroutedFrom ? { reroutedFrom: c.reroutedFrom } : {}),
      ...(c.part ? { part: c.part } : {}),
    })),
    forecast: rows.flatMap(({ p, pd }) => pd.forecast.map((f) => ({
      point: p.id, ...f, at: iso(f.at),
      ...(f.queueLength > 0 && lineWbgt(table, p, f.at) >= RESIDENT_HEAT_WBGT_C ? { heat: true } : {}),
    }))),
    tubes: rows.map(({ p, pd }) => ({ point: p.id, expectedSwabs: round1(pd.expectedSwabs), ...tubesOf(p.id, pd) })),
    pickups: couriers ? couriers.pickups.map((k) => ({
      at: iso(k.at), point: k.point, tubes: k.tubes, swabs: k.swabs, boxes: k.boxLoads.length, boxLoads: k.boxLoads,
      ...(k.courier ? { courier: k.courier } : {}),
      ...(k.teams.length ? { team: k.teams[0].team, teams: k.teams } : {}),
    })) : [
      ...rows.flatMap(({ p, pd }) => pd.pickups.map((k) => ({ at: iso(day.origin + k.at), point: p.id, tubes: k.tubes, swabs: k.swabs, boxes: k.boxLoads.length, boxLoads: k.boxLoads }))),
      // a team's tubes, brought to its point for the courier
      ...home.pickups.map((k) => ({ at: iso(k.at), point: k.point, tubes: k.tubes, swabs: k.swabs, team: k.team })),
    ].sort((a, b) => (a.at < b.at ? -1 : a.at > b.at ? 1 : 0)),
    ...(scenario.pooling.prevalence !== undefined ? { poolingAdvice: poolingAdvice(scenario.pooling.prevalence) } : {}),
    ...(home.routes.length
      ? {
          homeRoutes: home.routes.map((r) => ({
            team: r.team,
            day: r.day + 1,
            ...(r.medic ? { medic: r.medic } : {}),
            start: iso(r.start),
            end: iso(r.end),
            stops: r.stops.map((x) => ({ visit: x.visit, building: x.building, label: x.label, floor: x.floor, people: x.people, start: iso(x.start), end: iso(x.end), tube: x.tube, tubes: x.tubes, single: x.single, trip: x.trip })),
            handovers: r.handovers.map((x) => ({ at: iso(x.at), trip: x.trip, tubes: x.tubes, swabs: x.swabs })),
            pauses: r.pauses.map((x) => ({ activity: x.activity, start: iso(x.start), end: iso(x.end) })),
            unvisited: r.unvisited,
          })),
        }
      : {}),
    gaps: [...staffing.gaps, ...(couriers?.gaps ?? [])].map((g) => ({ ...g, start: iso(g.start), end: iso(g.end) })),
    summary: {
      residents: scenario.buildings.reduce((n, b) => n + b.residents, 0),
      expectedSwabs,
      expectedTubes,
      maxWaitMinutes: maxWait,
      staffUsed: new Set(staffing.assignments.map((a) => a.staff)).size,
      coverage: coverage(staffing),
      staffNeeded: staffing.staffNeeded,
      residentHeatMinutes: Math.round(hotLine.reduce((n, x) => n + x, 0)),
    },
  };
  if (shortfalls.length) {
    const worst = Math.max(0, ...shortfalls.map((s) => s.overByMinutes));
    plan.shortfall = {
      targetWaitMinutes: target,
      maxWaitMinutes: maxWait,
      overByMinutes: worst,
      leftAtClosing: round1(shortfalls.reduce((n, s) => n + s.leftAtClosing, 0)),
      points: shortfalls,
      message: shortfalls.map((s) => s.message).join("; "),
    };
  }
  return plan;
}

/**
 * The minutes of the day (from its origin) in which a desk of a point could open at all: the hours
 * its heat allowance does not stop, outside what the day rule forbids at an outdoor point.
 * On the example site, the south gate's minutes are 1 from 19:00 on and 0 before (the heat stops
 * it 07:00–19:00: see stopSpans).
 */
function openableMinutes(scenario: Scenario, day: { origin: number; length: number }, point: string): Uint8Array {
  const open = new Uint8Array(day.length).fill(1);
  const end = day.origin + day.length;
  const shut = [...stopSpans(heatTable(scenario), scenario.desk, point, day.origin, end)];
  if (scenario.points.find((p) => p.id === point)?.shelter !== "booth") shut.push(...dayRuleMinutes(scenario).noOutdoor);
  for (const s of shut) open.fill(0, Math.max(0, s.start - day.origin), Math.max(0, Math.min(day.length, s.end - day.origin)));
  return open;
}

/** Share of open desk-minutes the rotation staffed with every role. */
function coverage(result: RotationResult): number {
  const staffed = new Map(result.staffed.map((s) => [`${s.point}#${s.desk}`, s.spans]));
  let open = 0, covered = 0;
  for (const d of result.desks) for (const o of d.open) {
    open += o.end - o.start;
    for (const s of staffed.get(`${d.point}#${d.desk}`) ?? []) covered += Math.max(0, Math.min(o.end, s.end) - Math.max(o.start, s.start));
  }
  return open ? Math.round((covered / open) * 1000) / 1000 : 1;
}

const round1 = (x: number) => Math.round(x * 10) / 10;
