// Door-to-door routes of the grid teams (docs/domain.md "Home sampling"): walking order, minutes
// at doors and on stairs, single tubes for isolated households and pooled ones for the immobile,
// the heat's rests and the suit's breaks on the way, and what cannot be reached, with why.
import { expect } from "chai";
import { readFileSync } from "node:fs";
import type { HomeVisit, Scenario } from "../shared/scenario/schema.ts";
import { validateScenario } from "../shared/scenario/validate.ts";
import { planHomeRoute, routeOrder, type RouteInput } from "../shared/home/route.ts";
import { homeTubes } from "../shared/home/tubes.ts";
import type { Allowance } from "../shared/heat/gbz.ts";

const RULES = {
  homeVisitMinutes: 6,
  stairMinutesPerFloor: 1,
  walkBetweenBuildingsMinutes: 3,
  swabSeconds: 20,
  poolSize: 10,
  maxContinuousPpeMinutes: 120,
  ppeBreakMinutes: 30,
  maxTubeAgeMinutes: 240,
  labTravelMinutes: 40,
};
const NINE = 9 * 60;
const visit = (id: string, building: string, floor: number, people: number, reason: HomeVisit["reason"] = "immobile"): HomeVisit => ({ id, building, floor, people, reason, label: `${building}-${floor}01` });
const route = (o: Partial<RouteInput> = {}) =>
  planHomeRoute({ team: "grid-n", medic: "yang", buildings: ["b1", "b2"], visits: [], start: NINE, end: NINE + 600, rules: RULES, allowance: () => "unlimited", ...o });

describe("a grid team's home route", () => {
  it("walks building by building in the team's order, each climbed from the ground up", () => {
    const visits = [visit("c", "b2", 2, 1), visit("a", "b1", 6, 1), visit("b", "b1", 3, 1), visit("d", "b9", 1, 1)];
    expect(routeOrder(["b1", "b2"], visits).map((v) => v.id)).to.deep.equal(["b", "a", "c", "d"]);
  });

  it("times each door: the walk there, six minutes at the door and twenty seconds more per extra person", () => {
    const r = route({ visits: [visit("a", "b1", 3, 1), visit("b", "b1", 5, 4), visit("c", "b2", 2, 1)] });
    // to b1 floor 3: 3 min across + 2 floors up; 6 at the door
    expect(r.stops[0]).to.include({ visit: "a", start: NINE + 5, end: NINE + 11 });
    // two floors up; 6 + ceil(3 × 20 s) = 7 at the door
    expect(r.stops[1]).to.include({ visit: "b", start: NINE + 13, end: NINE + 20 });
    // down 4 floors, across 3, up 1
    expect(r.stops[2]).to.include({ visit: "c", start: NINE + 28, end: NINE + 34 });
    // back at the point three minutes later, where the tubes are handed over
    expect(r.end).to.equal(NINE + 37);
    expect(r.handovers).to.deep.equal([{ at: NINE + 37, trip: 0, tubes: ["grid-n-P1"], swabs: 6 }]);
    expect(r.unvisited).to.deep.equal([]);
  });

  it("gives every isolated person a tube of their own and pools only immobile households together", () => {
    const visits = [visit("iso", "b1", 2, 3, "isolated"), visit("m1", "b1", 4, 6), visit("m2", "b1", 5, 6), visit("iso2", "b2", 1, 1, "isolated")];
    const r = route({ visits });
    const byId = new Map(r.tubes.map((t) => [t.id, t]));
    const iso = r.stops.find((s) => s.visit === "iso")!;
    expect(iso.single).to.equal(true);
    expect(iso.tubes).to.have.length(3);
    for (const t of iso.tubes) expect(byId.get(t)).to.include({ swabs: 1, single: true });
    // No tube holds an isolated person with anyone else.
    for (const t of r.tubes) if (t.visits.some((v) => v.startsWith("iso"))) expect(t.swabs).to.equal(1);
    // 12 immobile people: a full pool of 10 and one of 2; m2 spills over into the second.
    expect(r.stops.find((s) => s.visit === "m2")!.tubes).to.have.length(2);
    expect(r.tubes.filter((t) => !t.single).map((t) => t.swabs)).to.deep.equal([10, 2]);
  });

  it("never fills a pool past the pool size", () => {
    const visits = Array.from({ length: 9 }, (_, i) => visit(`m${i}`, "b1", i + 1, 1 + (i % 4)));
    for (const pool of [5, 10, 20]) {
      const { tubes } = homeTubes("t", visits, pool);
      for (const t of tubes) expect(t.swabs).to.be.at.most(pool);
      expect(tubes.reduce((n, t) => n + t.swabs, 0)).to.equal(visits.reduce((n, v) => n + v.people, 0));
    }
  });

  it("rests in the shade when the heat's work minutes run out, for rest in proportion", () => {
    const visits = Array.from({ length: 6 }, (_, i) => visit(`v${i}`, "b1", 1, 1));
    const r = route({ visits, allowance: (): Allowance => ({ work: 15, rest: 45 }) });
    const rests = r.pauses.filter((p) => p.activity === "rest");
    expect(rests.length).to.be.greaterThan(0);
    // Between two rests no more than 15 minutes of work, and each rest is 3× the work before it.
    let last = r.start;
    for (const p of rests) {
      const worked = r.stops.filter((s) => s.start >= last && s.end <= p.start).reduce((n, s) => n + (s.end - s.start), 0);
      expect(worked).to.be.at.most(15);
      last = p.end;
    }
    expect(r.stops).to.have.length(6);
  });

  it("waits while the heat allows no work, and starts when it does", () => {
    const cool = NINE + 120;
    const r = route({ visits: [visit("a", "b1", 1, 1)], allowance: (start): Allowance => (start < cool ? "stop" : "unlimited") });
    expect(r.pauses[0]).to.deep.equal({ start: NINE, end: cool, activity: "wait" });
    expect(r.stops[0].start).to.be.at.least(cool);
  });

  it("takes the suit off for a full break before two hours in it", () => {
    const visits = Array.from({ length: 30 }, (_, i) => visit(`v${String(i).padStart(2, "0")}`, "b1", 1 + (i % 10), 1));
    const r = route({ visits });
    const breaks = r.pauses.filter((p) => p.activity === "break");
    expect(breaks.length).to.be.greaterThan(0);
    for (const b of breaks) expect(b.end - b.start).to.equal(30);
    let since = r.start;
    for (const b of [...breaks, { start: r.end, end: r.end }]) {
      expect(b.start - since).to.be.at.most(120);
      since = b.end;
    }
  });

  it("names the households it cannot reach: no medic, or no time left", () => {
    const visits = [visit("a", "b1", 1, 1), visit("b", "b1", 2, 1)];
    const noMedic = route({ visits, medic: undefined });
    expect(noMedic.stops).to.deep.equal([]);
    expect(noMedic.unvisited.map((u) => u.reason)).to.deep.equal(Array(2).fill("the team has no medic (a sampler) to take the swabs"));
    const short = route({ visits, end: NINE + 12 });
    expect(short.stops.map((s) => s.visit)).to.deep.equal(["a"]);
    expect(short.unvisited).to.deep.equal([{ visit: "b", building: "b1", reason: "no time left in the team's day" }]);
    expect(short.tubes.map((t) => t.swabs)).to.deep.equal([1]);
  });
});

describe("households and teams in a scenario", () => {
  const example: Scenario = JSON.parse(readFileSync(new URL("../examples/yiyuan.json", import.meta.url), "utf8"));
  const withHome = (): Scenario => ({
    ...structuredClone(example),
    homeVisits: [visit("hv1", "b01", 3, 2, "isolated"), visit("hv2", "b02", 5, 1)],
    teams: [{ id: "grid-north", staff: [example.staff[0].id], buildings: ["b01", "b02"] }],
  });
  const refusal = (s: Scenario, path: string) => {
    const r = validateScenario(s);
    expect(r.ok, path).to.equal(false);
    if (!r.ok) expect(r.problems.map((p) => p.path), path).to.include(path);
  };

  it("accepts households and a team over known buildings and staff", () => {
    const r = validateScenario(withHome());
    expect(r.ok, JSON.stringify(!r.ok && r.problems)).to.equal(true);
  });

  it("refuses a household in an unknown building", () => {
    const s = withHome();
    s.homeVisits![1].building = "b99";
    refusal(s, "$.homeVisits[1].building");
  });

  it("refuses a team with unknown staff, or covering a building twice or another team's building", () => {
    const s = withHome();
    s.teams![0].staff.push("nobody");
    refusal(s, "$.teams[0].staff[1]");
    const twice = withHome();
    twice.teams![0].buildings.push("b01");
    refusal(twice, "$.teams[0].buildings[2]");
    const shared = withHome();
    shared.teams!.push({ id: "grid-2", staff: [example.staff[1].id], buildings: ["b02"] });
    refusal(shared, "$.teams[1].buildings[0]");
  });

  it("refuses a household of 0 or 500 people, and an unknown reason", () => {
    for (const people of [0, 500]) {
      const s = withHome();
      s.homeVisits![0].people = people;
      refusal(s, "$.homeVisits[0].people");
    }
    const s = withHome();
    (s.homeVisits![0] as { reason: string }).reason = "busy";
    refusal(s, "$.homeVisits[0].reason");
  });
});
