// Desk requests as positions on the slot grid: one position per person a desk needs (a desk needing
// one sampler and one registrar is two positions), each open on the slots its desk is requested.
import type { Role, Shelter } from "../scenario/schema.ts";
import type { Minute, Span } from "../time.ts";
import type { DeskRequest } from "./api.ts";
import { mergeSpans, type RotationContext } from "./context.ts";

export interface Position {
  index: number;
  point: string;
  desk: number;
  role: Role;
  shelter: Shelter;
  outdoor: boolean;
  /** Requested minutes of this desk, merged. */
  open: Span[];
}

/** The slot grid: slot i covers [origin + i·slot, origin + (i+1)·slot). */
export interface SlotGrid {
  origin: Minute;
  slot: number;
  count: number;
}

export interface Layout {
  grid: SlotGrid;
  positions: Position[];
  /** openAt[p][i]: position p is requested during (part of) slot i. */
  openAt: Uint8Array[];
}

/** The roles a desk needs, in a fixed order, each repeated by how many it needs. */
export function deskRoles(ctx: RotationContext): Role[] {
  const out: Role[] = [];
  for (const [role, n] of Object.entries(ctx.scenario.desk) as [Role, number | undefined][])
    for (let k = 0; k < (n ?? 0); k++) out.push(role);
  return out;
}

/**
 * Positions and the slot grid for a set of desk requests; the grid starts at the earliest request
 * (or `from`), aligned to multiples of slotMinutes so that hours fall on slot boundaries.
 */
export function layout(ctx: RotationContext, requests: DeskRequest[], from?: Minute): Layout {
  const slot = ctx.slot;
  const roles = deskRoles(ctx);
  const positions: Position[] = [];
  let lo = Infinity, hi = -Infinity;
  for (const r of requests) {
    const point = ctx.points.get(r.point);
    const shelter: Shelter = point?.shelter ?? "open";
    const open = mergeSpans(r.open.map((s) => ({ start: Math.max(s.start, from ?? -Infinity), end: s.end })));
    for (const s of open) { lo = Math.min(lo, s.start); hi = Math.max(hi, s.end); }
    for (const role of roles)
      positions.push({ index: positions.length, point: r.point, desk: r.desk, role, shelter, outdoor: shelter !== "booth", open });
  }
  if (!isFinite(lo)) return { grid: { origin: from ?? 0, slot, count: 0 }, positions, openAt: positions.map(() => new Uint8Array(0)) };
  const origin = Math.floor(lo / slot) * slot;
  const count = Math.ceil((hi - origin) / slot);
  const openAt = positions.map((p) => {
    const a = new Uint8Array(count);
    for (const s of p.open) {
      const first = Math.floor((s.start - origin) / slot), last = Math.ceil((s.end - origin) / slot);
      for (let i = first; i < last; i++) a[i] = 1;
    }
    return a;
  });
  return { grid: { origin, slot, count }, positions, openAt };
}

/** The requested minutes of a position within [start, end). */
export function clipToOpen(p: Position, start: Minute, end: Minute): Span[] {
  const out: Span[] = [];
  for (const s of p.open) {
    const a = Math.max(s.start, start), b = Math.min(s.end, end);
    if (b > a) out.push({ start: a, end: b });
  }
  return out;
}
