import { expect } from "chai";
import { pickupLimit, schedulePickups } from "../shared/transport/pickups.ts";
import { boxLoads } from "../shared/transport/boxes.ts";
import { seededUniform } from "../shared/random.ts";

/** Every swab taken at minute m is picked up by m + limit. */
function allInTime(served: Float64Array, pickups: number[], limit: number): boolean {
  for (let m = 0; m < served.length; m++) {
    if (!(served[m] > 0.01)) continue;
    const next = pickups.find((p) => p > m);
    if (next === undefined || next - m > limit) return false;
  }
  return true;
}

describe("courier pickups", () => {
  it("leaves a swab at the point no longer than the age limit less the trip: 240 − 35 = 205 minutes", () => {
    expect(pickupLimit({ maxTubeAgeMinutes: 240, labTravelMinutes: 35 })).to.equal(205);
  });

  it("comes at the oldest swab's deadline, then right after the day's last swab", () => {
    const served = new Float64Array(300).fill(3);
    expect(schedulePickups(served, 205)).to.deep.equal([205, 300]);
  });

  it("comes once when the day is shorter than the limit", () => {
    expect(schedulePickups(new Float64Array(120).fill(3), 205)).to.deep.equal([120]);
  });

  it("comes as soon as sampling pauses, if that is before the deadline: same swabs, fresher tubes", () => {
    const served = new Float64Array(600);
    served.fill(3, 0, 120); // morning
    served.fill(3, 480, 600); // evening
    expect(schedulePickups(served, 205)).to.deep.equal([120, 600]);
  });

  it("never comes when nothing was sampled", () => {
    expect(schedulePickups(new Float64Array(100), 205)).to.deep.equal([]);
  });

  it("keeps every tube within the limit with no more pickups than the day needs, on random days", () => {
    const u = seededUniform(3);
    for (let run = 0; run < 50; run++) {
      const served = new Float64Array(900).map(() => (u() < 0.6 ? 3 * u() : 0));
      const limit = 30 + Math.floor(u() * 200);
      const pickups = schedulePickups(served, limit);
      expect(allInTime(served, pickups, limit), `run ${run}`).to.equal(true);
      // fewest: the swabs span at least (pickups − 1) disjoint windows of `limit` minutes
      let first = 0;
      while (!(served[first] > 0.01)) first++;
      expect(pickups.length - 1).to.be.at.most(Math.ceil((900 - first) / limit));
    }
  });
});

describe("boxes", () => {
  it("fills boxes in turn, the last one short", () => {
    expect(boxLoads(230, 100)).to.deep.equal([100, 100, 30]);
    expect(boxLoads(100, 100)).to.deep.equal([100]);
    expect(boxLoads(0, 100)).to.deep.equal([]);
  });
});
