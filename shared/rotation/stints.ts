// Desk stints (runs of desk time with no break between, whatever the desk) and PPE runs (stints
// joined by breaks shorter than ppeBreakMinutes), as the rules of docs/api.md define them.
import type { WorkRest } from "../heat/category.ts";
import type { Minute } from "../time.ts";
import type { MinuteAssignment } from "./api.ts";
import { heatLimit, tighter, type RotationContext } from "./context.ts";

export interface DeskStint {
  start: Minute;
  end: Minute;
  /** The work/rest limit of the strictest heat allowance the stint touches. */
  limit: WorkRest | null;
  parts: MinuteAssignment[];
}

/**
 * A person's desk stints, in time order.
 * @example deskStints(ctx, rotation.assignments.filter((a) => a.staff === "bai-xue")).map((s) => s.end - s.start).slice(0, 3) // [30, 15, 15] (07:00–07:30 at 30/30, then 15-minute stints at 15/45)
 */
export function deskStints(ctx: RotationContext, assignments: MinuteAssignment[]): DeskStint[] {
  const desk = assignments.filter((a) => a.activity === "desk").sort((a, b) => a.start - b.start || a.end - b.end);
  const out: DeskStint[] = [];
  for (const a of desk) {
    const limit = heatLimit(ctx, a.role, a.point ?? "", a.start, a.end);
    const last = out.at(-1);
    if (last && a.start <= last.end) {
      last.end = Math.max(last.end, a.end); last.limit = tighter(last.limit, limit); last.parts.push(a);
    } else out.push({ start: a.start, end: a.end, limit, parts: [a] });
  }
  return out;
}

/**
 * Spans of continuous PPE time: stints (and standby, which is spent in PPE) joined by breaks
 * shorter than ppeBreakMinutes.
 * @example ppeRuns(ctx, [{ start: 0, end: 20 }, { start: 30, end: 50 }, { start: 200, end: 220 }]) // [{ start: 0, end: 50 }, { start: 200, end: 220 }] (a gap shorter than the 30-minute PPE break does not end a run)
 */
export function ppeRuns(ctx: RotationContext, spans: { start: Minute; end: Minute }[]): { start: Minute; end: Minute }[] {
  const out: { start: Minute; end: Minute }[] = [];
  for (const s of [...spans].sort((a, b) => a.start - b.start || a.end - b.end)) {
    const last = out.at(-1);
    if (last && s.start - last.end < ctx.rules.ppeBreakMinutes) last.end = Math.max(last.end, s.end);
    else out.push({ start: s.start, end: s.end });
  }
  return out;
}
