// Small hand-checkable cases for helpers that had only an @example: the queue's waitsOver, the
// rotation context's withExtras, and the rotation's slot table.
import { expect } from "chai";
import { cumulative, fifoWait, waitsOver } from "../shared/queue/fluid.ts";
import { rotationContext, withExtras } from "../shared/rotation/context.ts";
import { layout } from "../shared/rotation/positions.ts";
import { slotTable } from "../shared/rotation/slot-table.ts";
import { crew, min, site } from "./support/rotation-site.ts";

describe("waitsOver: whether the last of a line waits longer than a bound", () => {
  // three people a minute for four minutes: a line of 7 at minute 0 is served by the end of minute 2
  const cum = cumulative(Float64Array.of(3, 3, 3, 3));

  it("says yes when the last waits longer than the bound, as the @example says", () => {
    expect(fifoWait(cum, 0, 7, 4)).to.equal(3);
    expect(waitsOver(cum, 0, 7, 4, 2)).to.equal(true);
  });

  it("says no when the wait is exactly the bound or less", () => {
    expect(waitsOver(cum, 0, 7, 4, 3)).to.equal(false);
    expect(waitsOver(cum, 0, 6, 4, 2)).to.equal(false); // 6 people: served in 2 minutes
  });

  it("says yes when the capacity left before closing cannot serve the line", () => {
    expect(fifoWait(cum, 2, 7, 4)).to.equal(Infinity);
    expect(waitsOver(cum, 2, 7, 4, 100)).to.equal(true);
  });

  it("says yes for any line under a bound shorter than a minute: the first waits the minute they arrive in", () => {
    expect(waitsOver(cum, 0, 1, 4, 0.5)).to.equal(true);
  });

  it("does not count capacity after closing", () => {
    // only minute 0 is before close: 3 served, a line of 4 is never fully served
    expect(waitsOver(cum, 0, 4, 1, 10)).to.equal(true);
    expect(waitsOver(cum, 0, 3, 1, 10)).to.equal(false);
  });

  it("agrees with fifoWait on every line, minute and bound of a small day", () => {
    const cap = cumulative(Float64Array.of(0, 2, 2, 0, 5, 1, 0, 3));
    for (let at = 0; at < 8; at++) for (let line = 0; line <= 14; line++) for (const bound of [0.5, 1, 2, 3, 5, 9]) {
      expect(waitsOver(cap, at, line, 8, bound), `at ${at} line ${line} bound ${bound}`).to.equal(fifoWait(cap, at, line, 8) > bound);
    }
  });
});

describe("withExtras: a rotation context with extra all-day people", () => {
  const sc = site({ window: ["08:00", "12:00"], staff: crew("sampler", 2) });
  const ctx = rotationContext(sc);

  it("appends the extra people after the roster, available through every window, with one role each", () => {
    const more = withExtras(ctx, [{ role: "sampler", count: 2 }, { role: "registrar", count: 1 }]);
    expect(more.people.map((p) => p.id)).to.deep.equal(["sampler-1", "sampler-2", "extra-sampler-1", "extra-sampler-2", "extra-registrar-1"]);
    expect(more.people.map((p) => p.index)).to.deep.equal([0, 1, 2, 3, 4]);
    const x = more.personById.get("extra-registrar-1")!;
    expect([...x.roles]).to.deep.equal(["registrar"]);
    expect(x.extra).to.equal(true);
    expect(x.shifts).to.deep.equal([{ start: min("08:00"), end: min("12:00") }]);
    expect(x.shiftDay).to.deep.equal(["2021-08-03"]);
  });

  it("replaces the extras of an earlier call rather than adding to them", () => {
    const once = withExtras(ctx, [{ role: "sampler", count: 3 }]);
    const again = withExtras(once, [{ role: "sampler", count: 1 }]);
    expect(again.people.map((p) => p.id)).to.deep.equal(["sampler-1", "sampler-2", "extra-sampler-1"]);
  });

  it("leaves the context it was given as it was", () => {
    withExtras(ctx, [{ role: "sampler", count: 2 }]);
    expect(ctx.people).to.have.length(2);
    expect(ctx.personById.has("extra-sampler-1")).to.equal(false);
  });
});

describe("slotTable: each position's desk slots, bans and desk shares", () => {
  const points = [{ id: "o", desks: 1, shelter: "open" as const }, { id: "b", desks: 1, shelter: "booth" as const }];
  const requests = ["o", "b"].map((point) => ({ point, desk: 1, open: [{ start: min("08:00"), end: min("09:00") }] }));

  it("gives an open desk the heat's limit and a booth none (WBGT 30 + 6 in a coverall = 96.8 °F: category 5, sampler 20/40)", () => {
    const ctx = rotationContext(site({ wbgt: 30, points, window: ["08:00", "09:00"] }));
    const lay = layout(ctx, requests);
    const t = slotTable(ctx, lay);
    expect(lay.grid.count).to.equal(12);
    expect(t.slots[0][0]).to.deep.equal({ start: min("08:00"), end: min("08:05"), outdoor: true, limit: { work: 20, rest: 40 } });
    expect(t.slots[1][11]).to.deep.equal({ start: min("08:55"), end: min("09:00"), outdoor: false, limit: null });
    expect([...t.forbidden[0], ...t.forbidden[1]].every((f) => f === 0)).to.equal(true);
  });

  it("takes the best desk share over the shelters a role works under (the booth's 120 min in PPE, then 30 off: 0.8)", () => {
    const ctx = rotationContext(site({ wbgt: 30, points, window: ["08:00", "09:00"] }));
    const t = slotTable(ctx, layout(ctx, requests));
    expect(t.shares.get("sampler")![0]).to.equal(0.8);
    const open = rotationContext(site({ wbgt: 30, window: ["08:00", "09:00"] }));
    const only = slotTable(open, layout(open, [{ point: "p", desk: 1, open: requests[0].open }]));
    expect(only.shares.get("sampler")![0]).to.be.closeTo(1 / 3, 1e-9); // 20 on, 40 off
  });

  it("bans every outdoor slot on a 41 °C day, and no booth slot (2012 measures art. 8)", () => {
    const ctx = rotationContext(site({ tempC: 41, points, window: ["08:00", "09:00"] }));
    const t = slotTable(ctx, layout(ctx, requests));
    expect([...t.forbidden[0]]).to.deep.equal(new Array(12).fill(1));
    expect([...t.forbidden[1]]).to.deep.equal(new Array(12).fill(0));
  });

  it("bans a slot the heat allows less work than (hard work at category 5 is 10 min; slots of 15)", () => {
    const ctx = rotationContext(site({ wbgt: 30, window: ["08:00", "09:00"], rules: { slotMinutes: 15, workload: { sampler: "hard" } } }));
    const t = slotTable(ctx, layout(ctx, [{ point: "p", desk: 1, open: requests[0].open }]));
    expect(t.slots[0][0].limit).to.deep.equal({ work: 10, rest: 50 });
    expect([...t.forbidden[0]]).to.deep.equal([1, 1, 1, 1]);
  });
});
