import { expect } from "chai";
import { checkAssignments, maxDeskRequests, planRotation, repairFromMinute, replanFrom, type MinuteAssignment } from "../shared/rotation/index.ts";
import { crew, min, site, unexplainedMinutes, yiyuan } from "./support/rotation-site.ts";

const sameEntry = (a: MinuteAssignment, list: MinuteAssignment[]) =>
  list.some((b) => b.id === a.id && b.staff === a.staff && b.start === a.start && b.end === a.end && b.activity === a.activity);

describe("repair: someone unwell or absent", () => {
  // two points, 35 °C: 20 on, 40 off; six samplers for two desks and two to spare
  const sc = site({ tempC: 35, points: [{ id: "a", desks: 1, shelter: "open" }, { id: "b", desks: 1, shelter: "open" }], staff: crew("sampler", 8) });
  const plan = planRotation(sc, maxDeskRequests(sc));
  const victim = plan.assignments.find((x) => x.activity === "desk" && x.start === min("09:00") && x.point === "a")!;
  const minute = min("09:10");
  const fixed = repairFromMinute(sc, plan.assignments, victim.staff, minute, "unwell");

  it("takes the person off the desk at once and off everything after", () => {
    const mine = fixed.assignments.filter((a) => a.staff === victim.staff);
    expect(mine.every((a) => a.end <= minute)).to.equal(true);
    expect(mine.find((a) => a.id === victim.id)!.end).to.equal(minute);
  });

  it("leaves the past untouched", () => {
    for (const a of plan.assignments.filter((x) => x.end <= minute)) expect(sameEntry(a, fixed.assignments), a.id).to.equal(true);
  });

  it("calls a rested person to the desk they left, at once", () => {
    const relief = fixed.replacements.find((r) => r.start === minute)!;
    expect(relief).to.include({ point: "a", desk: 1 });
    expect(relief.staff).to.not.equal(victim.staff);
    expect(fixed.assignments.some((x) => x.staff === relief.staff && x.activity === "desk" && x.start === minute)).to.equal(true);
  });

  it("breaks no rule and leaves every desk minute staffed or explained", () => {
    expect(checkAssignments(sc, fixed.assignments)).to.deep.equal([]);
    const req = maxDeskRequests(sc);
    expect(unexplainedMinutes(sc, req, { ...plan, assignments: fixed.assignments, gaps: [...plan.gaps, ...fixed.gaps] })).to.equal(0);
  });

  it("changes only the unwell person and those called in", () => {
    const touched = new Set([victim.staff, ...fixed.replacements.map((r) => r.staff)]);
    const rest = (l: MinuteAssignment[]) => l.filter((a) => !touched.has(a.staff));
    expect(rest(fixed.assignments)).to.deep.equal(rest(plan.assignments));
  });

  it("calls the nearest first: someone from the same point, else whoever has rested longest", () => {
    const cool = site({ tempC: 18, points: [{ id: "a", desks: 1, shelter: "open" }, { id: "b", desks: 1, shelter: "open" }], staff: [{ id: "sick", roles: ["sampler"] }, { id: "near", roles: ["sampler"] }, { id: "far", roles: ["sampler"] }, { id: "fresh", roles: ["sampler"] }] });
    const d = (id: string, staff: string, point: string, from: string, to: string): MinuteAssignment => ({ id, staff, role: "sampler", activity: "desk", point, desk: 1, start: min(from), end: min(to) });
    const day = [d("near-1", "near", "a", "08:00", "08:20"), d("far-1", "far", "b", "08:00", "08:20"), d("sick-1", "sick", "a", "09:00", "09:40")];
    expect(repairFromMinute(cool, day, "sick", min("09:10"), "unwell").replacements[0]).to.include({ staff: "near", point: "a", start: min("09:10"), end: min("09:40") });
    const elsewhere = [d("near-1", "near", "b", "08:30", "08:50"), ...day.filter((a) => a.staff !== "near")];
    expect(repairFromMinute(cool, elsewhere, "sick", min("09:10"), "unwell").replacements[0]).to.include({ staff: "fresh" });
  });

  it("leaves a gap saying why when nobody can take over", () => {
    const lone = site({ tempC: 35, staff: crew("sampler", 3) });
    const p = planRotation(lone, maxDeskRequests(lone));
    const a = p.assignments.find((x) => x.activity === "desk" && x.start === min("09:00"))!;
    const out = repairFromMinute(lone, p.assignments, a.staff, min("09:05"), "did not come back from lunch");
    expect(out.gaps.length).to.be.greaterThan(0);
    expect(out.gaps[0].reason).to.match(/did not come back from lunch/);
    expect(checkAssignments(lone, out.assignments)).to.deep.equal([]);
  });
});

describe("re-plan from a minute", () => {
  const sc = yiyuan();
  const req = maxDeskRequests(sc);
  const plan = planRotation(sc, req);
  const from = min("13:00");
  const again = replanFrom(sc, plan.assignments, req, from);

  it("keeps everything before the minute", () => {
    for (const a of plan.assignments.filter((x) => x.end <= from)) expect(sameEntry(a, again.assignments), a.id).to.equal(true);
  });

  it("breaks no rule across the seam, ids unique", () => {
    expect(checkAssignments(sc, again.assignments)).to.deep.equal([]);
    expect(new Set(again.assignments.map((a) => a.id)).size).to.equal(again.assignments.length);
  });

  it("staffs or explains every desk minute from the minute on", () => {
    const later = req.map((r) => ({ ...r, open: r.open.map((s) => ({ start: Math.max(s.start, from), end: s.end })) }));
    expect(unexplainedMinutes(sc, later, again)).to.equal(0);
  });

  it("drops a desk no longer requested", () => {
    const fewer = req.filter((r) => r.point === "north-gate");
    const out = replanFrom(sc, plan.assignments, fewer, from);
    expect(out.assignments.some((a) => a.activity === "desk" && a.point === "south-gate" && a.start >= from)).to.equal(false);
    expect(checkAssignments(sc, out.assignments)).to.deep.equal([]);
  });
});
