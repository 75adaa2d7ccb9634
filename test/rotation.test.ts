import { expect } from "chai";
import { checkAssignments, maxDeskRequests, planRotation } from "../shared/rotation/index.ts";
import { OFF_DUTY_GAP_MINUTES } from "../shared/rotation/breaks.ts";
import { crew, deskOf, district, min, site, unexplainedMinutes, yiyuan } from "./support/rotation-site.ts";

describe("rotation: the example site on its 36 °C day, every desk requested through its window", () => {
  const sc = yiyuan();
  const req = maxDeskRequests(sc);
  const r = planRotation(sc, req);

  // With the sun in the model the heat allowance stops samplers in the sunny hours (GBZ 2.2 in a
  // hooded coverall): the shaded north gate from 10:00 to 17:00, the open south gate until sunset.
  // Before, one BoM band held all day and every desk was requested 07:00–21:00.
  it("requests all four desks outside the hours the heat stops them", () => {
    expect(req.map((d) => `${d.point}#${d.desk}`)).to.deep.equal(["north-gate#1", "north-gate#2", "south-gate#1", "south-gate#2"]);
    for (const d of req.filter((x) => x.point === "north-gate"))
      expect(d.open).to.deep.equal([{ start: min("07:00"), end: min("10:00") }, { start: min("17:00"), end: min("21:00") }]);
    for (const d of req.filter((x) => x.point === "south-gate")) expect(d.open).to.deep.equal([{ start: min("19:00"), end: min("21:00") }]);
  });

  it("breaks no rule for anyone", () => {
    expect(checkAssignments(sc, r.assignments)).to.deep.equal([]);
  });

  it("staffs every requested desk-role-minute or names a gap with its reason", () => {
    expect(unexplainedMinutes(sc, req, r)).to.equal(0);
    for (const g of r.gaps) expect(g.reason).to.be.a("string").and.not.equal("");
  });

  // Was 20/40 all day (TB MED 507 category 5 from the BoM formula); now the hour's GBZ 2.2 allowance:
  // 30/30 or 15/45 wherever a sampler may work that day, so no stint over 30 min and a rest at
  // least as long as the stint before it.
  it("keeps each sampler to stints of at most 30 minutes, each followed by at least as long a rest", () => {
    for (const id of ["bai-xue", "wang-ke", "chen-chen"]) {
      const desk = deskOf(r.assignments, id);
      expect(desk.length).to.be.greaterThan(3);
      for (let i = 0; i < desk.length; i++) {
        expect(desk[i].end - desk[i].start).to.be.at.most(30);
        if (i > 0 && desk[i].start !== desk[i - 1].end) expect(desk[i].start - desk[i - 1].end).to.be.at.least(desk[i - 1].end - desk[i - 1].start);
      }
    }
  });

  // Was: a desk at each gate 07:00–15:00. The heat now stops both gates through the sunny hours, so
  // the open hours are the ones to keep staffed: a desk at the shaded gate whenever it may open, one
  // at the open gate after sunset; the site is still short of samplers for the rest.
  it("keeps a desk at each gate open whenever the heat lets it open and says the site is short of people", () => {
    const spans = (p: string, d: number) => r.staffed.find((s) => s.point === p && s.desk === d)!.spans;
    const covered = (p: string, d: number, a: number, b: number) => spans(p, d).filter((s) => s.start < b && s.end > a).reduce((n, s) => n + Math.min(s.end, b) - Math.max(s.start, a), 0);
    expect(covered("north-gate", 1, min("07:00"), min("10:00"))).to.equal(180);
    expect(covered("north-gate", 1, min("17:00"), min("21:00"))).to.equal(240);
    expect(covered("north-gate", 1, min("10:00"), min("17:00"))).to.equal(0);
    expect(covered("south-gate", 1, min("19:00"), min("21:00"))).to.be.at.least(105);
    expect(covered("south-gate", 1, min("07:00"), min("19:00"))).to.equal(0);
    expect(r.staffShort!.sampler).to.be.greaterThan(0);
    expect(r.staffNeeded.sampler).to.be.greaterThan(8);
    expect(r.gaps.some((g) => /desk kept closed: the \d+ samplers on duty can keep only \d+ desks?/.test(g.reason))).to.equal(true);
  });

  // Was bai-xue, on duty all day; with the heat stopping the gates from 10:00 to 17:00 bai-xue now
  // works two short spells with hours off between (no rest entry for time off), and chen-chen's
  // evening has the rests and the meal.
  it("gives rest and meal entries between desk stints, and nothing for hours off", () => {
    const mine = r.assignments.filter((a) => a.staff === "chen-chen").sort((a, b) => a.start - b.start);
    const kinds = new Set(mine.map((a) => a.activity));
    expect(kinds.has("rest")).to.equal(true);
    expect(kinds.has("meal")).to.equal(true);
    for (let i = 1; i < mine.length; i++) expect(mine[i].start).to.equal(mine[i - 1].end);
    const bai = r.assignments.filter((a) => a.staff === "bai-xue").sort((a, b) => a.start - b.start);
    for (let i = 1; i < bai.length; i++) {
      const gap = bai[i].start - bai[i - 1].end;
      expect(gap === 0 || gap >= OFF_DUTY_GAP_MINUTES, `${bai[i - 1].end}–${bai[i].start}`).to.equal(true);
    }
  });

  it("numbers assignments per person, uniquely, and gives the same plan twice", () => {
    expect(new Set(r.assignments.map((a) => a.id)).size).to.equal(r.assignments.length);
    expect(r.assignments.find((a) => a.staff === "bai-xue" && a.activity === "desk")!.id).to.equal("bai-xue-1");
    expect(JSON.stringify(planRotation(sc, req))).to.equal(JSON.stringify(r));
  });

  it("echoes the requested desks and reports the desk-minute spread within each role", () => {
    expect(r.desks).to.deep.equal(req);
    expect(r.deskMinuteSpread.sampler).to.be.a("number").and.below(0.5);
    expect(r.deskMinuteSpread.registrar).to.be.a("number").and.below(0.5);
  });
});

describe("rotation: sizing the crew", () => {
  it("uses no more people than the desks need when the roster is large", () => {
    const sc = site({ tempC: 35, staff: crew("sampler", 12) });
    const r = planRotation(sc, maxDeskRequests(sc));
    expect(r.gaps).to.deep.equal([]);
    expect(r.staffNeeded.sampler).to.equal(3); // 20 on, 40 off: three people keep one desk
    expect(r.staffUsed).to.equal(3);
    expect(r.staffShort!.sampler).to.equal(0);
  });

  it("says how many more people full coverage needs when the roster is short", () => {
    const sc = site({ tempC: 35, staff: crew("sampler", 1) });
    const r = planRotation(sc, maxDeskRequests(sc));
    expect(r.staffShort!.sampler).to.equal(2);
    expect(r.staffNeeded.sampler).to.equal(3);
    expect(r.gaps.length).to.be.greaterThan(0);
  });

  it("staffs both roles of a desk together, leaving no sampler at a desk without its registrar", () => {
    const sc = site({ tempC: 24, desk: { sampler: 1, registrar: 1 }, points: [{ id: "p", desks: 3, shelter: "open" }], staff: [...crew("sampler", 6), ...crew("registrar", 2)] });
    const req = maxDeskRequests(sc);
    const r = planRotation(sc, req);
    const desk = r.assignments.filter((a) => a.activity === "desk");
    for (const a of desk.filter((x) => x.role === "sampler"))
      for (let m = a.start; m < a.end; m += 5)
        expect(desk.some((b) => b.role === "registrar" && b.desk === a.desk && b.start <= m && b.end > m), `registrar at desk ${a.desk}`).to.equal(true);
    expect(unexplainedMinutes(sc, req, r)).to.equal(0);
  });

  it("spreads desk minutes evenly among people with the same hours", () => {
    const sc = site({ tempC: 35, window: ["08:00", "14:00"], staff: crew("sampler", 6), points: [{ id: "p", desks: 2, shelter: "open" }] });
    const r = planRotation(sc, maxDeskRequests(sc));
    expect(r.deskMinuteSpread.sampler).to.be.at.most(0.1);
  });
});

describe("rotation: speed", () => {
  it("rotates a district of 300 people, 30 points and 90 desks over 14 hours in well under 10 seconds", function () {
    this.timeout(30000);
    const sc = district();
    const req = maxDeskRequests(sc);
    const t0 = performance.now();
    const r = planRotation(sc, req);
    expect(performance.now() - t0).to.be.below(10000);
    expect(checkAssignments(sc, r.assignments)).to.deep.equal([]);
    expect(unexplainedMinutes(sc, req.slice(0, 6), { ...r, assignments: r.assignments.filter((a) => req.slice(0, 6).some((d) => d.point === a.point && d.desk === a.desk)) })).to.equal(0);
  });
});
