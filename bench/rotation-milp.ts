// Quality of the rotation: on small sites (one point, 2–4 desks, 4 h) the people the rotation uses
// against the exact minimum from a MILP (HiGHS). Not part of npm test: bench/run.ts calls it.
import highsLoader from "highs";
import type { Role, Scenario } from "../shared/scenario/schema.ts";
import { restAfter, heatTable, strictestLimit } from "../shared/heat/index.ts";
import { effectiveRules } from "../shared/scenario/rules.ts";
import { planRotation, maxDeskRequests } from "../shared/rotation/index.ts";

interface Solver {
  solve(lp: string, options?: Record<string, unknown>): { Status: string; ObjectiveValue: number };
}

export interface MilpInstance {
  name: string;
  desks: number;
  role: Role;
  rotation: number;
  optimum: number;
  /** True when the optimum is proven (by the LP bound or the MILP); else `optimum` is a lower bound. */
  proven: boolean;
}

// with a coverall (+6 °C) in the open: category 2, 3, 4 and 5 for swabbing (moderate work)
const WEATHER = {
  cool: { tempC: 24, humidity: 50 },
  mild: { tempC: 25, humidity: 50 },
  warm: { tempC: 25.5, humidity: 55 },
  hot: { tempC: 35, humidity: 50 },
} as const;

/** A one-point site: `desks` desks, 4 h from 08:00, a constant hour, plenty of all-day people. */
export function smallSite(desks: number, weather: keyof typeof WEATHER, shelter: "open" | "shade" = "open"): Scenario {
  const day = (h: number) => `2021-08-03T${String(h).padStart(2, "0")}:00:00+08:00`;
  const people = (role: Role, n: number) => Array.from({ length: n }, (_, i) => ({
    id: `${role}-${i + 1}`, name: `${role} ${i + 1}`, roles: [role], available: [{ start: day(8), end: day(12) }],
  }));
  return {
    site: { id: "small", name: "small", timezone: "Asia/Shanghai" },
    windows: [{ start: day(8), end: day(12) }],
    service: { swabSeconds: 20, attendance: 1 },
    pooling: { poolSize: 10, boxCapacity: 100, maxTubeAgeMinutes: 240, labTravelMinutes: 30 },
    targets: { maxWaitMinutes: 25 },
    desk: { sampler: 1, registrar: 1 },
    heat: { clothing: "coverall", clothingAdjustmentC: 6, shadeReductionC: 2, acclimatized: true },
    points: [{ id: "p", name: "p", desks, shelter }],
    buildings: [],
    weather: [8, 9, 10, 11].map((h) => ({ at: day(h), ...WEATHER[weather] })),
    staff: [...people("sampler", 5 * desks), ...people("registrar", 3 * desks)],
  };
}

/**
 * The CPLEX LP model of the fewest identical all-day people of one role covering `desks` seats
 * through `slots` slots, as an integer flow over each person's state in a slot: at a desk (slot of
 * the stint, slot of the PPE run) or off (heat rest still owed, slots off so far, PPE run so far).
 * Exact for the heat stint and rest, the PPE cap and break; meals and the daily cap do not bind in 4 h.
 */
export function rotationLp(scenario: Scenario, role: Role, desks: number, slots: number): string {
  const rules = effectiveRules(scenario);
  const S = rules.slotMinutes;
  const table = heatTable(scenario);
  const limit = strictestLimit(table, scenario.points[0].id, role, table[0].start, table[0].end);
  const maxL = Math.floor((limit?.work ?? Infinity) / S), maxE = Math.floor(rules.maxContinuousPpeMinutes / S);
  const fresh = Math.ceil(rules.ppeBreakMinutes / S);
  const restSlots = (L: number) => Math.ceil(restAfter(L * S, limit) / S);
  type State = string; // "on,L,E" or "off,r,g,E"
  const next = (s: State): State[] => {
    const [kind, a, b, c] = s.split(",");
    const out: State[] = [];
    if (kind === "on") {
      const L = Number(a), E = Number(b);
      if (L + 1 <= maxL && E + 1 <= maxE) out.push(`on,${L + 1},${E + 1}`);
      const g = Math.min(1, fresh);
      out.push(`off,${Math.max(0, restSlots(L) - 1)},${g},${g >= fresh ? 0 : E}`);
    } else {
      const r = Number(a), g = Number(b), E = Number(c);
      const g2 = Math.min(g + 1, fresh);
      out.push(`off,${Math.max(0, r - 1)},${g2},${g2 >= fresh ? 0 : E}`);
      if (r === 0) { const E2 = g >= fresh ? 1 : E + g + 1; if (E2 <= maxE) out.push(`on,1,${E2}`); }
    }
    return out;
  };
  const start = ["on,1,1", `off,0,${fresh},0`];
  const states: State[] = [];
  const seen = new Set<State>(start);
  for (const q = [...start]; q.length;) { const s = q.shift()!; states.push(s); for (const n of next(s)) if (!seen.has(n)) { seen.add(n); q.push(n); } }
  const id = new Map(states.map((s, k) => [s, k]));
  const rows: string[] = [];
  const ints: string[] = [];
  const n = (t: number, k: number) => `n_${t}_${k}`;
  for (let t = 0; t < slots; t++) for (let k = 0; k < states.length; k++) ints.push(n(t, k));
  // at slot 0 everyone is fresh: at a desk for the first slot, or off and rested
  for (let k = 0; k < states.length; k++) if (!start.includes(states[k])) rows.push(`init_${k}: ${n(0, k)} = 0`);
  for (let t = 0; t + 1 < slots; t++) {
    const into = new Map<number, string[]>();
    for (let k = 0; k < states.length; k++) {
      const arcs = next(states[k]).map((s) => { const j = id.get(s)!; const a = `a_${t}_${k}_${j}`; ints.push(a); into.set(j, [...(into.get(j) ?? []), a]); return a; });
      rows.push(`out_${t}_${k}: ${arcs.join(" + ")} - ${n(t, k)} = 0`);
    }
    for (let j = 0; j < states.length; j++) rows.push(`in_${t}_${j}: ${[...(into.get(j) ?? [])].join(" + ") || "0 a_dummy"} - ${n(t + 1, j)} = 0`);
  }
  const on = states.map((s, k) => [s, k] as const).filter(([s]) => s.startsWith("on"));
  for (let t = 0; t < slots; t++) rows.push(`cov_${t}: ${on.map(([, k]) => n(t, k)).join(" + ")} >= ${desks}`);
  return `Minimize\n obj: ${start.map((s) => n(0, id.get(s)!)).join(" + ")}\nSubject To\n ${rows.join("\n ")}\nGeneral\n ${ints.join("\n ")}\nEnd\n`;
}

/**
 * Runs the comparison: for each small site and role, people the rotation uses and the MILP optimum.
 * @example const { ratio } = await rotationMilp(); // e.g. 1.03: the rotation uses 3% more people
 */
export async function rotationMilp(): Promise<{ instances: MilpInstance[]; ratio: number }> {
  // the package's default export is typed for ESM but resolves as CommonJS under NodeNext
  const load = ((highsLoader as unknown as { default?: unknown }).default ?? highsLoader) as unknown as () => Promise<Solver>;
  const highs = await load();
  const instances: MilpInstance[] = [];
  for (const weather of ["cool", "mild", "warm", "hot"] as const) {
    for (const desks of [2, 3, 4]) {
      const sc = smallSite(desks, weather);
      const result = planRotation(sc, maxDeskRequests(sc));
      for (const role of ["sampler", "registrar"] as Role[]) {
        const rotation = result.staffNeeded[role] ?? 0;
        const lp = rotationLp(sc, role, desks, 48);
        // the LP relaxation bounds the optimum from below; the MILP is needed only when the
        // rotation uses more people than that bound
        const relaxed = highs.solve(lp.replace(/\nGeneral\n[\s\S]*End\n$/, "\nEnd\n"), { solver: "ipm" });
        const bound = Math.ceil(relaxed.ObjectiveValue - 1e-6);
        let optimum = bound, proven = rotation <= bound;
        if (proven) optimum = rotation;
        else {
          const sol = highs.solve(lp, { time_limit: 20, mip_rel_gap: 0 });
          proven = sol.Status === "Optimal";
          if (proven) optimum = Math.round(sol.ObjectiveValue);
        }
        instances.push({ name: `${weather} ${desks} desks ${role}`, desks, role, rotation, optimum, proven });
      }
    }
  }
  const ratio = instances.reduce((s, x) => s + x.rotation, 0) / instances.reduce((s, x) => s + x.optimum, 0);
  return { instances, ratio: Math.round(ratio * 1000) / 1000 };
}

if (import.meta.url === `file://${process.argv[1]}`) {
  const t0 = performance.now();
  const out = await rotationMilp();
  for (const x of out.instances) console.log(`${x.name}: rotation ${x.rotation}, optimum ${x.optimum}${x.proven ? "" : " (LP bound)"}`);
  console.log(`ratio ${out.ratio} in ${Math.round(performance.now() - t0)} ms`);
}
