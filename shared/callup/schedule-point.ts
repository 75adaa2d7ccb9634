// One point's call-up plan: within the wait target in the fewest, coolest slots; when the target
// cannot be met, the shortest longest-wait that can; when no wait will do, spread with the capacity.
import type { WeatherHour } from "../scenario/schema.ts";
import { hourBoundaries, maskOf, slotsCoolestFirst } from "./cool-hours.ts";
import { placeCallups, type CallupUnit, type PlacedCallup, type PointLoad } from "./place.ts";
import { spreadCallups } from "./spread.ts";

export type PointOutcome = "within-target" | "over-target" | "over-capacity";

export interface PointCallups {
  placed: PlacedCallup[];
  outcome: PointOutcome;
  /** The longest wait the call-ups were planned to (minutes); the target when it is met. */
  waitBound: number;
}

export interface PointRequest {
  load: PointLoad;
  units: CallupUnit[];
  weather: WeatherHour[];
  targetWait: number;
  minPartResidents: number;
  /** Try cooler hours first (off when only feasibility matters, e.g. "what would meet it"). */
  coolFirst?: boolean;
}

/**
 * Whether every unit can be called within `waitBound` using all the point's staffed slots.
 * @example fitsWithin(request, 25) // true (the point's desks keep every wait within 25 minutes)
 */
export function fitsWithin(req: PointRequest, waitBound: number): boolean {
  const ranked = slotsCoolestFirst(req.load.day, req.weather, req.load.capacity);
  if (!ranked.length) return req.units.every((u) => u.residents <= 0);
  return placeCallups(req.load, req.units, maskOf(req.load.day, ranked, ranked.length), waitBound, req.minPartResidents).unplaced.length === 0;
}

/**
 * Plans one point's call-ups. Whole buildings first: a building is split only when whole ones
 * cannot all be called within the target. Then cooler hours, while they cost no wait beyond the
 * target: the fewest coolest whole hours in which everyone still fits. Then, within those hours,
 * the shortest longest-wait that still fits everyone.
 * @example schedulePoint(request).outcome // "within-target"
 */
export function schedulePoint(req: PointRequest): PointCallups {
  const { load, units, targetWait } = req;
  if (!units.some((u) => u.residents > 0)) return { placed: [], outcome: "within-target", waitBound: targetWait };
  const ranked = slotsCoolestFirst(load.day, req.weather, load.capacity);
  if (!ranked.length) return { placed: spreadCallups(load.day, load.capacity, units), outcome: "over-capacity", waitBound: Infinity };
  // the searches below ask about the same hours and bound more than once, and the answer is then
  // placed again: each placement is made once
  const placements = new Map<string, ReturnType<typeof placeCallups>>();
  const place = (k: number, bound: number, split: boolean) => {
    const key = `${k}|${bound}|${split}`;
    let got = placements.get(key);
    if (!got) {
      got = placeCallups(load, units, maskOf(load.day, ranked, k), bound, split ? req.minPartResidents : Infinity);
      placements.set(key, got);
    }
    return got;
  };
  const fits = (k: number, bound: number, split: boolean) => place(k, bound, split).unplaced.length === 0;
  const n = ranked.length;

  const split = !fits(n, targetWait, false);
  if (!split || fits(n, targetWait, true)) {
    let k = n;
    if (req.coolFirst !== false) {
      const hours = hourBoundaries(load.day, req.weather, ranked);
      let lo = 0, hi = hours.length - 1; // the fewest coolest whole hours that fit everyone
      while (lo < hi) {
        const mid = (lo + hi) >> 1;
        if (fits(hours[mid], targetWait, split)) hi = mid;
        else lo = mid + 1;
      }
      k = hours[hi];
    }
    let lo = 1, hi = Math.max(1, Math.ceil(targetWait)); // then the shortest wait those hours allow
    while (lo < hi) {
      const mid = (lo + hi) >> 1;
      if (fits(k, mid, split)) hi = mid;
      else lo = mid + 1;
    }
    const bound = fits(k, hi, split) ? hi : targetWait;
    return { placed: place(k, bound, split).placed, outcome: "within-target", waitBound: bound };
  }
  // The target cannot be met: the shortest longest-wait that still serves everyone before closing.
  const day = load.day.length;
  if (!fits(n, day, true)) return { placed: spreadCallups(load.day, load.capacity, units), outcome: "over-capacity", waitBound: Infinity };
  let lo = Math.ceil(targetWait), hi = day;
  while (lo < hi) {
    const mid = (lo + hi) >> 1;
    if (fits(n, mid, true)) hi = mid;
    else lo = mid + 1;
  }
  return { placed: place(n, hi, true).placed, outcome: "over-target", waitBound: hi };
}
