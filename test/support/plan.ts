// A small hand-made plan for live-rotation tests: the example site with its points turned into
// booths (no outdoor heat rules) and a four-hour morning, so who may relieve whom is easy to see.
import type { Assignment, Plan } from "../../shared/plan/types.ts";
import type { Scenario } from "../../shared/scenario/schema.ts";
import { exampleScenario } from "./server.ts";

export const BOOTH_SITE = "yiyuan-booth";
const day = (hhmm: string) => `2021-08-03T${hhmm}:00+08:00`;

/** The example scenario as booths, open 08:00–12:00. */
export function boothScenario(): Scenario {
  const s = exampleScenario();
  return {
    ...s,
    site: { ...s.site, id: BOOTH_SITE },
    windows: [{ start: day("08:00"), end: day("12:00") }],
    points: s.points.map((p) => ({ ...p, shelter: "booth" as const })),
    staff: s.staff.map((p) => ({ ...p, available: [{ start: day("07:30"), end: day("12:30") }] })),
  };
}

const DESKS: [string, number][] = [
  ["north-gate", 1],
  ["north-gate", 2],
  ["south-gate", 1],
  ["south-gate", 2],
];

/**
 * Samplers bai-xue, wang-ke, li-jing, zhao-lei at the four desks 08–09 and 10–11; chen-chen and
 * sun-yue at the north desks 09–10 and 11–12; gao-lin on standby all morning; yang-jianpeng free.
 * Registrars at their desks 08–10 and 10:30–12.
 */
export function boothPlan(): Plan {
  const assignments: Assignment[] = [];
  const add = (staff: string, role: Assignment["role"], activity: Assignment["activity"], start: string, end: string, where?: [string, number]) =>
    assignments.push({
      id: `${staff}-${start.replace(":", "")}`,
      staff,
      role,
      activity,
      start: day(start),
      end: day(end),
      ...(where ? { point: where[0], desk: where[1] } : {}),
    });
  ["bai-xue", "wang-ke", "li-jing", "zhao-lei"].forEach((p, i) => {
    add(p, "sampler", "desk", "08:00", "09:00", DESKS[i]);
    add(p, "sampler", "rest", "09:00", "10:00");
    add(p, "sampler", "desk", "10:00", "11:00", DESKS[i]);
  });
  ["chen-chen", "sun-yue"].forEach((p, i) => {
    add(p, "sampler", "desk", "09:00", "10:00", DESKS[i]);
    add(p, "sampler", "rest", "10:00", "11:00");
    add(p, "sampler", "desk", "11:00", "12:00", DESKS[i]);
  });
  add("gao-lin", "sampler", "standby", "08:00", "12:00");
  ["zhou-ting", "wu-hao", "zheng-min", "feng-qiang"].forEach((p, i) => {
    add(p, "registrar", "desk", "08:00", "10:00", DESKS[i]);
    add(p, "registrar", "rest", "10:00", "10:30");
    add(p, "registrar", "desk", "10:30", "12:00", DESKS[i]);
  });
  // The heat table as TB MED 507 would give it for easy work: categories as bands, no limit below 5.
  const hour = (h: string, category: 0 | 1 | 2 | 3 | 4 | 5, wbgt: number) => {
    const entry = { wbgt, garment: "coverall" as const, clothingAdjustmentC: 4, effectiveWbgt: wbgt + 4, band: String(category), allowance: { sampler: "unlimited" as const, registrar: "unlimited" as const } };
    return {
      start: day(`${h}:00`),
      end: day(`${String(Number(h) + 1).padStart(2, "0")}:00`),
      tempC: 30,
      humidity: 60,
      windMs: 1,
      solarWm2: null,
      sunElevationDeg: null,
      source: "measured" as const,
      wbgt: { open: wbgt, shade: wbgt, booth: wbgt },
      points: { "north-gate": entry, "south-gate": entry },
    };
  };
  return {
    // The heat climbs a band at 09:00 and again at 10:00.
    heat: [hour("08", 1, 20), hour("09", 3, 24), hour("10", 4, 25), hour("11", 4, 25)],
    dayRule: { maxTempC: 33, band: "<35", maxOutdoorMinutesPerPerson: null, noOutdoor: [] },
    desks: DESKS.map(([point, desk]) => ({ point, desk, open: [{ start: day("08:00"), end: day("12:00") }] })),
    assignments,
    callups: [],
    forecast: [],
    tubes: [],
    pickups: [],
    // The registrars' break leaves every desk without a registrar for half an hour.
    gaps: DESKS.map(([point, desk]) => ({ point, desk, role: "registrar" as const, start: day("10:00"), end: day("10:30"), reason: "registrars on their break" })),
    summary: { residents: 0, expectedSwabs: 0, expectedTubes: 0, maxWaitMinutes: 0, staffUsed: 13, coverage: 0.8 },
  };
}
