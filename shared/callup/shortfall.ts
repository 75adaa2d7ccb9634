// What would meet the wait target at a point that misses it (docs/api.md C2: "say by how much, and what
// would meet it, computed, not guessed"): the call-up plan re-run with more desks or longer hours.
import type { Role, Scenario } from "../scenario/schema.ts";
import { extendDay } from "../queue/day.ts";
import { cumulative } from "../queue/fluid.ts";
import { fitsWithin, type PointRequest } from "./schedule-point.ts";

export interface WhatWouldMeet {
  /** Staffed desks to add through every window (where the heat lets a desk open); null if none up to the limit would do. */
  moreDesks: number | null;
  /** Of those, desks the point does not have yet (the rest exist but lack staff). */
  newDesks: number | null;
  /** People to staff the added desks, one shift each through the windows (heat rotation needs more). */
  moreStaff: Partial<Record<Role, number>> | null;
  /** Hours to keep the last window open longer at the point's peak staffed capacity; null if none up to the limit. */
  moreHours: number | null;
}

export interface PointShortfall {
  point: string;
  reason: "no-staffed-desk" | "wait-over-target" | "capacity-short";
  targetWaitMinutes: number;
  /** Longest predicted wait of those served (minutes). */
  maxWaitMinutes: number;
  overByMinutes: number;
  /** Expected people still in line when a window closes. */
  leftAtClosing: number;
  toMeet: WhatWouldMeet;
  message: string;
}

const DESK_LIMIT = 200;
const HOUR_LIMIT = 24;

/** Smallest n in [1, limit] with ok(n), assuming ok only turns true as n grows; null if none. */
function smallest(limit: number, ok: (n: number) => boolean): number | null {
  let hi = 1;
  while (hi <= limit && !ok(hi)) hi *= 2;
  if (hi > limit) { if (!ok(limit)) return null; hi = limit; }
  let lo = Math.floor(hi / 2) + 1;
  while (lo < hi) {
    const mid = (lo + hi) >> 1;
    if (ok(mid)) hi = mid;
    else lo = mid + 1;
  }
  return hi;
}

/**
 * Re-runs a point's call-ups with k more staffed desks, and with the last window h hours longer,
 * and returns the smallest k and h that meet the wait target. `openable` (1 a minute, over the
 * day) marks where an added desk could open at all: not in an hour the heat stops the point, nor
 * where the day rule forbids outdoor work (docs/api.md "Defaults"); every open minute without it.
 * @example whatWouldMeet(scenario, { ...request, units: [{ building: "b1", residents: 6000 }] }, 3, 2, 2)
 *   // { moreDesks: 1, newDesks: 1, moreStaff: { sampler: 1, registrar: 1 }, moreHours: 2 } (6000 called, 5580 expected to come, to two desks that serve 5040 in the day)
 */
export function whatWouldMeet(scenario: Scenario, req: PointRequest, perDesk: number, physicalDesks: number, peakStaffedDesks: number, openable?: Uint8Array): WhatWouldMeet {
  const { day, capacity } = req.load;
  const withDesks = (k: number) => {
    const cap = new Float64Array(capacity);
    for (let m = 0; m < day.length; m++) if (day.closeOf[m] >= 0 && (!openable || openable[m])) cap[m] += k * perDesk;
    return fitsWithin({ ...req, load: { ...req.load, capacity: cap, cum: cumulative(cap) } }, req.targetWait);
  };
  const moreDesks = smallest(DESK_LIMIT, withDesks);
  let peak = 0;
  for (let m = 0; m < day.length; m++) peak = Math.max(peak, capacity[m]);
  const slotMinutes = day.slots.length ? day.slots[0].end - day.slots[0].start : 5;
  const withHours = (h: number) => {
    const longer = extendDay(day, h * 60, slotMinutes);
    const cap = new Float64Array(longer.length);
    cap.set(capacity);
    cap.fill(peak, day.length);
    return fitsWithin({ ...req, load: { ...req.load, day: longer, capacity: cap, cum: cumulative(cap) } }, req.targetWait);
  };
  const moreHours = peak > 0 ? smallest(HOUR_LIMIT, withHours) : null;
  const moreStaff = moreDesks === null ? null : Object.fromEntries(
    Object.entries(scenario.desk).filter(([, n]) => (n ?? 0) > 0).map(([role, n]) => [role, moreDesks * (n ?? 0)]),
  ) as Partial<Record<Role, number>>;
  const idle = Math.max(0, physicalDesks - peakStaffedDesks);
  return { moreDesks, newDesks: moreDesks === null ? null : Math.max(0, moreDesks - idle), moreStaff, moreHours };
}

/**
 * One sentence for the lead: by how much the point misses, and what would meet the target.
 * @example describeShortfall({ point: "south-gate", reason: "wait-over-target", targetWaitMinutes: 25, maxWaitMinutes: 48, overByMinutes: 23, leftAtClosing: 0, toMeet: { moreDesks: 1, newDesks: 0, moreStaff: { sampler: 1, registrar: 1 }, moreHours: 2 } }) // "south-gate: longest wait 48 min, 23 over the 25-min target; 1 more staffed desk (1 sampler, 1 registrar, 1 of them existing desks now unstaffed) or 2 more hours at the last window's end would meet it"
 */
export function describeShortfall(s: Omit<PointShortfall, "message">): string {
  const what: string[] = [];
  const plural = (n: number, one: string) => `${n} ${one}${n === 1 ? "" : "s"}`;
  if (s.toMeet.moreDesks !== null) {
    const staff = Object.entries(s.toMeet.moreStaff ?? {}).map(([r, n]) => plural(n as number, r)).join(", ");
    const fresh = s.toMeet.newDesks !== null && s.toMeet.newDesks < s.toMeet.moreDesks ? `, ${s.toMeet.moreDesks - s.toMeet.newDesks} of them existing desks now unstaffed` : "";
    what.push(`${s.toMeet.moreDesks} more staffed desk${s.toMeet.moreDesks === 1 ? "" : "s"}${staff ? ` (${staff}${fresh})` : ""}`);
  }
  if (s.toMeet.moreHours !== null) what.push(`${plural(s.toMeet.moreHours, "more hour")} at the last window's end`);
  const cause = s.reason === "no-staffed-desk" ? "no staffed desk" : s.reason === "capacity-short"
    ? `${Math.max(1, Math.round(s.leftAtClosing))} ${Math.max(1, Math.round(s.leftAtClosing)) === 1 ? "person" : "people"} still in line at closing` : `longest wait ${s.maxWaitMinutes} min, ${s.overByMinutes} over the ${s.targetWaitMinutes}-min target`;
  return `${s.point}: ${cause}; ${what.length ? `${what.join(" or ")} would meet it` : "no added desks or hours within reach would meet it"}`;
}
