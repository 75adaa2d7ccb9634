// A point's live line (docs/api.md C7) from what the marshals and desks report: pure arithmetic
// over counts, no clock and no I/O.
import type { QueueStatus } from "../live/events.ts";

export interface LineInput {
  /** Inside a sampling window now. */
  inWindow: boolean;
  /** Desks staffed now by the published rotation. */
  desksOpen: number;
  /** The marshal's last headcount, if any, and the arrivals and swabs since it. */
  headcount?: number;
  arrivalsSince: number;
  swabsSince: number;
  /** True when any arrival or headcount was reported: otherwise the line is the plan's forecast. */
  reported: boolean;
  forecastLength?: number;
  /** Swabs in the recent measuring window, at how many desks, over how many minutes. */
  recentSwabs: number;
  recentDesks: number;
  recentMinutes: number;
  /** The plan's service time per person at one desk. */
  swabSeconds: number;
}

export interface LineState {
  status: QueueStatus;
  length: number;
  waitMinutes: number;
  desksOpen: number;
  /** People served per minute by all open desks, as used for the wait. */
  servicePerMinute: number;
}

/** Shenzhen's bands (docs/domain.md "Queues"): flowing < 25 min, busy 25–50, jammed > 50. */
export const BUSY_FROM_MINUTES = 25;
export const JAMMED_ABOVE_MINUTES = 50;
/** Fewer recent swabs than this and the measured rate is noise: the plan's rate is used. */
export const MIN_SWABS_TO_MEASURE = 5;

/**
 * The status band of a wait.
 * @example statusOfWait(10) // "flowing"
 * @example statusOfWait(50) // "busy"
 * @example statusOfWait(51) // "jammed"
 */
export function statusOfWait(waitMinutes: number): QueueStatus {
  if (waitMinutes < BUSY_FROM_MINUTES) return "flowing";
  if (waitMinutes <= JAMMED_ABOVE_MINUTES) return "busy";
  return "jammed";
}

/**
 * The rate one desk serves people at, per minute: measured from recent swabs when there are
 * enough, the plan's `swabSeconds` otherwise.
 * @example deskServiceRate({ recentSwabs: 30, recentDesks: 2, recentMinutes: 10, swabSeconds: 20 }) // 1.5
 * @example deskServiceRate({ recentSwabs: 0, recentDesks: 0, recentMinutes: 10, swabSeconds: 20 }) // 3
 */
export function deskServiceRate(input: Pick<LineInput, "recentSwabs" | "recentDesks" | "recentMinutes" | "swabSeconds">): number {
  if (input.recentSwabs >= MIN_SWABS_TO_MEASURE && input.recentDesks > 0 && input.recentMinutes > 0)
    return input.recentSwabs / input.recentDesks / input.recentMinutes;
  return 60 / input.swabSeconds;
}

/**
 * The line now: length from the last headcount plus arrivals less swabs since (or the plan's
 * forecast when nothing was reported), the wait at the measured rate, and the band.
 * @example lineState({ inWindow: true, desksOpen: 2, headcount: 40, arrivalsSince: 10, swabsSince: 20, reported: true,
 *   recentSwabs: 30, recentDesks: 2, recentMinutes: 10, swabSeconds: 20 }) // { status: "flowing", length: 30, waitMinutes: 10 }
 */
export function lineState(input: LineInput): LineState {
  const rate = deskServiceRate(input);
  const length = Math.max(
    0,
    Math.round(input.reported ? (input.headcount ?? 0) + input.arrivalsSince - input.swabsSince : (input.forecastLength ?? 0)),
  );
  const servicePerMinute = rate * input.desksOpen;
  if (!input.inWindow) return { status: "closed", length, waitMinutes: 0, desksOpen: 0, servicePerMinute: 0 };
  if (input.desksOpen === 0) return { status: "break", length, waitMinutes: 0, desksOpen: 0, servicePerMinute: 0 };
  // Research advice (docs/domain.md): show a slightly pessimistic wait; the person arriving waits for
  // everyone ahead, so round up.
  const waitMinutes = Math.ceil(length / servicePerMinute);
  return { status: statusOfWait(waitMinutes), length, waitMinutes, desksOpen: input.desksOpen, servicePerMinute };
}
