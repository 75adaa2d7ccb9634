// Courier pickups per point (docs/domain.md "Transport"): no tube may reach the lab older than
// maxTubeAgeMinutes, travel included, so a swab taken at minute m is picked up by m + maxAge −
// labTravel. Each pickup is put off as long as the oldest swab not yet picked up allows: the fewest
// pickups that keep every tube within the limit.

/** Swabs below this (expected values are fractional) are rounding, not people. */
const CRUMB = 0.01;

/**
 * Minutes a swab may wait at the point for the courier.
 * @example pickupLimit({ maxTubeAgeMinutes: 240, labTravelMinutes: 35 }) // 205
 */
export function pickupLimit(pooling: { maxTubeAgeMinutes: number; labTravelMinutes: number }): number {
  // A trip longer than the age limit cannot be met by any pickup; collect every minute then.
  return Math.max(1, pooling.maxTubeAgeMinutes - pooling.labTravelMinutes);
}

/**
 * Pickup minutes for swabs taken per minute (`served[m]`, minute indices): each pickup takes every
 * swab taken before it, and comes at the oldest one's deadline (or right after the last swab before
 * it, when sampling pauses first), or right after the day's last swab.
 * @example schedulePickups(Float64Array.from({ length: 300 }, () => 3), 205) // [205, 300]
 */
export function schedulePickups(served: Float64Array, limit: number): number[] {
  let last = -1;
  for (let m = served.length - 1; m >= 0; m--) if (served[m] > CRUMB) { last = m; break; }
  const pickups: number[] = [];
  let m = 0;
  while (last >= 0) {
    while (m <= last && !(served[m] > CRUMB)) m++;
    if (m > last) break;
    const deadline = m + limit;
    if (deadline > last) { pickups.push(last + 1); break; }
    // Same swabs, fresher tubes: come right after the last swab before the deadline, if sampling
    // has paused by then.
    let at = deadline;
    while (at > m + 1 && !(served[at - 1] > CRUMB)) at--;
    pickups.push(at);
    m = at;
  }
  return pickups;
}
