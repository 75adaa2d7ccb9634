// One point's day once its call-ups and staffed desks are fixed: the line, the forecast, the tubes
// and the courier's pickups, all from the same minute-by-minute served counts.
import type { Scenario } from "../scenario/schema.ts";
import type { SamplingDay } from "../queue/day.ts";
import { cumulative, runFluidQueue, type QueueTrace } from "../queue/fluid.ts";
import { forecastSlots, type SlotForecast } from "../queue/forecast.ts";
import type { DeskAvailability } from "../callup/desk-demand.ts";
import type { PlacedCallup } from "../callup/place.ts";
import { countTubes, deskShares, tubesByPoolSize } from "../pooling/tubes.ts";
import { pickupLimit, schedulePickups } from "../transport/pickups.ts";
import { boxLoads } from "../transport/boxes.ts";

export interface PointPickup {
  at: number;
  tubes: number;
  swabs: number;
  boxLoads: number[];
}

export interface PointDay {
  arrivals: Float64Array;
  capacity: Float64Array;
  trace: QueueTrace;
  forecast: SlotForecast[];
  expectedSwabs: number;
  expectedTubes: number;
  tubesByPoolSize: Record<number, number>;
  pickups: PointPickup[];
  /** Swabs per minute at each staffed desk: the tubes, counted again when couriers move the pickups. */
  shares: Float64Array[];
}

/**
 * Expected arrivals per minute: each call-up's residents × attendance, spread evenly over its slot.
 * @example arrivalsOf(day, [{ building: "b1", residents: 100, start: 0, end: 10 }], 0.9)[0] // 9
 */
export function arrivalsOf(day: SamplingDay, callups: PlacedCallup[], attendance: number): Float64Array {
  const arrivals = new Float64Array(day.length);
  for (const c of callups) {
    const a = (c.residents * attendance) / (c.end - c.start);
    for (let m = c.start; m < c.end; m++) arrivals[m] += a;
  }
  return arrivals;
}

/**
 * The point's line, forecast, tubes and pickups for the day.
 * @example pointDay(yiyuan, day, callups.filter((c) => c.point === "north-gate"), desks, 3).pickups[0] // { at: 127, tubes: 76, swabs: 758.9, boxLoads: [76] }
 */
export function pointDay(scenario: Scenario, day: SamplingDay, callups: PlacedCallup[], desks: DeskAvailability[], perDesk: number): PointDay {
  const arrivals = arrivalsOf(day, callups, scenario.service.attendance);
  const capacity = new Float64Array(day.length);
  for (const d of desks) for (let m = 0; m < day.length; m++) if (d.staffed[m]) capacity[m] += perDesk;
  const trace = runFluidQueue(day, arrivals, capacity, cumulative(capacity));
  const cuts = schedulePickups(trace.served, pickupLimit(scenario.pooling));
  const shares = deskShares(trace.served, desks.map((d) => d.staffed));
  const tally = countTubes(shares, scenario.pooling.poolSize, cuts);
  const expectedSwabs = callups.reduce((n, c) => n + c.residents, 0) * scenario.service.attendance;
  return {
    shares,
    arrivals,
    capacity,
    trace,
    forecast: forecastSlots(day, arrivals, capacity, trace),
    expectedSwabs,
    // People turned away at closing still count: the tubes are brought for everyone expected.
    expectedTubes: Math.max(tally.tubes, Math.ceil(expectedSwabs / scenario.pooling.poolSize - 1e-9)),
    tubesByPoolSize: Object.fromEntries(Object.entries(tubesByPoolSize(shares, cuts)).map(([k, n]) => [k, Math.max(n, Math.ceil(expectedSwabs / Number(k) - 1e-9))])),
    pickups: cuts.map((at, j) => ({
      at,
      tubes: tally.perInterval[j],
      swabs: Math.round(tally.swabsPerInterval[j] * 10) / 10,
      boxLoads: boxLoads(tally.perInterval[j], scenario.pooling.boxCapacity),
    })),
  };
}
