import { expect } from "chai";
import { readFileSync } from "node:fs";
import {
  sunPosition, clearSkyWm2, cloudScaled, hourIrradiance, liljegrenWbgt, dressAt, gbzBand, gbzAllowance, boothWbgt, shelterWbgt,
} from "../shared/heat/index.ts";

const ZHENGZHOU = { lat: 34.82, lng: 113.29 };
/** Solar noon (UTC ms) near a date at a longitude: 12:00 local mean solar time. */
const aroundNoon = (date: string, lng: number) => Date.parse(`${date}T12:00:00Z`) - (lng / 15) * 3600000;
/** The highest elevation in ±30 min of mean solar noon (the equation of time is under 17 min). */
function noonElevation(at: { lat: number; lng: number }, date: string): number {
  const t = aroundNoon(date, at.lng);
  let best = -90;
  for (let m = -30; m <= 30; m++) best = Math.max(best, sunPosition(at, t + m * 60000).elevationDeg);
  return best;
}

describe("heat: the sun (NOAA solar position)", () => {
  for (const lat of [34.82, 23.13, 45.75, -33.9]) {
    it(`stands at 90° − latitude at noon on the equinoxes and ±23.44° at the solstices (lat ${lat})`, () => {
      const at = { lat, lng: 113.29 };
      expect(noonElevation(at, "2021-03-20")).to.be.closeTo(90 - Math.abs(lat), 0.6);
      expect(noonElevation(at, "2021-09-22")).to.be.closeTo(90 - Math.abs(lat), 0.6);
      const summer = Math.min(90, 90 - lat + 23.44), winter = 90 - lat - 23.44;
      expect(noonElevation(at, "2021-06-21")).to.be.closeTo(lat > 0 ? summer : 90 + lat - 23.44, 0.6);
      expect(noonElevation(at, "2021-12-21")).to.be.closeTo(lat > 0 ? winter : Math.min(90, 90 + lat + 23.44), 0.6);
    });
  }

  it("is below the horizon at local midnight in August in China", () => {
    for (const place of [ZHENGZHOU, { lat: 45.75, lng: 126.63 }, { lat: 23.13, lng: 113.26 }, { lat: 30.57, lng: 104.07 }])
      expect(sunPosition(place, Date.parse("2021-08-03T00:00:00+08:00")).elevationDeg).to.be.below(-20);
  });

  it("rises between 05:00 and 06:00 in Zhengzhou on 3 August (Beijing time)", () => {
    expect(sunPosition(ZHENGZHOU, Date.parse("2021-08-03T05:00:00+08:00")).elevationDeg).to.be.below(0);
    expect(sunPosition(ZHENGZHOU, Date.parse("2021-08-03T06:00:00+08:00")).elevationDeg).to.be.above(0);
  });
});

describe("heat: irradiance", () => {
  it("estimates a clear sky from the elevation, none below the horizon", () => {
    expect(clearSkyWm2(90)).to.be.closeTo(1037.2, 0.5);
    expect(clearSkyWm2(30)).to.be.within(400, 600);
    expect(clearSkyWm2(0)).to.equal(0);
    expect(clearSkyWm2(-10)).to.equal(0);
  });

  it("scales by cloud (Kasten–Czeplak): a quarter left under full cloud", () => {
    expect(cloudScaled(1000, 0)).to.equal(1000);
    expect(cloudScaled(1000, 1)).to.be.closeTo(250, 1e-9);
    expect(cloudScaled(1000, 0.5)).to.be.closeTo(928.9, 0.1);
  });

  it("takes the hour's own solarWm2 when given, and nothing below the horizon", () => {
    expect(hourIrradiance({ solarWm2: 600 }, 40)).to.equal(600);
    expect(hourIrradiance({ solarWm2: 600 }, -2)).to.equal(0);
    expect(hourIrradiance({ cloud: 1 }, 60)).to.be.closeTo(clearSkyWm2(60) / 4, 1e-9);
  });
});

describe("heat: WBGT from weather (Liljegren 2008) against the reference code's 48 cases", () => {
  const lines = readFileSync(new URL("./fixtures/wbgt-reference.csv", import.meta.url), "utf8").split("\n").filter((l) => l.trim() && !l.startsWith("#"));
  const head = lines[0].split(",");
  const rows = lines.slice(1).map((l) => Object.fromEntries(l.split(",").map((v, i) => [head[i], Number(v)])));

  it("has all 48 cases", () => expect(rows).to.have.length(48));

  for (const [i, r] of rows.entries()) {
    it(`case ${i + 1}: ${r.tempC} °C, ${r.humidity} %, ${r.windMs} m/s, ${r.solarWm2} W/m² at (${r.lat}, ${r.lng}) ${r.month}/${r.day} ${r.hour}:${r.minute}`, () => {
      const ms = Date.UTC(r.year, r.month - 1, r.day, r.hour - r.utcOffset, r.minute);
      const sun = sunPosition({ lat: r.lat, lng: r.lng }, ms);
      const got = liljegrenWbgt({ tempC: r.tempC, humidity: r.humidity, windMs: r.windMs, pressureHpa: r.pressureHpa, solarWm2: r.solarWm2, cosZenith: sun.cosZenith, distanceAu: sun.distanceAu });
      expect(got.wbgt, "WBGT").to.be.closeTo(r.wbgtC, 0.5);
      expect(got.globeC, "globe").to.be.closeTo(r.globeC, 1);
      expect(got.natWetBulbC, "natural wet bulb").to.be.closeTo(r.natWetBulbC, 1);
    });
  }

  it("gives the domain's check values for Zhengzhou (docs/domain.md \"WBGT from weather\")", () => {
    const base = { pressureHpa: 1000, cosZenith: 0.93 };
    expect(liljegrenWbgt({ ...base, tempC: 36, humidity: 50, windMs: 1.5, solarWm2: 900 }).wbgt).to.be.closeTo(34.5, 0.3);
    expect(liljegrenWbgt({ ...base, tempC: 36, humidity: 50, windMs: 1.5, solarWm2: 0 }).wbgt).to.be.closeTo(29.5, 0.3);
    expect(liljegrenWbgt({ tempC: 27, humidity: 80, windMs: 1, pressureHpa: 1000, solarWm2: 0, cosZenith: 0 }).wbgt).to.be.closeTo(24.9, 0.3);
  });

  it("puts shade below the open air in sunshine and equal to it at night; a booth is cool", () => {
    const noon = shelterWbgt({ tempC: 36, humidity: 48 }, ZHENGZHOU, Date.parse("2021-08-03T13:30:00+08:00"));
    expect(noon.shade).to.be.below(noon.open - 2);
    const night = shelterWbgt({ tempC: 27, humidity: 80 }, ZHENGZHOU, Date.parse("2021-08-03T23:30:00+08:00"));
    expect(night.shade).to.equal(night.open);
    expect(night.sunElevationDeg!).to.be.below(0);
    expect(boothWbgt(26)).to.be.below(24);
    expect(boothWbgt(32)).to.be.above(boothWbgt(26));
  });

  it("falls back to the BoM formula without a location, and a measured WBGT wins", () => {
    const bom = shelterWbgt({ tempC: 27, humidity: 80 }, undefined, 0);
    expect(bom.source).to.equal("bom");
    expect(bom.open).to.be.closeTo(30.4, 0.1);
    const measured = shelterWbgt({ tempC: 36, humidity: 48, wbgt: 31 }, ZHENGZHOU, Date.parse("2021-08-03T13:30:00+08:00"));
    expect(measured.source).to.equal("measured");
    expect(measured.open).to.equal(31);
    expect(measured.shade).to.be.below(31);
  });
});

describe("heat: garments (ACGIH clothing adjustment)", () => {
  it("adds +3 and a hood +1 for a coverall, +1 for a gown, 0 for work clothes", () => {
    expect(dressAt({}, {})).to.deep.equal({ garment: "coverall", hood: true, adjustmentC: 4 });
    expect(dressAt({ garment: "coverall", hood: false }, {}).adjustmentC).to.equal(3);
    expect(dressAt({ garment: "coverall" }, { garment: "gown" })).to.deep.equal({ garment: "gown", hood: false, adjustmentC: 1 });
    expect(dressAt({ garment: "gown" }, { garment: "workclothes" }).adjustmentC).to.equal(0);
  });

  it("reads an older clothingAdjustmentC as the site's default garment's adjustment", () => {
    expect(dressAt({ clothingAdjustmentC: 6 }, {}).adjustmentC).to.equal(6);
    expect(dressAt({ clothingAdjustmentC: 6 }, { garment: "gown" }).adjustmentC).to.equal(1);
  });
});

describe("heat: GBZ 2.2-2007 table 8", () => {
  const acclimatized = { acclimatized: true };
  it("bands a moderate (class II) worker at 28/29/30/32 °C, stop above", () => {
    expect([28, 28.5, 29, 29.5, 30, 31, 32, 32.5].map((w) => gbzBand(w, "moderate", acclimatized))).to.deep.equal(["100%", "75%", "75%", "50%", "50%", "25%", "25%", "stop"]);
  });

  it("bands an easy (class I) worker at 30/31/32/33 °C", () => {
    expect([30, 31, 32, 33, 33.5].map((w) => gbzBand(w, "easy", acclimatized))).to.deep.equal(["100%", "75%", "50%", "25%", "stop"]);
  });

  it("adds 1 °C in a hot region and takes 2.5 °C off for the unacclimatised", () => {
    expect(gbzBand(33, "moderate", { hotRegion: true, acclimatized: true })).to.equal("25%");
    expect(gbzBand(33, "moderate", { acclimatized: true })).to.equal("stop");
    expect(gbzBand(27, "moderate", { acclimatized: true })).to.equal("100%");
    expect(gbzBand(27, "moderate", { acclimatized: false })).to.equal("50%");
  });

  it("turns the bands into work and rest per hour", () => {
    expect(["100%", "75%", "50%", "25%", "stop"].map((b) => gbzAllowance(b as "stop"))).to.deep.equal(["unlimited", { work: 45, rest: 15 }, { work: 30, rest: 30 }, { work: 15, rest: 45 }, "stop"]);
  });
});
