// The sampling day as minute indices: every per-minute array of the planner starts at the first
// window's opening, so a point's capacity, arrivals and line are plain typed arrays.
import type { Minute, Span } from "../time.ts";

/** A call-up slot: `slotMinutes` long on a grid starting at its window's opening. */
export interface Slot {
  start: number;
  end: number;
}

export interface SamplingDay {
  /** The minute index 0 stands for: the first window's opening. */
  origin: Minute;
  /** Minutes from the first opening to the last closing. */
  length: number;
  /** Windows as half-open index spans, sorted and merged. */
  windows: Slot[];
  /** For each minute inside a window, the index its window closes at; -1 outside every window. */
  closeOf: Int32Array;
  /** The call-up grid: every `slotMinutes` from each window's opening, the last one cut at closing. */
  slots: Slot[];
}

/**
 * The day's index frame from the scenario's windows (minutes) and the slot length.
 * @example samplingDay([{ start: 600, end: 660 }], 30).slots // [{start:0,end:30},{start:30,end:60}]
 */
export function samplingDay(windows: Span[], slotMinutes: number): SamplingDay {
  const sorted = [...windows].filter((w) => w.end > w.start).sort((a, b) => a.start - b.start);
  const merged: Span[] = [];
  for (const w of sorted) {
    const last = merged.at(-1);
    if (last && w.start <= last.end) last.end = Math.max(last.end, w.end);
    else merged.push({ ...w });
  }
  const origin = merged[0]?.start ?? 0;
  const length = merged.length ? merged[merged.length - 1].end - origin : 0;
  const closeOf = new Int32Array(length).fill(-1);
  const idx: Slot[] = [];
  const slots: Slot[] = [];
  for (const w of merged) {
    const s = w.start - origin, e = w.end - origin;
    idx.push({ start: s, end: e });
    closeOf.fill(e, s, e);
    for (let t = s; t < e; t += slotMinutes) slots.push({ start: t, end: Math.min(e, t + slotMinutes) });
  }
  return { origin, length, windows: idx, closeOf, slots };
}

/**
 * The same day with its last window kept open `extraMinutes` longer: what "more hours" would give.
 * @example extendDay(samplingDay([{ start: 0, end: 60 }], 5), 60, 5).length // 120
 */
export function extendDay(day: SamplingDay, extraMinutes: number, slotMinutes: number): SamplingDay {
  const spans = day.windows.map((w, i) => ({
    start: w.start + day.origin,
    end: w.end + day.origin + (i === day.windows.length - 1 ? extraMinutes : 0),
  }));
  return samplingDay(spans, slotMinutes);
}
