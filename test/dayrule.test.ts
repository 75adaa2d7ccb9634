import { expect } from "chai";
import { dayRule, dayRuleBand, dayRuleMinutes, hottestHours } from "../shared/heat/index.ts";
import { checkAssignments, maxDeskRequests, planRotation } from "../shared/rotation/index.ts";
import { crew, min, site, unexplainedMinutes, yiyuan } from "./support/rotation-site.ts";

// 07:00–19:00, peaking at 38 °C (or `peak`) from 13:00 to 15:00
const hotDay = (peak = 38) => site({
  window: ["07:00", "19:00"],
  tempC: [28, 29, 30, 32, 34, 35, peak, peak, peak - 0.5, 34, 32, 30],
  points: [{ id: "open", desks: 1, shelter: "open" }, { id: "booth", desks: 1, shelter: "booth" }],
  staff: crew("sampler", 10),
});

describe("day rule: bands on the forecast maximum (2012 measures, art. 8)", () => {
  it("puts 34.9 °C below 35, and 35, 37 and 40 °C at the bottom of their bands", () => {
    expect([34.9, 35, 36.9, 37, 39.9, 40, 42].map(dayRuleBand)).to.deep.equal(["<35", "35-37", "35-37", "37-40", "37-40", ">=40", ">=40"]);
  });

  it("finds the 3 hottest hours as the three consecutive forecasts with the highest mean", () => {
    const span = hottestHours(hotDay());
    expect(span).to.deep.equal({ start: min("13:00"), end: min("16:00") });
  });

  it("takes the first run of three on a tie", () => {
    const span = hottestHours(site({ window: ["08:00", "14:00"], tempC: [30, 36, 36, 36, 36, 30] }));
    expect(span).to.deep.equal({ start: min("09:00"), end: min("12:00") });
  });

  it("sets no limit on the example's 36 °C day, but no overtime", () => {
    const r = dayRule(yiyuan());
    expect(r).to.deep.equal({ maxTempC: 36, band: "35-37", maxOutdoorMinutesPerPerson: null, noOutdoor: [] });
    expect(dayRuleMinutes(yiyuan()).hot).to.equal(true);
  });

  it("allows 6 h outdoors a person and none in the 3 hottest hours at 37–40 °C", () => {
    const r = dayRule(hotDay(38));
    expect(r.band).to.equal("37-40");
    expect(r.maxOutdoorMinutesPerPerson).to.equal(360);
    expect(r.noOutdoor).to.deep.equal([{ start: "2021-08-03T13:00:00+08:00", end: "2021-08-03T16:00:00+08:00" }]);
  });

  it("forbids outdoor work all day at 40 °C or more", () => {
    const r = dayRuleMinutes(hotDay(41));
    expect(r.band).to.equal(">=40");
    expect(r.maxOutdoorMinutesPerPerson).to.equal(0);
    expect(r.noOutdoor[0].start).to.be.at.most(min("07:00"));
    expect(r.noOutdoor[0].end).to.be.at.least(min("19:00"));
  });
});

describe("day rule: in the rotation", () => {
  it("asks for no outdoor desk in the 3 hottest hours at 38 °C, while the booth stays open", () => {
    const req = maxDeskRequests(hotDay(38));
    const open = req.find((r) => r.point === "open")!;
    const booth = req.find((r) => r.point === "booth")!;
    expect(open.open).to.deep.equal([{ start: min("07:00"), end: min("13:00") }, { start: min("16:00"), end: min("19:00") }]);
    expect(booth.open).to.deep.equal([{ start: min("07:00"), end: min("19:00") }]);
  });

  it("asks for no desk at an open or shaded point at 41 °C", () => {
    const req = maxDeskRequests(hotDay(41));
    expect(req.map((r) => r.point)).to.deep.equal(["booth"]);
  });

  it("keeps everyone out of the 3 hottest hours and under 6 h outdoors, with a gap naming the rule when asked anyway", () => {
    const sc = hotDay(38);
    const req = [{ point: "open", desk: 1, open: [{ start: min("07:00"), end: min("19:00") }] }];
    const r = planRotation(sc, req);
    expect(checkAssignments(sc, r.assignments)).to.deep.equal([]);
    const outdoor = r.assignments.filter((a) => a.activity === "desk");
    expect(outdoor.filter((a) => a.start < min("16:00") && a.end > min("13:00"))).to.deep.equal([]);
    const perPerson = new Map<string, number>();
    for (const a of outdoor) perPerson.set(a.staff, (perPerson.get(a.staff) ?? 0) + a.end - a.start);
    expect(Math.max(...perPerson.values())).to.be.at.most(360);
    const hot = r.gaps.filter((g) => g.start >= min("13:00") && g.end <= min("16:00"));
    expect(hot.reduce((n, g) => n + g.end - g.start, 0)).to.equal(180);
    expect(hot[0].reason).to.match(/3 hottest hours 13:00–16:00/);
    expect(unexplainedMinutes(sc, req, r)).to.equal(0);
  });

  it("staffs no open-air desk at 41 °C and says why", () => {
    const sc = hotDay(41);
    const req = [{ point: "open", desk: 1, open: [{ start: min("07:00"), end: min("09:00") }] }];
    const r = planRotation(sc, req);
    expect(r.assignments).to.deep.equal([]);
    expect(r.gaps).to.have.length(1);
    expect(r.gaps[0].reason).to.match(/no outdoor work at 40 °C or more/);
  });

  it("keeps a worker excused from outdoor heat off open desks at 35 °C or more", () => {
    const sc = site({ tempC: 35.5, staff: [{ id: "pregnant", roles: ["sampler"], noOutdoorHeat: true }, ...crew("sampler", 4)] });
    const r = planRotation(sc, maxDeskRequests(sc));
    expect(r.assignments.filter((a) => a.staff === "pregnant")).to.deep.equal([]);
    expect(r.gaps).to.deep.equal([]);
  });

  it("lets a worker excused from outdoor heat work an open desk on a cooler day", () => {
    const sc = site({ tempC: 30, staff: [{ id: "pregnant", roles: ["sampler"], noOutdoorHeat: true }] });
    const r = planRotation(sc, maxDeskRequests(sc));
    expect(r.assignments.some((a) => a.staff === "pregnant" && a.activity === "desk")).to.equal(true);
  });

  it("lets nobody work past maxWorkMinutesPerDay on a 35 °C day", () => {
    const sc = site({ window: ["06:00", "20:00"], tempC: 35, points: [{ id: "b", desks: 1, shelter: "booth" }], staff: crew("sampler", 3) });
    const r = planRotation(sc, maxDeskRequests(sc));
    for (const id of ["sampler-1", "sampler-2", "sampler-3"]) {
      const worked = r.assignments.filter((a) => a.staff === id && a.activity === "desk").reduce((n, a) => n + a.end - a.start, 0);
      expect(worked).to.be.at.most(480);
    }
    expect(checkAssignments(sc, r.assignments)).to.deep.equal([]);
  });
});
