import { expect } from "chai";
import { heatTable, stopSpans } from "../shared/heat/index.ts";
import fc from "fast-check";
import { makePlan } from "../shared/plan/make.ts";
import { allStaffed } from "../shared/plan/all-staffed.ts";
import type { Plan } from "../shared/plan/types.ts";
import type { Scenario } from "../shared/scenario/schema.ts";

const DAY0 = Date.parse("2021-08-03T00:00:00+08:00") / 60000;
const iso = (m: number) => new Date((DAY0 + m + 480) * 60000).toISOString().slice(0, 19) + "+08:00";
const min = (s: string) => Math.round(Date.parse(s) / 60000) - DAY0;

/** Small random sites: 1–3 points of 0–3 desks, 1–8 buildings, one or two windows. */
const scenarios = fc.record({
  desks: fc.array(fc.integer({ min: 0, max: 3 }), { minLength: 1, maxLength: 3 }),
  buildings: fc.array(fc.record({ residents: fc.integer({ min: 0, max: 400 }), point: fc.nat() }), { minLength: 1, maxLength: 8 }),
  windows: fc.oneof(
    fc.tuple(fc.integer({ min: 6, max: 10 }), fc.integer({ min: 1, max: 10 })).map(([s, h]) => [[s * 60, (s + h) * 60]]),
    fc.tuple(fc.integer({ min: 1, max: 4 }), fc.integer({ min: 1, max: 4 })).map(([a, b]) => [[7 * 60, (7 + a) * 60], [15 * 60, (15 + b) * 60]]),
  ),
  swabSeconds: fc.integer({ min: 10, max: 40 }),
  attendance: fc.double({ min: 0.5, max: 1, noNaN: true }),
  poolSize: fc.constantFrom(1 as const, 5 as const, 10 as const, 20 as const),
  maxAge: fc.integer({ min: 60, max: 300 }),
  travel: fc.integer({ min: 0, max: 55 }),
  target: fc.integer({ min: 5, max: 40 }),
  temps: fc.array(fc.integer({ min: 22, max: 39 }), { minLength: 24, maxLength: 24 }),
}).map((r): Scenario => ({
  site: { id: "s", name: "s", timezone: "Asia/Shanghai" },
  windows: r.windows.map(([s, e]) => ({ start: iso(s), end: iso(e) })),
  service: { swabSeconds: r.swabSeconds, attendance: r.attendance },
  pooling: { poolSize: r.poolSize, boxCapacity: 50, maxTubeAgeMinutes: r.maxAge, labTravelMinutes: r.travel },
  targets: { maxWaitMinutes: r.target },
  desk: { sampler: 1, registrar: 1 },
  heat: { clothing: "gown", clothingAdjustmentC: 3, shadeReductionC: 2, acclimatized: true },
  points: r.desks.map((desks, i) => ({ id: `p${i}`, name: `p${i}`, desks, shelter: "open" as const })),
  buildings: r.buildings.map((b, i) => ({ id: `b${i}`, name: `b${i}`, residents: b.residents, point: `p${b.point % r.desks.length}` })),
  weather: r.temps.map((t, h) => ({ at: iso(h * 60), tempC: t, humidity: 60 })),
  staff: [],
}));

/** The day replayed from the plan alone, as an outsider would: minute by minute, first in first out. */
function replay(s: Scenario, plan: Plan) {
  const windows = s.windows.map((w) => [min(w.start), min(w.end)]);
  const end = Math.max(...windows.map((w) => w[1]));
  const perDesk = 60 / s.service.swabSeconds;
  const out = new Map<string, { maxWait: number; left: number; served: Float64Array }>();
  for (const p of s.points) {
    const arrive = new Float64Array(end), cap = new Float64Array(end);
    for (const c of plan.callups.filter((c) => c.point === p.id)) {
      const a = min(c.start), b = min(c.end);
      for (let m = a; m < b; m++) arrive[m] += (c.residents * s.service.attendance) / (b - a);
    }
    for (const d of plan.desks.filter((d) => d.point === p.id)) for (const o of d.open) for (let m = min(o.start); m < min(o.end); m++) cap[m] += perDesk;
    let q = 0, maxWait = 0, left = 0;
    const served = new Float64Array(end);
    for (let m = 0; m < end; m++) {
      q += arrive[m];
      if (q > 0.5) {
        const close = windows.find((w) => m >= w[0] && m < w[1])?.[1] ?? m;
        let need = q, t = m;
        while (t < close && need > 1e-9) need -= cap[t++];
        maxWait = Math.max(maxWait, need > 1e-9 ? Infinity : t - m);
      }
      served[m] = Math.min(q, cap[m]);
      q -= served[m];
      if (windows.some((w) => w[1] === m + 1)) { left += q; q = 0; }
    }
    out.set(p.id, { maxWait, left, served });
  }
  return out;
}

const RUNS = { numRuns: 50, seed: 20210803 };
const plan = (s: Scenario) => makePlan(s, { rotation: allStaffed });

describe("the site plan on random small sites", () => {
  it("calls every resident exactly once, inside the windows", () => {
    fc.assert(fc.property(scenarios, (s) => {
      const p = plan(s);
      const windows = s.windows.map((w) => [min(w.start), min(w.end)]);
      for (const b of s.buildings) expect(p.callups.filter((c) => c.building === b.id).reduce((n, c) => n + c.residents, 0)).to.equal(b.residents);
      for (const c of p.callups) {
        expect(c.residents).to.be.above(0);
        expect(windows.some(([a, b]) => min(c.start) >= a && min(c.end) <= b && min(c.end) > min(c.start))).to.equal(true);
      }
    }), RUNS);
  });

  it("empties the line by closing and keeps the wait target wherever it states no shortfall", () => {
    fc.assert(fc.property(scenarios, (s) => {
      const p = plan(s);
      const short = new Set(((p.shortfall as { points: { point: string }[] } | undefined)?.points ?? []).map((x) => x.point));
      for (const [point, r] of replay(s, p)) {
        if (short.has(point)) continue;
        expect(r.left, point).to.be.below(0.5);
        expect(r.maxWait, point).to.be.at.most(s.targets.maxWaitMinutes);
      }
    }), RUNS);
  });

  it("states no shortfall where the desks have ample time for everyone", () => {
    fc.assert(fc.property(scenarios, (s) => {
      const p = plan(s);
      const table = heatTable(s);
      for (const point of s.points) {
        // the minutes its desks may open: the windows less the hours the heat stops them (GBZ 2.2)
        const open = s.windows.reduce((n, w) => n + min(w.end) - min(w.start)
          - stopSpans(table, s.desk, point.id, DAY0 + min(w.start), DAY0 + min(w.end)).reduce((k, x) => k + x.end - x.start, 0), 0);
        // the people called there, rerouted buildings included
        const people = p.callups.filter((c) => c.point === point.id).reduce((n, c) => n + c.residents, 0) * s.service.attendance;
        const capacity = (point.desks * open * 60) / s.service.swabSeconds;
        // twice the people, plus a wait target's worth of slack at the end of every window
        const ample = point.desks > 0 && capacity >= 2 * people + s.windows.length * point.desks * s.targets.maxWaitMinutes * 60 / s.service.swabSeconds;
        const short = ((p.shortfall as { points: { point: string }[] } | undefined)?.points ?? []).some((x) => x.point === point.id);
        if (ample) expect(short, point.id).to.equal(false);
      }
    }), RUNS);
  });

  it("gets every tube to the lab within the age limit", () => {
    fc.assert(fc.property(scenarios, (s) => {
      const p = plan(s);
      const limit = Math.max(1, s.pooling.maxTubeAgeMinutes - s.pooling.labTravelMinutes);
      for (const [point, r] of replay(s, p)) {
        const picks = p.pickups.filter((x) => x.point === point).map((x) => min(x.at)).sort((a, b) => a - b);
        for (let m = 0; m < r.served.length; m++) {
          if (!(r.served[m] > 0.01)) continue;
          const next = picks.find((x) => x > m);
          expect(next, `${point} swab at ${m}`).to.not.equal(undefined);
          expect(next! - m, `${point} swab at ${m}`).to.be.at.most(limit);
        }
        const tubes = p.tubes.find((t) => t.point === point)!;
        expect(tubes.expectedTubes).to.be.at.least(Math.ceil(tubes.expectedSwabs / s.pooling.poolSize - 1e-6));
      }
    }), RUNS);
  });

  it("gives the same plan for the same scenario", () => {
    fc.assert(fc.property(scenarios, (s) => {
      expect(plan(structuredClone(s))).to.deep.equal(plan(s));
    }), { ...RUNS, numRuns: 25 });
  });
});
