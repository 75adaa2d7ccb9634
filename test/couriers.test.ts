// Couriers (docs/api.md "Plan (output)", docs/domain.md "Transport"): every pickup names its courier,
// a round trip of 2 × labTravelMinutes; a courier's trips never overlap and lie inside their hours,
// away from their other duties; too few couriers merge the pickups (moved earlier), and a gap
// without a desk says which tubes no courier can take. Judged on the real planner.
import { expect } from "chai";
import { readFileSync } from "node:fs";
import { makePlan } from "../shared/plan/make.ts";
import type { Plan } from "../shared/plan/types.ts";
import type { Scenario } from "../shared/scenario/schema.ts";
import { toMinute } from "../shared/time.ts";
import { planCourierTrips } from "../shared/transport/couriers.ts";
import { yiyuan } from "./support/rotation-site.ts";

const home: Scenario = JSON.parse(readFileSync(new URL("../examples/yiyuan-home.json", import.meta.url), "utf8"));
const trip = (sc: Scenario) => 2 * sc.pooling.labTravelMinutes;
/** The example with ma-chao, its one courier, on duty until midnight. */
function lateCourier(extra: Partial<Scenario["staff"][number]> = {}): Scenario {
  const sc = yiyuan();
  sc.staff = sc.staff.map((s) => (s.id === "ma-chao" ? { ...s, available: [{ start: "2021-08-03T07:00:00+08:00", end: "2021-08-03T23:59:00+08:00" }], ...extra } : s));
  return sc;
}

/** Every rule of a courier's trips, as an outside reader checks them. */
function expectCourierRulesKept(sc: Scenario, plan: Plan) {
  const staff = new Map(sc.staff.map((s) => [s.id, s]));
  const byCourier = new Map<string, number[]>();
  for (const k of plan.pickups) {
    if (!k.courier) continue;
    const c = staff.get(k.courier)!;
    expect(c.roles, k.courier).to.include("courier");
    const at = toMinute(k.at);
    expect(c.available.some((a) => at >= toMinute(a.start) && at + trip(sc) <= toMinute(a.end)), `${k.courier} ${k.at}`).to.equal(true);
    byCourier.set(k.courier, [...(byCourier.get(k.courier) ?? []), at]);
  }
  for (const [id, ms] of byCourier) {
    ms.sort((a, b) => a - b);
    for (let i = 1; i < ms.length; i++) expect(ms[i] - ms[i - 1], id).to.be.at.least(trip(sc));
  }
}

describe("couriers: every pickup names one who can make it", function () {
  this.timeout(60_000);

  it("names a courier for every pickup when the roster's courier is on duty through the evening", () => {
    const sc = lateCourier();
    const plan = makePlan(sc);
    expect(plan.pickups.length).to.be.greaterThan(0);
    for (const k of plan.pickups) expect(k.courier, k.at).to.equal("ma-chao");
    expect(plan.gaps.filter((g) => g.role === "courier")).to.deep.equal([]);
    expectCourierRulesKept(sc, plan);
  });

  it("never sends one courier on two trips at once: the pickups due together are taken one after the other, each tube still in time", () => {
    const sc = lateCourier();
    const plan = makePlan(sc);
    const limit = sc.pooling.maxTubeAgeMinutes - sc.pooling.labTravelMinutes;
    const ms = plan.pickups.filter((k) => k.courier === "ma-chao").map((k) => toMinute(k.at)).sort((a, b) => a - b);
    expect(ms.length).to.equal(plan.pickups.length);
    for (let i = 1; i < ms.length; i++) expect(ms[i] - ms[i - 1]).to.be.at.least(trip(sc));
    // every minute with a staffed desk at a point is followed by a pickup there within the limit
    for (const d of plan.desks) for (const o of d.open) {
      const picks = plan.pickups.filter((k) => k.point === d.point).map((k) => toMinute(k.at));
      for (let m = toMinute(o.start); m < toMinute(o.end); m += 5) {
        const next = picks.filter((x) => x > m).sort((a, b) => a - b)[0];
        expect(next, `${d.point} ${m}`).to.be.a("number");
        expect(next - m, `${d.point} ${m}`).to.be.at.most(limit);
      }
    }
  });

  it("leaves no pickup without a courier on the example, but those after its one courier's hours, each with a courier gap and no desk", () => {
    const sc = yiyuan();
    const plan = makePlan(sc);
    expectCourierRulesKept(sc, plan);
    const end = toMinute("2021-08-03T21:00:00+08:00");
    const without = plan.pickups.filter((k) => !k.courier);
    for (const k of without) expect(toMinute(k.at) + trip(sc), k.at).to.be.above(end);
    const gaps = plan.gaps.filter((g) => g.role === "courier");
    expect(gaps.length).to.equal(without.length);
    for (const g of gaps) {
      expect(g).to.not.have.property("desk");
      expect(g.reason).to.match(/courier/);
      expect(without.some((k) => k.point === g.point && k.at === g.start), g.start).to.equal(true);
    }
  });

  it("puts each trip in the plan as a pickup assignment of the courier, with no other duty of theirs during it", () => {
    for (const sc of [yiyuan(), home]) {
      const plan = makePlan(sc);
      const trips = plan.assignments.filter((a) => a.activity === "pickup");
      expect(trips.length).to.equal(plan.pickups.filter((k) => k.courier).length);
      for (const t of trips) {
        expect(t).to.include({ role: "courier" });
        expect(toMinute(t.end) - toMinute(t.start)).to.equal(trip(sc));
        const others = plan.assignments.filter((a) => a.staff === t.staff && a !== t);
        for (const o of others) expect(toMinute(o.start) < toMinute(t.end) && toMinute(t.start) < toMinute(o.end), `${t.id} and ${o.id}`).to.equal(false);
      }
    }
  });

  it("sends a courier who is also a sampler on trips only well away from their desk, rests and breaks", () => {
    const sc = lateCourier({ roles: ["sampler", "courier"] });
    const plan = makePlan(sc);
    expectCourierRulesKept(sc, plan);
    const mine = plan.assignments.filter((a) => a.staff === "ma-chao");
    for (const t of mine.filter((a) => a.activity === "pickup"))
      for (const o of mine.filter((a) => a.activity !== "pickup")) {
        const apart = Math.max(toMinute(o.start) - toMinute(t.end), toMinute(t.start) - toMinute(o.end));
        expect(apart, `${t.id} and ${o.id}`).to.be.at.least(30);
      }
  });

  it("carries the grid teams' tubes with the courier too, saying whose they are", () => {
    const plan = makePlan(home);
    const teams = plan.pickups.flatMap((k) => (k.teams ?? []).map((x) => x.team));
    expect(new Set(teams)).to.deep.equal(new Set(home.teams!.map((t) => t.id)));
    expect(plan.pickups.filter((k) => k.teams?.length && k.courier).length).to.be.greaterThan(0);
    expectCourierRulesKept(home, plan);
  });
});

describe("couriers: too few of them", () => {
  it("moves a pickup earlier when its courier is away on another trip then, and the tubes taken after it go with the next", () => {
    const lots = [
      { point: "a", ready: 10, deadline: 160 }, { point: "a", ready: 150, deadline: 400 },
      { point: "b", ready: 100, deadline: 120 },
    ];
    const plan = planCourierTrips(["a", "b"], lots, [{ id: "c", free: [{ start: 0, end: 1000 }] }], 70);
    expect(plan.trips.map((t) => [t.point, t.at, t.courier, t.lots])).to.deep.equal([["a", 30, "c", [0]], ["b", 100, "c", [2]], ["a", 170, "c", [1]]]);
    expect(plan.short).to.deep.equal([]);
  });

  it("still lists a pickup no courier can make, without a courier, and says so", () => {
    const plan = planCourierTrips(["a"], [{ point: "a", ready: 190, deadline: 300 }], [{ id: "c", free: [{ start: 0, end: 200 }] }], 70);
    expect(plan.trips).to.deep.equal([{ point: "a", at: 190, lots: [0] }]);
    expect(plan.short).to.deep.equal([{ point: "a", start: 190, end: 260 }]);
  });

  it("keeps a courier's trips within their time on duty for the day", () => {
    const lots = [0, 100, 200, 300].map((r) => ({ point: "a", ready: r + 1, deadline: r + 50 }));
    const plan = planCourierTrips(["a"], lots, [{ id: "c", free: [{ start: 0, end: 1000 }], budget: new Map([["d", 140]]) }], 70, () => "d");
    expect(plan.trips.map((t) => t.courier ?? null)).to.deep.equal(["c", "c", null, null]);
  });
});
