// Small hand-made sites for the heat and rotation tests: one or more points, a window, an hourly
// forecast, and a roster, all on 3 Aug 2021 in Asia/Shanghai.
import { readFileSync } from "node:fs";
import type { Role, Scenario, Shelter } from "../../shared/scenario/schema.ts";
import type { DeskRequest, MinuteAssignment, RotationResult } from "../../shared/rotation/api.ts";
import { toMinute } from "../../shared/time.ts";

/** "HH:MM" on the test day as an ISO instant. */
export const at = (hhmm: string) => `2021-08-03T${hhmm}:00+08:00`;
/** "HH:MM" on the test day as a minute. */
export const min = (hhmm: string) => toMinute(at(hhmm));

export const yiyuan = (): Scenario => JSON.parse(readFileSync(new URL("../../examples/yiyuan.json", import.meta.url), "utf8"));

export interface SiteOptions {
  points?: { id: string; desks: number; shelter: Shelter }[];
  window?: [string, string];
  /** One forecast per hour over the window, all at this temperature and humidity (or per hour). */
  tempC?: number | number[];
  humidity?: number;
  wbgt?: number;
  staff?: { id: string; roles: Role[]; from?: string; to?: string; noOutdoorHeat?: boolean }[];
  desk?: Scenario["desk"];
  rules?: Scenario["rules"];
}

/** A small site; by default one open point with one desk needing one sampler, 08:00–12:00, 24 °C. */
export function site(o: SiteOptions = {}): Scenario {
  const [from, to] = o.window ?? ["08:00", "12:00"];
  const h0 = Number(from.slice(0, 2)), h1 = Number(to.slice(0, 2)) + (to.endsWith("00") ? 0 : 1);
  const flat = typeof o.tempC === "number" ? o.tempC : 24;
  const temps: number[] = Array.isArray(o.tempC) ? o.tempC : Array.from({ length: Math.max(1, h1 - h0) }, () => flat);
  return {
    site: { id: "t", name: "test site", timezone: "Asia/Shanghai" },
    windows: [{ start: at(from), end: at(to) }],
    service: { swabSeconds: 20, attendance: 1 },
    pooling: { poolSize: 10, boxCapacity: 100, maxTubeAgeMinutes: 240, labTravelMinutes: 30 },
    targets: { maxWaitMinutes: 25 },
    desk: o.desk ?? { sampler: 1 },
    heat: { clothing: "coverall", clothingAdjustmentC: 6, shadeReductionC: 2, acclimatized: true },
    points: (o.points ?? [{ id: "p", desks: 1, shelter: "open" as Shelter }]).map((p) => ({ ...p, name: p.id })),
    buildings: [],
    weather: temps.map((t, k) => ({
      at: at(`${String(h0 + k).padStart(2, "0")}:00`), tempC: t, humidity: o.humidity ?? 50,
      ...(o.wbgt !== undefined ? { wbgt: o.wbgt } : {}),
    })),
    staff: (o.staff ?? [{ id: "s1", roles: ["sampler"] }]).map((s) => ({
      id: s.id, name: s.id, roles: s.roles, available: [{ start: at(s.from ?? from), end: at(s.to ?? to) }],
      ...(s.noOutdoorHeat ? { noOutdoorHeat: true } : {}),
    })),
    // These small sites test the rotation's mechanics against TB MED 507's work/rest table (20 on,
    // 40 off in the open at category 5) on the BoM estimate (no location): the tables these tests
    // were written for. The example scenario and the heat tests use the default, GBZ 2.2.
    rules: { heatStandard: "tbmed507", ...(o.rules ?? {}) },
  };
}

/** `n` people of a role, ids role-1…role-n. */
export const crew = (role: Role, n: number, extra: Partial<{ from: string; to: string }> = {}) =>
  Array.from({ length: n }, (_, i) => ({ id: `${role}-${i + 1}`, roles: [role] as Role[], ...extra }));

/** Desk-role-minutes requested but neither staffed nor explained by a gap (must be 0). */
export function unexplainedMinutes(scenario: Scenario, requests: DeskRequest[], result: RotationResult): number {
  let missing = 0;
  for (const r of requests) for (const [role, n] of Object.entries(scenario.desk)) {
    for (const s of r.open) for (let m = s.start; m < s.end; m++) {
      const here = result.assignments.filter((a) => a.activity === "desk" && a.point === r.point && a.desk === r.desk && a.role === role && a.start <= m && a.end > m).length;
      if (here >= (n ?? 0)) continue;
      if (!result.gaps.some((g) => g.point === r.point && g.desk === r.desk && g.role === role && g.start <= m && g.end > m)) missing++;
    }
  }
  return missing;
}

/** A person's desk assignments, in time order. */
export const deskOf = (list: MinuteAssignment[], staff: string) =>
  list.filter((a) => a.staff === staff && a.activity === "desk").sort((a, b) => a.start - b.start);

/**
 * A district: 30 points of 3 desks (a third each open, shaded, booth), 07:00–21:00 on the example's
 * 36 °C day, 300 people (200 samplers, 100 registrars) on morning, afternoon and all-day hours.
 */
export function district(): Scenario {
  const base = yiyuan();
  const hours = [["07:00", "15:00"], ["13:00", "21:00"], ["07:00", "21:00"]] as const;
  const shelters: Shelter[] = ["open", "shade", "booth"];
  return {
    ...base,
    site: { ...base.site, id: "district", name: "district" },
    points: Array.from({ length: 30 }, (_, k) => ({ id: `pt${k + 1}`, name: `point ${k + 1}`, desks: 3, shelter: shelters[k % 3] })),
    buildings: [],
    staff: Array.from({ length: 300 }, (_, k) => {
      const [from, to] = hours[k % 3];
      return { id: `st${k + 1}`, name: `staff ${k + 1}`, roles: [k % 3 === 2 ? "registrar" : "sampler"] as Role[], available: [{ start: at(from), end: at(to) }] };
    }),
  };
}
