import { expect } from "chai";
import { extendDay, samplingDay } from "../shared/queue/day.ts";
import { cumulative, fifoWait, runFluidQueue } from "../shared/queue/fluid.ts";
import { forecastSlots } from "../shared/queue/forecast.ts";
import { mmc } from "../shared/queue/erlang.ts";

const hourDay = () => samplingDay([{ start: 600, end: 660 }], 5);
const filled = (n: number, x: number) => new Float64Array(n).fill(x);

describe("the sampling day", () => {
  it("cuts each window into call-up slots from its opening", () => {
    const day = samplingDay([{ start: 600, end: 612 }, { start: 700, end: 710 }], 5);
    expect(day.origin).to.equal(600);
    expect(day.length).to.equal(110);
    expect(day.slots).to.deep.equal([
      { start: 0, end: 5 }, { start: 5, end: 10 }, { start: 10, end: 12 },
      { start: 100, end: 105 }, { start: 105, end: 110 },
    ]);
    expect(day.closeOf[11]).to.equal(12);
    expect(day.closeOf[50]).to.equal(-1);
  });

  it("keeps the last window open longer when asked for more hours", () => {
    const day = extendDay(hourDay(), 60, 5);
    expect(day.length).to.equal(120);
    expect(day.slots).to.have.length(24);
  });
});

describe("the fluid queue", () => {
  it("makes the last of 7 people at a 3-a-minute desk wait 3 minutes", () => {
    expect(fifoWait(cumulative(filled(4, 3)), 0, 7, 4)).to.equal(3);
  });

  it("says never when the desks cannot serve the line before closing", () => {
    expect(fifoWait(cumulative(filled(4, 3)), 0, 13, 4)).to.equal(Infinity);
  });

  it("serves 30 people arriving at once at one desk in 10 minutes", () => {
    const day = hourDay();
    const arrivals = new Float64Array(60);
    arrivals[0] = 30;
    const trace = runFluidQueue(day, arrivals, filled(60, 3));
    expect(trace.maxWait).to.equal(10);
    expect(trace.line[9]).to.be.closeTo(3, 1e-9);
    expect(trace.line[10]).to.equal(0);
    expect(trace.served.reduce((a, b) => a + b, 0)).to.be.closeTo(30, 1e-9);
    expect(trace.leftAtClose).to.equal(0);
  });

  it("carries the line over from minute to minute and turns away who is left at closing", () => {
    const day = samplingDay([{ start: 0, end: 10 }], 5);
    const arrivals = new Float64Array(10);
    arrivals[5] = 30;
    const trace = runFluidQueue(day, arrivals, filled(10, 3));
    expect(trace.leftAtClose).to.be.closeTo(15, 1e-9);
    expect(trace.wait[5]).to.equal(Infinity);
  });

  it("agrees with Erlang C in steady state: below capacity no line builds, so the wait is the minute of service", () => {
    // Erlang C's line comes only from randomness; with λ = 240/h on 5 desks of 60/h its mean wait
    // is 0.55 min, and the fluid (deterministic) limit of the same line is no line at all.
    const day = samplingDay([{ start: 0, end: 600 }], 5);
    const trace = runFluidQueue(day, filled(600, 4), filled(600, 5));
    expect(Math.max(...trace.line)).to.be.closeTo(4, 1e-9); // only the minute's own arrivals
    expect(trace.maxWait).to.equal(1);
    expect(mmc(240, 60, 5).meanWait * 60).to.be.below(1);
  });

  it("agrees with docs/domain.md above capacity: the line grows by (λ − cμ)·T", () => {
    // λ = 6/min on 1 desk of 3/min for 60 minutes: the line grows by 180
    const day = hourDay();
    const trace = runFluidQueue(day, filled(60, 6), filled(60, 3));
    expect(trace.line[59] - trace.served[59]).to.be.closeTo(180, 1e-9); // the line after the last minute
  });

  it("forecasts each slot's arrivals and capacity per hour, the longest line and wait", () => {
    const day = hourDay();
    const arrivals = new Float64Array(60);
    arrivals[0] = 10;
    const cap = filled(60, 3);
    const rows = forecastSlots(day, arrivals, cap, runFluidQueue(day, arrivals, cap));
    expect(rows).to.have.length(12);
    expect(rows[0]).to.deep.equal({ at: 600, arrivalsPerHour: 120, capacityPerHour: 180, queueLength: 10, waitMinutes: 4 });
    expect(rows[1]).to.deep.include({ arrivalsPerHour: 0, queueLength: 0, waitMinutes: 0 });
  });
});
