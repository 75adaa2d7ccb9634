import { expect } from "chai";
import { readFileSync } from "node:fs";
import { makePlan } from "../shared/plan/make.ts";
import { allStaffed } from "../shared/plan/all-staffed.ts";
import type { PlanRotation } from "../shared/rotation/api.ts";
import type { Scenario } from "../shared/scenario/schema.ts";
import { toMinute } from "../shared/time.ts";

// These tests are about the site planner, not the heat: they plan the example under TB MED 507,
// which sets work and rest but never stops a desk, so every desk may open all day as the planner's
// cases assume. Under its default, GBZ 2.2, the heat stops the example's desks through the sunny
// hours; that plan is tested in test/heat-example.test.ts.
const example: Scenario = JSON.parse(readFileSync(new URL("../examples/yiyuan.json", import.meta.url), "utf8"));
example.rules = { ...(example.rules ?? {}), heatStandard: "tbmed507" };
const copy = (): Scenario => structuredClone(example);
const plain = { rotation: allStaffed };
const called = (plan: ReturnType<typeof makePlan>, building: string) =>
  plan.callups.filter((c) => c.building === building).reduce((n, c) => n + c.residents, 0);

describe("the site plan", () => {
  const plan = makePlan(example, plain);

  it("has every field of the contract", () => {
    for (const k of ["heat", "dayRule", "desks", "assignments", "callups", "forecast", "tubes", "pickups", "gaps", "summary"]) expect(plan).to.have.property(k);
    expect(plan.summary).to.have.keys("residents", "expectedSwabs", "expectedTubes", "maxWaitMinutes", "staffUsed", "coverage", "staffNeeded", "residentHeatMinutes");
  });

  it("calls every resident of every building exactly once, to their own point, inside the window", () => {
    const open = toMinute(example.windows[0].start), close = toMinute(example.windows[0].end);
    for (const b of example.buildings) expect(called(plan, b.id), b.id).to.equal(b.residents);
    for (const c of plan.callups) {
      expect(c.point).to.equal(example.buildings.find((b) => b.id === c.building)!.point);
      expect(toMinute(c.start)).to.be.at.least(open);
      expect(toMinute(c.end)).to.be.at.most(close).and.above(toMinute(c.start));
    }
  });

  it("keeps the example's longest predicted wait within its 25-minute target, so states no shortfall", () => {
    expect(plan.summary.maxWaitMinutes).to.be.at.most(25);
    expect(plan).to.not.have.property("shortfall");
  });

  it("calls the example's buildings whole, in the cool of the morning and the evening", () => {
    expect(plan.callups.every((c) => c.part === undefined)).to.equal(true);
    const tempAt = (iso: string) => [...example.weather].reverse().find((w) => toMinute(w.at) <= toMinute(iso))!.tempC;
    for (const c of plan.callups) expect(tempAt(c.start), c.start).to.be.at.most(30);
  });

  it("opens desks only where and when call-ups need them", () => {
    const deskMinutes = plan.desks.flatMap((d) => d.open).reduce((n, s) => n + toMinute(s.end) - toMinute(s.start), 0);
    // 2,790 expected people at 3 a minute need 930 desk-minutes; 4 desks for 14 hours would be 3,360
    expect(deskMinutes).to.be.at.least(930).and.below(1200);
  });

  it("expects residents × attendance swabs per point and enough 10:1 tubes for them", () => {
    const north = plan.tubes.find((t) => t.point === "north-gate")!;
    expect(north.expectedSwabs).to.be.closeTo(1586 * 0.93, 0.05);
    expect(north.expectedTubes).to.be.at.least(Math.ceil(north.expectedSwabs / 10));
    expect(north.byPoolSize![1]).to.be.at.least(north.expectedSwabs);
    expect(plan.summary.expectedTubes).to.equal(plan.tubes.reduce((n, t) => n + t.expectedTubes, 0));
  });

  it("sends the courier in time for every swab: the morning's tubes leave when the morning ends", () => {
    const picks = plan.pickups.filter((p) => p.point === "north-gate");
    expect(picks).to.have.length(2);
    expect(picks.reduce((n, p) => n + p.tubes, 0)).to.equal(plan.tubes.find((t) => t.point === "north-gate")!.expectedTubes);
    expect(picks[0]).to.include({ boxes: 1 });
    const firstCall = Math.min(...plan.callups.filter((c) => c.point === "north-gate").map((c) => toMinute(c.start)));
    expect(toMinute(picks[0].at) - firstCall).to.be.at.most(240 - 35);
  });

  it("advises Dorfman's pool size for the stated prevalence", () => {
    expect(plan.poolingAdvice!.map((a) => a.poolSize)).to.deep.equal([5, 10, 20]);
    expect(plan.poolingAdvice!.find((a) => a.best)!.poolSize).to.equal(20);
  });

  // The couriers' trips (`pickup` assignments, and a courier gap for each trip none can make) are
  // the plan's own, planned from the pickups, not the rotation's: the rest is the rotation's alone.
  it("invents no assignments, heat or gaps when the rotation gives none", () => {
    expect(plan.assignments.filter((a) => a.activity !== "pickup")).to.deep.equal([]);
    expect(plan.gaps.filter((g) => g.role !== "courier")).to.deep.equal([]);
    expect(plan.dayRule.band).to.be.a("string");
  });

  it("is the same plan for the same scenario", () => {
    expect(makePlan(copy(), plain)).to.deep.equal(plan);
  });
});

describe("the site plan with the project's rotation", () => {
  it("staffs every desk it opens and keeps the example within its wait target", () => {
    const plan = makePlan(example);
    expect(plan.assignments.length).to.be.above(0);
    expect(plan.heat.length).to.be.above(0);
    expect(plan.summary.coverage).to.equal(1);
    expect(plan.summary.maxWaitMinutes).to.be.at.most(25);
    for (const b of example.buildings) expect(called(plan, b.id)).to.equal(b.residents);
  });
});

describe("the site plan when things are short", () => {
  it("reroutes a point's buildings when it has no desk, naming their own point", () => {
    const s = copy();
    s.points[1].desks = 0;
    const plan = makePlan(s, plain);
    const south = s.buildings.filter((b) => b.point === "south-gate");
    for (const b of south) expect(called(plan, b.id)).to.equal(b.residents);
    for (const c of plan.callups.filter((c) => south.some((b) => b.id === c.building))) expect(c).to.include({ point: "north-gate", reroutedFrom: "south-gate" });
  });

  it("still calls everyone when no point can open, and says what would meet the target", () => {
    const s = copy();
    for (const p of s.points) p.desks = 0;
    const plan = makePlan(s, plain);
    for (const b of s.buildings) expect(called(plan, b.id)).to.equal(b.residents);
    const shortfall = plan.shortfall as { points: { reason: string; toMeet: { moreDesks: number } }[]; message: string };
    expect(shortfall.points.map((p) => p.reason)).to.deep.equal(["no-staffed-desk", "no-staffed-desk"]);
    expect(shortfall.points[0].toMeet.moreDesks).to.be.at.least(1);
    expect(shortfall.message).to.match(/north-gate: no staffed desk; \d+ more staffed desks? \(/);
  });

  it("states by how much a window too short for everyone misses, and how many desks or hours would do", () => {
    const s = copy();
    s.windows = [{ start: "2021-08-03T07:00:00+08:00", end: "2021-08-03T09:00:00+08:00" }];
    const plan = makePlan(s, plain);
    const shortfall = plan.shortfall as { leftAtClosing: number; points: { point: string; reason: string; toMeet: { moreDesks: number; moreHours: number } }[] };
    expect(shortfall.leftAtClosing).to.be.above(0);
    const north = shortfall.points.find((p) => p.point === "north-gate")!;
    expect(north.reason).to.equal("capacity-short");
    // 1,475 people in 2 hours need 12.3 a minute: 5 desks of 3, so 3 more; or 2 more hours at 6 a minute
    expect(north.toMeet.moreDesks).to.equal(3);
    expect(north.toMeet.moreHours).to.equal(3);
    for (const b of s.buildings) expect(called(plan, b.id)).to.equal(b.residents);
  });

  it("counts as capacity only the desks the rotation staffs", () => {
    const onlyFirstDesk: PlanRotation = (scenario, requests) => {
      const r = allStaffed(scenario, requests);
      return { ...r, staffed: r.staffed.filter((d) => d.desk === 1) };
    };
    const plan = makePlan(example, { rotation: onlyFirstDesk });
    expect(plan.desks.every((d) => d.desk === 1)).to.equal(true);
    expect(plan.summary.maxWaitMinutes).to.be.at.most(25);
  });

  it("plans again without the desk-minutes the rotation could not staff after all", () => {
    // offered all day at first; asked for desk 2 in the morning, it finds nobody for it before 10:00
    let call = 0;
    const ten = toMinute("2021-08-03T10:00:00+08:00");
    const staffsLessLater: PlanRotation = (scenario, requests) => {
      const r = allStaffed(scenario, requests);
      if (++call === 1) return r;
      return { ...r, staffed: r.staffed.map((d) => (d.desk === 2 ? { ...d, spans: d.spans.map((s) => ({ start: Math.max(s.start, ten), end: s.end })).filter((s) => s.end > s.start) } : d)) };
    };
    const plan = makePlan(example, { rotation: staffsLessLater });
    for (const b of example.buildings) expect(called(plan, b.id)).to.equal(b.residents);
    expect(plan.summary.maxWaitMinutes).to.be.at.most(25);
  });

  it("passes the rotation's assignments and gaps through with ISO times", () => {
    const withPeople: PlanRotation = (scenario, requests) => ({
      ...allStaffed(scenario, requests),
      assignments: [{ id: "a1", staff: "bai-xue", role: "sampler", activity: "desk", point: "north-gate", desk: 1, start: toMinute("2021-08-03T07:00:00+08:00"), end: toMinute("2021-08-03T08:00:00+08:00") }],
    });
    const plan = makePlan(example, { rotation: withPeople });
    expect(plan.assignments.filter((a) => a.activity !== "pickup")).to.deep.equal([{ id: "a1", staff: "bai-xue", role: "sampler", activity: "desk", point: "north-gate", desk: 1, start: "2021-08-03T07:00:00+08:00", end: "2021-08-03T08:00:00+08:00" }]);
    expect(plan.summary.staffUsed).to.equal(1);
  });
});
