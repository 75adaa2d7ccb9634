import { expect } from "chai";
import { checkAssignments, maxDeskRequests, planRotation, type MinuteAssignment, type RuleName } from "../shared/rotation/index.ts";
import type { Scenario } from "../shared/scenario/schema.ts";
import { at, crew, deskOf, min, site, unexplainedMinutes } from "./support/rotation-site.ts";

let n = 0;
const desk = (staff: string, from: string, to: string, extra: Partial<MinuteAssignment> = {}): MinuteAssignment =>
  ({ id: `x-${++n}`, staff, role: "sampler", activity: "desk", point: "p", desk: 1, start: min(from), end: min(to), ...extra });
const rulesBroken = (sc: Scenario, list: MinuteAssignment[]): RuleName[] => [...new Set(checkAssignments(sc, list).map((v) => v.rule))];

const hot = site({ tempC: 35, window: ["08:00", "16:00"], staff: crew("sampler", 2) }); // category 5: 20 on, 40 off
const cool = site({ tempC: 18, window: ["06:00", "20:00"], staff: crew("sampler", 2) }); // no heat limit for swabbing

describe("rules: the checker finds each broken rule", () => {
  it("finds a desk stint longer than the heat allows", () => {
    const v = checkAssignments(hot, [desk("sampler-1", "08:00", "08:30")]);
    expect(v.map((x) => x.rule)).to.deep.equal(["heat-stint"]);
    expect(v[0].minute).to.equal(min("08:00"));
  });

  it("finds a rest shorter than stint × rest/work", () => {
    expect(rulesBroken(hot, [desk("sampler-1", "08:00", "08:20"), desk("sampler-1", "08:40", "09:00")])).to.deep.equal(["heat-rest"]);
    expect(rulesBroken(hot, [desk("sampler-1", "08:00", "08:20"), desk("sampler-1", "09:00", "09:20")])).to.deep.equal([]);
  });

  it("joins back-to-back desks into one stint, wherever they are", () => {
    const sc = site({ tempC: 35, points: [{ id: "p", desks: 2, shelter: "open" }], staff: crew("sampler", 1) });
    expect(rulesBroken(sc, [desk("sampler-1", "08:00", "08:15"), desk("sampler-1", "08:15", "08:30", { desk: 2 })])).to.deep.equal(["heat-stint"]);
  });

  it("finds more than 120 minutes in PPE, breaks shorter than 30 minutes included", () => {
    expect(rulesBroken(cool, [desk("sampler-1", "08:00", "10:05")])).to.deep.equal(["ppe"]);
    expect(rulesBroken(cool, [desk("sampler-1", "08:00", "09:00"), desk("sampler-1", "09:10", "10:10")])).to.deep.equal(["ppe"]);
    expect(rulesBroken(cool, [desk("sampler-1", "08:00", "09:00"), desk("sampler-1", "09:30", "10:30")])).to.deep.equal([]);
  });

  it("finds five hours of work without a meal break", () => {
    const sc = { ...cool, rules: { maxContinuousPpeMinutes: 600, ppeBreakMinutes: 5 } };
    const long = [desk("sampler-1", "08:00", "10:00"), desk("sampler-1", "10:10", "12:00"), desk("sampler-1", "12:10", "13:20")];
    expect(rulesBroken(sc, long)).to.deep.equal(["meal"]);
    const fed = [desk("sampler-1", "08:00", "10:00"), desk("sampler-1", "10:30", "12:00"), desk("sampler-1", "12:10", "13:20")];
    expect(rulesBroken(sc, fed)).to.deep.equal([]);
  });

  // Heat rests are time on duty (docs/api.md "Defaults"); this day of 450 desk minutes used to
  // pass with its two 30-min rests uncounted: 450 + 60 is over 480 (its two meals are not counted).
  it("finds time on duty past maxWorkMinutesPerDay, heat rests and standby included, meals not", () => {
    const long = [["06:00", "07:30"], ["08:00", "09:30"], ["10:00", "11:30"], ["12:00", "13:30"], ["14:00", "15:30"]].map(([a, b]) => desk("sampler-1", a, b));
    expect(rulesBroken(cool, long)).to.deep.equal(["overtime"]);
    const day = [["08:00", "09:30"], ["10:00", "11:30"], ["12:00", "13:30"], ["14:00", "15:30"]].map(([a, b]) => desk("sampler-1", a, b));
    expect(rulesBroken(cool, day)).to.deep.equal([]); // 360 at the desk, 60 of rests, a meal at 11:30
    day.push({ ...desk("sampler-1", "16:00", "17:05"), activity: "standby", point: undefined, desk: undefined });
    expect(rulesBroken(cool, day)).to.deep.equal(["overtime"]); // and a meal at 15:30: 485
  });

  it("finds work outside availability, outside a role, outside the windows, and in two places at once", () => {
    const sc = site({ window: ["08:00", "12:00"], staff: [{ id: "a", roles: ["sampler"], from: "09:00", to: "12:00" }, { id: "r", roles: ["registrar"] }] });
    expect(rulesBroken(sc, [desk("a", "08:30", "08:50")])).to.deep.equal(["availability"]);
    expect(rulesBroken(sc, [desk("r", "08:30", "08:50")])).to.deep.equal(["role"]);
    const wide = site({ window: ["08:00", "12:00"], staff: [{ id: "a", roles: ["sampler"], from: "07:00", to: "12:00" }] });
    expect(rulesBroken(wide, [desk("a", "07:30", "07:50")])).to.deep.equal(["window"]);
    expect(rulesBroken(sc, [desk("a", "09:00", "09:20"), { ...desk("a", "09:10", "09:30"), activity: "rest" }])).to.deep.equal(["two-places"]);
  });

  it("finds outdoor work the day rule forbids", () => {
    const sc = site({ window: ["08:00", "14:00"], tempC: [30, 38, 38, 38, 30, 30], staff: [{ id: "a", roles: ["sampler"] }, { id: "p", roles: ["sampler"], noOutdoorHeat: true }] });
    expect(rulesBroken(sc, [desk("a", "10:00", "10:15")])).to.deep.equal(["day-rule"]);
    expect(rulesBroken(sc, [desk("p", "13:00", "13:15")])).to.deep.equal(["day-rule"]);
  });

  it("finds a second shift started without minRestBetweenShiftsMinutes off", () => {
    const sc = site({ window: ["07:00", "23:00"], tempC: 18 });
    sc.staff = [{ id: "a", name: "a", roles: ["sampler"], available: [{ start: at("07:00"), end: at("11:00") }, { start: at("15:00"), end: at("23:00") }] }];
    expect(rulesBroken(sc, [desk("a", "09:00", "10:00"), desk("a", "15:00", "16:00")])).to.deep.equal(["shift-rest"]);
    expect(rulesBroken({ ...sc, rules: { minRestBetweenShiftsMinutes: 240 } }, [desk("a", "09:00", "10:00"), desk("a", "15:00", "16:00")])).to.deep.equal([]);
  });
});

describe("rules: the rotation keeps each of them", () => {
  it("cuts a stint at what the worst heat category it touches allows", () => {
    const sc = site({ window: ["08:00", "11:00"], tempC: [18, 35, 35], staff: crew("sampler", 4) });
    const r = planRotation(sc, maxDeskRequests(sc));
    expect(checkAssignments(sc, r.assignments)).to.deep.equal([]);
    const crossing = r.assignments.filter((a) => a.activity === "desk" && a.start < min("09:00") && a.end > min("09:00"));
    for (const a of crossing) expect(a.end - a.start).to.be.at.most(20);
    expect(r.gaps).to.deep.equal([]);
  });

  it("lets a booth ignore the outdoor heat but not the PPE cap", () => {
    const sc = site({ tempC: 35, points: [{ id: "b", desks: 1, shelter: "booth" }], staff: crew("sampler", 2) });
    const r = planRotation(sc, maxDeskRequests(sc));
    expect(checkAssignments(sc, r.assignments)).to.deep.equal([]);
    const longest = Math.max(...r.assignments.filter((a) => a.activity === "desk").map((a) => a.end - a.start));
    expect(longest).to.be.greaterThan(20).and.at.most(120);
  });

  it("takes a 30-minute break out of PPE after at most 120 minutes in it", () => {
    const sc = site({ tempC: 18, window: ["08:00", "14:00"], staff: crew("sampler", 2) });
    const r = planRotation(sc, maxDeskRequests(sc));
    expect(checkAssignments(sc, r.assignments)).to.deep.equal([]);
    expect(r.gaps).to.deep.equal([]);
    for (const id of ["sampler-1", "sampler-2"]) for (const a of deskOf(r.assignments, id)) expect(a.end - a.start).to.be.at.most(120);
  });

  it("fits a meal break into any 5 hours of work when the PPE rule alone would not", () => {
    const sc = site({ tempC: 18, window: ["08:00", "16:00"], staff: crew("sampler", 3), rules: { maxContinuousPpeMinutes: 600, ppeBreakMinutes: 10 } });
    const r = planRotation(sc, maxDeskRequests(sc));
    expect(checkAssignments(sc, r.assignments)).to.deep.equal([]);
    expect(r.gaps).to.deep.equal([]);
  });

  it("keeps people to their hours and their roles", () => {
    const sc = site({ tempC: 18, desk: { sampler: 1, registrar: 1 }, staff: [{ id: "late", roles: ["sampler"], from: "10:00" }, { id: "early", roles: ["sampler"], to: "10:00" }, { id: "reg", roles: ["registrar"] }, { id: "reg2", roles: ["registrar"] }] });
    const r = planRotation(sc, maxDeskRequests(sc));
    expect(checkAssignments(sc, r.assignments)).to.deep.equal([]);
    for (const a of deskOf(r.assignments, "late")) expect(a.start).to.be.at.least(min("10:00"));
    for (const a of deskOf(r.assignments, "early")) expect(a.end).to.be.at.most(min("10:00"));
    expect(r.assignments.filter((a) => a.staff.startsWith("reg") && a.activity === "desk").every((a) => a.role === "registrar")).to.equal(true);
  });

  it("works on a 10-minute grid when slotMinutes says so", () => {
    const sc = site({ tempC: 35, staff: crew("sampler", 4), rules: { slotMinutes: 10 } });
    const r = planRotation(sc, maxDeskRequests(sc));
    for (const a of r.assignments) { expect(a.start % 10).to.equal(0); expect(a.end % 10).to.equal(0); }
    expect(checkAssignments(sc, r.assignments)).to.deep.equal([]);
  });

  it("holds everyone to an overridden maxWorkMinutesPerDay", () => {
    const sc = site({ tempC: 18, staff: crew("sampler", 4), rules: { maxWorkMinutesPerDay: 90 } });
    const r = planRotation(sc, maxDeskRequests(sc));
    expect(checkAssignments(sc, r.assignments)).to.deep.equal([]);
    expect(r.staffUsed).to.be.at.least(3);
  });

  it("does not start a night shift too soon after a day shift", () => {
    const sc = site({ window: ["07:00", "23:00"], tempC: 18 });
    sc.windows = [{ start: at("07:00"), end: at("11:00") }, { start: at("15:00"), end: at("23:00") }];
    sc.staff = [
      { id: "a", name: "a", roles: ["sampler"], available: [{ start: at("07:00"), end: at("11:00") }, { start: at("15:00"), end: at("23:00") }] },
      { id: "b", name: "b", roles: ["sampler"], available: [{ start: at("07:00"), end: at("11:00") }, { start: at("15:00"), end: at("23:00") }] },
    ];
    const req = maxDeskRequests(sc);
    const r = planRotation(sc, req);
    expect(checkAssignments(sc, r.assignments)).to.deep.equal([]);
    expect(unexplainedMinutes(sc, req, r)).to.equal(0);
    expect(r.gaps.some((g) => /between shifts/.test(g.reason))).to.equal(true);
  });
});
