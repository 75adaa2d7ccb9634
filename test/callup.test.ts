import { expect } from "chai";
import { samplingDay, type SamplingDay } from "../shared/queue/day.ts";
import { cumulative, runFluidQueue } from "../shared/queue/fluid.ts";
import { placeCallups, type CallupUnit, type PointLoad } from "../shared/callup/place.ts";
import { schedulePoint, type PointRequest } from "../shared/callup/schedule-point.ts";
import { whatWouldMeet, describeShortfall } from "../shared/callup/shortfall.ts";
import { routeBuildings } from "../shared/callup/reroute.ts";
import { deskDemand } from "../shared/callup/desk-demand.ts";
import { spreadCallups } from "../shared/callup/spread.ts";
import { arrivalsOf } from "../shared/plan/point-day.ts";
import type { Point, Scenario, WeatherHour } from "../shared/scenario/schema.ts";

const H = 60;
/** A day of `hours` from minute 0, desks serving `perMinute` people each minute. */
function load(hours: number, perMinute: number, attendance = 1): PointLoad {
  const day = samplingDay([{ start: 0, end: hours * H }], 5);
  const capacity = new Float64Array(day.length).fill(perMinute);
  return { day, capacity, cum: cumulative(capacity), attendance };
}
const all = (day: SamplingDay) => new Uint8Array(day.slots.length).fill(1);
const iso = (m: number) => new Date(m * 60000).toISOString().replace(".000Z", "+00:00");
const weather = (temps: number[]): WeatherHour[] => temps.map((t, h) => ({ at: iso(h * H), tempC: t, humidity: 50 }));
const maxWait = (l: PointLoad, placed: { start: number; end: number; residents: number; building: string }[]) =>
  runFluidQueue(l.day, arrivalsOf(l.day, placed, l.attendance), l.capacity).maxWait;

describe("call-ups at one point", () => {
  it("calls a building that the desks clear within the target in a single 5-minute slot", () => {
    // 75 people at 3 a minute: the last waits 25 minutes
    const l = load(2, 3);
    const { placed, unplaced } = placeCallups(l, [{ building: "b1", residents: 75 }], all(l.day), 25, 20);
    expect(unplaced).to.deep.equal([]);
    expect(placed).to.deep.equal([{ building: "b1", residents: 75, start: 0, end: 5 }]);
    expect(maxWait(l, placed)).to.be.at.most(25);
  });

  it("spreads a bigger building over more slots so that nobody waits past the target", () => {
    const l = load(2, 3);
    const { placed } = placeCallups(l, [{ building: "b1", residents: 200 }], all(l.day), 25, 20);
    expect(placed).to.have.length(1);
    expect(placed[0].end - placed[0].start).to.be.above(5);
    expect(maxWait(l, placed)).to.be.at.most(25);
  });

  it("calls the next building when the line ahead has drained enough", () => {
    const l = load(3, 3);
    const units: CallupUnit[] = [{ building: "b1", residents: 75 }, { building: "b2", residents: 75 }, { building: "b3", residents: 75 }];
    const { placed } = placeCallups(l, units, all(l.day), 25, 20);
    expect(placed.map((c) => c.building)).to.deep.equal(["b1", "b2", "b3"]);
    // each fills the line for 25 minutes: the next finishes coming down 25 minutes later
    expect(placed.map((c) => c.end)).to.deep.equal([5, 30, 55]);
    expect(maxWait(l, placed)).to.be.at.most(25);
  });

  it("calls small buildings together when the wait allows, so no desk stands idle", () => {
    const l = load(1, 3);
    const units: CallupUnit[] = [{ building: "b1", residents: 20 }, { building: "b2", residents: 20 }];
    const { placed } = placeCallups(l, units, all(l.day), 25, 20);
    expect(placed.map((c) => [c.building, c.start, c.end])).to.deep.equal([["b1", 0, 5], ["b2", 0, 5]]);
  });

  it("counts only those expected to come: 93% attendance", () => {
    const l = load(1, 3, 0.93);
    // 80 residents → 74.4 people: still one slot within 25 minutes
    expect(placeCallups(l, [{ building: "b1", residents: 80 }], all(l.day), 25, 20).placed[0].end).to.equal(5);
  });

  it("splits a building only when no whole building fits what is left of the calling hours", () => {
    // one hour at one desk clears 180; 300 residents cannot be called whole within 25 minutes
    const l = load(1, 3);
    const whole = placeCallups(l, [{ building: "b1", residents: 300 }], all(l.day), 25, Infinity);
    expect(whole.placed).to.deep.equal([]);
    const parts = placeCallups(l, [{ building: "b1", residents: 300 }], all(l.day), 25, 20);
    expect(parts.placed[0].part).to.equal(1);
    expect(parts.placed[0].residents + parts.unplaced[0].residents).to.equal(300);
  });

  it("prefers the cooler hours when the target can be met there", () => {
    const l = load(6, 3);
    const req: PointRequest = { load: l, units: [{ building: "b1", residents: 150 }, { building: "b2", residents: 150 }], weather: weather([33, 35, 36, 30, 28, 34]), targetWait: 25, minPartResidents: 20 };
    const plan = schedulePoint(req);
    expect(plan.outcome).to.equal("within-target");
    // hour 4 (28 °C) is the coolest: 300 people need about 100 minutes, so hours 4 and 3 (30 °C)
    for (const c of plan.placed) expect(c.start).to.be.at.least(3 * H).and.below(5 * H);
  });

  it("uses the slack of the chosen hours to shorten the wait", () => {
    const l = load(2, 3);
    const plan = schedulePoint({ load: l, units: [{ building: "b1", residents: 30 }], weather: weather([30, 30]), targetWait: 25, minPartResidents: 20 });
    expect(plan.waitBound).to.be.below(25);
    expect(maxWait(l, plan.placed)).to.be.at.most(plan.waitBound);
  });

  it("when the target cannot be met, plans the shortest longest wait and says by how much", () => {
    // one hour at one desk serves 180: five buildings of 34 can all be served, but called in
    // 5-minute slots one after another some must queue longer than a 2-minute target
    const l = load(1, 3);
    const units = ["b1", "b2", "b3", "b4", "b5"].map((building) => ({ building, residents: 34 }));
    const req: PointRequest = { load: l, units, weather: weather([30]), targetWait: 2, minPartResidents: 20 };
    const plan = schedulePoint(req);
    expect(plan.outcome).to.equal("over-target");
    expect(plan.waitBound).to.be.above(2);
    expect(maxWait(l, plan.placed)).to.be.at.most(plan.waitBound);
    expect(plan.placed.reduce((n, c) => n + c.residents, 0)).to.equal(170);
    // and that bound is the shortest: one minute less does not fit everyone
    expect(placeCallups(l, units, all(l.day), plan.waitBound - 1, 20).unplaced).to.not.deep.equal([]);
  });

  it("still calls everyone when no wait would do, spread with the capacity", () => {
    const l = load(1, 3);
    const plan = schedulePoint({ load: l, units: [{ building: "b1", residents: 400 }, { building: "b2", residents: 100 }], weather: weather([30]), targetWait: 25, minPartResidents: 20 });
    expect(plan.outcome).to.equal("over-capacity");
    expect(plan.placed.reduce((n, c) => n + c.residents, 0)).to.equal(500);
    expect(plan.placed[0]).to.include({ building: "b1", start: 0 });
    expect(plan.placed[1]).to.include({ building: "b2", end: 60 });
  });

  it("computes what would meet the target by planning again with more desks or more hours", () => {
    const l = load(1, 3);
    const scenario = { desk: { sampler: 1, registrar: 1 } } as unknown as Scenario;
    const req: PointRequest = { load: l, units: [{ building: "b1", residents: 400 }], weather: weather([30]), targetWait: 25, minPartResidents: 20 };
    const meet = whatWouldMeet(scenario, req, 3, 2, 1);
    // 400 people in one hour need 400/60 ≈ 6.7 a minute: 3 desks at 3 a minute, i.e. 2 more
    expect(meet.moreDesks).to.equal(2);
    expect(meet.newDesks).to.equal(1); // one of the point's two desks stands unstaffed today
    expect(meet.moreStaff).to.deep.equal({ sampler: 2, registrar: 2 });
    expect(meet.moreHours).to.equal(2); // 400 at 3 a minute takes 133 minutes plus the last wait
    const sentence = describeShortfall({ point: "p1", reason: "capacity-short", targetWaitMinutes: 25, maxWaitMinutes: 60, overByMinutes: 35, leftAtClosing: 220, toMeet: meet });
    expect(sentence).to.equal("p1: 220 people still in line at closing; 2 more staffed desks (2 samplers, 2 registrars, 1 of them existing desks now unstaffed) or 2 more hours at the last window's end would meet it");
  });
});

describe("rerouting", () => {
  const point = (id: string, lat: number): Point => ({ id, name: id, desks: 1, shelter: "open", location: { lat, lng: 113 } });
  const b = (id: string, p: string, residents = 100) => ({ id, name: id, residents, point: p });

  it("sends a building whose point cannot open to the nearest point with room, naming its own", () => {
    const rooms = [
      { point: point("a", 34.0), capacity: 0, load: 0 },
      { point: point("far", 35.0), capacity: 5000, load: 0 },
      { point: point("near", 34.01), capacity: 5000, load: 0 },
    ];
    const routes = routeBuildings([b("b1", "a"), b("b2", "near")], rooms, 1);
    expect(routes.map((r) => [r.building.id, r.point, r.reroutedFrom])).to.deep.equal([["b1", "near", "a"], ["b2", "near", undefined]]);
  });

  it("keeps a building at its own point when no point can open", () => {
    const rooms = [{ point: point("a", 34), capacity: 0, load: 0 }];
    const [route] = routeBuildings([b("b1", "a")], rooms, 1);
    expect(route.point).to.equal("a");
    expect(route.reroutedFrom).to.equal(undefined);
  });
});

describe("desk demand", () => {
  const day = samplingDay([{ start: 0, end: 60 }], 5);
  const staffed = () => new Uint8Array(60).fill(1);

  it("opens one desk when one keeps 30 people within the target, not two", () => {
    const arrivals = new Float64Array(60);
    arrivals[0] = 30;
    const open = deskDemand(day, arrivals, [{ desk: 1, staffed: staffed() }, { desk: 2, staffed: staffed() }], 3, 25);
    expect(open).to.deep.equal([{ desk: 1, open: [{ start: 0, end: 10 }] }]);
  });

  it("opens both when one alone would keep someone past the target", () => {
    const arrivals = new Float64Array(60);
    arrivals[0] = 120; // one desk: 40 minutes; two: 20
    const open = deskDemand(day, arrivals, [{ desk: 1, staffed: staffed() }, { desk: 2, staffed: staffed() }], 3, 25);
    expect(open.map((d) => d.desk)).to.deep.equal([1, 2]);
    const cap = new Float64Array(60);
    for (const d of open) for (const s of d.open) for (let m = s.start; m < s.end; m++) cap[m] += 3;
    expect(runFluidQueue(day, arrivals, cap).maxWait).to.be.at.most(25);
  });

  it("opens no desk where nobody is called", () => {
    expect(deskDemand(day, new Float64Array(60), [{ desk: 1, staffed: staffed() }], 3, 25)).to.deep.equal([]);
  });
});

describe("call-ups around a heat stop", () => {
  // one desk of 3 a minute 0–120 and 300–360, none 120–300 (the heat stops it): 540 people a day
  const day = samplingDay([{ start: 0, end: 360 }], 5);
  const capacity = new Float64Array(360).map((_, m) => (m < 120 || m >= 300 ? 3 : 0));

  it("calls nobody into the hours no desk can open", () => {
    const placed = spreadCallups(day, capacity, [{ building: "a", residents: 300 }, { building: "b", residents: 200 }]);
    expect(placed.reduce((n, c) => n + c.residents, 0)).to.equal(500);
    for (const c of placed) expect(c.end <= 120 || c.start >= 300, `${c.building} ${c.start}–${c.end}`).to.equal(true);
  });

  it("calls the morning only as many as it serves when the day cannot serve everyone, the rest last", () => {
    const placed = spreadCallups(day, capacity, [{ building: "a", residents: 400 }, { building: "b", residents: 400 }]);
    const morning = placed.filter((c) => c.end <= 120).reduce((n, c) => n + c.residents, 0);
    expect(morning).to.be.at.most(360);
    expect(placed.reduce((n, c) => n + c.residents, 0)).to.equal(800);
  });
});
