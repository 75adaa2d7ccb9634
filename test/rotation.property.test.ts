import { expect } from "chai";
import fc from "fast-check";
import { checkAssignments, checkSwap, maxDeskRequests, planRotation, repairFromMinute, type DeskRequest } from "../shared/rotation/index.ts";
import type { Role, Scenario, Shelter } from "../shared/scenario/schema.ts";
import { at, unexplainedMinutes } from "./support/rotation-site.ts";

const hh = (halfHours: number) => `${String(Math.floor(halfHours / 2)).padStart(2, "0")}:${halfHours % 2 ? "30" : "00"}`;

/** A random small site: 1–2 points, 1–2 desks each, a 2–5 h window, a random forecast and roster. */
const siteArb = fc.record({
  points: fc.array(fc.record({ desks: fc.integer({ min: 1, max: 2 }), shelter: fc.constantFrom<Shelter>("open", "shade", "booth") }), { minLength: 1, maxLength: 2 }),
  start: fc.integer({ min: 12, max: 20 }), // in half hours: 06:00–10:00
  hours: fc.integer({ min: 2, max: 5 }),
  temps: fc.array(fc.double({ min: 18, max: 41, noNaN: true }), { minLength: 6, maxLength: 6 }),
  humidity: fc.integer({ min: 30, max: 80 }),
  registrar: fc.boolean(),
  staff: fc.array(fc.record({
    roles: fc.subarray<Role>(["sampler", "registrar", "marshal"], { minLength: 1 }),
    from: fc.integer({ min: 0, max: 6 }), length: fc.integer({ min: 2, max: 12 }), noOutdoorHeat: fc.boolean(),
  }), { minLength: 1, maxLength: 8 }),
  rules: fc.record({
    slotMinutes: fc.constantFrom(5, 10, 15), ppeBreakMinutes: fc.integer({ min: 10, max: 40 }), maxContinuousPpeMinutes: fc.integer({ min: 60, max: 180 }),
    maxWorkMinutesPerDay: fc.integer({ min: 90, max: 480 }), mealBreakMinutes: fc.integer({ min: 15, max: 45 }),
  }, { requiredKeys: [] }),
}).map((o): Scenario => {
  const end = o.start + o.hours * 2;
  return {
    site: { id: "p", name: "p", timezone: "Asia/Shanghai" },
    windows: [{ start: at(hh(o.start)), end: at(hh(end)) }],
    service: { swabSeconds: 20, attendance: 1 },
    pooling: { poolSize: 10, boxCapacity: 100, maxTubeAgeMinutes: 240, labTravelMinutes: 30 },
    targets: { maxWaitMinutes: 25 },
    desk: o.registrar ? { sampler: 1, registrar: 1 } : { sampler: 1 },
    heat: { clothing: "gown", clothingAdjustmentC: 3, shadeReductionC: 2, acclimatized: true },
    points: o.points.map((p, k) => ({ id: `pt${k}`, name: `pt${k}`, desks: p.desks, shelter: p.shelter })),
    buildings: [],
    weather: o.temps.map((t, k) => ({ at: at(hh(o.start - (o.start % 2) + 2 * k)), tempC: Math.round(t * 10) / 10, humidity: o.humidity })),
    staff: o.staff.map((s, k) => {
      const from = Math.min(o.start + s.from, end - 1), to = Math.min(from + s.length, end);
      return { id: `s${k}`, name: `s${k}`, roles: s.roles, available: [{ start: at(hh(from)), end: at(hh(to)) }], ...(s.noOutdoorHeat ? { noOutdoorHeat: true } : {}) };
    }),
    rules: o.rules,
  };
});

describe("rotation properties over random small sites", () => {
  it("never breaks a rule, and staffs or explains every requested desk-role-minute", () => {
    fc.assert(fc.property(siteArb, (sc) => {
      const req = maxDeskRequests(sc);
      const r = planRotation(sc, req);
      expect(checkAssignments(sc, r.assignments)).to.deep.equal([]);
      expect(unexplainedMinutes(sc, req, r)).to.equal(0);
      expect(new Set(r.assignments.map((a) => a.id)).size).to.equal(r.assignments.length);
    }), { numRuns: 40, seed: 4 });
  });

  it("puts people only at requested desks in requested minutes, and counts a desk staffed only with every role", () => {
    fc.assert(fc.property(siteArb, fc.integer({ min: 0, max: 3 }), (sc, cut) => {
      // ask for the first desk of each point only, and not in the first `cut` half hours
      const req: DeskRequest[] = maxDeskRequests(sc).filter((d) => d.desk === 1)
        .map((d) => ({ ...d, open: d.open.map((s) => ({ start: Math.min(s.start + cut * 30, s.end), end: s.end })).filter((s) => s.end > s.start) }));
      const r = planRotation(sc, req);
      for (const a of r.assignments.filter((x) => x.activity === "desk")) {
        const d = req.find((x) => x.point === a.point && x.desk === a.desk);
        expect(d !== undefined && d.open.some((s) => a.start >= s.start && a.end <= s.end), `${a.id} inside a request`).to.equal(true);
      }
      for (const s of r.staffed) for (const span of s.spans) for (let m = span.start; m < span.end; m += 5)
        for (const [role, n] of Object.entries(sc.desk))
          expect(r.assignments.filter((a) => a.activity === "desk" && a.point === s.point && a.desk === s.desk && a.role === role && a.start <= m && a.end > m).length).to.be.at.least(n ?? 0);
    }), { numRuns: 30, seed: 7 });
  });

  it("gives the same rotation for the same input", () => {
    fc.assert(fc.property(siteArb, (sc) => {
      const req = maxDeskRequests(sc);
      expect(JSON.stringify(planRotation(sc, req))).to.equal(JSON.stringify(planRotation(structuredClone(sc), structuredClone(req))));
    }), { numRuns: 15, seed: 11 });
  });

  it("keeps every rule through a repair and through any swap it accepts", () => {
    fc.assert(fc.property(siteArb, fc.nat(), fc.nat(), (sc, pickA, pickB) => {
      const r = planRotation(sc, maxDeskRequests(sc));
      const desk = r.assignments.filter((a) => a.activity === "desk");
      if (desk.length === 0) return;
      const a = desk[pickA % desk.length];
      const minute = a.start + Math.floor((a.end - a.start) / 2);
      const fixed = repairFromMinute(sc, r.assignments, a.staff, minute, "unwell");
      expect(checkAssignments(sc, fixed.assignments)).to.deep.equal([]);
      for (const x of r.assignments.filter((y) => y.end <= minute)) expect(fixed.assignments.some((y) => y.id === x.id && y.start === x.start && y.end === x.end)).to.equal(true);
      const to = sc.staff[pickB % sc.staff.length].id;
      const swap = checkSwap(sc, r.assignments, a.id, to);
      if (swap.ok) expect(checkAssignments(sc, swap.assignments)).to.deep.equal([]);
    }), { numRuns: 30, seed: 13 });
  });
});
