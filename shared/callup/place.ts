// Placing call-ups at one point: buildings called in turn into the allowed slots, each as soon as the
// line ahead allows (alongside the one before if the wait allows) and over as few slots as keep the
// predicted wait within the bound (docs/domain.md: called by building and time slot, never a flood).
import type { SamplingDay, Slot } from "../queue/day.ts";
import { NO_LINE as NO_LINE_OF, waitsOver as waitsOverOf } from "../queue/fluid.ts";

// Plain local bindings: the trial loop below is the planner's hottest, and module bindings can cost
// a property read each (as under tsx).
const waitsOver = waitsOverOf;
const NO_LINE = NO_LINE_OF;

/** A building, or what is left of it, still to be called to a point. */
export interface CallupUnit {
  building: string;
  residents: number;
  reroutedFrom?: string;
}

/** A call-up as minute indices of the sampling day. */
export interface PlacedCallup {
  building: string;
  residents: number;
  start: number;
  end: number;
  reroutedFrom?: string;
  part?: number;
}

export interface PointLoad {
  day: SamplingDay;
  /** People the point's staffed desks serve in each minute. */
  capacity: Float64Array;
  /** Running sum of `capacity`. */
  cum: Float64Array;
  /** Share of residents who come (docs/domain.md default 93%). */
  attendance: number;
}

export interface Placement {
  placed: PlacedCallup[];
  /** Residents that found no place within the bound (whole or partly). */
  unplaced: CallupUnit[];
}

/** Runs of consecutive allowed slots: call-ups never straddle a run's end. */
export function allowedBlocks(slots: Slot[], allowed: Uint8Array): Slot[][] {
  const blocks: Slot[][] = [];
  let run: Slot[] = [];
  slots.forEach((slot, j) => {
    if (allowed[j] && run.length && run[run.length - 1].end === slot.start) run.push(slot);
    else {
      if (run.length) blocks.push(run);
      run = allowed[j] ? [slot] : [];
    }
  });
  if (run.length) blocks.push(run);
  return blocks;
}

/**
 * Calls every unit into the allowed slots, first fit in the given order, whole buildings first;
 * a building is split only to fill what is left of a run of slots that no whole building fits.
 * @example
 * // one 3-a-minute desk, 25-minute bound: 75 residents at 100% attendance fit one 5-minute slot
 * placeCallups(load, [{ building: "b1", residents: 75 }], allSlots, 25, 20).placed[0] // { building: "b1", residents: 75, start: 0, end: 5 }
 */
export function placeCallups(load: PointLoad, units: CallupUnit[], allowed: Uint8Array, waitBound: number, minPartResidents: number): Placement {
  const { day, capacity, cum, attendance } = load;
  const bound = Math.max(1, waitBound); // nobody is served faster than the minute they arrive in
  const placed: PlacedCallup[] = [];
  const remaining = units.filter((u) => u.residents > 0).map((u) => ({ ...u, split: false }));
  // What is committed so far: arrivals per minute, and the line at the start of each minute.
  const arr = new Float64Array(day.length);
  const lineStart = new Float64Array(day.length + 1);
  let lastArrival = -1;

  // The line left after also calling `residents` over [s, e), or -1 if anyone, already called or
  // not, would wait past the bound (first in, first out: later arrivals of earlier call-ups queue
  // behind the newcomers).
  const trial = (s: number, e: number, residents: number, commit = false): number => {
    let q = lineStart[s];
    const a = (residents * attendance) / (e - s);
    const until = Math.max(e, lastArrival + 1);
    for (let m = s; m < day.length && (m < until || (commit && q > 0)); m++) {
      q += arr[m] + (m < e ? a : 0);
      if (commit) { if (m < e) arr[m] += a; }
      else if (q > NO_LINE && waitsOver(cum, m, q, day.closeOf[m], bound)) return -1;
      q -= Math.min(q, capacity[m]);
      if (day.closeOf[m] === m + 1 || day.closeOf[m] < 0) q = 0;
      if (commit) lineStart[m + 1] = q;
    }
    if (commit) lastArrival = Math.max(lastArrival, e - 1);
    return q;
  };
  // From the cursor on, the start and fewest slots that finish calling the unit soonest (a compact
  // call-up a marshal can announce, not a trickle over the morning) with everyone within the bound.
  const tryPlace = (residents: number, cursor: number, block: Slot[]): { start: number; end: number } | null => {
    const first = block.findIndex((x) => x.start >= cursor);
    if (first < 0) return null;
    let best: { start: number; end: number } | null = null;
    for (let i = first; i < block.length; i++) {
      const s = block[i].start;
      if (best && s >= best.end) break;
      if (trial(s, block[block.length - 1].end, residents) < 0) {
        // Waiting helps only while the line ahead is still draining or still being called.
        if (lineStart[s] <= NO_LINE && s > lastArrival) break;
        continue;
      }
      let lo = i, hi = block.length - 1; // spreading over more slots never lengthens the wait
      while (lo < hi) {
        const mid = (lo + hi) >> 1;
        if (trial(s, block[mid].end, residents) >= 0) hi = mid;
        else lo = mid + 1;
      }
      if (!best || block[lo].end < best.end) best = { start: s, end: block[lo].end };
      if (lo === i) break; // one slot: nothing ends sooner
    }
    return best;
  };
  const commit = (u: (typeof remaining)[number], residents: number, at: { start: number; end: number }) => {
    placed.push({ building: u.building, residents, start: at.start, end: at.end, ...(u.reroutedFrom ? { reroutedFrom: u.reroutedFrom } : {}) });
    trial(at.start, at.end, residents, true);
  };

  for (const block of allowedBlocks(day.slots, allowed)) {
    let cursor = block[0].start;
    while (remaining.length && cursor < block[block.length - 1].end) {
      let done = false;
      for (let i = 0; i < remaining.length && !done; i++) {
        const at = tryPlace(remaining[i].residents, cursor, block);
        if (!at) continue;
        commit(remaining[i], remaining[i].residents, at);
        remaining.splice(i, 1);
        cursor = at.start;
        done = true;
      }
      if (done) continue;
      // No whole building fits what is left of this run: call part of the first one now, if allowed.
      if (!Number.isFinite(minPartResidents)) break;
      const u = remaining[0];
      let lo = 0, hi = u.residents - 1;
      while (lo < hi) {
        const mid = (lo + hi + 1) >> 1;
        if (tryPlace(mid, cursor, block)) lo = mid;
        else hi = mid - 1;
      }
      if (lo < Math.min(minPartResidents, u.residents)) break;
      const at = tryPlace(lo, cursor, block)!;
      commit(u, lo, at);
      u.residents -= lo;
      u.split = true;
      cursor = at.start;
    }
  }
  numberParts(placed, new Set([...remaining.filter((u) => u.split).map((u) => u.building)]));
  return { placed, unplaced: remaining.map(({ split: _s, ...u }) => u) };
}

/** Numbers the pieces of every building called more than once, in time order (field `part`). */
export function numberParts(placed: PlacedCallup[], alsoSplit: Set<string> = new Set()): void {
  const count = new Map<string, number>();
  for (const c of placed) count.set(c.building, (count.get(c.building) ?? 0) + 1);
  const seen = new Map<string, number>();
  for (const c of [...placed].sort((a, b) => a.start - b.start)) {
    if ((count.get(c.building) ?? 0) < 2 && !alsoSplit.has(c.building)) continue;
    const n = (seen.get(c.building) ?? 0) + 1;
    seen.set(c.building, n);
    c.part = n;
  }
}
