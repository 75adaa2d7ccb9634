// The grid teams in the plan (docs/api.md C13): on the example site with 20 households and three
// teams, every household is reached or named with why, walkers are never at a desk meanwhile, no
// door is visited in an hour the heat stops, and every team tube reaches the lab within its age.
import { expect } from "chai";
import { readFileSync } from "node:fs";
import type { Scenario } from "../shared/scenario/schema.ts";
import { makePlan } from "../shared/plan/make.ts";
import { heatTable } from "../shared/heat/table.ts";
import { routeAllowance } from "../shared/home/heat.ts";
import { toMinute } from "../shared/time.ts";

const scenario: Scenario = JSON.parse(readFileSync(new URL("../examples/yiyuan-home.json", import.meta.url), "utf8"));
const overlap = (a: { start: string; end: string }, b: { start: string; end: string }) => Date.parse(a.start) < Date.parse(b.end) && Date.parse(b.start) < Date.parse(a.end);

describe("the grid teams in the plan", function () {
  this.timeout(30_000);
  const plan = makePlan(scenario);
  const routes = plan.homeRoutes as { team: string; medic?: string; stops: { visit: string; start: string; end: string; tubes: string[]; single: boolean; people: number }[]; unvisited: { visit: string; reason: string }[] }[];

  it("reaches every household, or names it with the reason", () => {
    const seen = routes.flatMap((r) => [...r.stops.map((s) => s.visit), ...r.unvisited.map((u) => u.visit)]).sort();
    expect(seen).to.deep.equal(scenario.homeVisits!.map((v) => v.id).sort());
    for (const r of routes) for (const u of r.unvisited) expect(u.reason).to.be.a("string").and.not.equal("");
  });

  it("samples isolated households in single tubes that hold no one else", () => {
    const isolated = new Set(scenario.homeVisits!.filter((v) => v.reason === "isolated").map((v) => v.id));
    for (const r of routes) {
      const holders = new Map<string, string[]>();
      for (const s of r.stops) for (const t of s.tubes) holders.set(t, [...(holders.get(t) ?? []), s.visit]);
      for (const s of r.stops.filter((x) => isolated.has(x.visit))) {
        expect(s.single).to.equal(true);
        expect(s.tubes).to.have.length(s.people);
        for (const t of s.tubes) expect(holders.get(t)).to.deep.equal([s.visit]);
      }
    }
  });

  it("keeps each walker away from the desks while on the route", () => {
    const home = plan.assignments.filter((a) => a.activity === "home");
    expect(home.length).to.be.greaterThan(0);
    for (const h of home) {
      const clash = plan.assignments.filter((a) => a.staff === h.staff && a !== h && a.activity !== "rest" && overlap(a, h));
      expect(clash, `${h.staff} ${h.start}–${h.end}`).to.deep.equal([]);
    }
    // The medic of each team walks; the police officer is only called to a refusal.
    for (const r of routes) expect(home.some((a) => a.staff === r.medic)).to.equal(true);
    expect(home.some((a) => a.staff === "liu-yuan")).to.equal(false);
  });

  it("visits no door in an hour the heat stops work in PPE", () => {
    const allowance = routeAllowance(scenario, heatTable(scenario));
    for (const r of routes) for (const s of r.stops) expect(allowance(toMinute(s.start), toMinute(s.end)), `${r.team} ${s.visit} ${s.start}`).to.not.equal("stop");
  });

  it("brings every team tube to the lab within its age limit", () => {
    // a courier's trip may carry several teams' tubes (and the desks'): `teams` says whose, how many
    const pickups = plan.pickups.flatMap((p) => (p.teams ?? []).map((x) => ({ at: p.at, team: x.team, tubes: x.tubes })));
    const tubes = routes.flatMap((r) => r.stops.flatMap((s) => s.tubes.map((t) => ({ team: r.team, t, at: Date.parse(s.start) }))));
    const firstSwab = new Map<string, number>();
    for (const x of tubes) firstSwab.set(x.t, Math.min(firstSwab.get(x.t) ?? Infinity, x.at));
    // Each tube goes with the team's first pickup at or after its last swab.
    for (const r of routes) {
      const mine = pickups.filter((p) => p.team === r.team).map((p) => Date.parse(p.at)).sort((a, b) => a - b);
      for (const s of r.stops)
        for (const t of s.tubes) {
          const at = mine.find((p) => p >= Date.parse(s.end))!;
          expect(at, `${t} has a pickup`).to.be.a("number");
          const ageAtLab = (at - firstSwab.get(t)!) / 60_000 + scenario.pooling.labTravelMinutes;
          expect(ageAtLab, t).to.be.at.most(scenario.pooling.maxTubeAgeMinutes);
        }
    }
    expect(pickups.reduce((n, p) => n + p.tubes, 0)).to.equal(new Set(tubes.map((x) => x.t)).size);
  });

  it("says which households a team without a medic cannot reach", () => {
    const noMedic = structuredClone(scenario);
    noMedic.teams![2].staff = noMedic.teams![2].staff.filter((id) => id !== "zhang-yi");
    const r = (makePlan(noMedic).homeRoutes as typeof routes).find((x) => x.team === "grid-south")!;
    expect(r.stops).to.deep.equal([]);
    expect(r.unvisited.length).to.equal(scenario.homeVisits!.filter((v) => noMedic.teams![2].buildings.includes(v.building)).length);
    for (const u of r.unvisited) expect(u.reason).to.contain("no medic");
  });
});
