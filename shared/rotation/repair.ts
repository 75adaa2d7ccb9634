// Relief for someone unwell or absent (docs/api.md C5): off the desk at once, the past untouched, the
// nearest rested qualified person takes each stretch they leave, and a gap where nobody can.
import type { Scenario } from "../scenario/schema.ts";
import { isWithin, type Minute } from "../time.ts";
import type { MinuteAssignment, MinuteGap } from "./api.ts";
import { breaksRule, byStaff, isWork, nextNumber, rebuildBreaks } from "./changes.ts";
import { rotationContext } from "./context.ts";

export interface Replacement {
  staff: string;
  point: string;
  desk: number;
  start: Minute;
  end: Minute;
}

export interface RepairResult {
  assignments: MinuteAssignment[];
  gaps: MinuteGap[];
  replacements: Replacement[];
}

/**
 * Takes `staffId` off every assignment from `minute` and finds relief for their desk time: first
 * someone on standby at the same point, then someone last at that point, then someone on standby
 * elsewhere, then whoever has rested longest; each takes
 * as long a stretch as every rule allows. What nobody can take becomes a gap.
 * @example repairFromMinute(yiyuan, rotation.assignments, "bai-xue", toMinute("2021-08-03T13:05:00+08:00"), "unwell").replacements.length // 3 (her desk time from 13:05, 18:30–18:45 and 20:00–20:30, taken over in three pieces; 18:35–18:45 is left a gap)
 */
export function repairFromMinute(scenario: Scenario, assignments: MinuteAssignment[], staffId: string, minute: Minute, reason: string): RepairResult {
  const ctx = rotationContext(scenario);
  const S = ctx.slot;
  const people = byStaff(assignments);
  const mine = people.get(staffId) ?? [];
  const vacated = mine.filter((a) => a.activity === "desk" && a.end > minute).map((a) => ({ ...a, start: Math.max(a.start, minute) }));
  const kept = mine.filter((a) => a.start < minute).map((a) => (a.end > minute ? { ...a, end: minute } : a));
  people.set(staffId, rebuildBreaks(ctx, staffId, kept.filter(isWork)).filter((a) => a.start < minute));
  const gaps: MinuteGap[] = [];
  const replacements: Replacement[] = [];
  const changed = new Set<string>([staffId]);
  const lastAt = (list: MinuteAssignment[], m: Minute) => list.filter((a) => isWork(a) && a.end <= m).sort((a, b) => b.end - a.end)[0];
  for (const v of vacated.sort((a, b) => a.start - b.start)) {
    let c = v.start;
    while (c < v.end) {
      const candidates = ctx.people.filter((p) => p.id !== staffId && p.roles.has(v.role) && !p.extra).map((p) => {
        const list = people.get(p.id) ?? [];
        const last = lastAt(list, c);
        const standby = list.find((a) => a.activity === "standby" && isWithin(c, a));
        // nearest first: standing by at this point (instant relief), then last at this point, then
        // standing by elsewhere, then rested longest
        const rank = standby?.point === v.point ? 0 : last?.point === v.point ? 1 : standby ? 2 : 3;
        return { p, list, rank, rested: last ? c - last.end : Infinity };
      }).sort((a, b) => a.rank - b.rank || b.rested - a.rested || a.p.index - b.p.index);
      let took = false;
      for (const { p, list } of candidates) {
        // called from standby: their standby ends when they take the desk (the part before stays,
        // the past untouched); dropping later standby breaks no rule, keeping it might
        const work = list.filter((a) => a.activity !== "standby" || a.start < c)
          .map((a) => (a.activity === "standby" && a.end > c ? { ...a, end: c } : a));
        let len = Math.min(v.end - c, ctx.rules.maxContinuousPpeMinutes);
        for (; len > 0; len -= S) {
          const piece: MinuteAssignment = { id: "", staff: p.id, role: v.role, activity: "desk", point: v.point!, desk: v.desk!, start: c, end: c + len };
          if (breaksRule(ctx, p.id, work, piece)) continue;
          piece.id = `${p.id}-${nextNumber(p.id, list)}`;
          people.set(p.id, rebuildBreaks(ctx, p.id, [...work.filter(isWork), piece]));
          replacements.push({ staff: p.id, point: v.point!, desk: v.desk ?? 0, start: c, end: c + len });
          changed.add(p.id);
          c += len; took = true;
          break;
        }
        if (took) break;
      }
      if (!took) {
        const last = gaps.at(-1);
        const why = `${staffId} off (${reason}); no rested ${v.role} free to take the desk`;
        if (last && last.point === v.point && last.desk === v.desk && last.end === c) last.end = Math.min(c + S, v.end);
        else gaps.push({ point: v.point!, desk: v.desk!, role: v.role, reason: why, start: c, end: Math.min(c + S, v.end) });
        c = Math.min(c + S, v.end);
      }
    }
  }
  // the past stays as it was: unchanged entries keep their ids, only new ones get new ids
  const original = byStaff(assignments);
  const out: MinuteAssignment[] = [];
  for (const [staff, list] of original) if (!changed.has(staff)) out.push(...list);
  for (const staff of changed) out.push(...keepIds(original.get(staff) ?? [], people.get(staff) ?? []));
  return { assignments: out, gaps, replacements };
}

const same = (a: MinuteAssignment, b: MinuteAssignment) =>
  a.activity === b.activity && a.start === b.start && a.end === b.end && a.point === b.point && a.desk === b.desk && a.role === b.role;

/**
 * Rebuilt entries, keeping the id of any that is unchanged or only cut short (same id, activity and
 * start), and giving fresh ids to new entries whose generated id is taken.
 */
export function keepIds(original: MinuteAssignment[], rebuilt: MinuteAssignment[]): MinuteAssignment[] {
  const byId = new Map(original.map((a) => [a.id, a]));
  return rebuilt.map((a) => {
    const old = original.find((o) => same(o, a));
    if (old) return { ...a, id: old.id };
    const holder = byId.get(a.id);
    if (holder && holder.activity === a.activity && holder.start === a.start) return a;
    return holder ? { ...a, id: `${a.id}-at${a.start}` } : a;
  });
}
