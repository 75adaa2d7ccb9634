// Turns the engine's slot grid into the rotation's answer: desk assignments, rest and meal entries,
// gaps with reasons, fully staffed spans, and the fairness spread.
import type { Role } from "../scenario/schema.ts";
import type { Span } from "../time.ts";
import type { MinuteAssignment, MinuteGap, StaffedDesk } from "./api.ts";
import { breaksBetween } from "./breaks.ts";
import type { RotationContext } from "./context.ts";
import type { EngineResult } from "./engine.ts";
import { clipToOpen, type Layout } from "./positions.ts";

/** Desk assignments per person from the occupancy grid: one per unbroken run at one position. */
export function deskAssignments(ctx: RotationContext, { grid, positions }: Layout, run: EngineResult): Map<number, MinuteAssignment[]> {
  const byPerson = new Map<number, MinuteAssignment[]>();
  positions.forEach((p, pi) => {
    const occ = run.occupant[pi];
    let i = 0;
    while (i < grid.count) {
      const x = occ[i];
      if (x < 0) { i++; continue; }
      let j = i;
      while (j + 1 < grid.count && occ[j + 1] === x) j++;
      for (const s of clipToOpen(p, grid.origin + i * grid.slot, grid.origin + (j + 1) * grid.slot)) {
        const list = byPerson.get(x) ?? [];
        list.push({ id: "", staff: ctx.people[x].id, role: p.role, activity: "desk", point: p.point, desk: p.desk, start: s.start, end: s.end });
        byPerson.set(x, list);
      }
      i = j + 1;
    }
  });
  return byPerson;
}

/** Numbers a person's work `${staff}-${n}` in time order and adds the breaks between. */
export function withBreaks(ctx: RotationContext, staff: string, work: MinuteAssignment[], firstNumber = 1): MinuteAssignment[] {
  const sorted = [...work].sort((a, b) => a.start - b.start || (a.point ?? "").localeCompare(b.point ?? "") || (a.desk ?? 0) - (b.desk ?? 0));
  sorted.forEach((a, k) => { if (!a.id) a.id = `${staff}-${firstNumber + k}`; });
  return [...sorted, ...breaksBetween(ctx, staff, sorted)].sort((a, b) => a.start - b.start || a.end - b.end);
}

/** Gaps from the unstaffed slots: consecutive slots with the same reason become one gap. */
export function gapsOf({ grid, positions, openAt }: Layout, run: EngineResult): MinuteGap[] {
  const out: MinuteGap[] = [];
  positions.forEach((p, pi) => {
    let i = 0;
    while (i < grid.count) {
      if (!openAt[pi][i] || run.occupant[pi][i] >= 0) { i++; continue; }
      const reason = run.reasons?.[pi][i] ?? `no ${p.role} available`;
      let j = i;
      while (j + 1 < grid.count && openAt[pi][j + 1] && run.occupant[pi][j + 1] < 0 && (run.reasons?.[pi][j + 1] ?? reason) === reason) j++;
      for (const s of clipToOpen(p, grid.origin + i * grid.slot, grid.origin + (j + 1) * grid.slot))
        out.push({ point: p.point, desk: p.desk, role: p.role, reason, start: s.start, end: s.end });
      i = j + 1;
    }
  });
  return out;
}

/** The spans in which each requested desk had every role it needs. */
export function staffedDesks({ grid, positions, openAt }: Layout, run: EngineResult): StaffedDesk[] {
  const desks = new Map<string, number[]>();
  positions.forEach((p, pi) => {
    const k = `${p.point}#${p.desk}`;
    desks.set(k, [...(desks.get(k) ?? []), pi]);
  });
  const out: StaffedDesk[] = [];
  for (const pis of desks.values()) {
    const first = positions[pis[0]];
    const spans: Span[] = [];
    let i = 0;
    const full = (k: number) => pis.every((pi) => openAt[pi][k] && run.occupant[pi][k] >= 0);
    while (i < grid.count) {
      if (!full(i)) { i++; continue; }
      let j = i;
      while (j + 1 < grid.count && full(j + 1)) j++;
      spans.push(...clipToOpen(first, grid.origin + i * grid.slot, grid.origin + (j + 1) * grid.slot));
      i = j + 1;
    }
    out.push({ point: first.point, desk: first.desk, spans });
  }
  return out;
}

/**
 * Coefficient of variation of desk minutes within each role, over the people who worked it.
 * @example deskMinuteSpread([{ role: "sampler", staff: "a", activity: "desk", start: 0, end: 60 }, { role: "sampler", staff: "b", activity: "desk", start: 0, end: 20 }]) // { sampler: 0.5 }
 */
export function deskMinuteSpread(assignments: Pick<MinuteAssignment, "role" | "staff" | "start" | "end" | "activity">[]): Partial<Record<Role, number>> {
  const by = new Map<Role, Map<string, number>>();
  for (const a of assignments) {
    if (a.activity !== "desk") continue;
    const m = by.get(a.role) ?? new Map<string, number>();
    m.set(a.staff, (m.get(a.staff) ?? 0) + a.end - a.start);
    by.set(a.role, m);
  }
  const out: Partial<Record<Role, number>> = {};
  for (const [role, m] of by) {
    const v = [...m.values()];
    const mean = v.reduce((s, x) => s + x, 0) / v.length;
    const sd = Math.sqrt(v.reduce((s, x) => s + (x - mean) ** 2, 0) / v.length);
    out[role] = mean > 0 ? Math.round((sd / mean) * 100) / 100 : 0;
  }
  return out;
}
