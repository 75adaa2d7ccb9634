// planRotation: who stands at which desk when. Runs the engine with the fewest people of each role
// that still cover what the whole roster covers, then counts how many full coverage would need.
import type { Role, Scenario } from "../scenario/schema.ts";
import type { DeskRequest, MinuteAssignment, PlanRotation, RotationResult } from "./api.ts";
import { deskAssignments, deskMinuteSpread, gapsOf, staffedDesks, withBreaks } from "./assemble.ts";
import { rotationContext, type RotationContext } from "./context.ts";
import { runRotation, type EngineResult } from "./engine.ts";
import { deskRoles, layout, type Layout } from "./positions.ts";

/**
 * The people of each role, most useful first: most available minutes over the requested desks,
 * then single-role people (keeping the versatile free), then roster order.
 */
export function rankedPools(ctx: RotationContext, lay: Layout): Map<Role, number[]> {
  const pools = new Map<Role, number[]>();
  for (const role of new Set(deskRoles(ctx))) {
    const open = lay.positions.filter((p) => p.role === role).flatMap((p) => p.open);
    const useful = (i: number) => ctx.people[i].shifts.reduce((n, s) =>
      n + open.reduce((k, o) => k + Math.max(0, Math.min(s.end, o.end) - Math.max(s.start, o.start)), 0), 0);
    const ids = ctx.people.filter((p) => p.roles.has(role)).map((p) => p.index);
    const score = new Map(ids.map((i) => [i, useful(i)]));
    ids.sort((a, b) => score.get(b)! - score.get(a)! || ctx.people[a].roles.size - ctx.people[b].roles.size || a - b);
    pools.set(role, ids);
  }
  return pools;
}

const gapsIn = (run: EngineResult, role: Role) => run.gaps.get(role) ?? 0;

/** People who stood at a desk of `role` in a run. */
function usedIn(lay: Layout, run: EngineResult, role: Role): Set<number> {
  const used = new Set<number>();
  lay.positions.forEach((p, pi) => { if (p.role === role) for (const x of run.occupant[pi]) if (x >= 0) used.add(x); });
  return used;
}

/**
 * The smallest prefix of each role's pool that covers as much as the whole pool (binary search,
 * all roles at once: roles barely interact, so one run answers for each).
 */
function smallestPools(ctx: RotationContext, lay: Layout, pools: Map<Role, number[]>, full: EngineResult): Map<Role, number> {
  const lo = new Map<Role, number>(), hi = new Map<Role, number>();
  for (const [role, list] of pools) if (gapsIn(full, role) === 0) { lo.set(role, 0); hi.set(role, list.length); }
  for (;;) {
    const mid = new Map<Role, number>();
    for (const [role, h] of hi) if (h - lo.get(role)! > 1) mid.set(role, (h + lo.get(role)!) >> 1);
    if (mid.size === 0) break;
    const trial = new Map([...pools].map(([r, list]) => [r, mid.has(r) ? list.slice(0, mid.get(r)) : hi.has(r) ? list.slice(0, hi.get(r)) : list]));
    const run = runRotation(ctx, { layout: lay, pools: trial, explain: false });
    for (const [role, k] of mid) (gapsIn(run, role) === 0 ? hi : lo).set(role, k);
  }
  return hi;
}

/** How many all-day people of each short role full coverage would need on top of the roster. */
function shortfall(scenario: Scenario, requests: DeskRequest[], short: Role[]): { extra: Map<Role, number>; needed: Map<Role, number> } {
  const extra = new Map<Role, number>(), needed = new Map<Role, number>();
  const tryWith = (counts: Map<Role, number>) => {
    const ctx = rotationContext(scenario, [...counts].map(([role, count]) => ({ role, count })));
    const lay = layout(ctx, requests);
    const run = runRotation(ctx, { layout: lay, pools: rankedPools(ctx, lay), explain: false });
    return { lay, run };
  };
  const lo = new Map(short.map((r) => [r, 0])), hi = new Map<Role, number>();
  const seats = (role: Role) => requests.length * (scenario.desk[role] ?? 0);
  // grow until covered (capped at 6 people a seat: even category 5 hard work needs fewer)
  let probe = new Map(short.map((r) => [r, 1]));
  while (probe.size > 0) {
    const { run } = tryWith(probe);
    const next = new Map<Role, number>();
    for (const [role, k] of probe) {
      if (gapsIn(run, role) === 0) hi.set(role, k);
      else if (k >= 6 * seats(role)) hi.set(role, k);
      else { lo.set(role, k); next.set(role, k * 2); }
    }
    probe = next;
  }
  for (;;) {
    const mid = new Map<Role, number>();
    for (const [role, h] of hi) if (h - lo.get(role)! > 1) mid.set(role, (h + lo.get(role)!) >> 1);
    if (mid.size === 0) break;
    const { run } = tryWith(mid);
    for (const [role, k] of mid) (gapsIn(run, role) === 0 ? hi : lo).set(role, k);
  }
  const { lay, run } = tryWith(hi);
  for (const role of short) { extra.set(role, hi.get(role)!); needed.set(role, usedIn(lay, run, role).size); }
  return { extra, needed };
}

/**
 * Who stands at which desk when, with heat breaks, for the requested desks; every unstaffed
 * desk-role-minute is a gap with its reason.
 * @example planRotation(yiyuan, maxDeskRequests(yiyuan)).staffNeeded // { sampler: 12, registrar: 5 }
 */
export const planRotation: PlanRotation = (scenario, requests) => {
  const ctx = rotationContext(scenario);
  const lay = layout(ctx, requests);
  const pools = rankedPools(ctx, lay);
  const full = runRotation(ctx, { layout: lay, pools, explain: false });
  const sizes = smallestPools(ctx, lay, pools, full);
  // the search ran roles together; if a role now falls short, give it back people one at a time
  const prefix = () => new Map([...pools].map(([r, list]) => [r, sizes.has(r) ? list.slice(0, sizes.get(r)) : list]));
  let run = runRotation(ctx, { layout: lay, pools: prefix(), explain: true });
  for (let tries = 0; tries < 8; tries++) {
    const regressed = [...sizes.keys()].filter((r) => gapsIn(run, r) > 0);
    if (regressed.length === 0) break;
    for (const r of regressed) sizes.set(r, tries === 7 ? pools.get(r)!.length : Math.min(pools.get(r)!.length, sizes.get(r)! + 1));
    run = runRotation(ctx, { layout: lay, pools: prefix(), explain: true });
  }
  return rotationResult(ctx, scenario, requests, lay, run);
};

/** The RotationResult of a finished run, with staffNeeded sized for the roles left short. */
export function rotationResult(ctx: RotationContext, scenario: Scenario, requests: DeskRequest[], lay: Layout, run: EngineResult, extraAssignments: MinuteAssignment[] = []): RotationResult {
  const byPerson = deskAssignments(ctx, lay, run);
  const assignments: MinuteAssignment[] = [...extraAssignments];
  for (const [x, work] of [...byPerson].sort((a, b) => a[0] - b[0])) assignments.push(...withBreaks(ctx, ctx.people[x].id, work));
  const roles = [...new Set(deskRoles(ctx))];
  const short = roles.filter((r) => gapsIn(run, r) > 0);
  const staffNeeded: Partial<Record<Role, number>> = {}, staffShort: Partial<Record<Role, number>> = {};
  for (const r of roles) { staffNeeded[r] = usedIn(lay, run, r).size; staffShort[r] = 0; }
  if (short.length > 0) {
    const { extra, needed } = shortfall(scenario, requests, short);
    for (const r of short) { staffNeeded[r] = needed.get(r)!; staffShort[r] = extra.get(r)!; }
  }
  return {
    desks: requests.map((r) => ({ point: r.point, desk: r.desk, open: r.open.map((s) => ({ ...s })) })),
    staffed: staffedDesks(lay, run),
    assignments,
    gaps: gapsOf(lay, run),
    staffNeeded,
    staffShort,
    staffUsed: new Set(assignments.filter((a) => a.activity === "desk").map((a) => a.staff)).size,
    deskMinuteSpread: deskMinuteSpread(assignments),
  };
}
