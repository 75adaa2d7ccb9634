import { expect } from "chai";
import { checkAssignments, checkSwap, maxDeskRequests, planRotation } from "../shared/rotation/index.ts";
import { crew, min, site, yiyuan } from "./support/rotation-site.ts";

describe("swaps: one person's assignment to another", () => {
  // 08:00–12:00, one desk at 35 °C: 20 on, 40 off, three samplers in turn and one to spare
  const sc = site({ tempC: 35, staff: [...crew("sampler", 3), { id: "spare", roles: ["sampler"] }, { id: "reg", roles: ["registrar"] }] });
  const plan = planRotation(sc, maxDeskRequests(sc));
  const first = plan.assignments.find((a) => a.activity === "desk" && a.start === min("08:00"))!;

  it("hands a stint to a rested colleague, changing only the two people's assignments", () => {
    const out = checkSwap(sc, plan.assignments, first.id, "spare");
    expect(out.ok).to.equal(true);
    if (!out.ok) return;
    const moved = out.assignments.find((a) => a.id === first.id)!;
    expect(moved.staff).to.equal("spare");
    expect([moved.start, moved.end]).to.deep.equal([first.start, first.end]);
    const others = (list: typeof plan.assignments) => list.filter((a) => a.staff !== first.staff && a.staff !== "spare");
    expect(others(out.assignments)).to.deep.equal(others(plan.assignments));
    expect(checkAssignments(sc, out.assignments)).to.deep.equal([]);
  });

  it("refuses a swap that leaves too little rest, naming the rule and the minute", () => {
    const next = plan.assignments.find((a) => a.activity === "desk" && a.start === first.end)!;
    const out = checkSwap(sc, plan.assignments, next.id, first.staff);
    expect(out.ok).to.equal(false);
    if (out.ok) return;
    expect(out.rule).to.equal("heat-stint"); // back to back, it would be one 40-minute stint
    expect(out.minute).to.equal(first.start);
    expect(out.message).to.match(/40 min; the heat allows 20/);
  });

  it("refuses a swap to someone without the role", () => {
    const out = checkSwap(sc, plan.assignments, first.id, "reg");
    expect(out).to.include({ ok: false, rule: "role" });
  });

  it("refuses a swap to someone already at another desk then", () => {
    const two = site({ tempC: 35, points: [{ id: "p", desks: 2, shelter: "open" }], staff: crew("sampler", 6) });
    const p = planRotation(two, maxDeskRequests(two));
    const a = p.assignments.find((x) => x.activity === "desk" && x.desk === 1)!;
    const b = p.assignments.find((x) => x.activity === "desk" && x.desk === 2 && x.start === a.start)!;
    const out = checkSwap(two, p.assignments, a.id, b.staff);
    expect(out).to.include({ ok: false, rule: "two-places", minute: a.start });
  });

  it("refuses a swap of a rest entry or an unknown assignment", () => {
    const rest = plan.assignments.find((a) => a.activity === "rest")!;
    expect(checkSwap(sc, plan.assignments, rest.id, "spare")).to.include({ ok: false, rule: "swap" });
    expect(checkSwap(sc, plan.assignments, "nobody-1", "spare")).to.include({ ok: false, rule: "swap" });
  });

  it("checks a swap on the example site in milliseconds", () => {
    const ex = yiyuan();
    const p = planRotation(ex, maxDeskRequests(ex));
    const a = p.assignments.filter((x) => x.activity === "desk")[10];
    const t0 = performance.now();
    for (const to of ex.staff.map((s) => s.id)) checkSwap(ex, p.assignments, a.id, to);
    expect((performance.now() - t0) / ex.staff.length).to.be.below(50);
  });
});
