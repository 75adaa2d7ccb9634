// From the rotation's answer to per-minute capacity: a desk serves only in the minutes it was both
// asked to open and fully staffed (desks that cannot be staffed are not capacity).
import type { DeskRequest, RotationResult } from "../rotation/api.ts";
import type { SamplingDay } from "../queue/day.ts";
import type { Span } from "../time.ts";
import type { DeskAvailability } from "../callup/desk-demand.ts";

/**
 * Each requested desk's staffed minutes, per point, as day-index masks.
 * @example staffedMasks(day, requests, rotation).get("north-gate").map((d) => [d.desk, d.staffed[0], d.staffed[60]]) // [[1, 1, 1], [2, 1, 0]] (07:00 and 08:00: desk 2 is staffed only 07:00–08:00)
 */
export function staffedMasks(day: SamplingDay, requests: DeskRequest[], result: RotationResult): Map<string, DeskAvailability[]> {
  const staffedBy = new Map(result.staffed.map((s) => [`${s.point}#${s.desk}`, s.spans]));
  const masks = new Map<string, DeskAvailability[]>();
  for (const r of requests) {
    const asked = mask(day, r.open), staffed = mask(day, staffedBy.get(`${r.point}#${r.desk}`) ?? []);
    for (let m = 0; m < day.length; m++) asked[m] &= staffed[m];
    if (!masks.has(r.point)) masks.set(r.point, []);
    masks.get(r.point)!.push({ desk: r.desk, staffed: asked });
  }
  return masks;
}

/** People served per minute by these desks at `perDesk` a minute each. */
export function capacityOf(day: SamplingDay, desks: DeskAvailability[] | undefined, perDesk: number): Float64Array {
  const cap = new Float64Array(day.length);
  for (const d of desks ?? []) for (let m = 0; m < day.length; m++) if (d.staffed[m]) cap[m] += perDesk;
  return cap;
}

function mask(day: SamplingDay, spans: Span[]): Uint8Array {
  const out = new Uint8Array(day.length);
  for (const s of spans) out.fill(1, Math.max(0, s.start - day.origin), Math.max(0, Math.min(day.length, s.end - day.origin)));
  return out;
}

/** Index spans of a mask's runs of ones, back in minutes. */
export function spansOf(day: SamplingDay, m: Uint8Array): Span[] {
  const spans: Span[] = [];
  for (let i = 0; i < m.length; i++) {
    if (!m[i]) continue;
    const last = spans[spans.length - 1];
    if (last && last.end === day.origin + i) last.end++;
    else spans.push({ start: day.origin + i, end: day.origin + i + 1 });
  }
  return spans;
}
