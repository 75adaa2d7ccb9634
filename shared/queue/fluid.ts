// The time-stepped fluid queue of one point (docs/domain.md "Queues": whole buildings arriving at once
// make the line; a time-stepped model predicts it): arrivals join, desks serve at capacity, the
// line carries over, and whoever is still in line when a window closes is turned away.
import type { SamplingDay } from "./day.ts";

/** A line shorter than half a person is no line: nobody waits for it (same as the outside check). */
export const NO_LINE = 0.5;

export interface QueueTrace {
  /** People served in each minute. */
  served: Float64Array;
  /** People in line in each minute, after that minute's arrivals, before service. */
  line: Float64Array;
  /** Minutes the last person in line that minute waits (first in, first out); Infinity if never. */
  wait: Float64Array;
  /** Longest finite wait of the day. */
  maxWait: number;
  /** People still in line when their window closed. */
  leftAtClose: number;
}

/**
 * Running sum of capacity, so the time to serve a line is one binary search.
 * @example cumulative(Float64Array.of(3, 3, 0)) // Float64Array.of(0, 3, 6, 6)
 */
export function cumulative(perMinute: Float64Array): Float64Array {
  const cum = new Float64Array(perMinute.length + 1);
  for (let i = 0; i < perMinute.length; i++) cum[i + 1] = cum[i] + perMinute[i];
  return cum;
}

/**
 * Minutes until a line of `line` people standing at minute `at` has all been served, given the
 * capacity that follows (first in, first out), counting the minute `at` itself; Infinity when the
 * capacity left before `close` cannot serve them.
 * @example fifoWait(cumulative(Float64Array.of(3, 3, 3, 3)), 0, 7, 4) // 3
 */
export function fifoWait(cum: Float64Array, at: number, line: number, close: number): number {
  if (cum[close] - cum[at] < line) return Infinity;
  let lo = at, hi = close - 1;
  while (lo < hi) {
    const mid = (lo + hi) >> 1;
    if (cum[mid + 1] - cum[at] >= line) hi = mid;
    else lo = mid + 1;
  }
  return lo + 1 - at;
}

/**
 * Whether the last of a line of `line` people standing at minute `at` waits longer than `bound`
 * minutes: the same answer as `fifoWait(cum, at, line, close) > bound`, from one look at the
 * running capacity rather than a search (capacity is never negative, so served-by only grows).
 * Call-up placement asks this for every minute of every trial.
 * @example waitsOver(cumulative(Float64Array.of(3, 3, 3, 3)), 0, 7, 4, 2) // true (the last waits 3)
 */
export function waitsOver(cum: Float64Array, at: number, line: number, close: number, bound: number): boolean {
  if (close <= at) return fifoWait(cum, at, line, close) > bound; // outside a window: as fifoWait says
  if (bound < 1) return true; // even the first in line waits the minute they arrive in
  return !(cum[Math.min(at + Math.floor(bound), close)] - cum[at] >= line);
}

/**
 * Steps a point's line minute by minute through the day.
 * @example
 * // 30 people arrive in minute 0 at a desk serving 3 a minute: the last waits 10 minutes
 * runFluidQueue(day, arrivals, capacity).maxWait // 5 (30 people at two 3-a-minute desks)
 */
export function runFluidQueue(day: SamplingDay, arrivals: Float64Array, capacity: Float64Array, cum = cumulative(capacity)): QueueTrace {
  const n = day.length;
  const served = new Float64Array(n), line = new Float64Array(n), wait = new Float64Array(n);
  let q = 0, maxWait = 0, leftAtClose = 0;
  for (let m = 0; m < n; m++) {
    q += arrivals[m];
    line[m] = q;
    const close = day.closeOf[m];
    if (q > NO_LINE) {
      const w = close < 0 ? Infinity : fifoWait(cum, m, q, close);
      wait[m] = w;
      if (Number.isFinite(w) && w > maxWait) maxWait = w;
    }
    const out = Math.min(q, capacity[m]);
    served[m] = out;
    q -= out;
    // A window's closing turns away whoever is still in line (docs/domain.md: people turned away at closing).
    if (close === m + 1 || close < 0) {
      leftAtClose += q;
      q = 0;
    }
  }
  return { served, line, wait, maxWait, leftAtClose };
}
