// The planner's speed on a district (docs/benchmarks.md: ~60,000 residents, 30 points, 90 desks, 300 staff
// plan in well under 10 s): a seeded generator for such a district on a hot day, and a timer.
import type { Role, Scenario } from "../shared/scenario/schema.ts";
import { makePlan, type PlanOptions } from "../shared/plan/make.ts";
import { seededUniform } from "../shared/random.ts";
import { computeHeatTable } from "../shared/heat/table.ts";

const DAY = "2022-07-14";
const at = (h: number, m = 0) => `${DAY}T${String(h).padStart(2, "0")}:${String(m).padStart(2, "0")}:00+08:00`;

/** Hourly air temperature of a hot day peaking at 38 °C at 14:00 (day rule band 37–40). */
const HOT_DAY = [27, 26.5, 26, 26, 26.5, 27, 28, 29.5, 31, 32.5, 34, 35.5, 36.5, 37.5, 38, 37.5, 36.5, 35, 33.5, 32, 31, 30, 29, 28];

/**
 * A district of `points` collection points with 3 desks each, ~2,000 residents a point in
 * buildings of 40–160, and `staff` people on two shifts: the same seed, the same district.
 * @example districtScenario().buildings.reduce((n, b) => n + b.residents, 0) // ≈ 60,000
 */
export function districtScenario(seed = 20220714, points = 30, staff = 300): Scenario {
  const u = seededUniform(seed);
  const pts = Array.from({ length: points }, (_, i) => ({
    id: `pt${String(i + 1).padStart(2, "0")}`,
    name: `采样点 ${i + 1}`,
    desks: 3,
    shelter: (["open", "shade", "booth"] as const)[i % 5 === 4 ? 2 : i % 2],
    location: { lat: 34.7 + u() * 0.1, lng: 113.6 + u() * 0.1 },
  }));
  const buildings: Scenario["buildings"] = [];
  for (const p of pts) {
    let left = 1800 + Math.floor(u() * 400);
    for (let b = 1; left > 0; b++) {
      const residents = Math.min(left, 40 + Math.floor(u() * 120));
      buildings.push({ id: `${p.id}-b${b}`, name: `${p.name} ${b}号楼`, residents, point: p.id });
      left -= residents;
    }
  }
  const roles: Role[][] = [["sampler"], ["sampler", "registrar"], ["registrar"], ["sampler"], ["registrar", "marshal"]];
  const people: Scenario["staff"] = Array.from({ length: staff }, (_, i) => ({
    id: `s${String(i + 1).padStart(3, "0")}`,
    name: `工作人员 ${i + 1}`,
    roles: roles[i % roles.length],
    available: i % 2 === 0 ? [{ start: at(6, 30), end: at(14, 30) }] : [{ start: at(13), end: at(21) }],
  }));
  return {
    site: { id: "district", name: "上街区", timezone: "Asia/Shanghai", district: "上街区", city: "郑州市" },
    windows: [{ start: at(7), end: at(21) }],
    service: { swabSeconds: 20, attendance: 0.93 },
    pooling: { poolSize: 10, boxCapacity: 100, maxTubeAgeMinutes: 240, labTravelMinutes: 40, prevalence: 0.001 },
    targets: { maxWaitMinutes: 25 },
    desk: { sampler: 1, registrar: 1 },
    heat: { garment: "coverall", hotRegion: true, acclimatized: true },
    points: pts,
    buildings,
    weather: HOT_DAY.map((tempC, h) => ({ at: at(h), tempC, humidity: Math.round(80 - (tempC - 26) * 2.5) })),
    staff: people,
  };
}

export interface PlannerBench {
  residents: number;
  points: number;
  desks: number;
  staff: number;
  /** Wall time of the heat table alone (24 hours × 30 points, sun and WBGT per point), best of the runs, no cache. */
  heatTableMs: number;
  heatHours: number;
  /** Wall time of makePlan, best of the runs after a first (cold) one. */
  planMs: number;
  firstMs: number;
  runs: number;
  peakRssMB: number;
  callups: number;
  maxWaitMinutes: number;
  shortfall: boolean;
}

/**
 * Times makePlan on the district (best of `runs`), with peak resident memory of the process.
 * @example benchPlanner().planMs // a few hundred ms on a laptop
 */
export function benchPlanner(runs = 3, options: PlanOptions = {}): PlannerBench {
  const scenario = districtScenario();
  let best = Infinity;
  const cold = performance.now();
  let plan = makePlan(scenario, options);
  const firstMs = performance.now() - cold;
  for (let i = 0; i < runs; i++) {
    const t = performance.now();
    plan = makePlan(scenario, options);
    best = Math.min(best, performance.now() - t);
  }
  computeHeatTable(scenario);
  let heatMs = Infinity;
  for (let i = 0; i < Math.max(runs, 5); i++) {
    const t = performance.now();
    computeHeatTable(scenario);
    heatMs = Math.min(heatMs, performance.now() - t);
  }
  return {
    residents: scenario.buildings.reduce((n, b) => n + b.residents, 0),
    points: scenario.points.length,
    desks: scenario.points.reduce((n, p) => n + p.desks, 0),
    staff: scenario.staff.length,
    heatTableMs: Math.round(heatMs * 10) / 10,
    heatHours: scenario.weather.length,
    planMs: Math.round(best),
    firstMs: Math.round(firstMs),
    runs,
    peakRssMB: Math.round(process.resourceUsage().maxRSS / 1024),
    callups: plan.callups.length,
    maxWaitMinutes: plan.summary.maxWaitMinutes,
    shortfall: plan.shortfall !== undefined,
  };
}
