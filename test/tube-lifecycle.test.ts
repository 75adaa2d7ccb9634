// A tube's life cycle (shared/tubes/lifecycle.ts, docs/api.md C6): the steps in order, and the
// reason each refused step gives.
import { expect } from "chai";
import { boxStep, tubeStep, type TubeFacts } from "../shared/tubes/lifecycle.ts";
import { isOverAge, tubeAgeMinutes } from "../shared/tubes/age.ts";

const tube = (over: Partial<TubeFacts> = {}): TubeFacts => ({ state: "open", point: "north-gate", desk: 1, swabs: 0, ...over });
const desk = { point: "north-gate", desk: 1, poolSize: 10 };

describe("a tube's life cycle", () => {
  it("opens a new tube, swabs into it, seals, boxes and results it in that order", () => {
    expect(tubeStep(undefined, "open")).to.deep.equal({ ok: true, to: "open" });
    expect(tubeStep(tube(), "swab", desk)).to.deep.equal({ ok: true, to: "open" });
    expect(tubeStep(tube(), "seal", desk)).to.deep.equal({ ok: true, to: "sealed" });
    expect(tubeStep(tube({ state: "sealed" }), "box")).to.deep.equal({ ok: true, to: "boxed" });
    expect(tubeStep(tube({ state: "received" }), "result")).to.deep.equal({ ok: true, to: "resulted" });
  });

  it("refuses a tube it does not know, and opening one twice", () => {
    for (const step of ["swab", "seal", "box", "result"] as const) expect(tubeStep(undefined, step)).to.deep.equal({ ok: false, refusal: { reason: "unknown" } });
    expect(tubeStep(tube(), "open")).to.deep.equal({ ok: false, refusal: { reason: "exists" } });
    expect(tubeStep(tube({ state: "resulted" }), "open")).to.deep.equal({ ok: false, refusal: { reason: "exists" } });
  });

  it("swabs only into an open tube of this desk, once per resident, up to the pool size", () => {
    expect(tubeStep(tube({ state: "sealed" }), "swab", desk)).to.deep.include({ ok: false });
    expect(tubeStep(tube({ desk: 2 }), "swab", desk)).to.deep.equal({ ok: false, refusal: { reason: "elsewhere", point: "north-gate", desk: 2 } });
    expect(tubeStep(tube({ swabs: 3 }), "swab", { ...desk, resident: { id: "R-1", inTube: true } })).to.deep.equal({ ok: false, refusal: { reason: "resident-in", resident: "R-1" } });
    expect(tubeStep(tube({ swabs: 9 }), "swab", desk)).to.deep.equal({ ok: true, to: "open" });
    expect(tubeStep(tube({ swabs: 10 }), "swab", desk)).to.deep.equal({ ok: false, refusal: { reason: "full", poolSize: 10 } });
  });

  it("boxes only sealed tubes, and names the box a boxed tube is in", () => {
    expect(tubeStep(tube(), "box")).to.deep.equal({ ok: false, refusal: { reason: "not-sealed" } });
    expect(tubeStep(tube({ state: "dispatched", box: "B-1" }), "box")).to.deep.equal({ ok: false, refusal: { reason: "boxed", box: "B-1" } });
  });

  it("takes one result per tube, and only once the lab has it", () => {
    expect(tubeStep(tube({ state: "dispatched" }), "result")).to.deep.equal({ ok: false, refusal: { reason: "not-at-lab", state: "dispatched" } });
    expect(tubeStep(tube({ state: "resulted", result: "negative" }), "result")).to.deep.equal({ ok: false, refusal: { reason: "resulted", result: "negative" } });
  });

  it("dispatches a packed box once and receives only a dispatched one", () => {
    expect(boxStep("packed", "dispatch")).to.deep.equal({ ok: true, to: "dispatched" });
    expect(boxStep("dispatched", "dispatch")).to.deep.equal({ ok: false, refusal: "dispatched" });
    expect(boxStep("dispatched", "receive")).to.deep.equal({ ok: true, to: "received" });
    expect(boxStep("received", "receive")).to.deep.equal({ ok: false, refusal: "received" });
    expect(boxStep("packed", "receive")).to.deep.equal({ ok: false, refusal: "not-dispatched" });
  });

  it("counts a tube's age in whole minutes from its first swab, and past the limit only once a whole minute over", () => {
    const first = Date.parse("2021-08-03T08:00:00+08:00");
    expect(tubeAgeMinutes(first, first + 59_999)).to.equal(0);
    expect(tubeAgeMinutes(first, first - 60_000)).to.equal(0);
    expect(tubeAgeMinutes(first, first + 179 * 60_000 + 59_000)).to.equal(179);
    expect(isOverAge(first, first + 240 * 60_000 + 59_000, 240)).to.equal(false);
    expect(isOverAge(first, first + 241 * 60_000, 240)).to.equal(true);
  });
});
