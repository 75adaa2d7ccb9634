import { expect } from "chai";
import { checkAssignments, maxDeskRequests, planRotation } from "../shared/rotation/index.ts";
import { crew, deskOf, district, min, site, unexplainedMinutes, yiyuan } from "./support/rotation-site.ts";

describe("rotation: the example site on its 36 °C day, every desk requested through its window", () => {
  const sc = yiyuan();
  const req = maxDeskRequests(sc);
  const r = planRotation(sc, req);

  it("requests all four desks from 07:00 to 21:00", () => {
    expect(req.map((d) => `${d.point}#${d.desk}`)).to.deep.equal(["north-gate#1", "north-gate#2", "south-gate#1", "south-gate#2"]);
    for (const d of req) expect(d.open).to.deep.equal([{ start: min("07:00"), end: min("21:00") }]);
  });

  it("breaks no rule for anyone", () => {
    expect(checkAssignments(sc, r.assignments)).to.deep.equal([]);
  });

  it("staffs every requested desk-role-minute or names a gap with its reason", () => {
    expect(unexplainedMinutes(sc, req, r)).to.equal(0);
    for (const g of r.gaps) expect(g.reason).to.be.a("string").and.not.equal("");
  });

  it("keeps each sampler to 20-minute stints and 40-minute rests (category 5 all day in a coverall)", () => {
    for (const id of ["bai-xue", "wang-ke", "chen-chen"]) {
      const desk = deskOf(r.assignments, id);
      expect(desk.length).to.be.greaterThan(3);
      for (let i = 0; i < desk.length; i++) {
        expect(desk[i].end - desk[i].start).to.be.at.most(20);
        if (i > 0 && desk[i].start !== desk[i - 1].end) expect(desk[i].start - desk[i - 1].end).to.be.at.least(40);
      }
    }
  });

  it("keeps at least one desk at each gate open from 07:00 to 15:00 and says the site is short of people", () => {
    const spans = (p: string, d: number) => r.staffed.find((s) => s.point === p && s.desk === d)!.spans;
    const covered = (p: string, d: number, a: number, b: number) => spans(p, d).filter((s) => s.start < b && s.end > a).reduce((n, s) => n + Math.min(s.end, b) - Math.max(s.start, a), 0);
    expect(covered("north-gate", 1, min("07:00"), min("15:00"))).to.equal(480);
    expect(covered("south-gate", 1, min("07:00"), min("15:00"))).to.be.at.least(420);
    expect(r.staffShort!.sampler).to.be.greaterThan(0);
    expect(r.staffNeeded.sampler).to.be.greaterThan(8);
    expect(r.gaps.some((g) => /desk kept closed: the \d+ samplers on duty can keep only 2 desks/.test(g.reason))).to.equal(true);
  });

  it("gives rest and meal entries between desk stints", () => {
    const mine = r.assignments.filter((a) => a.staff === "bai-xue").sort((a, b) => a.start - b.start);
    const kinds = new Set(mine.map((a) => a.activity));
    expect(kinds.has("rest")).to.equal(true);
    expect(kinds.has("meal")).to.equal(true);
    for (let i = 1; i < mine.length; i++) expect(mine[i].start).to.equal(mine[i - 1].end);
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
