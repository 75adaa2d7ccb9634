// Cooler hours first: call-up slots ranked by the forecast air temperature (docs/domain.md heat
// guideline 2022-05-30: avoid 11:00–15:00, sample mornings and evenings).
import type { WeatherHour } from "../scenario/schema.ts";
import { toMinute, type Minute } from "../time.ts";
import type { SamplingDay } from "../queue/day.ts";

/**
 * The forecast temperature in force at a minute: the latest hourly forecast at or before it.
 * @example temperatureAt(weather, toMinute("2021-08-03T07:30:00+08:00")) // 28 (the 07:00 forecast)
 */
export function temperatureAt(weather: WeatherHour[], minute: Minute): number {
  const hours = weather.map((w) => ({ at: toMinute(w.at), t: w.tempC })).sort((a, b) => a.at - b.at);
  return temperatureLookup(hours)(minute);
}

function temperatureLookup(hours: { at: Minute; t: number }[]): (m: Minute) => number {
  return (m) => {
    let t = hours[0]?.t ?? 0;
    for (const h of hours) if (h.at <= m) t = h.t;
    return t;
  };
}

/**
 * Slot indices with any capacity, coolest first (earlier first among equals).
 * @example slotsCoolestFirst(day, weather, capacity).slice(0, 4) // [0, 1, 2, 3] (the cool morning first)
 */
export function slotsCoolestFirst(day: SamplingDay, weather: WeatherHour[], capacity: Float64Array): number[] {
  const lookup = temperatureLookup(weather.map((w) => ({ at: toMinute(w.at), t: w.tempC })).sort((a, b) => a.at - b.at));
  const temps = day.slots.map((s) => lookup(day.origin + s.start));
  const usable = day.slots.map((_, j) => j).filter((j) => {
    for (let m = day.slots[j].start; m < day.slots[j].end; m++) if (capacity[m] > 0) return true;
    return false;
  });
  return usable.sort((a, b) => temps[a] - temps[b] || a - b);
}

/**
 * Where each forecast hour's slots end in the ranking: the sizes of allowed sets that take whole
 * hours only, so call-ups read "07:00–09:00 and 19:00–21:00", not a stray 20 minutes.
 * @example hourBoundaries(day, weather, slotsCoolestFirst(day, weather, capacity)).slice(0, 3) // [12, 24, 36]
 */
export function hourBoundaries(day: SamplingDay, weather: WeatherHour[], ranked: number[]): number[] {
  const starts = weather.map((w) => toMinute(w.at)).sort((a, b) => a - b);
  const hourOf = (j: number) => {
    const m = day.origin + day.slots[j].start;
    let h = 0;
    for (let i = 0; i < starts.length; i++) if (starts[i] <= m) h = i;
    return h;
  };
  const bounds: number[] = [];
  for (let i = 1; i <= ranked.length; i++) if (i === ranked.length || hourOf(ranked[i]) !== hourOf(ranked[i - 1])) bounds.push(i);
  return bounds;
}

/** The mask of the first `k` ranked slots. */
export function maskOf(day: SamplingDay, ranked: number[], k: number): Uint8Array {
  const mask = new Uint8Array(day.slots.length);
  for (let i = 0; i < k && i < ranked.length; i++) mask[ranked[i]] = 1;
  return mask;
}
