// How far a desk's clock may be from the server's (docs/api.md C6): an offline desk sends its
// swabs hours late, never days; a phone's clock may run a few minutes fast. A swab dated 1971 or
// 2099 would hide its tube from the age warnings, so it is refused, alone, with what to fix.

export interface DeskTimeWindow {
  /** How long after the fact a desk may still send an event (its offline hours). */
  behindMinutes: number;
  /** How far ahead of the server a desk's clock may run. */
  aheadMinutes: number;
}

/** 12 hours: a whole day's offline outbox; 5 minutes: a phone's clock that was never set. */
export const DEFAULT_DESK_TIME_WINDOW: DeskTimeWindow = { behindMinutes: 12 * 60, aheadMinutes: 5 };

const spell = (minutes: number) =>
  minutes >= 2 * 24 * 60 ? `${Math.round(minutes / (24 * 60))} days` : minutes >= 120 ? `${Math.round(minutes / 60)} h` : `${Math.round(minutes)} min`;

/**
 * Why an event's time cannot be accepted, or undefined when it is inside the window.
 * @example deskTimeProblem(0, 30 * 60_000, { behindMinutes: 720, aheadMinutes: 5 }) // undefined
 * @example deskTimeProblem(0, 3 * 24 * 60 * 60_000, { behindMinutes: 720, aheadMinutes: 5 }) // "is 3 days before the server's clock; a desk may send events at most 12 h late: check the phone's date and time"
 * @example deskTimeProblem(10 * 60_000, 0, { behindMinutes: 720, aheadMinutes: 5 }) // "is 10 min ahead of the server's clock (at most 5 min allowed): check the phone's date and time"
 */
export function deskTimeProblem(atMs: number, nowMs: number, window: DeskTimeWindow): string | undefined {
  const behind = (nowMs - atMs) / 60_000;
  if (behind > window.behindMinutes)
    return `is ${spell(behind)} before the server's clock; a desk may send events at most ${spell(window.behindMinutes)} late: check the phone's date and time`;
  if (-behind > window.aheadMinutes)
    return `is ${spell(-behind)} ahead of the server's clock (at most ${spell(window.aheadMinutes)} allowed): check the phone's date and time`;
  return undefined;
}
