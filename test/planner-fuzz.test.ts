// Scenario fuzzing of the whole planner (docs/api.md C1 and "Plan (output) contract"): random valid
// scenarios — staff with mixed roles and gaps in their availability, several points and shelters,
// split windows, hot days, odd rules — through `makePlan` with the project's own rotation. It never
// throws, and the plan keeps every invariant of the contract. test/plan.property.test.ts checks the
// queue arithmetic with every desk staffed; test/rotation.property.test.ts the rotation alone.
import { expect } from "chai";
import fc from "fast-check";
import { makePlan } from "../shared/plan/make.ts";
import type { Plan } from "../shared/plan/types.ts";
import { validateScenario } from "../shared/scenario/validate.ts";
import type { Role, Scenario, Shelter } from "../shared/scenario/schema.ts";
import { checkAssignments } from "../shared/rotation/index.ts";
import { toMinute } from "../shared/time.ts";

const DAY = Date.parse("2021-08-03T00:00:00+08:00");
const iso = (minute: number) => new Date(DAY + minute * 60_000).toISOString().replace("Z", "+00:00");
const m = (at: string) => Math.round((Date.parse(at) - DAY) / 60_000);

/** Random valid scenarios: 1–3 points, 0–3 desks, 1–6 buildings, 1–2 windows, 2–14 staff. */
const scenarios = fc
  .record({
    points: fc.array(fc.record({ desks: fc.integer({ min: 0, max: 3 }), shelter: fc.constantFrom<Shelter>("open", "shade", "booth") }), { minLength: 1, maxLength: 3 }),
    buildings: fc.array(fc.record({ residents: fc.integer({ min: 0, max: 600 }), point: fc.nat() }), { minLength: 1, maxLength: 6 }),
    windows: fc.oneof(
      fc.tuple(fc.integer({ min: 6, max: 12 }), fc.integer({ min: 1, max: 6 })).map(([s, h]) => [[s * 60, (s + h) * 60]]),
      fc.tuple(fc.integer({ min: 1, max: 3 }), fc.integer({ min: 1, max: 3 })).map(([a, b]) => [[7 * 60, (7 + a) * 60], [16 * 60, (16 + b) * 60]]),
    ),
    swabSeconds: fc.integer({ min: 10, max: 40 }),
    attendance: fc.double({ min: 0.3, max: 1, noNaN: true }),
    poolSize: fc.constantFrom(1 as const, 5 as const, 10 as const, 20 as const),
    boxCapacity: fc.integer({ min: 10, max: 200 }),
    maxAge: fc.integer({ min: 60, max: 300 }),
    travel: fc.integer({ min: 5, max: 55 }),
    target: fc.integer({ min: 5, max: 60 }),
    registrar: fc.boolean(),
    hot: fc.integer({ min: 20, max: 41 }),
    humidity: fc.integer({ min: 20, max: 95 }),
    wbgt: fc.option(fc.integer({ min: 18, max: 34 }), { nil: undefined, freq: 4 }),
    staff: fc.array(
      fc.record({
        roles: fc.subarray<Role>(["sampler", "registrar", "marshal", "courier"], { minLength: 1 }),
        spans: fc.array(fc.tuple(fc.integer({ min: 5 * 2, max: 20 * 2 }), fc.integer({ min: 2, max: 20 })), { minLength: 1, maxLength: 2 }),
      }),
      { minLength: 2, maxLength: 14 },
    ),
    rules: fc.record(
      { slotMinutes: fc.constantFrom(5, 10, 15), maxContinuousPpeMinutes: fc.integer({ min: 60, max: 180 }), maxWorkMinutesPerDay: fc.integer({ min: 120, max: 600 }), mealBreakMinutes: fc.integer({ min: 15, max: 45 }) },
      { requiredKeys: [] },
    ),
  })
  .map((r): Scenario => ({
    site: { id: "fz", name: "fuzz site", timezone: "Asia/Shanghai" },
    windows: r.windows.map(([s, e]) => ({ start: iso(s), end: iso(e) })),
    service: { swabSeconds: r.swabSeconds, attendance: r.attendance },
    pooling: { poolSize: r.poolSize, boxCapacity: r.boxCapacity, maxTubeAgeMinutes: r.maxAge, labTravelMinutes: r.travel },
    targets: { maxWaitMinutes: r.target },
    desk: r.registrar ? { sampler: 1, registrar: 1 } : { sampler: 1 },
    heat: { clothing: "coverall", clothingAdjustmentC: 6, shadeReductionC: 2, acclimatized: true },
    points: r.points.map((p, i) => ({ id: `p${i}`, name: `point ${i}`, desks: p.desks, shelter: p.shelter })),
    buildings: r.buildings.map((b, i) => ({ id: `b${i}`, name: `building ${i}`, residents: b.residents, point: `p${b.point % r.points.length}` })),
    // A day's curve: cool at dawn, `hot` at 14:00.
    weather: Array.from({ length: 24 }, (_, h) => ({
      at: iso(h * 60),
      tempC: Math.round((r.hot - 9 * Math.abs(h - 14) / 14) * 10) / 10,
      humidity: r.humidity,
      ...(r.wbgt !== undefined ? { wbgt: r.wbgt } : {}),
    })),
    staff: r.staff.map((s, i) => {
      // Half-hour spans, sorted and merged so the availability is well formed.
      const spans = s.spans.map(([from, len]) => [from * 30, Math.min(from + len, 23 * 2) * 30]).sort((a, b) => a[0] - b[0]);
      const merged: number[][] = [];
      for (const sp of spans) {
        const last = merged.at(-1);
        if (last && sp[0] <= last[1]) last[1] = Math.max(last[1], sp[1]);
        else merged.push([...sp]);
      }
      // The first person can do every desk role: the schema refuses a desk role nobody has.
      const roles = i === 0 ? [...new Set<Role>(["sampler", "registrar", ...s.roles])] : s.roles;
      return { id: `s${i}`, name: `staff ${i}`, roles, available: merged.filter(([a, b]) => b > a).map(([a, b]) => ({ start: iso(a), end: iso(b) })) };
    }),
    rules: r.rules,
  }));

/** Every invariant of the plan contract of docs/api.md that can be read off the plan alone. */
function invariantsBroken(s: Scenario, plan: Plan): string[] {
  const broken: string[] = [];
  const fail = (what: string) => broken.length < 10 && broken.push(what);
  const windows = s.windows.map((w) => [m(w.start), m(w.end)]);
  const inWindows = (a: number, b: number) => windows.some(([x, y]) => a >= x && b <= y);
  const person = new Map(s.staff.map((p) => [p.id, p]));

  // Nobody in two places at once; nobody outside their availability or roles.
  const byStaff = new Map<string, Plan["assignments"]>();
  for (const a of plan.assignments) byStaff.set(a.staff, [...(byStaff.get(a.staff) ?? []), a]);
  for (const [staff, list] of byStaff) {
    const p = person.get(staff);
    if (!p) fail(`${staff} is not on the roster`);
    const sorted = [...list].sort((a, b) => m(a.start) - m(b.start));
    for (let i = 1; i < sorted.length; i++) if (m(sorted[i].start) < m(sorted[i - 1].end)) fail(`${staff} in two places at ${sorted[i].start}`);
    for (const a of list) {
      if (!(m(a.end) > m(a.start))) fail(`${a.id} is empty`);
      if (p && !p.available.some((w) => m(a.start) >= m(w.start) && m(a.end) <= m(w.end))) fail(`${a.id} outside ${staff}'s availability`);
      if (p && (a.activity === "desk" || a.activity === "standby") && !p.roles.includes(a.role)) fail(`${a.id}: ${staff} is not a ${a.role}`);
      if (a.activity === "desk" && !(a.point && a.desk && a.desk >= 1 && a.desk <= (s.points.find((x) => x.id === a.point)?.desks ?? 0))) fail(`${a.id}: no such desk ${a.point} ${a.desk}`);
    }
  }
  // Each open desk has its roles every minute, or a gap says why.
  for (const d of plan.desks)
    for (const o of d.open) {
      if (!inWindows(m(o.start), m(o.end))) fail(`${d.point} desk ${d.desk} open outside the windows`);
      for (const [role, n] of Object.entries(s.desk) as [Role, number][])
        for (let t = m(o.start); t < m(o.end); t++) {
          const here = plan.assignments.filter((a) => a.activity === "desk" && a.point === d.point && a.desk === d.desk && a.role === role && m(a.start) <= t && m(a.end) > t).length;
          if (here >= n) continue;
          const gap = plan.gaps.some((g) => g.point === d.point && g.desk === d.desk && g.role === role && m(g.start) <= t && m(g.end) > t && g.reason.length > 0);
          if (!gap) fail(`${d.point} desk ${d.desk} lacks a ${role} at minute ${t} with no gap`);
        }
    }
  // Every building called for all its residents, inside the windows.
  for (const b of s.buildings) {
    const called = plan.callups.filter((c) => c.building === b.id).reduce((n, c) => n + c.residents, 0);
    if (called !== b.residents) fail(`${b.id}: ${called} of ${b.residents} residents called`);
  }
  for (const c of plan.callups) if (!inWindows(m(c.start), m(c.end))) fail(`call-up of ${c.building} outside the windows`);
  // Heat stints and rests, the day rule, PPE, meals, overtime: the rotation's own rule checker.
  const minutes = plan.assignments.map((a) => ({ ...a, start: toMinute(a.start), end: toMinute(a.end) }));
  for (const v of checkAssignments(s, minutes)) fail(`${v.rule}: ${v.message}`);
  // Plain numbers everywhere a client will draw them.
  for (const f of plan.forecast) if (![f.arrivalsPerHour, f.capacityPerHour, f.queueLength, f.waitMinutes].every(Number.isFinite)) fail(`forecast ${f.point} ${f.at} is not finite`);
  for (const [k, v] of Object.entries(plan.summary)) if (typeof v === "number" && !Number.isFinite(v)) fail(`summary.${k} is ${v}`);
  return broken;
}

describe("the planner on random valid scenarios", function () {
  this.timeout(120_000);
  let plans = 0;
  after(() => {
    if (process.env.TENFOLD_FIGURES) console.log(`      planner fuzz: ${plans} random scenarios planned`);
  });

  it("never throws and never breaks an invariant of the plan contract", () => {
    fc.assert(
      fc.property(scenarios, (scenario) => {
        const checked = validateScenario(scenario);
        expect(checked.ok, JSON.stringify(!checked.ok && checked.problems)).to.equal(true);
        const plan = makePlan(scenario);
        plans++;
        expect(() => JSON.stringify(plan)).not.to.throw();
        expect(invariantsBroken(scenario, plan)).to.deep.equal([]);
      }),
      { numRuns: 100, seed: 8 },
    );
  });
});
