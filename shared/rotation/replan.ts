// Re-plan from a minute (docs/api.md C5): everything before it stays; from it on the rotation runs
// again, carrying each person's stint, rest owed, PPE time and hours worked.
import type { Scenario } from "../scenario/schema.ts";
import type { Minute } from "../time.ts";
import type { DeskRequest, MinuteAssignment, RotationResult } from "./api.ts";
import { deskAssignments, deskMinuteSpread, gapsOf, staffedDesks } from "./assemble.ts";
import { breaksBetween } from "./breaks.ts";
import { byStaff, isWork, nextNumber, pastOf } from "./changes.ts";
import { heatLimit, rotationContext } from "./context.ts";
import { runRotation } from "./engine.ts";
import { PersonState, recordWork } from "./person.ts";
import { layout } from "./positions.ts";
import { rankedPools } from "./plan.ts";
import { standbyFor } from "./standby.ts";

/**
 * The rotation re-planned from `minute` (rounded up to the slot grid) for `requests`, keeping every
 * assignment before it.
 * @example replanFrom(yiyuan, rotation.assignments, requests, toMinute("2021-08-03T13:00:00+08:00")).staffed.length // 4 (all four desks still staffed)
 */
export function replanFrom(scenario: Scenario, assignments: MinuteAssignment[], requests: DeskRequest[], minute: Minute): RotationResult {
  const ctx = rotationContext(scenario);
  const from = Math.ceil(minute / ctx.slot) * ctx.slot;
  const past = pastOf(assignments, from);
  const states = ctx.people.map((p) => new PersonState(p));
  const pastBy = byStaff(past);
  for (const [staff, list] of pastBy) {
    const p = ctx.personById.get(staff);
    if (!p) continue;
    for (const a of list.filter(isWork).sort((x, y) => x.start - y.start)) {
      const shelter = ctx.points.get(a.point ?? "")?.shelter ?? "open";
      const limit = a.activity === "desk" ? heatLimit(ctx, a.role, a.point ?? "", a.start, a.end) : null;
      recordWork(ctx, states[p.index], { start: a.start, end: a.end, outdoor: shelter !== "booth", limit }, a.activity === "desk");
    }
  }
  const lay = layout(ctx, requests, from);
  // whoever was at a desk up to `from` holds it, so their stint carries on unbroken
  const holders = new Int32Array(lay.positions.length).fill(-1);
  const taken = new Set<string>();
  lay.positions.forEach((pos, pi) => {
    const a = past.find((x) => x.activity === "desk" && x.end === from && x.point === pos.point && x.desk === pos.desk && x.role === pos.role && !taken.has(x.id));
    const p = a && ctx.personById.get(a.staff);
    if (a && p) { holders[pi] = p.index; taken.add(a.id); }
  });
  const run = runRotation(ctx, { layout: lay, pools: rankedPools(ctx, lay), states, holders, explain: true });
  const future = deskAssignments(ctx, lay, run);
  const out: MinuteAssignment[] = [];
  const staffIds = new Set([...pastBy.keys(), ...[...future.keys()].map((x) => ctx.people[x].id)]);
  const workOf = new Map<string, MinuteAssignment[]>();
  for (const staff of [...staffIds].sort()) {
    const mine = pastBy.get(staff) ?? [];
    const p = ctx.personById.get(staff);
    let n = nextNumber(staff, assignments);
    const work = mine.filter(isWork).map((a) => ({ ...a }));
    for (const f of p ? future.get(p.index) ?? [] : []) {
      const joined = work.find((a) => a.activity === "desk" && a.end === f.start && a.point === f.point && a.desk === f.desk && a.role === f.role);
      if (joined) joined.end = f.end;
      else work.push({ ...f, id: `${staff}-${n++}` });
    }
    workOf.set(staff, work);
  }
  // standby from `from` on for the people the re-planned rotation uses (the layout starts at `from`)
  const standby = standbyFor(ctx, lay, new Map([...future.keys()].map((x) => [x, workOf.get(ctx.people[x].id)!])));
  for (const [x, list] of standby) workOf.get(ctx.people[x].id)!.push(...list);
  for (const staff of [...staffIds].sort()) {
    const mine = pastBy.get(staff) ?? [];
    const work = workOf.get(staff)!;
    const pastBreaks = mine.filter((a) => !isWork(a) && assignments.some((o) => o.id === a.id && o.end <= from));
    const breaks = breaksBetween(ctx, staff, work).filter((b) => b.end > from && !pastBreaks.some((o) => o.start === b.start))
      .map((b) => ({ ...b, id: `${b.id}-at${b.start}` }));
    out.push(...[...work, ...pastBreaks, ...breaks].sort((a, b) => a.start - b.start));
  }
  const used = new Set(out.filter((a) => a.activity === "desk" && a.end > from).map((a) => a.staff));
  const staffNeeded: RotationResult["staffNeeded"] = {};
  for (const pos of lay.positions) staffNeeded[pos.role] = [...used].filter((s) => out.some((a) => a.staff === s && a.role === pos.role && a.activity === "desk" && a.end > from)).length;
  return {
    desks: requests.map((r) => ({ point: r.point, desk: r.desk, open: r.open.map((s) => ({ ...s })) })),
    staffed: staffedDesks(lay, run),
    assignments: out,
    gaps: gapsOf(lay, run),
    staffNeeded,
    staffUsed: new Set(out.filter((a) => a.activity === "desk").map((a) => a.staff)).size,
    deskMinuteSpread: deskMinuteSpread(out),
  };
}
