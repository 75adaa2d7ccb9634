// What posters and the public building list say about a site: each building's point and call-up
// windows, each point's opening hours, from the published plan (docs/api.md C14). Buildings and
// points are public; nothing here names a person.
import type { Scenario } from "../../shared/scenario/schema.ts";
import type { Plan } from "../../shared/plan/types.ts";
import { wallClock } from "../../shared/time.ts";

export interface TimeSpan {
  start: string;
  end: string;
}

export interface BuildingDay {
  id: string;
  name: string;
  point: string;
  callups: TimeSpan[];
  /** Residents listed, and swabs recorded for the building so far (counts only, no names). */
  residents: number;
  sampled: number;
}

/** A building's progress for the building head and the lead: who has not come (漏检). */
export interface BuildingProgress extends BuildingDay {
  /** Sampled against listed, 0–1. */
  share: number;
  /** Listed residents not yet sampled. */
  missed: number;
  /** Whether every call-up of the building has ended: its missed residents are late, not waiting. */
  callupsOver: boolean;
}

export interface PointDay {
  id: string;
  name: string;
  location?: { lat: number; lng: number };
  /** When its desks are open: from the published plan, else the sampling windows. */
  hours: TimeSpan[];
}

/**
 * Buildings with the call-ups of the published plan (a building rerouted is listed at the point
 * it is called to); without a plan, no call-ups yet.
 */
export function buildingDays(scenario: Scenario, plan: Plan | undefined, sampled: ReadonlyMap<string, number> = new Map()): BuildingDay[] {
  return scenario.buildings.map((b) => {
    const own = (plan?.callups ?? []).filter((c) => c.building === b.id).sort((x, y) => Date.parse(x.start) - Date.parse(y.start));
    return { id: b.id, name: b.name, point: own[0]?.point ?? b.point, callups: mergeSpans(own), residents: b.residents, sampled: sampled.get(b.id) ?? 0 };
  });
}

/**
 * Each building's progress at `now`, the least sampled first: what the building head calls down
 * again, and at closing the missed list (漏检).
 */
export function buildingProgress(days: BuildingDay[], now: number): BuildingProgress[] {
  return days
    .map((b) => ({
      ...b,
      share: b.residents > 0 ? Math.min(1, b.sampled / b.residents) : 1,
      missed: Math.max(0, b.residents - b.sampled),
      callupsOver: b.callups.length > 0 && b.callups.every((c) => Date.parse(c.end) <= now),
    }))
    .sort((a, b) => a.share - b.share || a.id.localeCompare(b.id));
}

/** Points with the hours any of their desks is open in the published plan. */
export function pointDays(scenario: Scenario, plan: Plan | undefined): PointDay[] {
  return scenario.points.map((p) => {
    const open = plan ? plan.desks.filter((d) => d.point === p.id).flatMap((d) => d.open) : scenario.windows;
    return { id: p.id, name: p.name, ...(p.location ? { location: p.location } : {}), hours: mergeSpans(open) };
  });
}

/** Spans joined where they touch or overlap, in time order (ISO strings as written, in the site's offset). */
export function mergeSpans(spans: TimeSpan[]): TimeSpan[] {
  const sorted = [...spans].sort((a, b) => Date.parse(a.start) - Date.parse(b.start));
  const out: TimeSpan[] = [];
  for (const s of sorted) {
    const last = out.at(-1);
    if (last && Date.parse(s.start) <= Date.parse(last.end)) {
      if (Date.parse(s.end) > Date.parse(last.end)) last.end = s.end;
    } else out.push({ start: s.start, end: s.end });
  }
  return out;
}

/**
 * "09:20–09:40", a span as the site's wall clock shows it.
 * @example spanLabel({ start: "2021-08-03T09:20:00+08:00", end: "2021-08-03T09:40:00+08:00" }) // "09:20–09:40"
 */
export function spanLabel(span: TimeSpan): string {
  return `${wallClock(span.start)}–${wallClock(span.end)}`;
}

/** "8月3日" / "3 Aug", the local date of an ISO instant as written. */
export function dateLabel(iso: string, lang: "zh" | "en"): string {
  const [, month, day] = /^\d{4}-(\d{2})-(\d{2})/.exec(iso) ?? [];
  if (!month) return iso;
  if (lang === "zh") return `${Number(month)}月${Number(day)}日`;
  const names = ["Jan", "Feb", "Mar", "Apr", "May", "Jun", "Jul", "Aug", "Sep", "Oct", "Nov", "Dec"];
  return `${Number(day)} ${names[Number(month) - 1]}`;
}
