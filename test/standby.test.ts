// Standby (docs/api.md C5: standby people give instant relief): rested, qualified people the
// plan already uses stand by at a point with open desks; standby is work time and time in PPE, never
// the rest a stint earns or a meal; repair calls the people standing by at the point first.
import { expect } from "chai";
import { restAfter } from "../shared/heat/category.ts";
import type { MinuteAssignment } from "../shared/rotation/api.ts";
import { breaksBetween } from "../shared/rotation/breaks.ts";
import { rotationContext } from "../shared/rotation/context.ts";
import { checkAssignments, deskStints, maxDeskRequests, planRotation, repairFromMinute, replanFrom } from "../shared/rotation/index.ts";
import { crew, min, site, yiyuan } from "./support/rotation-site.ts";

const standbyOf = (list: MinuteAssignment[], staff?: string) =>
  list.filter((a) => a.activity === "standby" && (staff === undefined || a.staff === staff)).sort((a, b) => a.start - b.start);
const span = (a: MinuteAssignment) => [a.start, a.end];
const workMinutes = (list: MinuteAssignment[], staff: string) =>
  list.filter((a) => a.staff === staff && (a.activity === "desk" || a.activity === "standby")).reduce((n, a) => n + a.end - a.start, 0);

describe("standby: the example site on its 36 °C day", () => {
  const sc = yiyuan();
  const ctx = rotationContext(sc);
  const req = maxDeskRequests(sc);
  const r = planRotation(sc, req);
  const standby = standbyOf(r.assignments);
  const deskPeople = new Set(r.assignments.filter((a) => a.activity === "desk").map((a) => a.staff));

  it("puts someone on standby, and breaks no rule for anyone", () => {
    expect(standby.length).to.be.greaterThan(0);
    expect(checkAssignments(sc, r.assignments)).to.deep.equal([]);
  });

  it("stands by only people already at a desk in the plan, in a role they hold, at a point with that desk open", () => {
    for (const a of standby) {
      expect(deskPeople.has(a.staff), a.id).to.equal(true);
      expect(ctx.personById.get(a.staff)!.roles.has(a.role), a.id).to.equal(true);
      const open = req.filter((d) => d.point === a.point).some((d) => d.open.some((s) => s.start <= a.start && s.end >= a.end));
      expect(open, a.id).to.equal(true);
    }
    expect(r.staffUsed).to.equal(deskPeople.size);
  });

  it("never stands anyone by inside the rest their last stint earned", () => {
    for (const a of standby) {
      const stints = deskStints(ctx, r.assignments.filter((x) => x.staff === a.staff));
      const last = stints.filter((s) => s.end <= a.start).at(-1);
      if (last) expect(a.start - last.end, a.id).to.be.at.least(restAfter(last.end - last.start, last.limit));
    }
  });

  it("keeps everyone within maxWorkMinutesPerDay, desk and standby counted together", () => {
    for (const id of deskPeople) expect(workMinutes(r.assignments, id), id).to.be.at.most(480);
  });

  it("keeps every meal where the desk time alone puts it", () => {
    for (const id of deskPeople) {
      const desk = r.assignments.filter((a) => a.staff === id && a.activity === "desk");
      const meals = breaksBetween(ctx, id, desk).filter((a) => a.activity === "meal").map(span);
      expect(r.assignments.filter((a) => a.staff === id && a.activity === "meal").map(span), id).to.deep.equal(meals);
    }
  });

  it("stands by no more people of a role at a point than it has open seats", () => {
    for (let m = min("07:00"); m < min("21:00"); m += 5) {
      const here = new Map<string, number>();
      for (const a of standby) if (a.start <= m && a.end > m) here.set(`${a.point}|${a.role}`, (here.get(`${a.point}|${a.role}`) ?? 0) + 1);
      for (const [k, n] of here) expect(n, k).to.be.at.most(2); // two desks a point, one of each role each
    }
  });

  it("plans the same standby every time", () => {
    expect(planRotation(sc, req).assignments).to.deep.equal(r.assignments);
  });

  it("stands people by again after a re-plan from 12:05, leaving the past as it was", () => {
    const from = min("12:05");
    const again = replanFrom(sc, r.assignments, req, from);
    expect(standbyOf(again.assignments).filter((a) => a.start >= from).length).to.be.greaterThan(0);
    expect(checkAssignments(sc, again.assignments)).to.deep.equal([]);
    const before = (list: MinuteAssignment[]) => list.filter((a) => a.end <= from).map((a) => JSON.stringify(a)).sort();
    expect(before(again.assignments)).to.deep.equal(before(r.assignments));
    expect(new Set(again.assignments.map((a) => a.id)).size).to.equal(again.assignments.length);
  });

  // Was bai-xue for chen-chen at 13:05; the heat now stops the north gate from 10:00 to 17:00, so
  // chen-chen stands at its desk from 19:00 and falls ill at 19:15, when sun-yue stands by there.
  it("calls sun-yue, standing by at north-gate, first when chen-chen falls ill there at 19:15", () => {
    expect(standbyOf(r.assignments, "sun-yue").some((a) => a.point === "north-gate" && a.start <= min("19:15") && a.end > min("19:15"))).to.equal(true);
    const fix = repairFromMinute(sc, r.assignments, "chen-chen", min("19:15"), "unwell");
    expect(fix.replacements[0]).to.include({ staff: "sun-yue", point: "north-gate", start: min("19:15") });
    expect(checkAssignments(sc, fix.assignments)).to.deep.equal([]);
  });
});

describe("standby: a one-desk site at 24 °C (stints of 30 min at most 50, rests of 6 rounded to a slot)", () => {
  // three samplers on the roster; two cover the desk, 30 min on and 30 off, with a meal break each
  const sc = site({ tempC: 24, staff: crew("sampler", 3), window: ["08:00", "12:00"] });
  const r = planRotation(sc, maxDeskRequests(sc));

  it("stands by the two samplers at work, after their earned rest, and not the third, whom the plan does not use", () => {
    expect(r.staffUsed).to.equal(2);
    expect(standbyOf(r.assignments, "sampler-1").map(span)).to.deep.equal([[min("08:40"), min("09:00")]]);
    expect(standbyOf(r.assignments, "sampler-2").map(span)).to.deep.equal([[min("09:10"), min("09:30")]]);
    expect(standbyOf(r.assignments, "sampler-3")).to.deep.equal([]);
    expect(checkAssignments(sc, r.assignments)).to.deep.equal([]);
  });

  // This 30-min gap used to be listed as a `rest` while it ended time in PPE; a rest is spent in the
  // suit, so the gap the PPE cap needs is now a `break` (suit off, docs/api.md "Defaults").
  it("leaves the 30-min break that takes them out of PPE free of standby (standby there would make 150 min in PPE)", () => {
    const off = r.assignments.find((a) => a.staff === "sampler-1" && a.start === min("09:30"));
    expect(off).to.include({ activity: "break", end: min("10:00") });
  });

  // Heat rests are time on duty now (docs/api.md "Defaults"): at 125 min a day, two samplers no
  // longer cover the morning with 125 min of desk and standby each; the third takes a turn, and
  // nobody's time on duty (every minute but meals) passes 125.
  it("stands nobody by past maxWorkMinutesPerDay: at 125, rests counted, nobody is on duty longer", () => {
    const tight = site({ tempC: 24, staff: crew("sampler", 3), window: ["08:00", "12:00"], rules: { maxWorkMinutesPerDay: 125 } });
    const t = planRotation(tight, maxDeskRequests(tight));
    expect(standbyOf(t.assignments, "sampler-1").map(span)).to.deep.equal([[min("08:40"), min("09:30")]]);
    for (const id of ["sampler-1", "sampler-2", "sampler-3"]) {
      const onDuty = t.assignments.filter((a) => a.staff === id && a.activity !== "meal").reduce((n, a) => n + a.end - a.start, 0);
      expect(onDuty, id).to.be.at.most(125);
    }
    expect(checkAssignments(tight, t.assignments)).to.deep.equal([]);
  });
});

describe("standby: the rules it is checked against", () => {
  const sc = site({ tempC: 24, staff: crew("sampler", 2), window: ["08:00", "12:00"] });
  const desk = (staff: string, a: string, b: string): MinuteAssignment => ({ id: `${staff}-${a}`, staff, role: "sampler", activity: "desk", point: "p", desk: 1, start: min(a), end: min(b) });
  const stand = (staff: string, a: string, b: string): MinuteAssignment => ({ id: `${staff}-sb-${a}`, staff, role: "sampler", activity: "standby", point: "p", start: min(a), end: min(b) });
  const rules = (list: MinuteAssignment[]) => [...new Set(checkAssignments(sc, list).map((v) => v.rule))];

  it("finds standby inside the rest a stint earned (30 min at 50/10 earns 6)", () => {
    expect(rules([desk("sampler-1", "08:00", "08:30"), stand("sampler-1", "08:30", "08:40")])).to.deep.equal(["heat-rest"]);
    expect(rules([desk("sampler-1", "08:00", "08:30"), stand("sampler-1", "08:40", "08:50")])).to.deep.equal([]);
  });

  it("counts standby as time in PPE: no 30-min break off the desk, no end to the PPE run", () => {
    const day = [desk("sampler-1", "08:00", "08:30"), desk("sampler-1", "08:40", "09:10"), desk("sampler-1", "09:50", "10:20")];
    expect(rules(day)).to.deep.equal([]);
    expect(rules([...day, stand("sampler-1", "09:20", "09:50")])).to.deep.equal(["ppe"]);
  });

  it("finds standby at a point, in a role or at a time the person may not work", () => {
    expect(rules([{ ...stand("sampler-1", "08:00", "08:30"), point: "nowhere" }])).to.deep.equal(["assignment"]);
    expect(rules([{ ...stand("sampler-1", "08:00", "08:30"), role: "registrar" }])).to.deep.equal(["role"]);
    expect(rules([stand("sampler-1", "07:30", "08:00")])).to.deep.equal(["availability", "window"]);
    expect(rules([desk("sampler-1", "08:00", "08:30"), stand("sampler-1", "08:20", "08:50")])).to.include("two-places");
  });
});

describe("standby: repair calls the people standing by at the point first", () => {
  // a two-desk point at 24 °C: sampler-1 at desk 1, sampler-2 just off desk 2 (rested by 08:36),
  // sampler-3 standing by at the point
  const sc = site({ tempC: 24, points: [{ id: "p", desks: 2, shelter: "open" }], staff: crew("sampler", 3) });
  const desk = (staff: string, d: number, a: string, b: string): MinuteAssignment => ({ id: `${staff}-1`, staff, role: "sampler", activity: "desk", point: "p", desk: d, start: min(a), end: min(b) });
  const plan: MinuteAssignment[] = [
    desk("sampler-1", 1, "08:10", "09:00"),
    desk("sampler-2", 2, "08:00", "08:30"),
    { id: "sampler-3-standby-1", staff: "sampler-3", role: "sampler", activity: "standby", point: "p", start: min("08:00"), end: min("09:00") },
  ];

  it("gives the desk to the person on standby there rather than the one last at the point", () => {
    expect(checkAssignments(sc, plan)).to.deep.equal([]);
    const fix = repairFromMinute(sc, plan, "sampler-1", min("08:40"), "unwell");
    expect(fix.replacements).to.deep.equal([{ staff: "sampler-3", point: "p", desk: 1, start: min("08:40"), end: min("09:00") }]);
    expect(checkAssignments(sc, fix.assignments)).to.deep.equal([]);
  });

  it("ends their standby when they take the desk and keeps the standby before it, with its id", () => {
    const fix = repairFromMinute(sc, plan, "sampler-1", min("08:40"), "unwell");
    const mine = fix.assignments.filter((a) => a.staff === "sampler-3").sort((a, b) => a.start - b.start);
    expect(mine.map((a) => [a.id, a.activity, a.start, a.end])).to.deep.equal([
      ["sampler-3-standby-1", "standby", min("08:00"), min("08:40")],
      ["sampler-3-1", "desk", min("08:40"), min("09:00")],
    ]);
  });
});
