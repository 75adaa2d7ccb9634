// Settling call-ups and staffing together: plan call-ups on what the rotation can staff, ask it for
// just the desks they need, and plan again without whatever it then could not staff; keep the best
// plan seen, the first full-site staffing included, so asking for less never ends worse.
import type { Scenario } from "../scenario/schema.ts";
import type { DeskRequest, PlanRotation, RotationResult } from "../rotation/api.ts";
import type { SamplingDay } from "../queue/day.ts";
import { cumulative } from "../queue/fluid.ts";
import { scheduleCallups, type SiteCallup, type SiteCallups } from "../callup/schedule.ts";
import { schedulePoint } from "../callup/schedule-point.ts";
import { deskDemand, type DeskAvailability } from "../callup/desk-demand.ts";
import { capacityOf, staffedMasks } from "./staffing.ts";
import { arrivalsOf, pointDay, type PointDay } from "./point-day.ts";

/** Rounds of "plan call-ups, ask the rotation" before the plan settles for the best it has seen. */
export const MAX_ROUNDS = 3;

export interface SettledPlan {
  site: SiteCallups;
  callups: SiteCallup[];
  requests: DeskRequest[];
  staffing: RotationResult;
  days: Map<string, PointDay>;
  /** What the rotation could staff with every desk asked for, per point per minute. */
  widestCapacity: Map<string, Float64Array>;
  /** Expected people left at closing, and minutes of wait over the target, summed over points. */
  unmet: { left: number; overWait: number };
}

/** Every desk of every point open through every window: what the rotation could staff at most. */
export function everyDesk(scenario: Scenario, day: SamplingDay): DeskRequest[] {
  const open = day.windows.map((w) => ({ start: day.origin + w.start, end: day.origin + w.end }));
  return scenario.points.flatMap((p) => Array.from({ length: p.desks }, (_, i) => ({ point: p.id, desk: i + 1, open: open.map((s) => ({ ...s })) })));
}

/**
 * Finds the call-ups and desk requests, asking `rotation` at most 1 + MAX_ROUNDS times; `widest`
 * is the first, widest request (every desk through every window unless told otherwise).
 * @example settle(yiyuan, day, allStaffed, 3).unmet // { left: 0, overWait: 0 }
 */
export function settle(scenario: Scenario, day: SamplingDay, rotation: PlanRotation, perDesk: number, widest = everyDesk(scenario, day)): SettledPlan {
  const target = scenario.targets.maxWaitMinutes;
  const first = rotation(scenario, widest);
  const firstMasks = staffedMasks(day, widest, first);
  const widestCapacity = new Map(scenario.points.map((p) => [p.id, capacityOf(day, firstMasks.get(p.id), perDesk)]));
  const avail = new Map([...firstMasks].map(([p, desks]) => [p, desks.map((d) => ({ desk: d.desk, staffed: new Uint8Array(d.staffed) }))]));

  const evaluate = (site: SiteCallups, requests: DeskRequest[], staffing: RotationResult): SettledPlan => {
    const final = staffedMasks(day, requests, staffing);
    const callups: SiteCallup[] = [];
    const days = new Map<string, PointDay>();
    let left = 0, overWait = 0;
    for (const p of scenario.points) {
      const desks = final.get(p.id) ?? [];
      let mine = site.callups.filter((c) => c.point === p.id);
      let pd = pointDay(scenario, day, mine, desks, perDesk);
      const planned = site.points.get(p.id);
      const bound = Math.max(target, planned && Number.isFinite(planned.waitBound) ? planned.waitBound : 0);
      if (planned && mine.length && (pd.trace.maxWait > bound || pd.trace.leftAtClose > 0.5)) {
        // The rotation staffed less than the call-ups assumed: call this point again on what it did staff.
        const capacity = capacityOf(day, desks, perDesk);
        const again = schedulePoint({ ...planned.request, load: { ...planned.request.load, capacity, cum: cumulative(capacity) } });
        const repaired = pointDay(scenario, day, again.placed, desks, perDesk);
        if (better(repaired, pd)) {
          mine = again.placed.map((c) => ({ ...c, point: p.id }));
          pd = repaired;
        }
      }
      callups.push(...mine);
      days.set(p.id, pd);
      left += pd.trace.leftAtClose;
      overWait += Math.max(0, pd.trace.maxWait - target);
    }
    callups.sort((a, b) => a.start - b.start || byText(a.point, b.point) || byText(a.building, b.building));
    return { site, callups, requests, staffing, days, widestCapacity, unmet: { left, overWait } };
  };

  const seen: SettledPlan[] = [];
  let firstSite: SiteCallups | null = null;
  for (let round = 1; round <= MAX_ROUNDS; round++) {
    const capacities = new Map(scenario.points.map((p) => [p.id, capacityOf(day, avail.get(p.id), perDesk)]));
    const site = scheduleCallups(scenario, day, capacities);
    firstSite ??= site;
    // Points the call-ups cannot serve within the target on what they were given ask for every desk
    // again, so people freed by the other points' smaller requests can go there.
    const short = new Set(scenario.points.filter((p) => site.points.get(p.id)?.outcome !== "within-target").map((p) => p.id));
    const requests: DeskRequest[] = [];
    for (const p of scenario.points) {
      if (short.has(p.id) && round < MAX_ROUNDS) {
        requests.push(...widest.filter((r) => r.point === p.id).map((r) => ({ ...r, open: r.open.map((s) => ({ ...s })) })));
        continue;
      }
      const sched = site.points.get(p.id);
      const arrivals = arrivalsOf(day, site.callups.filter((c) => c.point === p.id), scenario.service.attendance);
      const bound = sched && Number.isFinite(sched.waitBound) ? sched.waitBound : target;
      for (const d of deskDemand(day, arrivals, avail.get(p.id) ?? [], perDesk, bound))
        requests.push({ point: p.id, desk: d.desk, open: d.open.map((s) => ({ start: day.origin + s.start, end: day.origin + s.end })) });
    }
    const staffing = rotation(scenario, requests);
    const final = staffedMasks(day, requests, staffing);
    const plan = evaluate(site, requests, staffing);
    seen.push(plan);
    if (isMet(plan)) break;
    // Desk-minutes asked for but not staffed are no capacity after all: plan again without them;
    // a short point takes what the rotation now gave it.
    const withdrew = withdrawUnstaffed(day, avail, requests.filter((r) => !short.has(r.point)), final);
    for (const p of short) avail.set(p, (final.get(p) ?? []).map((d) => ({ desk: d.desk, staffed: new Uint8Array(d.staffed) })));
    if (!withdrew && short.size === 0) break;
  }
  // The first call-ups were planned on the full-site staffing itself: with every desk open (gaps
  // named), that pairing keeps the waits the first plan promised.
  if (!seen.some(isMet) && firstSite) seen.push(evaluate(firstSite, widest, first));
  return seen.reduce((best, p) => (rank(p, best) < 0 ? p : best));
}

const isMet = (p: SettledPlan) => p.unmet.left <= 0.5 && p.unmet.overWait <= 0;

/** Fewer people left at closing, then less wait over the target, then fewer gaps, then fewer desk-minutes asked. */
function rank(a: SettledPlan, b: SettledPlan): number {
  const minutes = (p: SettledPlan) => p.requests.reduce((n, r) => n + r.open.reduce((k, s) => k + s.end - s.start, 0), 0);
  return Math.round(a.unmet.left) - Math.round(b.unmet.left) || a.unmet.overWait - b.unmet.overWait
    || a.staffing.gaps.length - b.staffing.gaps.length || minutes(a) - minutes(b);
}

function better(a: PointDay, b: PointDay): boolean {
  return a.trace.leftAtClose < b.trace.leftAtClose - 0.5 || (a.trace.leftAtClose <= b.trace.leftAtClose + 0.5 && a.trace.maxWait < b.trace.maxWait);
}

/** Removes from `avail` the minutes each desk was asked to open but left unstaffed; true if any. */
function withdrawUnstaffed(day: SamplingDay, avail: Map<string, DeskAvailability[]>, requests: DeskRequest[], final: Map<string, DeskAvailability[]>): boolean {
  let any = false;
  const asked = staffedMasks(day, requests, { staffed: requests.map((r) => ({ point: r.point, desk: r.desk, spans: r.open })) } as RotationResult);
  for (const [point, desks] of asked) {
    for (const d of desks) {
      const got = final.get(point)?.find((x) => x.desk === d.desk)?.staffed;
      const mine = avail.get(point)?.find((x) => x.desk === d.desk)?.staffed;
      if (!mine) continue;
      for (let m = 0; m < day.length; m++) if (d.staffed[m] && !got?.[m] && mine[m]) { mine[m] = 0; any = true; }
    }
  }
  return any;
}

/** Code-point order, the same on every machine. */
function byText(a: string, b: string): number {
  return a < b ? -1 : a > b ? 1 : 0;
}
