// planRotation: who stands at which desk when. Runs the engine with the fewest people of each role
// that still cover what the whole roster covers, then counts how many full coverage would need.
import type { Role } from "../scenario/schema.ts";
import type { DeskRequest, MinuteAssignment, PlanRotation, RotationResult } from "./api.ts";
import { deskAssignments, deskMinuteSpread, gapsOf, staffedDesks, withBreaks } from "./assemble.ts";
import { heatLimit, rotationContext, withExtras, type RotationContext } from "./context.ts";
import { dutyShare } from "./duty-share.ts";
import { runRotation, type EngineResult } from "./engine.ts";
import { deskRoles, layout, type Layout } from "./positions.ts";
import { standbyFor } from "./standby.ts";

/**
 * The people of each role, most useful first: most available minutes over the requested desks,
 * then single-role people (keeping the versatile free), then roster order.
 */
export function rankedPools(ctx: RotationContext, lay: Layout): Map<Role, number[]> {
  const pools = new Map<Role, number[]>();
  for (const role of new Set(deskRoles(ctx))) {
    // a district's desks share a few opening spans, and its people a few shifts: each distinct span
    // is counted once with how many desks ask for it, each distinct set of shifts scored once
    const open = new Map<string, { start: number; end: number; desks: number }>();
    for (const p of lay.positions) if (p.role === role) for (const o of p.open) {
      const k = `${o.start}-${o.end}`, got = open.get(k);
      if (got) got.desks++; else open.set(k, { start: o.start, end: o.end, desks: 1 });
    }
    const byShifts = new Map<string, number>();
    const useful = (i: number) => {
      const shifts = ctx.people[i].shifts, k = shifts.map((s) => `${s.start}-${s.end}`).join(",");
      let n = byShifts.get(k);
      if (n === undefined) {
        n = 0;
        for (const s of shifts) for (const o of open.values()) n += o.desks * Math.max(0, Math.min(s.end, o.end) - Math.max(s.start, o.start));
        byShifts.set(k, n);
      }
      return n;
    };
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

/** A first guess at the all-day people each short role lacks: its unstaffed minutes over one person's day. */
function extraEstimate(ctx: RotationContext, lay: Layout, run: EngineResult, short: Role[]): Map<Role, number> {
  const day = ctx.windows.reduce((n, w) => n + w.end - w.start, 0);
  const out = new Map<Role, number>();
  for (const role of short) {
    let worst = 1;
    for (const p of lay.positions) if (p.role === role) {
      for (let i = 0; i < lay.grid.count; i++) {
        const m = lay.grid.origin + i * lay.grid.slot;
        const limit = heatLimit(ctx, role, p.point, m, m + lay.grid.slot);
        if (limit && limit.work <= 0) continue; // a heat stop opens no desk, so needs nobody
        worst = Math.min(worst, dutyShare(limit, ctx.rules));
      }
      break;
    }
    const perPerson = Math.min(day, ctx.rules.maxWorkMinutesPerDay) * worst;
    out.set(role, (gapsIn(run, role) * lay.grid.slot) / Math.max(1, perPerson));
  }
  return out;
}

/** How many all-day people of each short role full coverage would need on top of the roster. */
function shortfall(base: RotationContext, requests: DeskRequest[], short: Role[], estimate: Map<Role, number>): { extra: Map<Role, number>; needed: Map<Role, number> } {
  const extra = new Map<Role, number>(), needed = new Map<Role, number>();
  // the search tries the same counts more than once (its last try is the answer): run each once
  const tried = new Map<string, { lay: Layout; run: EngineResult }>();
  const tryWith = (counts: Map<Role, number>) => {
    const k = [...counts].join(";");
    let got = tried.get(k);
    if (!got) {
      const ctx = withExtras(base, [...counts].map(([role, count]) => ({ role, count })));
      const lay = layout(ctx, requests);
      got = { lay, run: runRotation(ctx, { layout: lay, pools: rankedPools(ctx, lay), explain: false }) };
      tried.set(k, got);
    }
    return got;
  };
  // A desk names only desk roles; the grid team's roles (community, police) are never seated.
  const deskRoles: Partial<Record<Role, number>> = base.scenario.desk;
  const seats = (role: Role) => requests.length * (deskRoles[role] ?? 0);
  const hi = new Map<Role, number>();
  // one role at a time, the other short roles given plenty, so that a desk missing its registrar
  // does not hide how many samplers it would need
  for (const role of short) {
    const plenty = (k: number) => new Map(short.map((r) => [r, r === role ? k : hi.get(r) ?? 6 * seats(r)]));
    const cap = 6 * seats(role);
    // start from an estimate (unstaffed desk time over one all-day person's share), then grow by half
    let lo = 0, k = Math.min(cap, Math.max(1, Math.ceil(estimate.get(role) ?? 1)));
    for (;;) {
      const { run } = tryWith(plenty(k));
      if (gapsIn(run, role) === 0 || k >= cap) break;
      lo = k; k = Math.min(cap, Math.ceil(k * 1.5));
    }
    while (k - lo > 1) {
      const mid = (k + lo) >> 1;
      if (gapsIn(tryWith(plenty(mid)).run, role) === 0) k = mid; else lo = mid;
    }
    hi.set(role, k);
  }
  const { lay, run } = tryWith(hi);
  for (const role of short) { extra.set(role, hi.get(role)!); needed.set(role, usedIn(lay, run, role).size); }
  return { extra, needed };
}

/**
 * Who stands at which desk when, with heat breaks, for the requested desks; every unstaffed
 * desk-role-minute is a gap with its reason.
 * @example planRotation(yiyuan, maxDeskRequests(yiyuan)).staffNeeded // { sampler: 12, registrar: 6 } (4 and 2 short)
 */
export const planRotation: PlanRotation = (scenario, requests) => {
  const ctx = rotationContext(scenario);
  const lay = layout(ctx, requests);
  const pools = rankedPools(ctx, lay);
  // explained from the start: when no pool can shrink (a short roster), this run is the answer
  const full = runRotation(ctx, { layout: lay, pools, explain: true });
  const sizes = smallestPools(ctx, lay, pools, full);
  // the search ran roles together; if a role now falls short, give it back people one at a time
  const prefix = () => new Map([...pools].map(([r, list]) => [r, sizes.has(r) ? list.slice(0, sizes.get(r)) : list]));
  const whole = [...sizes].every(([r, k]) => k === pools.get(r)!.length);
  let run = whole ? full : runRotation(ctx, { layout: lay, pools: prefix(), explain: true });
  for (let tries = 0; tries < 8; tries++) {
    const regressed = [...sizes.keys()].filter((r) => gapsIn(run, r) > 0);
    if (regressed.length === 0) break;
    for (const r of regressed) sizes.set(r, tries === 7 ? pools.get(r)!.length : Math.min(pools.get(r)!.length, sizes.get(r)! + 1));
    run = runRotation(ctx, { layout: lay, pools: prefix(), explain: true });
  }
  return rotationResult(ctx, requests, lay, run);
};

/** The RotationResult of a finished run, with staffNeeded sized for the roles left short. */
export function rotationResult(ctx: RotationContext, requests: DeskRequest[], lay: Layout, run: EngineResult): RotationResult {
  const byPerson = deskAssignments(ctx, lay, run);
  // desk ids first (`${staff}-${n}`, numbered in time order), then standby in the rest they leave
  for (const [x, work] of byPerson) withBreaks(ctx, ctx.people[x].id, work);
  const standby = standbyFor(ctx, lay, byPerson);
  const assignments: MinuteAssignment[] = [];
  for (const [x, work] of [...byPerson].sort((a, b) => a[0] - b[0])) assignments.push(...withBreaks(ctx, ctx.people[x].id, [...work, ...(standby.get(x) ?? [])]));
  const roles = [...new Set(deskRoles(ctx))];
  const short = roles.filter((r) => gapsIn(run, r) > 0);
  // Sizing a shortfall re-runs the rotation a dozen times with extra people, and the site planner
  // asks for several rotations but keeps one: the sizing is done when first read, then kept.
  let sized: { staffNeeded: Partial<Record<Role, number>>; staffShort: Partial<Record<Role, number>> } | null = null;
  const size = () => {
    if (sized) return sized;
    const staffNeeded: Partial<Record<Role, number>> = {}, staffShort: Partial<Record<Role, number>> = {};
    for (const r of roles) { staffNeeded[r] = usedIn(lay, run, r).size; staffShort[r] = 0; }
    if (short.length > 0) {
      const { extra, needed } = shortfall(ctx, requests, short, extraEstimate(ctx, lay, run, short));
      for (const r of short) { staffNeeded[r] = needed.get(r)!; staffShort[r] = extra.get(r)!; }
    }
    return (sized = { staffNeeded, staffShort });
  };
  if (short.length === 0) size();
  return {
    desks: requests.map((r) => ({ point: r.point, desk: r.desk, open: r.open.map((s) => ({ ...s })) })),
    staffed: staffedDesks(lay, run),
    assignments,
    gaps: gapsOf(lay, run),
    get staffNeeded() { return size().staffNeeded; },
    get staffShort() { return size().staffShort; },
    staffUsed: new Set(assignments.filter((a) => a.activity === "desk").map((a) => a.staff)).size,
    deskMinuteSpread: deskMinuteSpread(assignments),
  };
}
