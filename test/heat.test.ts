import { expect } from "chai";
import {
  estimateWbgt, vapourPressure, hourWbgt, celsiusToFahrenheit, heatCategory, workRest, restAfter,
  effectiveWbgt, isOutdoor, heatHours, heatTable, strictestLimit, dressAt,
} from "../shared/heat/index.ts";
import { site, yiyuan, min } from "./support/rotation-site.ts";

describe("heat: WBGT from temperature and humidity", () => {
  it("gives 34.8 °C at 35 °C and 50% humidity (docs/domain.md worked value)", () => {
    expect(estimateWbgt(35, 50)).to.be.closeTo(34.8, 0.05);
  });

  it("gives 30.9 °C at 30 °C and 60% humidity (docs/domain.md worked value)", () => {
    expect(estimateWbgt(30, 60)).to.be.closeTo(30.9, 0.05);
  });

  it("computes the vapour pressure the BoM formula uses", () => {
    expect(vapourPressure(35, 50)).to.be.closeTo(28.0, 0.1);
    expect(vapourPressure(30, 0)).to.equal(0);
  });

  it("lets a measured WBGT win over the estimate", () => {
    expect(hourWbgt({ tempC: 35, humidity: 50, wbgt: 29 })).to.equal(29);
    expect(hourWbgt({ tempC: 35, humidity: 50 })).to.be.closeTo(34.8, 0.05);
  });
});

describe("heat: effective WBGT per point", () => {
  // The flat clothingAdjustmentC (+6) and shadeReductionC (−2) are gone: the garment gives the
  // adjustment and the sun model gives shade its own WBGT (docs/domain.md "Heat").
  const heat = { clothingAdjustmentC: 6, shadeReductionC: 2 };

  it("adds the garment's clothing adjustment (an older explicit clothingAdjustmentC stands for the site's garment)", () => {
    expect(effectiveWbgt(30, dressAt(heat, {}))).to.equal(36);
    expect(effectiveWbgt(30, dressAt({ garment: "coverall" }, {}))).to.equal(34); // +3, hood +1
  });

  it("takes no shade reduction off: the shade's own WBGT is in the heat table", () => {
    expect(effectiveWbgt(30, dressAt(heat, { garment: "coverall" }))).to.equal(36);
  });

  it("exempts an air-conditioned booth from the outdoor day rule", () => {
    expect(effectiveWbgt(22, dressAt({ garment: "gown" }, {}))).to.equal(23);
    expect(isOutdoor("booth")).to.equal(false);
    expect(isOutdoor("shade")).to.equal(true);
  });
});

describe("heat: TB MED 507 categories and work/rest", () => {
  it("converts °C to °F", () => {
    expect(celsiusToFahrenheit(30)).to.equal(86);
  });

  it("puts each °F band in its category, 0 below 78 °F", () => {
    const c = (f: number) => heatCategory(((f - 32) * 5) / 9);
    expect([77.9, 78, 81.9, 82, 84.9, 85, 87.9, 88, 89.9, 90, 100].map(c)).to.deep.equal([0, 1, 1, 2, 2, 3, 3, 4, 4, 5, 5]);
  });

  it("gives 20 min work and 40 rest an hour for moderate work in category 5", () => {
    expect(workRest(5, "moderate")).to.deep.equal({ work: 20, rest: 40 });
  });

  it("sets no limit for easy work below category 5 and 50/10 in it", () => {
    expect(workRest(4, "easy")).to.equal(null);
    expect(workRest(5, "easy")).to.deep.equal({ work: 50, rest: 10 });
  });

  it("follows the table for hard work from category 1", () => {
    expect(workRest(0, "hard")).to.equal(null);
    expect([1, 2, 3, 4, 5].map((c) => workRest(c as 1, "hard")!.work)).to.deep.equal([40, 30, 30, 20, 10]);
    expect([2, 3, 4].map((c) => workRest(c as 2, "moderate")!.work)).to.deep.equal([50, 40, 30]);
  });

  it("owes rest in proportion to the stint: stint × rest/work", () => {
    expect(restAfter(20, { work: 20, rest: 40 })).to.equal(40);
    expect(restAfter(10, { work: 20, rest: 40 })).to.equal(20);
    expect(restAfter(25, { work: 50, rest: 10 })).to.equal(5);
    expect(restAfter(60, null)).to.equal(0);
  });
});

describe("heat: the plan's heat hours", () => {
  // Was one BoM WBGT (35.5) and TB MED 507 category 5 at both points; now the sun-aware table.
  it("gives one entry per weather hour of the example, 36 °C at 13:00 stopping the open-air point", () => {
    const sc = yiyuan();
    const hours = heatHours(sc);
    expect(hours).to.have.length(sc.weather.length);
    const one = hours[6];
    expect(one.start).to.equal("2021-08-03T13:00:00+08:00");
    expect(one.end).to.equal("2021-08-03T14:00:00+08:00");
    expect(one.source).to.equal("liljegren");
    expect(one.wbgt.open).to.be.closeTo(35.2, 0.3);
    expect(one.wbgt.shade).to.be.below(one.wbgt.open - 3);
    expect(one.points["south-gate"].effectiveWbgt).to.be.closeTo(39.2, 0.3);
    expect(one.points["south-gate"].band).to.equal("stop");
    expect(one.points["south-gate"].allowance.sampler).to.equal("stop");
  });

  it("uses a measured WBGT where the forecast gives one", () => {
    const hours = heatHours(site({ tempC: 35, wbgt: 18 }));
    expect(hours[0].wbgt.open).to.equal(18);
    expect(hours[0].source).to.equal("measured");
    expect(hours[0].points.p.band).to.equal("0"); // 18 + 6 = 24 °C = 75.2 °F, below category 1 (TB MED 507 in these small sites)
  });

  it("finds the strictest allowance a span of minutes touches", () => {
    const sc = site({ tempC: [20, 20, 35, 20] });
    const table = heatTable(sc);
    expect(strictestLimit(table, "p", "sampler", min("08:00"), min("09:00"))?.work ?? Infinity).to.be.above(20);
    expect(strictestLimit(table, "p", "sampler", min("09:30"), min("10:05"))).to.deep.equal({ work: 20, rest: 40 });
    const booth = site({ tempC: [20, 20, 35, 20], points: [{ id: "b", desks: 1, shelter: "booth" }] });
    expect(strictestLimit(heatTable(booth), "b", "sampler", min("09:30"), min("10:05"))).to.equal(null);
  });
});
