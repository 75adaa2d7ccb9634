// Time in PPE and on duty (docs/api.md "Defaults", "Time in PPE and on duty"): the suit comes off
// only in a `break` or a `meal` of at least ppeBreakMinutes, or that long off duty; a rest in the
// suit does not end time in PPE, and heat rests count as time on duty. Judged on the real planner.
import { expect } from "chai";
import { readFileSync } from "node:fs";
import { makePlan } from "../shared/plan/make.ts";
import type { Assignment } from "../shared/plan/types.ts";
import { checkAssignments, maxDeskRequests, planRotation, type MinuteAssignment, type RuleName } from "../shared/rotation/index.ts";
import type { Scenario } from "../shared/scenario/schema.ts";
import { toMinute } from "../shared/time.ts";
import { crew, min, site, yiyuan } from "./support/rotation-site.ts";

const home: Scenario = JSON.parse(readFileSync(new URL("../examples/yiyuan-home.json", import.meta.url), "utf8"));
let n = 0;
const entry = (activity: MinuteAssignment["activity"], from: string, to: string): MinuteAssignment =>
  ({ id: `x-${++n}`, staff: "sampler-1", role: "sampler", activity, ...(activity === "desk" ? { point: "p", desk: 1 } : {}), start: min(from), end: min(to) });
const rulesBroken = (sc: Scenario, list: MinuteAssignment[]): RuleName[] => [...new Set(checkAssignments(sc, list).map((v) => v.rule))];

/** Each person's runs in PPE with desk time in them, as an outside reader of the plan counts them. */
function ppeRuns(assignments: Assignment[], ppeBreak = 30): { staff: string; start: number; end: number }[] {
  const out: { staff: string; start: number; end: number }[] = [];
  const by = new Map<string, Assignment[]>();
  for (const a of assignments) by.set(a.staff, [...(by.get(a.staff) ?? []), a]);
  for (const [staff, list] of by) {
    const spans = list.map((a) => ({ ...a, s: toMinute(a.start), e: toMinute(a.end) })).sort((a, b) => a.s - b.s);
    const off = spans.filter((a) => (a.activity === "break" || a.activity === "meal") && a.e - a.s >= ppeBreak);
    let run: { s: number; e: number; desk: boolean } | null = null;
    const close = () => { if (run?.desk) out.push({ staff, start: run.s, end: run.e }); };
    for (const a of spans) {
      if (a.activity === "break" || a.activity === "meal") continue;
      if (run && a.s - run.e < ppeBreak && !off.some((o) => o.s >= run!.e && o.e <= a.s)) { run.e = Math.max(run.e, a.e); run.desk ||= a.activity === "desk"; }
      else { close(); run = { s: a.s, e: a.e, desk: a.activity === "desk" }; }
    }
    close();
  }
  return out;
}

describe("time in PPE ends only with the suit off", () => {
  const cool = site({ tempC: 18, window: ["06:00", "20:00"], staff: crew("sampler", 2) });

  it("counts a 40-minute rest in the suit as time in PPE, and a 40-minute break out of it", () => {
    const day = (middle: MinuteAssignment["activity"]) => [entry("desk", "08:00", "09:00"), entry(middle, "09:00", "09:40"), entry("desk", "09:40", "10:30")];
    expect(rulesBroken(cool, day("rest"))).to.deep.equal(["ppe"]);
    expect(rulesBroken(cool, day("break"))).to.deep.equal([]);
  });

  it("counts a break shorter than ppeBreakMinutes as time in PPE", () => {
    expect(rulesBroken(cool, [entry("desk", "08:00", "09:00"), entry("break", "09:00", "09:20"), entry("desk", "09:20", "10:10")])).to.deep.equal(["ppe"]);
  });

  it("ends time in PPE after ppeBreakMinutes off duty, with nothing planned in between", () => {
    expect(rulesBroken(cool, [entry("desk", "08:00", "09:30"), entry("desk", "10:00", "11:30")])).to.deep.equal([]);
  });

  it("plans a break of at least ppeBreakMinutes, suit off, where the PPE cap needs one, and rests in the suit elsewhere", () => {
    const sc = site({ tempC: 24, staff: crew("sampler", 3), window: ["08:00", "12:00"] });
    const r = planRotation(sc, maxDeskRequests(sc));
    const breaks = r.assignments.filter((a) => a.activity === "break");
    expect(breaks.length).to.be.greaterThan(0);
    for (const b of breaks) expect(b.end - b.start, b.id).to.be.at.least(30);
    expect(r.assignments.some((a) => a.activity === "rest")).to.equal(true);
    expect(checkAssignments(sc, r.assignments)).to.deep.equal([]);
  });
});

describe("the example's plans keep the PPE cap and count heat rests as time on duty", function () {
  this.timeout(60_000);
  for (const [name, sc] of [["the example site", yiyuan()], ["the example site with home visits", home]] as const) {
    const plan = makePlan(sc);

    it(`keeps nobody in PPE past 120 minutes on ${name}, rests in the suit counted`, () => {
      const long = ppeRuns(plan.assignments).filter((r) => r.end - r.start > 120);
      expect(long).to.deep.equal([]);
    });

    it(`keeps everyone's time on duty, heat rests included and meals not, within 480 minutes on ${name}`, () => {
      const onDuty = new Map<string, number>();
      for (const a of plan.assignments) if (a.activity !== "meal") onDuty.set(a.staff, (onDuty.get(a.staff) ?? 0) + toMinute(a.end) - toMinute(a.start));
      for (const [staff, m] of onDuty) expect(m, staff).to.be.at.most(480);
    });
  }

  it("plans breaks, suit off, on the example site, each at least 30 minutes", () => {
    const plan = makePlan(yiyuan());
    const breaks = plan.assignments.filter((a) => a.activity === "break");
    expect(breaks.length).to.be.greaterThan(0);
    for (const b of breaks) expect(toMinute(b.end) - toMinute(b.start), b.id).to.be.at.least(30);
  });

  it("keeps a medic's route and their desk at least a PPE break apart", () => {
    const plan = makePlan(home);
    const routes = plan.assignments.filter((a) => a.activity === "home");
    for (const r of routes) for (const d of plan.assignments.filter((a) => a.staff === r.staff && a.activity === "desk")) {
      const apart = Math.max(toMinute(d.start) - toMinute(r.end), toMinute(r.start) - toMinute(d.end));
      expect(apart, `${r.staff} ${d.start}`).to.be.at.least(30);
    }
  });
});
