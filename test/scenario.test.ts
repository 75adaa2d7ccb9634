import { expect } from "chai";
import { readFileSync } from "node:fs";
import { validateScenario } from "../shared/scenario/validate.ts";
import type { Scenario } from "../shared/scenario/schema.ts";

const example: Scenario = JSON.parse(readFileSync(new URL("../examples/yiyuan.json", import.meta.url), "utf8"));
const copy = (): Scenario => structuredClone(example);

/** A broken variant: what is changed, and the JSON path the refusal must name. */
interface Variant {
  name: string;
  path: string;
  breakIt: (s: Scenario) => void;
}

const del = (o: object, key: string) => delete (o as Record<string, unknown>)[key];
const set = (o: object, key: string, value: unknown) => ((o as Record<string, unknown>)[key] = value);

const VARIANTS: Variant[] = [
  { name: "no site", path: "$.site", breakIt: (s) => del(s, "site") },
  { name: "a site without an id", path: "$.site.id", breakIt: (s) => del(s.site, "id") },
  { name: "an unknown timezone", path: "$.site.timezone", breakIt: (s) => (s.site.timezone = "Mars/Olympus") },
  { name: "an id with spaces", path: "$.site.id", breakIt: (s) => (s.site.id = "yi yuan") },
  { name: "no windows", path: "$.windows", breakIt: (s) => (s.windows = []) },
  { name: "a window without its offset", path: "$.windows[0].start", breakIt: (s) => (s.windows[0].start = "2021-08-03T07:00:00") },
  { name: "a window ending before it starts", path: "$.windows[0].end", breakIt: (s) => (s.windows[0].end = "2021-08-03T06:00:00+08:00") },
  {
    name: "overlapping windows",
    path: "$.windows[1].start",
    breakIt: (s) => s.windows.push({ start: "2021-08-03T20:00:00+08:00", end: "2021-08-03T21:00:00+08:00" }),
  },
  { name: "a zero swab time", path: "$.service.swabSeconds", breakIt: (s) => (s.service.swabSeconds = 0) },
  { name: "attendance over 1", path: "$.service.attendance", breakIt: (s) => (s.service.attendance = 1.2) },
  { name: "a misspelt service field", path: "$.service.swabSecond", breakIt: (s) => set(s.service, "swabSecond", 20) },
  { name: "a pool of 7", path: "$.pooling.poolSize", breakIt: (s) => set(s.pooling, "poolSize", 7) },
  { name: "a box of no tubes", path: "$.pooling.boxCapacity", breakIt: (s) => (s.pooling.boxCapacity = 0) },
  { name: "a prevalence as text", path: "$.pooling.prevalence", breakIt: (s) => set(s.pooling, "prevalence", "0.1%") },
  { name: "a negative wait target", path: "$.targets.maxWaitMinutes", breakIt: (s) => (s.targets.maxWaitMinutes = -5) },
  { name: "a desk needing nobody", path: "$.desk", breakIt: (s) => (s.desk = { sampler: 0 }) },
  {
    name: "a desk role nobody has",
    path: "$.desk.courier",
    breakIt: (s) => {
      s.desk.courier = 1;
      for (const p of s.staff) p.roles = p.roles.filter((r) => r !== "courier");
    },
  },
  { name: "a desk role that does not exist", path: "$.desk.nurse", breakIt: (s) => set(s.desk, "nurse", 1) },
  // The flat clothing adjustment is optional now (the garment gives it); the heat block still needs
  // `acclimatized`, and a garment must be one the model knows.
  { name: "heat without saying whether staff are acclimatised", path: "$.heat.acclimatized", breakIt: (s) => del(s.heat, "acclimatized") },
  { name: "a site garment nobody knows", path: "$.heat.garment", breakIt: (s) => set(s.heat, "garment", "raincoat") },
  { name: "a point garment nobody knows", path: "$.points[1].garment", breakIt: (s) => set(s.points[1], "garment", "apron") },
  { name: "a site location off the globe", path: "$.site.location.lng", breakIt: (s) => set(s.site, "location", { lat: 34.8, lng: 213.3 }) },
  { name: "a point location south of the pole", path: "$.points[1].location.lat", breakIt: (s) => (s.points[1].location!.lat = -91) },
  { name: "humidity below 0%", path: "$.weather[2].humidity", breakIt: (s) => (s.weather[2].humidity = -4) },
  { name: "negative wind", path: "$.weather[3].windMs", breakIt: (s) => set(s.weather[3], "windMs", -1) },
  { name: "negative irradiance", path: "$.weather[5].solarWm2", breakIt: (s) => set(s.weather[5], "solarWm2", -20) },
  { name: "more cloud than sky", path: "$.weather[6].cloud", breakIt: (s) => set(s.weather[6], "cloud", 1.4) },
  { name: "a heat standard nobody knows", path: "$.rules.heatStandard", breakIt: (s) => set(s, "rules", { heatStandard: "osha" }) },
  { name: "no points", path: "$.points", breakIt: (s) => (s.points = []) },
  { name: "a point with half a desk", path: "$.points[0].desks", breakIt: (s) => (s.points[0].desks = 1.5) },
  { name: "a point under a roof that is not a shelter kind", path: "$.points[1].shelter", breakIt: (s) => set(s.points[1], "shelter", "tent") },
  { name: "a latitude off the globe", path: "$.points[0].location.lat", breakIt: (s) => (s.points[0].location!.lat = 123) },
  { name: "two points with one id", path: "$.points[1].id", breakIt: (s) => (s.points[1].id = s.points[0].id) },
  { name: "two buildings with one id", path: "$.buildings[3].id", breakIt: (s) => (s.buildings[3].id = "b01") },
  { name: "a building at a point that does not exist", path: "$.buildings[2].point", breakIt: (s) => (s.buildings[2].point = "east-gate") },
  { name: "a building with negative residents", path: "$.buildings[0].residents", breakIt: (s) => (s.buildings[0].residents = -1) },
  { name: "humidity over 100%", path: "$.weather[4].humidity", breakIt: (s) => (s.weather[4].humidity = 140) },
  { name: "weather missing for open hours", path: "$.windows[0]", breakIt: (s) => (s.weather = s.weather.slice(0, 5)) },
  { name: "weather out of order", path: "$.weather[1].at", breakIt: (s) => (s.weather[1].at = s.weather[0].at) },
  { name: "two staff with one id", path: "$.staff[1].id", breakIt: (s) => (s.staff[1].id = s.staff[0].id) },
  { name: "a staff role that does not exist", path: "$.staff[0].roles[0]", breakIt: (s) => set(s.staff[0].roles, "0", "doctor") },
  { name: "a staff member with no roles", path: "$.staff[2].roles", breakIt: (s) => (s.staff[2].roles = []) },
  { name: "availability ending before it starts", path: "$.staff[0].available[0].end", breakIt: (s) => (s.staff[0].available[0].end = "2021-08-03T06:00:00+08:00") },
  {
    name: "availability on another day entirely",
    path: "$.staff[0].available[0]",
    breakIt: (s) => (s.staff[0].available[0] = { start: "2021-09-03T07:00:00+08:00", end: "2021-09-03T09:00:00+08:00" }),
  },
  { name: "an unknown rule", path: "$.rules.slotMinute", breakIt: (s) => set(s, "rules", { slotMinute: 5 }) },
  { name: "a slot of zero minutes", path: "$.rules.slotMinutes", breakIt: (s) => set(s, "rules", { slotMinutes: 0 }) },
  { name: "a workload that is not easy, moderate or hard", path: "$.rules.workload.sampler", breakIt: (s) => set(s, "rules", { workload: { sampler: "heavy" } }) },
];

describe("scenario validation", () => {
  it("accepts the example site", () => {
    const result = validateScenario(copy());
    expect(result.ok, JSON.stringify(result)).to.equal(true);
  });

  it("refuses input that is not an object at all", () => {
    for (const input of [null, 42, "scenario", [], undefined]) {
      const result = validateScenario(input);
      expect(result.ok).to.equal(false);
    }
  });

  it(`refuses each of ${VARIANTS.length} broken variants, naming the bad field by its JSON path`, () => {
    expect(VARIANTS.length).to.be.at.least(25);
    for (const v of VARIANTS) {
      const s = copy();
      v.breakIt(s);
      const result = validateScenario(s);
      expect(result.ok, v.name).to.equal(false);
      if (result.ok) continue;
      const paths = result.problems.map((p) => p.path);
      expect(paths, `${v.name}: ${JSON.stringify(result.problems)}`).to.include(v.path);
      for (const p of result.problems) expect(p.message, v.name).to.be.a("string").and.not.equal("");
    }
  });

  it("reports every problem at once, not only the first", () => {
    const s = copy();
    s.service.swabSeconds = -1;
    s.points[0].desks = -2;
    s.buildings[5].point = "nowhere";
    s.staff[4].id = s.staff[0].id;
    const result = validateScenario(s);
    expect(result.ok).to.equal(false);
    if (result.ok) return;
    expect(result.problems.map((p) => p.path)).to.include.members([
      "$.service.swabSeconds",
      "$.points[0].desks",
      "$.buildings[5].point",
      "$.staff[4].id",
    ]);
  });

  it("explains a missing field in words a site lead understands", () => {
    const s = copy();
    del(s.pooling, "maxTubeAgeMinutes");
    const result = validateScenario(s);
    expect(result.ok).to.equal(false);
    if (result.ok) return;
    expect(result.problems).to.deep.include({ path: "$.pooling.maxTubeAgeMinutes", message: "is required" });
  });

  it("accepts a measured WBGT, a booth and rule overrides", () => {
    const s = copy();
    s.weather[3].wbgt = 29.5;
    s.points[0].shelter = "booth";
    s.rules = { slotMinutes: 10, maxContinuousPpeMinutes: 90, workload: { registrar: "moderate" } };
    expect(validateScenario(s).ok).to.equal(true);
  });
});
