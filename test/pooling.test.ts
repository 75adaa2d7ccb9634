import { expect } from "chai";
import { poolingAdvice, reswabsExpected, testsPerPerson } from "../shared/pooling/dorfman.ts";
import { countTubes, deskShares, tubesByPoolSize } from "../shared/pooling/tubes.ts";

describe("Dorfman pool-size advice", () => {
  it("gives the check values of docs/domain.md", () => {
    expect(testsPerPerson(0.001, 10)).to.be.closeTo(0.110, 0.0005);
    expect(testsPerPerson(0.01, 10)).to.be.closeTo(0.196, 0.0005);
    expect(testsPerPerson(0.05, 10)).to.be.closeTo(0.501, 0.0005);
    expect(testsPerPerson(0.05, 5)).to.be.closeTo(0.426, 0.0005);
  });

  it("counts one test a person without pooling", () => {
    expect(testsPerPerson(0.3, 1)).to.equal(1);
  });

  it("stops paying above a prevalence of about 0.307, even at the best pool size (3 there)", () => {
    expect(testsPerPerson(0.3, 3)).to.be.below(1);
    expect(testsPerPerson(0.32, 3)).to.be.above(1);
    expect(testsPerPerson(0.32, 2)).to.be.above(1);
  });

  it("advises pools of 5, 10 and 20 and marks the fewest tests best", () => {
    expect(poolingAdvice(0.05)).to.deep.equal([
      { poolSize: 5, testsPerPerson: 0.4262, best: true },
      { poolSize: 10, testsPerPerson: 0.5013, best: false },
      { poolSize: 20, testsPerPerson: 0.6915, best: false },
    ]);
    // best k ≈ 1/√p: at 0.1% that is about 32, so 20 is best of the three
    expect(poolingAdvice(0.001).find((a) => a.best)?.poolSize).to.equal(20);
    expect(poolingAdvice(0.01).find((a) => a.best)?.poolSize).to.equal(10);
  });

  it("expects a positive pool's ten people to be re-swabbed: N·[1 − (1−p)^k]", () => {
    expect(reswabsExpected(10000, 0.001, 10)).to.be.closeTo(99.55, 0.01);
  });
});

describe("tubes", () => {
  it("fills a tube to the pool size and seals the rest short when the line runs dry", () => {
    // 12 swabs, then a lull, then 3 more: one full tube, one of 2, one of 3
    const t = countTubes([Float64Array.of(3, 3, 3, 3, 0, 3)], 10, []);
    expect(t.tubes).to.equal(3);
    expect(t.swabs).to.equal(15);
  });

  it("never overfills a tube, however many swabs a minute", () => {
    expect(countTubes([Float64Array.of(25)], 10, []).tubes).to.equal(3);
  });

  it("gives each open desk its own tube", () => {
    const shares = deskShares(Float64Array.of(6, 6), [Uint8Array.of(1, 1), Uint8Array.of(1, 1)]);
    expect([...shares[0]]).to.deep.equal([3, 3]);
    // 12 swabs on two desks: 6 each, two short tubes where one desk would fill one and a half
    expect(countTubes(shares, 10, []).tubes).to.equal(2);
    expect(countTubes([Float64Array.of(6, 6)], 10, []).tubes).to.equal(2);
    expect(countTubes(shares, 5, []).tubes).to.equal(4);
  });

  it("seals every open tube when the courier comes, and says what each pickup carries", () => {
    const t = countTubes([new Float64Array(10).fill(3)], 10, [5]);
    // 15 swabs before the pickup: one full, one of 5 sealed short; then 15 after: the same
    expect(t.perInterval).to.deep.equal([2, 2]);
    expect(t.swabsPerInterval).to.deep.equal([15, 15]);
  });

  it("counts tubes for every pool size the lab accepts", () => {
    expect(tubesByPoolSize([new Float64Array(100).fill(3)], [])).to.deep.equal({ 1: 300, 5: 60, 10: 30, 20: 15 });
  });

  it("takes a hundredth of a person for rounding, not a swab", () => {
    expect(countTubes([Float64Array.of(10.005)], 10, []).tubes).to.equal(1);
  });
});
