// The queue forecast per call-up slot (docs/api.md `forecast`): the minute-stepped line summed up
// every slotMinutes, showing the longest line and wait in the slot (docs/domain.md: residents are better
// served by a slightly pessimistic estimate).
import type { Minute } from "../time.ts";
import type { SamplingDay } from "./day.ts";
import type { QueueTrace } from "./fluid.ts";

export interface SlotForecast {
  at: Minute;
  arrivalsPerHour: number;
  capacityPerHour: number;
  queueLength: number;
  /** Longest wait of anyone joining the line in the slot; -1 when someone there is never served. */
  waitMinutes: number;
}

const round1 = (x: number) => Math.round(x * 10) / 10;

/**
 * One forecast row per slot of the day.
 * @example
 * // 30 people in the first minute and two 3-a-minute desks: 360/h in, 360/h capacity
 * forecastSlots(day, arrivals, capacity, trace)[0] // { arrivalsPerHour: 360, capacityPerHour: 360, queueLength: 30, waitMinutes: 5 }
 */
export function forecastSlots(day: SamplingDay, arrivals: Float64Array, capacity: Float64Array, trace: QueueTrace): SlotForecast[] {
  return day.slots.map((slot) => {
    let arrived = 0, cap = 0, line = 0, wait = 0;
    for (let m = slot.start; m < slot.end; m++) {
      arrived += arrivals[m];
      cap += capacity[m];
      if (trace.line[m] > line) line = trace.line[m];
      const w = trace.wait[m];
      if (w > wait) wait = w;
    }
    const perHour = 60 / (slot.end - slot.start);
    return {
      at: day.origin + slot.start,
      arrivalsPerHour: round1(arrived * perHour),
      capacityPerHour: round1(cap * perHour),
      queueLength: round1(line),
      waitMinutes: Number.isFinite(wait) ? wait : -1,
    };
  });
}
