import { expect } from "chai";
import { desksForMeanWait, erlangC, mmc } from "../shared/queue/erlang.ts";
import { simulateMmc } from "../shared/queue/mmc-sim.ts";

describe("Erlang C", () => {
  it("gives the check values of docs/domain.md: λ 240/h, μ 60/h, 5 desks wait with 0.554, 0.55 min, line 2.2", () => {
    const f = mmc(240, 60, 5);
    expect(f.utilisation).to.equal(0.8);
    expect(f.probabilityOfWait).to.be.closeTo(0.554, 0.0005);
    expect(f.meanWait * 60).to.be.closeTo(0.55, 0.005);
    expect(f.meanLine).to.be.closeTo(2.2, 0.02);
  });

  it("with one desk is M/M/1: P(wait) = ρ and Wq = ρ / (μ − λ)", () => {
    // λ, μ per hour → ρ, Wq in hours, by hand
    const table = [
      [30, 60, 0.5, 0.5 / 30],
      [45, 60, 0.75, 0.75 / 15],
      [54, 60, 0.9, 0.9 / 6],
      [12, 180, 12 / 180, (12 / 180) / 168],
    ];
    for (const [λ, μ, ρ, wq] of table) {
      const f = mmc(λ, μ, 1);
      expect(f.probabilityOfWait, `λ ${λ}`).to.be.closeTo(ρ, 1e-12);
      expect(f.meanWait, `λ ${λ}`).to.be.closeTo(wq, 1e-12);
      expect(f.meanLine, `λ ${λ}`).to.be.closeTo(λ * wq, 1e-12);
    }
  });

  it("with two desks matches the closed form P(wait) = 2ρ² / (1 + ρ)", () => {
    for (const ρ of [0.2, 0.5, 0.8, 0.95]) expect(erlangC(2, 2 * ρ)).to.be.closeTo((2 * ρ * ρ) / (1 + ρ), 1e-12);
  });

  it("says a line that outgrows its desks never settles", () => {
    expect(mmc(180, 60, 3).meanWait).to.equal(Infinity);
    expect(erlangC(3, 4)).to.equal(1);
  });

  it("stays exact for a district-sized point of 200 desks", () => {
    const c = erlangC(200, 190);
    expect(c).to.be.within(0, 1);
    expect(Number.isFinite(c)).to.equal(true);
  });

  it("sizes desks for a mean wait: 240 an hour at 60 a desk needs 5 desks for a 1-minute wait", () => {
    expect(desksForMeanWait(240, 60, 1 / 60)).to.equal(5);
    expect(desksForMeanWait(0, 60, 1 / 60)).to.equal(0);
  });

  it("agrees with a seeded stochastic simulation of the same line", () => {
    for (const [λ, μ, c] of [[240, 60, 5], [50, 60, 1], [150, 60, 3]]) {
      const sim = simulateMmc(λ, μ, c, 200_000, 11);
      const f = mmc(λ, μ, c);
      expect(sim.probabilityOfWait, `c ${c}`).to.be.closeTo(f.probabilityOfWait, 0.03);
      expect(sim.meanWait / f.meanWait, `c ${c}`).to.be.closeTo(1, 0.1);
    }
  });
});
