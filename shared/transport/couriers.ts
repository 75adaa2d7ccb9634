// Couriers for the pickups (docs/domain.md "Transport"; docs/api.md "Plan (output)"): each pickup
// is one courier's round trip from the point to the lab and back (2 × labTravelMinutes), a
// courier's trips never overlap, and each lies inside the courier's free time. Tubes are picked up
// as late as their age allows (the fewest trips); when no courier is free then, the pickup moves
// later while no tube is due yet, else earlier, to the latest trip a courier can make, and the
// tubes taken after it wait for the next one (pickups merged). Tubes no courier can take in time
// still get their pickup, with no courier, and a gap says so.
import type { Minute, Span } from "../time.ts";

/** Tubes waiting at a point: ready for the courier from `ready`, due to leave by `deadline`. */
export interface TubeLot {
  point: string;
  ready: Minute;
  deadline: Minute;
}

export interface Courier {
  id: string;
  /** When the courier may be away on a trip, sorted and disjoint. */
  free: Span[];
  /** Trip minutes the courier may still be on duty, per day (`dayOf`), when limited. */
  budget?: Map<string, number>;
}

export interface CourierTrip {
  point: string;
  at: Minute;
  /** Absent when no courier can make the trip in time (a gap says so). */
  courier?: string;
  /** Indices into the lots, of the lots this trip takes. */
  lots: number[];
}

export interface CourierPlan {
  trips: CourierTrip[];
  /** Trips no courier could make: from `at`, the length of a round trip. */
  short: { point: string; start: Minute; end: Minute }[];
}

/**
 * Every point's pickups, each with a courier where one can make it. Points are served in the order
 * their pickups fall due (or, if that leaves trips no courier makes, their oldest tubes' deadlines,
 * when that leaves fewer; ties: `points` order); couriers are picked for the latest trip they can
 * make (ties: fewest trips, then their order). Deterministic.
 * @example planCourierTrips(["a"], [{ point: "a", ready: 10, deadline: 200 }, { point: "a", ready: 300, deadline: 500 }], [{ id: "c", free: [{ start: 0, end: 600 }] }], 70).trips.map((t) => [t.at, t.courier]) // [[10, "c"], [300, "c"]]
 */
export function planCourierTrips(points: string[], lots: TubeLot[], couriers: Courier[], trip: number, dayOf: (m: Minute) => string = () => ""): CourierPlan {
  // two orders of the points, each right where the other errs: the one with fewer trips no courier
  // makes wins (then fewer trips; then the first)
  const byWant = tripsInOrder(points, lots, couriers, trip, dayOf, false);
  if (byWant.short.length === 0) return byWant;
  const byDeadline = tripsInOrder(points, lots, couriers, trip, dayOf, true);
  const worse = (a: CourierPlan, b: CourierPlan) => a.short.length - b.short.length || a.trips.length - b.trips.length;
  return worse(byDeadline, byWant) < 0 ? byDeadline : byWant;
}

/** The greedy of planCourierTrips, the points taken by their pickup time or by their oldest tubes' deadline. */
function tripsInOrder(points: string[], lots: TubeLot[], couriers: Courier[], trip: number, dayOf: (m: Minute) => string, edf: boolean): CourierPlan {
  const order = new Map(points.map((p, k) => [p, k]));
  const byPoint = new Map<string, number[]>(points.map((p) => [p, []]));
  lots.forEach((l, k) => byPoint.get(l.point)?.push(k));
  for (const list of byPoint.values()) list.sort((a, b) => lots[a].ready - lots[b].ready || a - b);
  const taken = new Uint8Array(lots.length);
  const booked = new Map<string, Span[]>(couriers.map((c) => [c.id, []]));
  const left = new Map(couriers.map((c) => [c.id, c.budget ? new Map(c.budget) : null]));
  const out: CourierPlan = { trips: [], short: [] };
  /** When a point's waiting tubes should leave: the latest ready lot by the earliest deadline. */
  const due = (p: string): { at: Minute; first: Minute; deadline: Minute } | null => {
    const open = byPoint.get(p)!.filter((k) => !taken[k]);
    if (!open.length) return null;
    const deadline = Math.min(...open.map((k) => lots[k].deadline));
    let at = lots[open[0]].ready;
    for (const k of open) if (lots[k].ready <= deadline) at = Math.max(at, lots[k].ready);
    return { at, first: lots[open[0]].ready, deadline: Math.max(deadline, at) };
  };
  const dues = new Map(points.map((p) => [p, due(p)]));
  /**
   * The best start a courier can make a round trip at: the earliest in [want, deadline] (each
   * takes the same tubes), else the latest in [first, want) (moved earlier: it takes fewer);
   * null when none.
   */
  const bestStart = (c: Courier, first: Minute, want: Minute, deadline: Minute): { t: Minute; late: boolean } | null => {
    let early = -Infinity, late = Infinity;
    const budget = left.get(c.id);
    const fits = (t: Minute) => !budget || (budget.get(dayOf(t)) ?? 0) >= trip;
    const busy = booked.get(c.id)!;
    for (const f of c.free) {
      // the free span less the booked trips
      let pieces: Span[] = [{ ...f }];
      for (const b of busy) pieces = pieces.flatMap((p) => (b.end <= p.start || b.start >= p.end ? [p] : [{ start: p.start, end: b.start }, { start: b.end, end: p.end }].filter((x) => x.end > x.start)));
      for (const p of pieces) {
        const lo = p.start, hi = p.end - trip;
        if (hi < lo) continue;
        const a = Math.max(lo, want);
        if (a <= Math.min(hi, deadline) && a < late && fits(a)) late = a;
        const b = Math.min(hi, want - 1);
        if (b >= Math.max(lo, first) && b > early && fits(b)) early = b;
      }
    }
    if (late < Infinity) return { t: late, late: true };
    if (early > -Infinity) return { t: early, late: false };
    return null;
  };
  for (;;) {
    let point: string | null = null;
    for (const p of points) {
      const d = dues.get(p);
      const e = point === null ? null : dues.get(point)!;
      if (!d) continue;
      const key = (x: { at: Minute; deadline: Minute }) => (edf ? [x.deadline, x.at] : [x.at, x.deadline]);
      const [a1, a2] = key(d), [b1, b2] = e ? key(e) : [0, 0];
      if (!e || a1 < b1 || (a1 === b1 && (a2 < b2 || (a2 === b2 && order.get(p)! < order.get(point!)!)))) point = p;
    }
    if (point === null) break;
    const { at: want, first, deadline } = dues.get(point)!;
    let who: Courier | null = null, at = -Infinity, best: { t: Minute; late: boolean } | null = null;
    for (const c of couriers) {
      const got = bestStart(c, first, want, deadline);
      if (!got) continue;
      const better = !best || (got.late && !best.late) || (got.late === best.late && (got.late ? got.t < best.t : got.t > best.t))
        || (got.t === best.t && got.late === best.late && booked.get(c.id)!.length < booked.get(who!.id)!.length);
      if (better) { who = c; at = got.t; best = got; }
    }
    if (!who || at === -Infinity) { who = null; at = want; out.short.push({ point, start: want, end: want + trip }); }
    const mine = byPoint.get(point)!.filter((k) => !taken[k] && lots[k].ready <= at);
    for (const k of mine) taken[k] = 1;
    if (who) {
      booked.get(who.id)!.push({ start: at, end: at + trip });
      const budget = left.get(who.id);
      if (budget) budget.set(dayOf(at), (budget.get(dayOf(at)) ?? 0) - trip);
    }
    out.trips.push({ point, at, ...(who ? { courier: who.id } : {}), lots: mine });
    dues.set(point, due(point));
  }
  out.trips.sort((a, b) => a.at - b.at || order.get(a.point)! - order.get(b.point)!);
  return out;
}
