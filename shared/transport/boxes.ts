// Box loads (docs/domain.md "Transport": no national size; default 100 tubes a box): a pickup may carry
// several boxes, filled in turn, the last one short.

/**
 * Tubes in each box of one pickup.
 * @example boxLoads(230, 100) // [100, 100, 30]
 */
export function boxLoads(tubes: number, boxCapacity: number): number[] {
  const loads: number[] = [];
  for (let left = tubes; left > 0; left -= boxCapacity) loads.push(Math.min(left, boxCapacity));
  return loads;
}
