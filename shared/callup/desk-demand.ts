// Which desks must be open when: no more desks than the call-ups need, but enough that nobody waits
// past the bound and the line is empty at closing (docs/api.md C2: desks open per point per time).
import type { SamplingDay, Slot } from "../queue/day.ts";
import { cumulative, NO_LINE, runFluidQueue } from "../queue/fluid.ts";

export interface DeskAvailability {
  desk: number;
  /** 1 in each minute the rotation could staff the desk with every role. */
  staffed: Uint8Array;
}

export interface DeskOpening {
  desk: number;
  open: Slot[];
}

/**
 * Per slot, the fewest staffed desks that keep every wait within `waitBound` (or, where the staffed
 * desks cannot, within the wait they would give all open), assuming every staffed desk is available
 * later, and at least one while anyone is in line: a backward pass finds how many people must have
 * been served by each minute, a forward pass opens desks slot by slot (desks already open first,
 * then by number).
 * @example
 * // 30 people in the first minute, two 3-a-minute desks, a 25-minute bound: one desk is enough
 * deskDemand(day, arrivals, desks, 3, 25) // [{ desk: 1, open: [{ start: 0, end: 10 }] }]
 */
export function deskDemand(day: SamplingDay, arrivals: Float64Array, desks: DeskAvailability[], perDesk: number, waitBound: number): DeskOpening[] {
  const n = day.length;
  const full = new Float64Array(n);
  for (const d of desks) for (let m = 0; m < n; m++) if (d.staffed[m]) full[m] += perDesk;
  // Served-by-minute with every staffed desk open: the best there is, turn-aways at closing included.
  const best = runFluidQueue(day, arrivals, full);
  const bound = Math.max(1, Math.ceil(Math.max(waitBound, best.maxWait)));
  const arrived = cumulative(arrivals), bestServed = cumulative(best.served);
  // need[t]: people that must have been served before minute t.
  const need = new Float64Array(n + 1);
  for (let t = n; t >= 0; t--) {
    const i = t - bound + 1; // whoever arrived by minute t − bound is served before minute t
    let r = i > 0 ? Math.min(arrived[Math.min(i, n)], bestServed[t]) : 0;
    if (t > 0 && day.closeOf[t - 1] === t) r = bestServed[t]; // line empty at closing
    if (t < n) r = Math.max(r, need[t + 1] - full[t]);
    need[t] = Math.min(r, bestServed[t]);
  }
  const open = new Map<number, Slot[]>(desks.map((d) => [d.desk, []]));
  const slotLength = day.slots.length ? day.slots[0].end - day.slots[0].start : 5;
  let q = 0, served = 0, previous = new Set<number>();
  for (const slot of day.slots) {
    const here = desks.filter((d) => { for (let m = slot.start; m < slot.end; m++) if (d.staffed[m]) return true; return false; })
      .sort((a, b) => Number(previous.has(b.desk)) - Number(previous.has(a.desk)) || a.desk - b.desk);
    let chosen = here.length, after = { q, served };
    // A line is never left standing with no desk open, even where the bound would allow it to wait.
    let coming = q;
    for (let m = slot.start; m < slot.end; m++) coming += arrivals[m];
    for (let k = coming > NO_LINE ? Math.min(1, here.length) : 0; k <= here.length; k++) {
      const run = step(slot, here.slice(0, k), q, served);
      if (run.ok || k === here.length) { chosen = k; after = run; break; }
    }
    q = after.q; served = after.served;
    previous = new Set(here.slice(0, chosen).map((d) => d.desk));
    for (const d of here.slice(0, chosen)) {
      const spans = open.get(d.desk)!;
      const last = spans[spans.length - 1];
      if (last && last.end === slot.start) last.end = slot.end;
      else spans.push({ start: slot.start, end: slot.end });
    }
  }
  return [...open].filter(([, spans]) => spans.length).map(([desk, spans]) => ({ desk, open: bridge(spans) })).sort((a, b) => a.desk - b.desk);

  // A desk closed for a single slot between two open ones stays open: a 5-minute break in PPE is
  // no rest (a break counts from ppeBreakMinutes), only churn for the rotation.
  function bridge(spans: Slot[]): Slot[] {
    const out: Slot[] = [];
    for (const s of spans) {
      const last = out[out.length - 1];
      const gap = last ? s.start - last.end : Infinity;
      if (last && gap <= slotLength && day.closeOf[last.start] === day.closeOf[s.start]) last.end = s.end;
      else out.push({ ...s });
    }
    return out;
  }

  function step(slot: Slot, chosen: DeskAvailability[], q0: number, served0: number) {
    let line = q0, total = served0, ok = true;
    for (let m = slot.start; m < slot.end; m++) {
      line += arrivals[m];
      let cap = 0;
      for (const d of chosen) if (d.staffed[m]) cap += perDesk;
      const out = Math.min(line, cap);
      line -= out;
      total += out;
      if (total < need[m + 1] - 1e-6) ok = false;
      if (day.closeOf[m] === m + 1) line = 0;
    }
    return { ok, q: line, served: total };
  }
}
