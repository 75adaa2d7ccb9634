// The day's heat per hour and per point (docs/api.md "Plan": `heat`): each weather hour stands for
// the hour from its `at` (until the next row), the sun taken at mid-hour; for each point its own
// shelter WBGT, its garment's adjustment, the band and each desk role's allowance under the site's
// heat standard (docs/domain.md "Heat": "GBZ 2.2-2007", "TB MED 507", "Clothing adjustment").
import type { Garment, Location, Point, Role, Scenario, Shelter } from "../scenario/schema.ts";
import { effectiveRules } from "../scenario/rules.ts";
import { toMinute, type Minute } from "../time.ts";
import { heatCategory, workRest } from "./category.ts";
import { dressAt } from "./garments.ts";
import { effectiveWbgt } from "./effective.ts";
import { gbzAllowance, gbzBand, UNACCLIMATIZED_C, type Allowance } from "./gbz.ts";
export type { Allowance } from "./gbz.ts";
import { DEFAULT_INDOOR_TEMP_C, shelterWbgt, type HeatSource } from "./shelters.ts";

/** One point in one hour. */
export interface PointHeat {
  /** The WBGT of the point's own shelter before clothing: what residents in line stand in. */
  wbgt: number;
  garment: Garment;
  clothingAdjustmentC: number;
  effectiveWbgt: number;
  /** GBZ 2.2: "100%" … "25%" or "stop", for the heaviest desk role; TB MED 507: the category "0"…"5". */
  band: string;
  allowance: Partial<Record<Role, Allowance>>;
}

/** One weather hour, in minutes. */
export interface HeatTableHour {
  start: Minute;
  end: Minute;
  tempC: number;
  humidity: number;
  windMs: number;
  solarWm2: number | null;
  sunElevationDeg: number | null;
  source: HeatSource;
  wbgt: { open: number; shade: number; booth: number };
  points: Record<string, PointHeat>;
}

/**
 * Where the sun is taken for a point: its own location, else the site's, else the first point's
 * that has one; undefined when the scenario gives none (the BoM fallback).
 * @example locationOf(yiyuan, yiyuan.points[0]) // { lat: 34.8208, lng: 113.2853 }
 */
export function locationOf(scenario: Pick<Scenario, "site" | "points">, point?: Pick<Point, "location">): Location | undefined {
  return point?.location ?? scenario.site.location ?? scenario.points.find((p) => p.location)?.location;
}

type TableInput = Pick<Scenario, "weather" | "heat" | "site" | "points" | "desk" | "rules">;

// Planning asks for the same table many times (call-ups, rotation rounds, the plan itself): keep the
// last few, keyed on what the table depends on.
const cache = new Map<string, HeatTableHour[]>();

/**
 * The heat table of a scenario, sorted by hour.
 * @example heatTable(yiyuan)[6].points["south-gate"].allowance.sampler // "stop" (13:00 in the open)
 */
export function heatTable(scenario: TableInput): HeatTableHour[] {
  const key = JSON.stringify([scenario.weather, scenario.heat, scenario.site.location, scenario.points, scenario.desk, scenario.rules?.workload, scenario.rules?.heatStandard]);
  const hit = cache.get(key);
  if (hit) return hit;
  const table = computeHeatTable(scenario);
  if (cache.size >= 8) cache.delete(cache.keys().next().value!);
  cache.set(key, table);
  return table;
}

/**
 * The heat table worked out afresh, without the cache (what heatTable costs the first time).
 * @example computeHeatTable(yiyuan).length // 15
 */
export function computeHeatTable(scenario: TableInput): HeatTableHour[] {
  const rules = effectiveRules(scenario);
  // A desk names only desk roles; the grid team's roles (community, police) are never seated.
  const seats: Partial<Record<Role, number>> = scenario.desk;
  const roles = Object.keys(seats) as Role[];
  // band follows the heaviest role a desk needs (sampler before registrar)
  const order = { easy: 0, moderate: 1, hard: 2 } as const;
  const bandRole = [...roles].filter((r) => (seats[r] ?? 0) > 0).sort((a, b) => order[rules.workload[b]] - order[rules.workload[a]])[0] ?? roles[0];
  const siteLoc = locationOf(scenario);
  const rows = [...scenario.weather].map((w) => ({ w, m: toMinute(w.at) })).sort((a, b) => a.m - b.m);
  const dress = new Map(scenario.points.map((p) => [p.id, dressAt(scenario.heat, p)]));
  return rows.map(({ w, m }, i) => {
    const end = i + 1 < rows.length ? rows[i + 1].m : m + 60;
    const mid = (m + Math.min(60, end - m) / 2) * 60000;
    const site = shelterWbgt(w, siteLoc, mid);
    const byPlace = new Map<string, ReturnType<typeof shelterWbgt>>();
    const points: Record<string, PointHeat> = {};
    for (const p of scenario.points) {
      const loc = locationOf(scenario, p);
      const indoor = p.indoorTempC ?? DEFAULT_INDOOR_TEMP_C;
      const k = `${loc?.lat},${loc?.lng},${indoor}`;
      let here = byPlace.get(k);
      if (!here) {
        here = loc === siteLoc && indoor === DEFAULT_INDOOR_TEMP_C ? site : shelterWbgt(w, loc, mid, indoor);
        byPlace.set(k, here);
      }
      const wbgt = here[p.shelter as Shelter];
      const d = dress.get(p.id)!;
      const eff = effectiveWbgt(wbgt, d);
      const allowance: Partial<Record<Role, Allowance>> = {};
      let band = "";
      for (const role of roles) {
        const workload = rules.workload[role];
        let a: Allowance, b: string;
        if (rules.heatStandard === "tbmed507") {
          // its table is for acclimatised soldiers: the unacclimatised are judged 2.5 °C hotter, the
          // same margin as under GBZ 2.2 (docs/domain.md "GBZ 2.2-2007", ACGIH's action limit)
          const cat = heatCategory(scenario.heat.acclimatized ? eff : eff - UNACCLIMATIZED_C);
          a = workRest(cat, workload) ?? "unlimited";
          b = String(cat);
        } else {
          const g = gbzBand(eff, workload, { hotRegion: scenario.heat.hotRegion, acclimatized: scenario.heat.acclimatized });
          a = gbzAllowance(g);
          b = g;
        }
        allowance[role] = a;
        if (role === bandRole) band = b;
      }
      points[p.id] = { wbgt: tenth(wbgt), garment: d.garment, clothingAdjustmentC: d.adjustmentC, effectiveWbgt: tenth(eff), band, allowance };
    }
    return {
      start: m, end, tempC: w.tempC, humidity: w.humidity, windMs: site.windMs,
      solarWm2: site.solarWm2 === null ? null : Math.round(site.solarWm2),
      sunElevationDeg: site.sunElevationDeg === null ? null : tenth(site.sunElevationDeg),
      source: site.source,
      wbgt: { open: tenth(site.open), shade: tenth(site.shade), booth: tenth(site.booth) },
      points,
    };
  });
}

const tenth = (x: number) => Math.round(x * 10) / 10;

/** "Stop" as a work/rest limit the rotation understands: no minute of work fits in it. */
export const STOP_LIMIT: Readonly<{ work: number; rest: number }> = Object.freeze({ work: 0, rest: 60 });

/**
 * An allowance as the rotation's limit: null for unlimited, STOP_LIMIT for stop.
 * @example limitOf({ work: 45, rest: 15 }) // { work: 45, rest: 15 }
 * @example limitOf("unlimited") // null
 */
export function limitOf(a: Allowance | undefined): { work: number; rest: number } | null {
  if (a === undefined || a === "unlimited") return null;
  return a === "stop" ? STOP_LIMIT : a;
}

/** Index of the hour in force at a minute: the last that started at or before it (else the first). */
export function hourIndexAt(table: HeatTableHour[], minute: Minute): number {
  let lo = 0, hi = table.length - 1, found = 0;
  while (lo <= hi) {
    const mid = (lo + hi) >> 1;
    if (table[mid].start <= minute) { found = mid; lo = mid + 1; } else hi = mid - 1;
  }
  return found;
}

/**
 * The strictest limit for a role at a point over minutes [start, end): fewest work minutes among
 * the hours touched (docs/api.md "Defaults": a stint no longer than the strictest allowance it
 * touches); STOP_LIMIT when any of them says stop, null when all are unlimited.
 * @example strictestLimit(heatTable(yiyuan), "north-gate", "sampler", toMinute("2021-08-03T07:00:00+08:00"), toMinute("2021-08-03T07:20:00+08:00")) // { work: 30, rest: 30 } (07:00, shade, hooded coverall)
 */
export function strictestLimit(table: HeatTableHour[], point: string, role: Role, start: Minute, end: Minute): { work: number; rest: number } | null {
  if (table.length === 0) return null;
  let i = hourIndexAt(table, start);
  let worst = limitOf(table[i].points[point]?.allowance[role]);
  while (i + 1 < table.length && table[i + 1].start < end) {
    i++;
    const l = limitOf(table[i].points[point]?.allowance[role]);
    if (l && (!worst || l.work < worst.work || (l.work === worst.work && l.rest > worst.rest))) worst = l;
  }
  return worst;
}

/**
 * Whether a desk of a point can open at all in minutes [start, end): not when the allowance of any
 * role the desk needs says stop in an hour touched.
 * @example deskCanOpen(table, yiyuan.desk, "south-gate", toMinute("2021-08-03T13:00:00+08:00"), toMinute("2021-08-03T14:00:00+08:00")) // false (13:00 in the open)
 */
export function deskCanOpen(table: HeatTableHour[], desk: Scenario["desk"], point: string, start: Minute, end: Minute): boolean {
  for (const [role, n] of Object.entries(desk) as [Role, number | undefined][])
    if ((n ?? 0) > 0 && strictestLimit(table, point, role, start, end) === STOP_LIMIT) return false;
  return true;
}

/**
 * The spans within [start, end) in which a desk of a point cannot open (heat stop), merged.
 * @example stopSpans(table, yiyuan.desk, "south-gate", day.origin, day.origin + day.length)
 *   // [{ start: toMinute("2021-08-03T07:00:00+08:00"), end: toMinute("2021-08-03T19:00:00+08:00") }]
 */
export function stopSpans(table: HeatTableHour[], desk: Scenario["desk"], point: string, start: Minute, end: Minute): { start: Minute; end: Minute }[] {
  const out: { start: Minute; end: Minute }[] = [];
  for (const h of table) {
    const a = Math.max(start, h.start), b = Math.min(end, h.end);
    if (b <= a || deskCanOpen([h], desk, point, h.start, h.start + 1)) continue;
    const last = out.at(-1);
    if (last && last.end >= a) last.end = Math.max(last.end, b); else out.push({ start: a, end: b });
  }
  return out;
}
