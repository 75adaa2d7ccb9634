// What the rotation needs to know about a scenario, in minutes: rules in force, each person's
// shifts (merged availability), the heat allowance at every point, and the day rule.
import { heatTable, strictestLimit, type HeatTableHour } from "../heat/table.ts";
import type { WorkRest } from "../heat/category.ts";
import { dayRuleMinutes, type DayRuleMinutes } from "../heat/day-rule.ts";
import { effectiveRules, type EffectiveRules } from "../scenario/rules.ts";
import type { Point, Role, Scenario } from "../scenario/schema.ts";
import { toMinute, type Minute, type Span } from "../time.ts";

/** A 5-hour stretch of work needs a meal break (docs/api.md "Defaults": mealBreakMinutes within any 5 h). */
export const MEAL_WITHIN_MINUTES = 300;

/** A person as the rotation sees them. */
export interface Person {
  id: string;
  index: number;
  roles: ReadonlySet<Role>;
  /** Merged availability intervals, sorted: each is one shift the person offers. */
  shifts: Span[];
  /** Local calendar day each shift starts on: overtime is counted per day. */
  shiftDay: string[];
  /** Each shift's day as an index into the person's distinct days (counting by index, not by text). */
  dayIndex: number[];
  noOutdoorHeat: boolean;
  /** A person the roster lacks, added only to count how many full coverage needs. */
  extra: boolean;
}

export interface RotationContext {
  scenario: Scenario;
  rules: EffectiveRules;
  slot: number;
  timezone: string;
  /** The heat table: per hour, each point's allowance per role. */
  heat: HeatTableHour[];
  dayRule: DayRuleMinutes;
  people: Person[];
  personById: Map<string, Person>;
  points: Map<string, Point>;
  windows: Span[];
}

/**
 * Sorts and merges touching or overlapping spans.
 * @example mergeSpans([{ start: 60, end: 90 }, { start: 0, end: 60 }]) // [{ start: 0, end: 90 }]
 */
export function mergeSpans(spans: Span[]): Span[] {
  const sorted = spans.filter((s) => s.end > s.start).sort((a, b) => a.start - b.start);
  const out: Span[] = [];
  for (const s of sorted) {
    const last = out.at(-1);
    if (last && s.start <= last.end) last.end = Math.max(last.end, s.end);
    else out.push({ ...s });
  }
  return out;
}

// Building an Intl.DateTimeFormat costs far more than formatting with one, and each holds native
// ICU memory until collected: one per timezone, reused, keeps the planner fast and lean.
const dayFormats = new Map<string, Intl.DateTimeFormat>();

/**
 * The local calendar date of a minute in a timezone.
 * @example localDay(27132420, "Asia/Shanghai") // "2021-08-03" (07:00 local)
 */
export function localDay(minute: Minute, timezone: string): string {
  let format = dayFormats.get(timezone);
  if (!format) {
    format = new Intl.DateTimeFormat("en-CA", { timeZone: timezone, year: "numeric", month: "2-digit", day: "2-digit" });
    dayFormats.set(timezone, format);
  }
  return format.format(new Date(minute * 60000));
}

/** Extra people of one role, available through every window: used to size what the roster lacks. */
export interface ExtraStaff {
  role: Role;
  count: number;
}

/**
 * The rotation context of a scenario, optionally with extra all-day people of some roles.
 * @example rotationContext(yiyuan).slot // 5
 */
export function rotationContext(scenario: Scenario, extras: ExtraStaff[] = []): RotationContext {
  const rules = effectiveRules(scenario);
  const timezone = scenario.site.timezone;
  const windows = mergeSpans(scenario.windows.map((w) => ({ start: toMinute(w.start), end: toMinute(w.end) })));
  const people: Person[] = scenario.staff.map((s, index) => {
    const shifts = mergeSpans(s.available.map((a) => ({ start: toMinute(a.start), end: toMinute(a.end) })));
    const shiftDay = shifts.map((sh) => localDay(sh.start, timezone));
    return {
      id: s.id, index, roles: new Set(s.roles), shifts, shiftDay, dayIndex: indexDays(shiftDay),
      noOutdoorHeat: s.noOutdoorHeat === true, extra: false,
    };
  });
  const ctx: RotationContext = {
    scenario, rules, slot: rules.slotMinutes, timezone,
    heat: heatTable(scenario), dayRule: dayRuleMinutes(scenario),
    people, personById: new Map(people.map((p) => [p.id, p])),
    points: new Map(scenario.points.map((p) => [p.id, p])), windows,
  };
  return extras.length ? withExtras(ctx, extras) : ctx;
}

/**
 * The same context with extra all-day people appended: sizing what the roster lacks tries many
 * counts, and only the people change between tries.
 * @example withExtras(ctx, [{ role: "sampler", count: 2 }]).people.length // ctx.people.length + 2
 */
export function withExtras(ctx: RotationContext, extras: ExtraStaff[]): RotationContext {
  const people = ctx.people.filter((p) => !p.extra);
  const shiftDay = ctx.windows.map((w) => localDay(w.start, ctx.timezone));
  const dayIndex = indexDays(shiftDay);
  for (const x of extras) {
    for (let i = 0; i < x.count; i++) {
      people.push({
        id: `extra-${x.role}-${i + 1}`, index: people.length, roles: new Set([x.role]), shifts: ctx.windows.map((w) => ({ ...w })),
        shiftDay, dayIndex, noOutdoorHeat: false, extra: true,
      });
    }
  }
  return { ...ctx, people, personById: new Map(people.map((p) => [p.id, p])) };
}

/** Each day's index among the distinct days, in order of first appearance. */
function indexDays(days: string[]): number[] {
  const seen: string[] = [];
  return days.map((d) => { const k = seen.indexOf(d); return k >= 0 ? k : seen.push(d) - 1; });
}

/**
 * The work/rest limit for a role at a point over minutes [start, end): that of the strictest
 * allowance touched (docs/api.md "Defaults": a stint may be no longer than the strictest allowance
 * it touches); a stop is `{ work: 0, rest: 60 }` (STOP_LIMIT), which no stint fits; null = no limit.
 * @example heatLimit(ctx, "sampler", "north-gate", toMinute("2021-08-03T07:00:00+08:00"), toMinute("2021-08-03T07:20:00+08:00"))
 *   // { work: 30, rest: 30 } (07:00 in shade on the example's day)
 */
export function heatLimit(ctx: RotationContext, role: Role, point: string, start: Minute, end: Minute): WorkRest | null {
  return strictestLimit(ctx.heat, point, role, start, end);
}

/**
 * The tighter of two work/rest limits (fewer work minutes; null = no limit).
 * @example tighter({ work: 50, rest: 10 }, { work: 20, rest: 40 }) // { work: 20, rest: 40 }
 */
export function tighter(a: WorkRest | null, b: WorkRest | null): WorkRest | null {
  if (!a) return b;
  if (!b) return a;
  return b.work < a.work ? b : a;
}

/** Index of the shift holding all of [start, end), or -1 when outside the person's availability. */
export function shiftOf(person: Person, start: Minute, end: Minute): number {
  for (let i = 0; i < person.shifts.length; i++) {
    const s = person.shifts[i];
    if (start >= s.start && end <= s.end) return i;
  }
  return -1;
}
