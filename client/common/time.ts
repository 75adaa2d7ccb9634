// Clock times shown in the site's timezone, whatever the phone's own zone (docs/api.md C9).
import { language } from "../i18n/index.ts";

const formats = new Map<string, Intl.DateTimeFormat>();

function format(timeZone: string, options: Intl.DateTimeFormatOptions): Intl.DateTimeFormat {
  const key = `${language()}|${timeZone}|${JSON.stringify(options)}`;
  let f = formats.get(key);
  if (!f) {
    f = new Intl.DateTimeFormat(language() === "zh" ? "zh-CN" : "en-GB", { timeZone, ...options });
    formats.set(key, f);
  }
  return f;
}

/**
 * Hours and minutes of an instant in a timezone.
 * @example clock("2021-08-03T07:05:00+08:00", "Asia/Shanghai") // "07:05"
 */
export function clock(at: string | number, timeZone: string): string {
  return format(timeZone, { hour: "2-digit", minute: "2-digit", hourCycle: "h23" }).format(new Date(at));
}

/** Date and time, for "last updated" lines older than today. */
export function dateTime(at: string | number, timeZone: string): string {
  return format(timeZone, { month: "2-digit", day: "2-digit", hour: "2-digit", minute: "2-digit", hourCycle: "h23" }).format(new Date(at));
}

/**
 * A countdown as h:mm:ss or m:ss.
 * @example countdown(3725000) // "1:02:05"
 */
export function countdown(ms: number): string {
  const s = Math.max(0, Math.round(ms / 1000));
  const hh = Math.floor(s / 3600);
  const mm = Math.floor((s % 3600) / 60);
  const ss = s % 60;
  const two = (n: number) => String(n).padStart(2, "0");
  return hh ? `${hh}:${two(mm)}:${two(ss)}` : `${mm}:${two(ss)}`;
}

/** The hour of an instant in a timezone, as a fraction (7.5 = 07:30), for timeline axes. */
export function hourOfDay(at: string | number, timeZone: string): number {
  const parts = format(timeZone, { hour: "numeric", minute: "numeric", hourCycle: "h23" }).formatToParts(new Date(at));
  const hour = Number(parts.find((p) => p.type === "hour")?.value ?? 0);
  const minute = Number(parts.find((p) => p.type === "minute")?.value ?? 0);
  return hour + minute / 60;
}
