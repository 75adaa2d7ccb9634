// Instants as whole minutes since the Unix epoch: the planner's unit of time. Plain integers keep
// interval arithmetic exact and the plan deterministic; ISO strings appear only at the edges.
import { formatISO } from "date-fns";
import { TZDate } from "@date-fns/tz";

/** Minutes since the epoch, as the planner counts time. */
export type Minute = number;

/**
 * The minute an ISO 8601 instant falls in.
 * @example toMinute("1970-01-01T01:30:00+00:00") // 90
 */
export function toMinute(iso: string): Minute {
  return Math.floor(Date.parse(iso) / 60000);
}

/**
 * An instant as ISO 8601 with the offset of `timezone` at that instant.
 * @example toIso(27132420, "Asia/Shanghai") // "2021-08-03T07:00:00+08:00"
 */
export function toIso(minute: Minute, timezone: string): string {
  return formatISO(new TZDate(minute * 60000, timezone));
}

/** Whether an IANA timezone name is known to this runtime. */
export function isKnownTimezone(timezone: string): boolean {
  try {
    new Intl.DateTimeFormat("en", { timeZone: timezone });
    return true;
  } catch {
    return false;
  }
}

/** A half-open interval of minutes, [start, end). */
export interface Span {
  start: Minute;
  end: Minute;
}

/**
 * Minutes two half-open spans share.
 * @example overlapMinutes({ start: 0, end: 60 }, { start: 30, end: 90 }) // 30
 */
export function overlapMinutes(a: Span, b: Span): number {
  return Math.max(0, Math.min(a.end, b.end) - Math.max(a.start, b.start));
}

/**
 * The wall-clock "HH:mm" of an ISO 8601 instant, as written (in its own offset): how plans, calls
 * and alerts show a time of the site's day.
 * @example wallClock("2021-08-03T07:05:00+08:00") // "07:05"
 */
export function wallClock(iso: string): string {
  return /T(\d{2}:\d{2})/.exec(iso)?.[1] ?? iso;
}

/**
 * Whether an instant falls inside a half-open span [start, end). ISO strings are read as
 * milliseconds since the epoch; numbers are taken in the unit of `at`.
 * @example isWithin(Date.parse("2021-08-03T07:30:00+08:00"), { start: "2021-08-03T07:00:00+08:00", end: "2021-08-03T08:00:00+08:00" }) // true
 * @example isWithin(60, { start: 0, end: 60 }) // false
 */
export function isWithin(at: number, span: { start: string | number; end: string | number }): boolean {
  const start = typeof span.start === "string" ? Date.parse(span.start) : span.start;
  const end = typeof span.end === "string" ? Date.parse(span.end) : span.end;
  return start <= at && at < end;
}
