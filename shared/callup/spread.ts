// When a point cannot serve everyone before closing whatever the wait, its buildings are still all
// called (docs/api.md: every building called for all its residents), spread in step with the
// capacity there is; nobody is called into hours with no desk (a heat stop), and those the day
// cannot serve are called last, where the plan reports them still in line at closing.
import type { SamplingDay } from "../queue/day.ts";
import { numberParts, type CallupUnit, type PlacedCallup } from "./place.ts";

/** Minutes with no capacity at a stretch that end a call-up (an hour's heat stop is 60). */
export const DEAD_RUN_MINUTES = 30;

/**
 * Calls the units one after another, each over a share of the day's capacity proportional to its
 * residents (over the open minutes when there is no capacity), cut at window closings and at long
 * runs with no capacity; what the day cannot serve is called in its last stretch of open desks.
 * @example spreadCallups(day, new Float64Array(day.length), [{ building: "b1", residents: 10 }]) // [{ building: "b1", residents: 10, start: 0, end: 840 }] (no capacity: one call-up over the whole 07:00–21:00 window)
 */
export function spreadCallups(day: SamplingDay, capacity: Float64Array, units: CallupUnit[]): PlacedCallup[] {
  const weight = new Float64Array(day.length);
  let total = 0;
  for (let m = 0; m < day.length; m++) total += capacity[m];
  for (let m = 0; m < day.length; m++) weight[m] = day.closeOf[m] < 0 ? 0 : total > 0 ? capacity[m] : 1;
  let sum = 0;
  for (let m = 0; m < day.length; m++) sum += weight[m];
  // a long run with no capacity (a heat stop, a desk closed for hours) cuts a call-up like a closing:
  // nobody is called to a point in hours where no desk can open; short dips (a desk's break) do not
  const dead = new Uint8Array(day.length);
  if (total > 0) for (let m = 0; m < day.length;) {
    if (weight[m] > 0 || day.closeOf[m] < 0) { m++; continue; }
    let e = m;
    while (e < day.length && weight[e] === 0 && day.closeOf[e] === day.closeOf[m]) e++;
    if (e - m >= DEAD_RUN_MINUTES) dead.fill(1, m, e);
    m = e;
  }
  const people = units.reduce((n, u) => n + u.residents, 0);
  // more people than the day can serve: every earlier stretch of open desks is called only as many as
  // it serves, so no line is left standing into a heat stop or overnight; the excess is called in the
  // last stretch, where the plan reports it as still in line at closing
  if (total > 0 && people > total) {
    let last = day.length - 1;
    while (last > 0 && weight[last] === 0) last--;
    let first = last;
    while (first > 0 && (weight[first - 1] > 0 || (!dead[first - 1] && day.closeOf[first - 1] === day.closeOf[last]))) first--;
    let lastCap = 0;
    for (let m = first; m <= last; m++) lastCap += weight[m];
    if (lastCap > 0) {
      const scale = (lastCap + people - total) / lastCap;
      for (let m = first; m <= last; m++) weight[m] *= scale;
      sum += people - total;
    }
  }
  const placed: PlacedCallup[] = [];
  if (sum <= 0 || people <= 0) return placed;
  let m = 0, acc = 0, before = 0;
  for (const u of units) {
    if (u.residents <= 0) continue;
    const goal = ((before + u.residents) / people) * sum;
    before += u.residents;
    // the unit's minutes, as pieces cut at window closings
    const pieces: { start: number; end: number; w: number }[] = [];
    while (m < day.length && (acc < goal - 1e-9 || pieces.length === 0)) {
      if (weight[m] > 0 || (pieces.length && day.closeOf[m] >= 0 && !dead[m])) {
        const last = pieces[pieces.length - 1];
        if (last && last.end === m && day.closeOf[last.start] === day.closeOf[m] && !dead[m]) { last.end = m + 1; last.w += weight[m]; }
        else if (weight[m] > 0) pieces.push({ start: m, end: m + 1, w: weight[m] });
      }
      acc += weight[m];
      m++;
    }
    if (!pieces.length) pieces.push({ start: Math.max(0, day.windows[day.windows.length - 1].end - 1), end: day.windows[day.windows.length - 1].end, w: 1 });
    const wsum = pieces.reduce((n, p) => n + p.w, 0);
    let left = u.residents;
    pieces.forEach((p, i) => {
      const r = i === pieces.length - 1 ? left : Math.min(left, Math.round((u.residents * p.w) / wsum));
      left -= r;
      if (r > 0) placed.push({ building: u.building, residents: r, start: p.start, end: p.end, ...(u.reroutedFrom ? { reroutedFrom: u.reroutedFrom } : {}) });
    });
  }
  numberParts(placed);
  return placed;
}
